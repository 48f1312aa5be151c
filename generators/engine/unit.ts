import type { BuildContext, FragmentStore, ProcedureEntry } from './context.js';

/** Content of one output file. An async iterable is written chunk by chunk, so a large listing is never held whole in memory. */
export type FileContent = string | Uint8Array | AsyncIterable<string | Uint8Array>;

/** One file a unit writes, at a path relative to the output folder (forward slashes, no "..", checked by the writer). */
export interface OutputFile {
  path: string;
  content: FileContent;
}

/**
 * The smallest piece of output the build caches: a few files that depend on the same inputs. When
 * `inputs` is unchanged since the last build, the files are taken over from the previous output
 * instead of being rendered again.
 */
export interface Unit {
  /** Unique within its generator and stable between builds: "procedure/1.001193". */
  key: string;
  /** A content hash of everything the files depend on (spec text, registry entries, options). */
  inputs: string;
  /** Renders the files. Pure: the same inputs give byte-identical files. */
  render(): OutputFile[] | Promise<OutputFile[]>;
  /**
   * The code of the one procedure the files depend on (with the registries and calendars), when the
   * generator's perProcedure plans this unit: a worker of the render pool, holding only that
   * procedure's versions, can then render it.
   */
  procedure?: string;
}

/**
 * A generator: a pure function from the loaded catalogue to files, split into units. It never
 * touches the file system; the writer does.
 */
export interface Generator {
  /** Kebab-case id, also the name of its folder in generators/. */
  id: string;
  /** One line for the build summary and the README. */
  description: string;
  /** The file to open first (a pattern such as procedures/<code>.html is fine), for the summary. */
  start?: string;
  /**
   * Plans the units. Cheap: it hashes inputs but renders nothing. `fragments` caches pieces of a
   * large file (a listing section) across builds, keyed by this generator's code and their inputs.
   */
  plan(ctx: BuildContext, fragments: FragmentStore): Unit[] | Promise<Unit[]>;
  /**
   * The units of one procedure (each with `procedure` set to its code), as `plan` includes them.
   * A render worker calls it with a context holding only that procedure's versions, so it may read
   * nothing of other procedures.
   */
  perProcedure?(ctx: BuildContext, entry: ProcedureEntry): Unit[];
}

/** A registry entry: the generator module is imported only when a build runs, so `tthc --help` stays fast. */
export interface GeneratorEntry {
  id: string;
  load(): Promise<Generator>;
}

/**
 * A generator whose few files summarise the whole catalogue (a report): one unit, rebuilt whenever
 * any version or registry entry changes. `files` is the output module's pure function.
 */
export function wholeCatalogueGenerator(
  id: string,
  description: string,
  start: string,
  files: (ctx: BuildContext) => readonly { path: string; contents: string }[],
): Generator {
  return {
    id,
    description,
    start,
    plan: (ctx) => [{ key: id, inputs: ctx.catalogueHash(), render: () => files(ctx).map((f) => ({ path: f.path, content: f.contents })) }],
  };
}
