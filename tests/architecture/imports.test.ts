import path from 'node:path';
import { fileURLToPath } from 'node:url';
import madge from 'madge';
import { beforeAll, describe, expect, it } from 'vitest';

// The import graph of the TypeScript sources, type-only imports included: a circle through types
// still ties the modules' meanings together, and the layers below must not know the ones above.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let graph: Record<string, string[]>;
let cycles: string[][];

beforeAll(async () => {
  const result = await madge(['rules', 'generators', 'cli'], {
    baseDir: ROOT,
    fileExtensions: ['ts'],
    tsConfig: path.join(ROOT, 'tsconfig.json'),
    excludeRegExp: [/\.d\.ts$/],
    detectiveOptions: { ts: { skipTypeImports: false, skipAsyncImports: false }, es6: { skipTypeImports: false, skipAsyncImports: false } },
  });
  graph = result.obj();
  cycles = result.circular();
}, 120_000);

/** Every import from a module under `from` into a module under any of `to`, as "a → b". */
function importsBetween(from: string, to: readonly string[]): string[] {
  const out: string[] = [];
  for (const [file, deps] of Object.entries(graph)) {
    if (!file.startsWith(from)) continue;
    for (const dep of deps) if (to.some((t) => dep.startsWith(t))) out.push(`${file} → ${dep}`);
  }
  return out.sort();
}

describe('the import graph', () => {
  it('covers the project', () => {
    // A wrong option would make madge see nothing, and every check below pass vacuously.
    expect(Object.keys(graph).length).toBeGreaterThan(150);
    expect(graph['rules/validate/index.ts']).toContain('rules/load/catalogue.ts');
    expect(graph['rules/lint/rule.ts']).toContain('rules/model/catalogue.ts');
  });

  it('has no import circles in rules/, generators/ and cli/', () => {
    expect(cycles.map((c) => c.join(' → '))).toEqual([]);
  });

  it('has a loader that knows no lint rule: rules/load imports nothing from rules/lint or rules/validate', () => {
    expect(importsBetween('rules/load/', ['rules/lint/', 'rules/validate/'])).toEqual([]);
  });

  it('has the model and the diagnostics at the bottom: they import nothing from load, lint, validate, compute, generators or cli', () => {
    const above = ['rules/load/', 'rules/lint/', 'rules/validate/', 'rules/compute/', 'generators/', 'cli/'];
    expect([...importsBetween('rules/model/', above), ...importsBetween('rules/diagnostics/', above)]).toEqual([]);
  });
});
