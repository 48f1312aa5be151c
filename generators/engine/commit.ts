import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../rules/store/atomic.js';
import { checkOutputPath, outputPath } from './writer.js';

/**
 * What an incremental build changes in the output folder, written down before anything changes:
 * files to delete, then files to move in from the staging folder (replacing any file already there).
 */
export interface Journal {
  /** The staging folder's name, beside the output folder. */
  staging: string;
  deletes: string[];
  moves: string[];
}

/** The journal's file name pattern: .<out>.journal-<pid>-<hex>. */
export function journalName(base: string): string {
  return `.${base}.journal-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Commits an incremental build: records the journal (written atomically and synced), then applies
 * it. Until the journal exists the output is untouched; once it does, the change is decided, and a
 * build killed while applying it is finished by the next one (see recoverJournal), so the output is
 * never left half old, half new for longer than that.
 */
export async function commitJournal(out: string, parent: string, base: string, journal: Journal): Promise<void> {
  const file = path.join(parent, journalName(base));
  await writeFileAtomic(file, JSON.stringify(journal));
  applyJournal(out, parent, journal);
  rmSync(file, { force: true });
}

/** Applies a journal; safe to repeat (a move whose staged file is gone was done already). */
export function applyJournal(out: string, parent: string, journal: Journal): void {
  const staging = path.join(parent, journal.staging);
  // The journal is our own file, but it names paths to delete: each must stay inside the output.
  for (const rel of [...journal.deletes, ...journal.moves]) checkOutputPath(rel);
  for (const rel of journal.deletes) {
    const target = outputPath(out, rel);
    rmSync(target, { force: true });
    pruneEmptyFolders(out, path.dirname(target));
  }
  for (const rel of journal.moves) {
    const from = outputPath(staging, rel);
    if (!existsSync(from)) continue;
    const to = outputPath(out, rel);
    mkdirSync(path.dirname(to), { recursive: true });
    renameSync(from, to);
  }
  rmSync(staging, { recursive: true, force: true });
}

/** Removes folders left empty by deletions, up to (not including) the output folder. */
function pruneEmptyFolders(out: string, dir: string): void {
  while (dir.length > out.length && dir.startsWith(out + path.sep)) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
    dir = path.dirname(dir);
  }
}

/** Finishes the journal a killed build left behind. */
export function recoverJournal(out: string, parent: string, name: string): void {
  const file = path.join(parent, name);
  let journal: Journal | undefined;
  try {
    journal = JSON.parse(readFileSync(file, 'utf8')) as Journal;
  } catch {
    // Torn before it was complete: writeFileAtomic renames a finished file into place, so this is
    // only a leftover temporary name; the output was never touched.
  }
  if (journal && typeof journal.staging === 'string' && Array.isArray(journal.moves) && Array.isArray(journal.deletes) && /^\.[^/\\]+$/.test(journal.staging)) {
    applyJournal(out, parent, journal);
  }
  rmSync(file, { force: true });
}
