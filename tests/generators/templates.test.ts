import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { generateTemplates } from '../../scripts/gen-templates.mjs';

describe('precompiled templates', () => {
  it('match their .hbs sources (run `npm run gen:templates` after editing a template)', async () => {
    const files = (await generateTemplates()) as Record<string, string>;
    expect(Object.keys(files).sort()).toEqual(['listing/templates.generated.ts', 'site/templates.generated.ts']);
    for (const [name, text] of Object.entries(files)) {
      const committed = await readFile(new URL(`../../generators/${name}`, import.meta.url), 'utf8');
      expect(committed, `generators/${name} has drifted from its templates`).toBe(text);
    }
  });
});
