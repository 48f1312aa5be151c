import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { generateTypes } from '../../scripts/gen-types.mjs';

describe('generated types', () => {
  it('match the JSON Schemas (run `npm run gen:types` after changing a schema)', async () => {
    const files = (await generateTypes()) as Record<string, string>;
    expect(Object.keys(files).sort()).toEqual(['calendar.generated.ts', 'lock.generated.ts', 'procedure-version.generated.ts', 'provincial-list.generated.ts', 'registry.generated.ts']);
    for (const [name, text] of Object.entries(files)) {
      const committed = await readFile(new URL(`../../rules/schema/types/${name}`, import.meta.url), 'utf8');
      expect(committed, `rules/schema/types/${name} has drifted from its schema`).toBe(text);
    }
  });
});
