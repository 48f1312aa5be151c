import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { CatalogueAccessError } from '../errors.js';
import type { Catalogue, SourceFile } from '../model/catalogue.js';
import type { ProvincialList } from '../schema/types/provincial-list.generated.js';
import { describeIoError, toPosix, type FoundFile } from './files.js';
import { DEFAULT_MAX_REGISTRY_BYTES, kindOf } from './layout.js';
import { readAndParse } from './parse-file.js';

/** The provincial lists of a catalogue (lists/<province>.json that passed the schema), by relative path. */
export function listsOf(catalogue: Catalogue): Map<string, { file: SourceFile; data: ProvincialList }> {
  const out = new Map<string, { file: SourceFile; data: ProvincialList }>();
  for (const [rel, aux] of [...catalogue.auxiliary].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (kindOf(rel) === 'list') out.set(rel, { file: aux.file, data: aux.data as ProvincialList });
  }
  return out;
}

/**
 * Loads one provincial list file on its own (tthc reconcile lists/h36.json): read, parse and
 * schema-check it as the catalogue loader does, with positioned diagnostics. `data` is undefined
 * when it has errors.
 */
export async function loadListFile(file: string, options: { maxBytes?: number } = {}): Promise<{ data: ProvincialList | undefined; diagnostics: Diagnostic[] }> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw new CatalogueAccessError(`Cannot open list file ${file}: ${describeIoError(error)}.`);
  }
  if (!info.isFile()) throw new CatalogueAccessError(`${file} is not a file: give a provincial list such as catalogue/lists/h36.json.`);
  const found: FoundFile = { abs: path.resolve(file), rel: `lists/${path.basename(file)}` };
  const parsed = readAndParse(found, 'list', toPosix(file), options.maxBytes ?? DEFAULT_MAX_REGISTRY_BYTES);
  return { data: parsed.file ? (parsed.data as ProvincialList) : undefined, diagnostics: sortDiagnostics(parsed.diagnostics) };
}
