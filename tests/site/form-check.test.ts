/**
 * The form preview's checker (docs-site/client/form-check.ts) against ajv, the validator a portal
 * uses: for every online form of the bundled catalogue, the build fixtures and a synthetic
 * catalogue, the example submission and hundreds of broken ones give exactly ajv's errors (where,
 * which keyword, which parameters), as a set: the preview shows one message per control, so the
 * order of errors does not matter, their presence does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkForm } from '../../docs-site/client/form-check.js';
import { hasOnlineForm } from '../../generators/engine/paths.js';
import { formSchema } from '../../generators/form-schemas/schema.js';
import { loadCatalogue } from '../../rules/load/catalogue.js';
import type { ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import { writeSyntheticCatalogue } from '../../scripts/bench/synthetic.js';
import { portalAjv } from '../helpers/ajv.js';
import { birthV2, judicialRecord } from '../helpers/build-fixture.js';
import { REPO } from '../helpers/cli.js';

type Json = Record<string, any>;

const roots: string[] = [];
afterAll(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true });
});

/** The example, and variants that break it in every way a form field, fact or upload can be broken. */
function variants(schema: Json): unknown[] {
  const example = schema.examples[0] as Json;
  const out: unknown[] = [example, {}, null, 'x', [], { ...example, extra: 1 }, { ...example, procedure: { code: 'x', version: 1 } }];
  const edit = (f: (copy: Json) => void) => {
    const copy = structuredClone(example);
    f(copy);
    out.push(copy);
  };
  for (const key of Object.keys(example)) edit((c) => delete c[key]);
  for (const group of ['facts', 'fields', 'documents'] as const) {
    const props = (schema.properties[group]?.properties ?? {}) as Record<string, Json>;
    edit((c) => (c[group] = 'x'));
    edit((c) => ((c[group] ??= {}).unknown = true));
    for (const [id, p] of Object.entries(props)) {
      edit((c) => c[group] && delete c[group][id]);
      const wrong: unknown[] =
        group === 'documents'
          ? [[], Array.from({ length: 21 }, () => ({ fileName: 'a.pdf', mediaType: 'application/pdf', size: 1 })), [{ fileName: 'a/b.pdf', mediaType: 'text/plain', size: 0 }], [{ fileName: 'a.pdf' }], ['x'], { a: 1 }]
          : ['', ' ', 'x'.repeat(6000), 'Nguyễn Văn An', '2024-02-29', '2023-02-29', '2025-13-01', 'a@b', 'an@example.vn', '001090012345', '0912345678', '+84912345678', '0101234567-001', 12, 1.5, -3, 0, 1e9, true, false, null, [], {}];
      if (Array.isArray(p.oneOf)) wrong.push(...p.oneOf.map((o: Json) => o.const));
      for (const w of wrong) edit((c) => ((c[group] ??= {})[id] = w));
    }
  }
  // Every combination of the facts' first two values, so the conditional requirements (if/then) fire both ways.
  const facts = Object.entries((schema.properties.facts?.properties ?? {}) as Record<string, Json>);
  for (let mask = 0; mask < Math.min(1 << facts.length, 64); mask++) {
    edit((c) => {
      c.facts = {};
      facts.forEach(([id, p], i) => {
        const values = p.type === 'boolean' ? [true, false] : p.type === 'integer' ? [p.minimum ?? 0, (p.maximum ?? 100) + 1] : (p.oneOf ?? []).map((o: Json) => o.const);
        c.facts[id] = values[(mask >> i) & 1] ?? values[0];
      });
    });
  }
  return out;
}

const key = (e: { instancePath: string; keyword: string; params: unknown }) => JSON.stringify([e.instancePath, e.keyword, e.params]);

/** Checks every variant of every form of `versions` with both; returns how many submissions were compared. */
function expectSameAsAjv(versions: readonly ProcedureVersion[]): { forms: number; submissions: number; invalid: number } {
  const ajv = portalAjv();
  let forms = 0;
  let submissions = 0;
  let invalid = 0;
  for (const v of versions) {
    if (!hasOnlineForm(v)) continue;
    forms++;
    const schema = formSchema(v) as Json;
    const validate = ajv.compile(schema);
    for (const data of variants(schema)) {
      submissions++;
      const expected = validate(data) ? [] : [...new Set((validate.errors ?? []).map(key))].sort();
      const got = [...new Set(checkForm(schema, data).map(key))].sort();
      if (expected.length > 0) invalid++;
      expect(got, `${v.code}@${v.version}: ${JSON.stringify(data).slice(0, 300)}`).toEqual(expected);
    }
    ajv.removeSchema(schema.$id as string);
  }
  return { forms, submissions, invalid };
}

describe('the form preview checker', () => {
  it('gives exactly ajv\'s errors for every online form of the bundled catalogue, valid and broken', async () => {
    const { catalogue } = await loadCatalogue(path.join(REPO, 'catalogue'));
    const n = expectSameAsAjv(catalogue.versions.map((v) => v.data));
    expect(n.forms).toBeGreaterThan(20);
    expect(n.invalid).toBeGreaterThan(n.submissions / 2);
  }, 120_000);

  it('… of the build fixtures and a synthetic catalogue', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'tthc-form-check-'));
    roots.push(root);
    writeSyntheticCatalogue(root, { procedures: 40, seed: 11, from: path.join(REPO, 'catalogue') });
    const { catalogue } = await loadCatalogue(root);
    expect(expectSameAsAjv([birthV2(), judicialRecord()]).forms).toBe(2);
    expect(expectSameAsAjv(catalogue.versions.map((v) => v.data)).forms).toBeGreaterThan(30);
  }, 120_000);

  it('refuses a keyword it does not check rather than passing it', () => {
    const schema = formSchema(birthV2()) as Json;
    schema.properties.fields.properties.odd = { title: 'Lạ', type: 'string', contentEncoding: 'base64' };
    expect(() => checkForm(schema, schema.examples[0])).toThrow(/unsupported keyword contentEncoding/);
  });
});
