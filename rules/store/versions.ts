import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Catalogue, LoadedVersion } from '../model/catalogue.js';
import type { ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import { findVersion } from '../compute/resolve.js';
import { dateProblem } from '../compute/dates.js';
import { toCatalogueJson, writeFileAtomic } from './atomic.js';
import { CatalogueOperationError } from '../errors.js';

export { CatalogueOperationError };

/** The next version id: v<N+1> after the highest v<N>, else <from>-next. */
export function nextVersionId(versions: readonly LoadedVersion[], from: string): string {
  const numbers = versions.map((v) => /^v(\d+)$/.exec(v.data.version)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]));
  return numbers.length > 0 ? `v${Math.max(...numbers) + 1}` : `${from}-next`;
}

export interface NewVersionOptions {
  id?: string;
  effectiveFrom?: string;
}

/**
 * Starts a new draft version from an existing one: the same content, status draft, superseding it
 * (or, from a correction, the version it corrects). This is how a published version is changed.
 */
export async function createNextVersion(catalogue: Catalogue, code: string, fromVersion: string, options: NewVersionOptions = {}): Promise<{ path: string; data: ProcedureVersion }> {
  const source = findVersion(catalogue, code, fromVersion);
  if (!source) throw new CatalogueOperationError(`There is no version ${code}@${fromVersion} to start from.`);
  const id = options.id ?? nextVersionId(catalogue.byCode.get(code) ?? [], fromVersion);
  if (!/^[a-z0-9](?:[a-z0-9.-]{0,62}[a-z0-9])?$/.test(id)) throw new CatalogueOperationError(`"${id}" is not a valid version id (lower-case letters, digits, dots and hyphens).`, { id: 'version.bad-id', params: { id } });
  if (findVersion(catalogue, code, id)) throw new CatalogueOperationError(`${code}@${id} already exists.`, { id: 'version.exists', params: { ref: `${code}@${id}` } });
  const dateWrong = options.effectiveFrom !== undefined ? dateProblem(options.effectiveFrom, 'The effective date') : undefined;
  if (dateWrong) throw new CatalogueOperationError(dateWrong.message);
  // Starting from a correction takes its corrected content, but the new version is not itself a
  // correction: it supersedes the version the correction corrects, which is the one in the chain.
  const { changedBy: _changedBy, proposal: _proposal, source: _source, corrects, ...rest } = structuredClone(source.data);
  const data: ProcedureVersion = { ...rest, version: id, status: 'draft', supersedes: corrects?.version ?? fromVersion };
  if (options.effectiveFrom) data.effective = { from: options.effectiveFrom };
  else delete data.effective;
  const target = path.join(catalogue.root, 'procedures', code, `${id}.json`);
  try {
    await access(target);
    throw new CatalogueOperationError(`${target} already exists.`);
  } catch (error) {
    if (error instanceof CatalogueOperationError) throw error;
  }
  await writeFileAtomic(target, toCatalogueJson(data));
  return { path: target, data };
}
