/**
 * How commands name a version: a file, `code@version`, `code@YYYY-MM-DD` (the version in force that
 * day) or a proposal's id. And what a single version is compared against: its baseline.
 */
import path from 'node:path';
import type { Catalogue, LoadedVersion } from '../model/catalogue.js';
import { DEFAULT_MAX_FILE_BYTES } from '../load/layout.js';
import { parseCatalogueFile } from '../load/parse-file.js';
import { describeIoError, readBounded } from '../load/files.js';
import type { ProcedureVersion, VersionRef } from '../schema/types/procedure-version.generated.js';
import { didYouMean } from '../schema/validators.js';
import { closest } from '../text/suggest.js';
import { UsageError } from '../errors.js';
import { checkIsoDate } from './dates.js';
import { describeResolution, findVersion, resolve } from './resolve.js';

export interface ResolvedReference {
  version: LoadedVersion;
  /** How the reference was read, for the report header ("1.001193@2026-03-01: the version in force that day"). */
  how: string;
}

/** True when the text names a file rather than a catalogue reference. */
export function isFileReference(ref: string): boolean {
  return ref.endsWith('.json') || ref.includes('/') || ref.includes(path.sep);
}

/**
 * Resolves a reference against the catalogue. A file inside the catalogue is the loaded version;
 * a file elsewhere is read, schema-checked and used with the catalogue's registries.
 */
export async function resolveReference(catalogue: Catalogue, ref: string): Promise<ResolvedReference> {
  if (isFileReference(ref)) return resolveFile(catalogue, ref);
  const at = ref.lastIndexOf('@');
  if (at < 0) {
    const proposals = catalogue.versions.filter((v) => v.data.proposal?.id === ref);
    if (proposals.length === 1) return { version: proposals[0]!, how: `phương án ${ref}` };
    if (proposals.length > 1) throw new UsageError(`Several versions carry the proposal id "${ref}": ${proposals.map(label).join(', ')}; name one as <code>@<version>.`, { id: 'ref.ambiguous-proposal', params: { ref, versions: proposals.map(label).join(', ') } });
    if (catalogue.byCode.has(ref)) throw new UsageError(`"${ref}" is a procedure, not a version: name one as ${ref}@<version> or ${ref}@<YYYY-MM-DD> (the version in force that day).`, { id: 'ref.procedure-not-version', params: { ref } });
    const ids = catalogue.versions.flatMap((v) => (v.data.proposal ? [v.data.proposal.id] : []));
    throw new UsageError(`"${ref}" is neither a file, a <code>@<version>, a <code>@<YYYY-MM-DD> nor a proposal id in the catalogue.${didYouMean(ref, [...ids, ...catalogue.byCode.keys()])}`, { id: 'ref.unknown', params: { ref, suggestion: closest(ref, [...ids, ...catalogue.byCode.keys()]) ?? '' } });
  }
  const code = ref.slice(0, at);
  const which = ref.slice(at + 1);
  if (!code || !which) throw new UsageError(`Expected <code>@<version> or <code>@<YYYY-MM-DD>, got "${ref}".`, { id: 'ref.malformed', params: { ref } });
  const versions = catalogue.byCode.get(code);
  if (!versions) throw new UsageError(`There is no procedure ${code} in the catalogue.${didYouMean(code, [...catalogue.byCode.keys()])}`, { id: 'code.unknown', params: { code, suggestion: closest(code, [...catalogue.byCode.keys()]) ?? '' } });
  // A version id wins over a date, since version ids may look like dates.
  const exactVersion = findVersion(catalogue, code, which);
  if (exactVersion) return { version: exactVersion, how: `${code}@${which}` };
  if (/^\d{4}-\d{2}-\d{2}$/.test(which)) {
    checkIsoDate(which, `${code}@${which}:`);
    const resolution = resolve(catalogue, code, which);
    if (resolution.kind !== 'in-force') throw new UsageError(describeResolution(resolution), { id: 'resolution', params: { resolution } });
    return { version: resolution.version, how: `${code}@${which}: phiên bản ${resolution.version.data.version}, có hiệu lực ngày đó` };
  }
  throw new UsageError(`${code} has no version "${which}".${didYouMean(which, versions.map((v) => v.data.version))} Its versions: ${versions.map((v) => v.data.version).join(', ')}.`, { id: 'version.unknown', params: { code, version: which, suggestion: closest(which, versions.map((v) => v.data.version)) ?? '', versions: versions.map((v) => v.data.version).join(', ') } });
}

async function resolveFile(catalogue: Catalogue, ref: string): Promise<ResolvedReference> {
  const abs = path.resolve(ref);
  const inCatalogue = catalogue.versions.find((v) => v.file.abs === abs || path.resolve(catalogue.root, v.file.rel) === abs);
  if (inCatalogue) return { version: inCatalogue, how: ref };
  let bytes: Uint8Array;
  try {
    const read = readBounded(abs, DEFAULT_MAX_FILE_BYTES);
    if (read.tooLarge) throw new UsageError(`${ref} is larger than a procedure version may be (${DEFAULT_MAX_FILE_BYTES} bytes).`);
    bytes = read.bytes;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot read ${ref}: ${describeIoError(error)}.`, { id: 'ref.cannot-read', params: { ref, code: (error as NodeJS.ErrnoException).code ?? '', detail: describeIoError(error) } });
  }
  const parsed = parseCatalogueFile(bytes, 'version', { display: ref, rel: path.basename(abs), abs });
  const problem = parsed.diagnostics.find((d) => d.severity === 'error');
  if (!parsed.file || parsed.data === undefined || problem) {
    throw new UsageError(`${ref} is not a valid procedure version: ${problem ? `${problem.line}:${problem.column} ${problem.message}` : 'it could not be read'} (tthc validate explains every problem).`, { id: 'ref.invalid-file', params: { ref, where: problem ? `${problem.line}:${problem.column} ${problem.message}` : '' } });
  }
  return { version: { file: parsed.file, data: parsed.data as ProcedureVersion }, how: ref };
}

function label(v: LoadedVersion): string {
  return `${v.data.code}@${v.data.version}`;
}

export type Relation = 'proposal' | 'variant' | 'successor' | 'other';

function refers(ref: VersionRef | undefined, v: ProcedureVersion): boolean {
  return ref !== undefined && ref.code === v.code && ref.version === v.version;
}

/** How `after` relates to `before`: a proposal or variant of it, the version that supersedes it, or neither. */
export function relationOf(before: ProcedureVersion, after: ProcedureVersion): Relation {
  if (refers(after.proposal?.baseline, before)) return 'proposal';
  if (refers(after.variant?.baseline, before)) return 'variant';
  if (after.code === before.code && after.supersedes === before.version) return 'successor';
  return 'other';
}

/**
 * What a single version is compared against: a proposal's or variant's baseline, or the version
 * it supersedes.
 */
export function baselineOf(catalogue: Catalogue, version: LoadedVersion): ResolvedReference {
  const v = version.data;
  const ref = v.proposal?.baseline ?? v.variant?.baseline ?? (v.supersedes ? { code: v.code, version: v.supersedes } : undefined);
  if (!ref) throw new UsageError(`${label(version)} is not a proposal or variant and supersedes no version: name the version to compare it with.`, { id: 'ref.no-baseline', params: { ref: label(version) } });
  const found = findVersion(catalogue, ref.code, ref.version);
  if (!found) throw new UsageError(`${ref.code}@${ref.version}, which ${label(version)} is measured against, is not in the catalogue.`, { id: 'ref.baseline-missing', params: { baseline: `${ref.code}@${ref.version}`, ref: label(version) } });
  const role = v.proposal ? 'phiên bản chuẩn của phương án' : v.variant ? 'phiên bản chuẩn của biến thể' : 'phiên bản được thay thế';
  return { version: found, how: `${ref.code}@${ref.version}, ${role} ${label(version)}` };
}
