import type { LoadedVersion } from '../../rules/model/catalogue.js';

/** A file as stat saw it right after this process wrote it: anything else that writes it changes one of these. */
export interface FileStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** The cache's index and kept values as this process last saved them, with the stamps of their files. */
export interface SavedCache {
  dir: string;
  out: string;
  index: unknown;
  indexStamp: FileStamp;
  kept: unknown;
  /** Undefined when the kept values were not written (nothing to keep). */
  keptStamp: FileStamp | undefined;
}

/**
 * Fragments held in memory at most (UTF-16 code units, about two bytes each): the three listing
 * formats of 10,000 procedures are 51 MB, so a national catalogue holds its listings here and
 * larger ones fall back to reading the cache's files.
 */
const FRAGMENT_BUDGET = 160_000_000;

/**
 * What `tthc build --watch` keeps in memory from one rebuild to the next, so that a rebuild after
 * one saved file costs about what that file changes and not what the catalogue holds:
 *
 * - content hashes of versions' registry entries and of whole procedures (a rebuild plans every
 *   unit, and without these it hashes every procedure's versions again: 0.3–0.7 s at 10,000);
 * - the build cache's index and kept values as the last rebuild saved them (parsing them again is
 *   14 MB of JSON at 10,000), trusted only while their files are the ones it wrote;
 * - the rendered fragments and kept values the cache stores (the listing's chunks and rows), so the
 *   listing is put together again without reading and checking 40 MB of fragment files.
 *
 * Every value is what the cache's files hold or what the catalogue's bytes determine, so a build
 * with a memory writes byte-identical output to one without (tests/generators/watch.test.ts).
 */
export class BuildMemory {
  private hashScope: string | undefined;
  private registry = new WeakMap<LoadedVersion, string>();
  /** By procedure code: what its hash was computed over (the exact text hashed), and the hash. */
  private entries = new Map<string, [string, string]>();
  private readonly fragments = new Map<string, string>();
  private fragmentChars = 0;
  /** Set by the build cache after it saved; read by the next build's cache. */
  saved: SavedCache | undefined;

  /**
   * The registry hashes of versions, valid for one state of the shared files (registries,
   * calendars, lists): when those change, every memo of a hash is dropped.
   */
  hashesFor(sharedFilesHash: string): { registry: WeakMap<LoadedVersion, string>; entry(code: string, text: string, hash: (text: string) => string): string } {
    if (this.hashScope !== sharedFilesHash) {
      this.hashScope = sharedFilesHash;
      this.registry = new WeakMap();
      this.entries = new Map();
    }
    const entries = this.entries;
    return {
      registry: this.registry,
      entry(code, text, hash) {
        const known = entries.get(code);
        if (known && known[0] === text) return known[1];
        const value = hash(text);
        entries.set(code, [text, value]);
        return value;
      },
    };
  }

  /** A fragment by its file name, if this process wrote or read it. */
  fragment(name: string): string | undefined {
    return this.fragments.get(name);
  }

  rememberFragment(name: string, text: string): void {
    const old = this.fragments.get(name);
    if (old !== undefined) this.fragmentChars -= old.length;
    if (this.fragmentChars + text.length > FRAGMENT_BUDGET) {
      if (old !== undefined) this.fragments.delete(name);
      return;
    }
    this.fragments.set(name, text);
    this.fragmentChars += text.length;
  }

  /** Characters of fragments the memory can still take. */
  get fragmentRoom(): number {
    return FRAGMENT_BUDGET - this.fragmentChars;
  }

  /** Drops the fragments the last build did not use (it pruned their files too). */
  keepOnlyFragments(used: ReadonlySet<string>): void {
    for (const [name, text] of this.fragments) {
      if (!used.has(name)) {
        this.fragments.delete(name);
        this.fragmentChars -= text.length;
      }
    }
  }

  forgetFragment(name: string): void {
    const old = this.fragments.get(name);
    if (old === undefined) return;
    this.fragments.delete(name);
    this.fragmentChars -= old.length;
  }
}
