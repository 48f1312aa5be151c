import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The runtime imports of a module (type-only imports are erased by the compiler). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  return out;
}

/** Every module reachable at run time from the entry points, and the packages they import. */
function closure(entries: string[]): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  entries.forEach((e) => visit(path.join(ROOT, e)));
  return { modules, packages };
}

describe('the rules computations run in a browser', () => {
  it('import no Node API and no package (the lunar calendar is a generated table)', () => {
    const { modules, packages } = closure(['rules/compute/deadlines.ts', 'rules/compute/calendar.ts', 'rules/compute/fees.ts', 'rules/compute/dossier.ts', 'rules/compute/application.ts', 'rules/load/calendar.ts']);
    expect(modules.size).toBeGreaterThan(8);
    expect([...packages].sort()).toEqual([]);
    expect([...modules].map((m) => path.relative(ROOT, m)).filter((m) => m.startsWith('rules/load/catalogue') || m.startsWith('rules/load/parse-file') || m.startsWith('rules/load/shards') || m.startsWith('rules/schema/validators'))).toEqual([]);
  });
});
