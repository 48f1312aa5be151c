/**
 * The notes a spec keeps about what it does not model or has not confirmed (`notes`, kind
 * "uncertain", or an "info" note on the part shown), picked for the part a result shows, so that
 * `tthc fee`, `tthc dossier`, the site and the announcement show them beside the figures they qualify.
 */
import type { Note, ProcedureVersion } from '../schema/types/procedure-version.generated.js';

export interface SpecNote {
  kind: Note['kind'];
  text: string;
  pointer: string | null;
}

/**
 * The notes about the parts under the given JSON pointers (e.g. "/fees"), and the uncertain notes
 * that name no part (they may qualify anything). Editorial notes are for drafters and are left out.
 */
export function notesAbout(version: ProcedureVersion, parts: readonly string[]): SpecNote[] {
  const about = (pointer: string) => parts.some((p) => pointer === p || pointer.startsWith(`${p}/`));
  return (version.notes ?? [])
    .filter((n) => n.kind !== 'editorial' && (n.pointer === undefined ? n.kind === 'uncertain' : about(n.pointer)))
    .map((n) => ({ kind: n.kind, text: n.text, pointer: n.pointer ?? null }));
}
