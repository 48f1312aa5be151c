import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { compile } from 'json-schema-to-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { formSchema } from '../../generators/form-schemas/schema.js';
import { formTypes, indent } from '../../generators/form-schemas/types.js';
import { hasOnlineForm } from '../../generators/engine/paths.js';
import { loadCatalogue } from '../../rules/load/catalogue.js';
import type { ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import { writeSyntheticCatalogue } from '../../scripts/bench/synthetic.js';
import { birthV2, judicialRecord } from '../helpers/build-fixture.js';
import { REPO } from '../helpers/cli.js';

type Schema = Record<string, unknown>;

// ---- the reference: json-schema-to-typescript, as the form types were generated before ------------

const TYPE_NAMES: Record<string, string> = { '': 'Submission', procedure: 'Procedure', facts: 'Facts', fields: 'Fields', documents: 'Documents' };

function forTypes(schema: unknown, at: string, depth: number): unknown {
  if (Array.isArray(schema)) return schema.map((s) => forTypes(s, at, depth + 1));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema as Schema)) {
    if (key === '$id' || key === '$schema' || key === 'examples' || key === 'allOf') continue;
    if (key === 'properties' && value && typeof value === 'object') {
      const props: Schema = {};
      for (const [name, prop] of Object.entries(value as Schema)) props[name] = forTypes(prop, depth === 0 ? name : `${at}/${name}`, depth + 1);
      out.properties = props;
    } else if (key === '$defs' && value && typeof value === 'object') {
      const defs: Schema = {};
      for (const [name, def] of Object.entries(value as Schema)) defs[name] = { ...(forTypes(def, `$defs/${name}`, depth + 1) as Schema), title: name };
      out.$defs = defs;
    } else out[key] = forTypes(value, at, depth + 1);
  }
  const own = out as { title?: string; description?: string };
  if (own.title !== undefined) {
    const named = TYPE_NAMES[at];
    const doc = [own.title, own.description].filter(Boolean).join('. ');
    delete own.title;
    if (named) own.title = named;
    if (doc) own.description = doc;
  }
  return out;
}

/** The generator's brace indenting is the step the old pipeline applied to the library's output too. */
async function reference(schema: Schema, banner: string): Promise<string> {
  const prepared = forTypes(schema, '', 0) as Schema;
  prepared.title = 'Submission';
  const ts = await compile(prepared as never, 'Submission', {
    bannerComment: banner,
    format: false,
    additionalProperties: false,
    strictIndexSignatures: true,
    unreachableDefinitions: false,
    declareExternallyReferenced: true,
    ignoreMinAndMaxItems: true,
  });
  return indent(ts);
}

// ---- the cases ------------------------------------------------------------------------------------

const BANNER = '/* Types of the online form. Do not edit. */';
const roots: string[] = [];

afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function expectSameAsLibrary(versions: readonly ProcedureVersion[]): Promise<number> {
  let checked = 0;
  for (const v of versions) {
    if (!hasOnlineForm(v)) continue;
    const schema = formSchema(v);
    expect(formTypes(schema, BANNER), `${v.code}@${v.version}`).toBe(await reference(schema, BANNER));
    checked++;
  }
  return checked;
}

/** A birth registration with every awkward thing a form can hold. */
function awkward(): ProcedureVersion[] {
  const base = birthV2();
  const fields = base.formFields!;
  return [
    {
      ...base,
      name: { vi: 'Thủ tục */ có "ngoặc kép", \\ và */ lần nữa' },
      facts: [...(base.facts ?? []), { id: 'mot', type: 'enum', label: 'Một giá trị */', values: [{ value: 'chi-mot', label: 'Chỉ một' }] }],
      formFields: [
        ...fields.map((f, i) => (i === 0 ? { ...f, label: 'Nhãn có */ ở giữa', description: 'Dòng một\nDòng hai\n  thụt đầu dòng' } : f)),
        { id: 'so-luong', label: 'Số lượng', type: 'integer', minimum: 1, maximum: 9 },
        { id: '9abc', label: 'Khóa bắt đầu bằng số', type: 'number' },
        { id: 'lap', label: 'Giá trị lặp', type: 'enum', options: [{ value: 'a', label: 'A' }, { value: 'a', label: 'A lần hai' }, { value: 'b', label: 'B' }] },
        { id: 'rong', label: 'Không có lựa chọn', type: 'enum', options: [] },
        { id: 'dong-y', label: 'Đồng ý', type: 'boolean', required: true },
      ],
    } as ProcedureVersion,
    { ...base, facts: [], formFields: [], dossier: { documents: base.dossier!.documents.filter((d) => d.lookup) } },
    { ...base, facts: undefined, formFields: undefined } as unknown as ProcedureVersion,
  ];
}

describe('form types', () => {
  it('are exactly what json-schema-to-typescript writes, for every online form of the bundled catalogue', async () => {
    const { catalogue } = await loadCatalogue(path.join(REPO, 'catalogue'));
    expect(await expectSameAsLibrary(catalogue.versions.map((v) => v.data))).toBeGreaterThan(20);
  }, 60_000);

  it('… of the build fixtures and of forms with awkward text, keys and options', async () => {
    expect(await expectSameAsLibrary([birthV2(), judicialRecord(), ...awkward()])).toBe(5);
  });

  it('… of a synthetic catalogue', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'tthc-form-types-'));
    roots.push(root);
    writeSyntheticCatalogue(root, { procedures: 60, seed: 7, from: path.join(REPO, 'catalogue') });
    const { catalogue } = await loadCatalogue(root);
    expect(await expectSameAsLibrary(catalogue.versions.map((v) => v.data))).toBeGreaterThan(60);
  }, 60_000);

  it('refuse a schema they cannot type rather than typing it wrong', () => {
    const schema = formSchema(birthV2());
    const fields = (schema.properties as Record<string, Schema>).fields!;
    (fields.properties as Record<string, Schema>).odd = { title: 'Lạ', anyOf: [{ type: 'string' }, { type: 'null' }] };
    expect(() => formTypes(schema, BANNER)).toThrow(/unexpected schema at fields\/odd/);
  });
});
