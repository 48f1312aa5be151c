/**
 * ajv, the validator portals use, with `strict: true` and nothing relaxed (strictRequired,
 * strictTypes and strictTuples all on), over every JSON Schema the bundled build emits: the API's
 * schemas and every form schema (inside the procedures' API documents). And every `$schema` in the output resolves to a file inside the
 * output, whose schema the file then satisfies (issue 19).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundled, filesEndingIn } from '../helpers/bundled-output.js';
import { cleanupOutputs } from '../helpers/output.js';

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
const META = 'https://json-schema.org/draft/2020-12/schema';

let out: string;
const json = new Map<string, unknown>();

beforeAll(async () => {
  out = await buildBundled();
  for (const rel of await filesEndingIn(out, '.json')) json.set(rel, JSON.parse(await readFile(path.join(out, rel), 'utf8')));
}, 60_000);
afterAll(cleanupOutputs);

const schemaOf = (value: unknown): string | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? ((value as { $schema?: unknown }).$schema as string | undefined) : undefined);

function strictAjv() {
  // strict: true turns on strictSchema, strictNumbers, strictTypes, strictTuples and strictRequired.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

describe('the JSON Schemas in the bundled build', () => {
  it('all compile with ajv strict: true', () => {
    // The form schemas are inside the procedures' API documents (versions[i].form.schema), not files.
    const forms = [...json]
      .filter(([rel]) => /^api\/v1\/procedures\/[^/]+\.json$/.test(rel))
      .flatMap(([rel, doc]) => (doc as { versions: { version: string; form: { schema: unknown } | null }[] }).versions.flatMap((v) => (v.form ? [[`${rel}#${v.version}`, v.form.schema] as [string, unknown]] : [])));
    const schemas = [...[...json].filter(([, v]) => schemaOf(v) === META), ...forms];
    const names = schemas.map(([rel]) => rel);
    // The walk is not silently empty: the API's schemas and the form schemas are all there.
    expect(names).toContain('api/v1/schemas/version.schema.json');
    expect(names).toContain('api/v1/schemas/calendar.schema.json');
    expect(names).toContain('api/v1/schemas/simplification-report.schema.json');
    expect(names).toContain('api/v1/procedures/1.001193.json#v3');
    expect(forms.every(([, s]) => schemaOf(s) === META)).toBe(true);
    expect(forms.length).toBeGreaterThan(10);
    // The API's schemas refer to each other by $id, so they are added together, then each compiled.
    const ajv = strictAjv();
    const failures: string[] = [];
    for (const [rel, schema] of schemas) {
      try {
        ajv.addSchema(schema as object);
      } catch (e) {
        failures.push(`${rel}: ${(e as Error).message}`);
      }
    }
    for (const [rel, schema] of schemas) {
      try {
        ajv.getSchema((schema as { $id: string }).$id) ?? ajv.compile(schema as object);
      } catch (e) {
        failures.push(`${rel}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('every $schema in the bundled build', () => {
  it('names a file inside the output, and the file satisfies it', () => {
    const ajv = strictAjv();
    for (const [, v] of json) if (schemaOf(v) === META) ajv.addSchema(v as object);
    const problems: string[] = [];
    let checked = 0;
    for (const [rel, value] of json) {
      const ref = schemaOf(value);
      if (ref === undefined || ref === META) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), ref));
      if (target.startsWith('../') || !json.has(target)) {
        problems.push(`${rel}: $schema ${ref} is not in the output`);
        continue;
      }
      const validate = ajv.getSchema((json.get(target) as { $id: string }).$id)!;
      if (!validate(value)) problems.push(`${rel}: ${ajv.errorsText(validate.errors)}`);
      checked++;
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(30);
    // The two that pointed outside the output or had none (issue 19) now name a published schema.
    expect(schemaOf(json.get('site/assets/calendar-vn.json'))).toBe('../../api/v1/schemas/calendar.schema.json');
    expect(schemaOf(json.get('reports/simplification.json'))).toBe('../api/v1/schemas/simplification-report.schema.json');
  });

  it('is in every JSON file but the search index, which only the site’s own script reads', () => {
    const without = [...json].filter(([, v]) => schemaOf(v) === undefined).map(([rel]) => rel);
    expect(without.length).toBeGreaterThan(0);
    expect(without.filter((rel) => !rel.startsWith('site/search/'))).toEqual([]);
  });
});
