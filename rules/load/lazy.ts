import { readFileSync } from 'node:fs';
import { CatalogueOperationError } from '../errors.js';
import type { ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import { sha256Hex } from './canonical.js';
import { decodeUtf8, internAll, normalizeNfc } from './json-source.js';

/**
 * The top-level properties of a version that work over the whole catalogue reads: sorting and
 * resolving versions, the lock check, planning a build (which versions are in force, which have an
 * online form, where a procedure is listed, which proposals there are). A version restored from
 * the catalogue state holds only these until something reads another property.
 */
export const META_KEYS = ['code', 'version', 'status', 'effective', 'supersedes', 'levels', 'field', 'agencies', 'channels', 'proposal', 'variant'] as const;

export type MetaKey = (typeof META_KEYS)[number];

/** The meta properties a version has (absent ones stay absent). */
export function metaOf(v: ProcedureVersion): Partial<Pick<ProcedureVersion, MetaKey>> {
  const out: Record<string, unknown> = {};
  for (const key of META_KEYS) if (Object.prototype.hasOwnProperty.call(v, key)) out[key] = v[key];
  return out;
}

export interface LazySource {
  /** Absolute path of the file. */
  abs: string;
  /** SHA-256 of its bytes when it was validated: the data must come from exactly those bytes. */
  sha256: string;
  /** Its top-level keys, in order. */
  keys: readonly string[];
  meta: Partial<Pick<ProcedureVersion, MetaKey>>;
  /** The text was not NFC, so the loader normalised the data. */
  normalized: boolean;
  /** Strings to share with (see internAll), when the data is read. */
  pool?: Map<string, string>;
}

/**
 * The data of a version that was validated before and has not changed since: an object with the
 * same keys in the same order, whose meta properties are there and whose others parse the file on
 * first read (all of them at once, in place, so the object then is exactly what loading it would
 * have given). An unchanged catalogue of 200,000 versions can so be checked and planned without
 * parsing them; only what a rebuild renders is read.
 */
export function lazyVersion(source: LazySource): ProcedureVersion {
  const data: Record<string, unknown> = {};
  let materialized = false;
  const materialize = (): void => {
    if (materialized) return;
    const bytes = readFileSync(source.abs);
    if (sha256Hex(bytes) !== source.sha256) throw new CatalogueOperationError(`${source.abs} changed while it was being read; run the command again.`);
    const parsed = JSON.parse(decodeUtf8(bytes).text) as Record<string, unknown>;
    const normalized = source.normalized ? normalizeNfc(parsed) : parsed;
    const full = source.pool ? internAll(normalized, source.pool) : normalized;
    materialized = true;
    for (const key of source.keys) Object.defineProperty(data, key, { value: full[key], writable: true, enumerable: true, configurable: true });
  };
  const meta = source.meta as Record<string, unknown>;
  for (const key of source.keys) {
    if (Object.prototype.hasOwnProperty.call(meta, key)) {
      Object.defineProperty(data, key, { value: meta[key], writable: true, enumerable: true, configurable: true });
    } else {
      Object.defineProperty(data, key, {
        get() {
          materialize();
          return data[key];
        },
        set(value: unknown) {
          materialize();
          data[key] = value;
        },
        enumerable: true,
        configurable: true,
      });
    }
  }
  return data as unknown as ProcedureVersion;
}
