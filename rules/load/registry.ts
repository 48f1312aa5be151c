import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticAt, relatedAt } from '../diagnostics/place.js';
import { REGISTRY_KEYS, type Registries, type RegistryTable, type SourceFile } from '../model/catalogue.js';
import type { LegalDocument, Registry } from '../schema/types/registry.generated.js';

/** Indexes a registry file's entries by id (legal documents by number); a second entry with an id already seen is reported, not kept. */
export function addRegistryFile(registries: Registries, file: SourceFile, data: Registry, diagnostics: Diagnostic[]): void {
  for (const key of REGISTRY_KEYS) {
    const entries = data[key] as ({ id?: string; number?: string } & object)[] | undefined;
    if (!entries) continue;
    const table = registries[key] as RegistryTable<object>;
    entries.forEach((entry, index) => {
      const id = key === 'legalDocuments' ? (entry as LegalDocument).number : (entry as { id: string }).id;
      const pointer = `/${key}/${index}`;
      const first = table.places.get(id);
      if (first) {
        diagnostics.push(
          diagnosticAt(file, pointer, 'registry/duplicate-id', 'error', `Duplicate ${key === 'legalDocuments' ? 'legal document number' : 'id'} "${id}" in the ${key} registry.`, {
            related: [relatedAt(first.file, first.pointer, 'first defined here')],
          }),
        );
        return;
      }
      table.byId.set(id, entry);
      table.places.set(id, { file, pointer });
    });
  }
}
