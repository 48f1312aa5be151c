import type { ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import type { Registry } from '../schema/types/registry.generated.js';
import type { PublishedLock } from '../schema/types/lock.generated.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { validateWith } from '../schema/validators.js';
import { indexVersions } from '../model/order.js';
import { diagnosticAt } from '../diagnostics/place.js';
import { emptyCatalogue, type Catalogue, type SourceFile } from '../model/catalogue.js';
import { JsonSource } from './json-source.js';
import { sha256Hex } from './canonical.js';

/** A SourceFile for data that lives in memory, pretty-printed so positions are meaningful. */
export function memoryFile(rel: string, data: unknown, display = rel): SourceFile {
  const text = JSON.stringify(data, null, 2) + '\n';
  return { display, rel, abs: `/memory/${rel}`, source: new JsonSource(text), nonNfc: [], sha256: sha256Hex(text) };
}

export interface InMemoryCatalogueInput {
  versions: ProcedureVersion[];
  registry: Registry;
  lock?: PublishedLock;
}

/**
 * Builds a Catalogue from objects, as if loaded from procedures/<code>/<version>.json and
 * registry/registry.json. Rule examples, tests and generated benchmarks use it; schema errors are
 * returned, not thrown, and invalid versions are left out as the file loader does.
 */
export function catalogueFromObjects(input: InMemoryCatalogueInput): { catalogue: Catalogue; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const catalogue = emptyCatalogue('/memory', 'memory');
  const registryFile = memoryFile('registry/registry.json', input.registry);
  for (const issue of validateWith('registry', input.registry)) {
    diagnostics.push(diagnosticAt(registryFile, issue.pointer, issue.ruleId, 'error', issue.message, { atKey: issue.atKey }));
  }
  const tables = catalogue.registry;
  const add = <T>(table: { byId: Map<string, T>; places: Map<string, { file: SourceFile; pointer: string }> }, key: string, entries: T[] | undefined, id: (e: T) => string) => {
    entries?.forEach((entry, index) => {
      table.byId.set(id(entry), entry);
      table.places.set(id(entry), { file: registryFile, pointer: `/${key}/${index}` });
    });
  };
  add(tables.legalDocuments, 'legalDocuments', input.registry.legalDocuments, (e) => e.number);
  add(tables.agencies, 'agencies', input.registry.agencies, (e) => e.id);
  add(tables.fields, 'fields', input.registry.fields, (e) => e.id);
  add(tables.levels, 'levels', input.registry.levels, (e) => e.id);
  add(tables.databases, 'databases', input.registry.databases, (e) => e.id);
  add(tables.hourlyIncomes, 'hourlyIncomes', input.registry.hourlyIncomes, (e) => e.id);
  add(tables.costEstimations, 'costEstimations', input.registry.costEstimations, (e) => e.id);
  add(tables.simplificationTargets, 'simplificationTargets', input.registry.simplificationTargets, (e) => e.id);
  add(tables.feeRates, 'feeRates', input.registry.feeRates, (e) => e.id);

  for (const data of input.versions) {
    const rel = `procedures/${data.code}/${data.version}.json`;
    const file = memoryFile(rel, data);
    const issues = validateWith('procedure-version', data);
    if (issues.length > 0) {
      for (const issue of issues) diagnostics.push(diagnosticAt(file, issue.pointer, issue.ruleId, 'error', issue.message, { atKey: issue.atKey }));
      catalogue.rejected.add(rel);
      continue;
    }
    catalogue.versions.push({ file, data });
  }
  indexVersions(catalogue);
  if (input.lock) catalogue.lock = { file: memoryFile('tthc.lock.json', input.lock), data: input.lock };
  return { catalogue, diagnostics };
}
