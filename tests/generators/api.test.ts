import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyOperations, diffJson as diff } from '../../rules/compute/diff/json.js';
import { changePages, indexPages } from '../../generators/api/index.js';
import { buildCatalogue } from '../../generators/build.js';
import { formSchema } from '../../generators/form-schemas/schema.js';
import { birthV1, birthV2, buildFixture, judicialRecord } from '../helpers/build-fixture.js';
import { cleanupCatalogues } from '../helpers/catalogue.js';
import { errorSummary, portalAjv } from '../helpers/ajv.js';
import { cleanupOutputs, makeOutputRoot, readJson, readTree } from '../helpers/output.js';

let out: string;
let tree: Map<string, Buffer>;

beforeAll(async () => {
  const catalogue = await buildFixture();
  out = path.join(await makeOutputRoot(), 'out');
  const result = await buildCatalogue(catalogue, { out, at: '2025-06-01', cacheDir: false });
  expect(result.built).toBe(true);
  tree = await readTree(out);
});
afterAll(async () => {
  await cleanupCatalogues();
  await cleanupOutputs();
});

describe('portal JSON API', () => {
  it('publishes schemas, and every generated JSON validates against the schema its $schema names', () => {
    const ajv = portalAjv();
    const schemas = [...tree].filter(([rel]) => rel.startsWith('api/v1/schemas/'));
    for (const [, bytes] of schemas) ajv.addSchema(JSON.parse(bytes.toString()));
    let checked = 0;
    for (const [rel, bytes] of tree) {
      if (!rel.endsWith('.json') || rel.startsWith('api/v1/schemas/') || rel.startsWith('forms/') || rel.startsWith('reports/') || rel.startsWith('site/')) continue;
      const data = JSON.parse(bytes.toString());
      expect(typeof data.$schema, rel).toBe('string');
      const schemaFile = path.posix.join(path.posix.dirname(rel), data.$schema);
      const schema = JSON.parse(tree.get(schemaFile)!.toString());
      const validate = ajv.getSchema(schema.$id)!;
      expect(validate(data) ? [] : errorSummary(validate.errors), rel).toEqual([]);
      checked++;
    }
    // The index and its page, the feed and its 4 pages, 5 procedures (their 7 versions inside them), the manifest and its shard.
    expect(checked).toBe(1 + 1 + 1 + 4 + 5 + 2);
    // Versions are fragments of their procedure's document, not files of their own.
    expect([...tree.keys()].filter((rel) => rel.includes('/versions/'))).toEqual([]);
  });

  it('indexes every procedure with a published version, with its status on the build date', async () => {
    const index = await readJson(out, 'api/v1/index.json');
    expect(index).toEqual({
      $schema: 'schemas/index.schema.json',
      at: '2025-06-01',
      procedures: 5,
      pages: [{ prefix: '', href: 'index/all.json', procedures: 5, first: '1.000001', last: '2.000488' }],
    });
    const page = await readJson(out, 'api/v1/index/all.json');
    expect(page.procedures.map((p: any) => [p.code, p.status, p.version, p.effective])).toEqual([
      ['1.000001', 'repealed', 'v1', { from: '2020-07-16', until: '2023-12-31' }],
      ['1.000656', 'in-force', 'v1', { from: '2020-07-16', until: null }],
      ['1.001193', 'in-force', 'v1', { from: '2020-07-16', until: '2025-12-31' }],
      ['1.999999', 'not-yet-in-force', 'v1', { from: '2027-01-01', until: null }],
      ['2.000488', 'in-force', 'v1', { from: '2020-07-16', until: null }],
    ]);
    expect(page.procedures[4]).toEqual({
      code: '2.000488',
      name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam',
      status: 'in-force',
      version: 'v1',
      effective: { from: '2020-07-16', until: null },
      levels: [{ id: 'province', name: 'Cấp tỉnh' }],
      field: { id: 'ly-lich-tu-phap', name: 'Lý lịch tư pháp' },
      agencies: [{ id: 'so-tu-phap', name: 'Sở Tư pháp' }],
      timeLimit: { value: 10, unit: 'working-days', start: 'complete-dossier', text: '10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ' },
      channels: ['in-person', 'online', 'postal'],
      onlineService: 'partial',
      free: false,
      href: '../procedures/2.000488.json',
      html: '../../../site/procedures/2.000488.html',
    });
  });

  it('describes a procedure: the version in force and every version with its dates', async () => {
    const { versions, ...procedure } = await readJson(out, 'api/v1/procedures/1.001193.json');
    const { registry, ...rest } = procedure;
    // The form schemas themselves are checked below and in form-schemas.test.ts: here, where they are.
    const meta = versions.map(({ parts, spec, form, ...m }: any) => ({ ...m, form: form && { ...form, schema: form.schema.$id } }));
    expect({ ...rest, versions: meta }).toEqual({
      $schema: '../schemas/procedure.schema.json',
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      status: 'in-force',
      current: { version: 'v1', effective: { from: '2020-07-16', until: '2025-12-31' }, href: '#/versions/0' },
      versions: [
        {
          version: 'v1',
          status: 'published',
          effective: { from: '2020-07-16', until: '2025-12-31' },
          endsBecause: 'superseded',
          supersedes: null,
          supersededBy: 'v2',
          changedBy: [],
          form: { schema: 'urn:tthc:form:1.001193:v1', types: '../../../forms/index.d.ts', module: 'tthc-forms/1.001193/v1' },
          corrections: [],
          specPatch: null,
        },
        {
          version: 'v2',
          status: 'published',
          effective: { from: '2026-01-01', until: null },
          endsBecause: 'open',
          supersedes: 'v1',
          supersededBy: null,
          changedBy: [{ document: '66.7/2025/NQ-CP', article: '4', text: 'Điều 4 Nghị quyết số 66.7/2025/NQ-CP ngày 15/11/2025 của Chính phủ về cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến giấy tờ công dân' }],
          form: { schema: 'urn:tthc:form:1.001193:v2', types: '../../../forms/index.d.ts', module: 'tthc-forms/1.001193/v2' },
          corrections: [],
          specPatch: null,
        },
      ],
      html: '../../../site/procedures/1.001193.html',
    });
    const repealed = await readJson(out, 'api/v1/procedures/1.000001.json');
    expect([repealed.status, repealed.current, repealed.versions.map((v: any) => [v.version, v.status, v.endsBecause])]).toEqual(['repealed', null, [['v1', 'published', 'superseded'], ['v2', 'repealed', 'open']]]);
  });

  it('publishes each version as specified, the registry entries they name once, and the parts in Vietnamese', async () => {
    const doc = await readJson(out, 'api/v1/procedures/1.001193.json');
    const v2 = doc.versions[1];
    expect(v2.version).toBe('v2');
    const { $schema, ...spec } = birthV2() as any;
    expect($schema).toBeUndefined();
    expect(v2.spec).toEqual(spec);
    // v1 names no database; v2 looks the ID card up in the population database: the union, once.
    expect(doc.registry.databases).toEqual([{ id: 'csdl-dan-cu', name: 'Cơ sở dữ liệu quốc gia về dân cư' }]);
    expect(doc.registry.legalDocuments.map((d: any) => d.number)).toEqual(['04/2020/TT-BTP', '60/2014/QH13', '66.7/2025/NQ-CP', '85/2019/TT-BTC']);
    expect([doc.registry.fields, doc.registry.levels]).toEqual([[{ id: 'ho-tich', name: 'Hộ tịch' }], [{ id: 'commune', name: 'Cấp xã' }]]);
    // In force (v1) and next (v2) on 2025-06-01: both worded.
    expect(doc.versions.map((v: any) => v.parts?.length ?? null)).toEqual([11, 11]);
    expect(v2.parts.map((p: any) => p.id)).toEqual(['steps', 'channels', 'dossier', 'timeLimit', 'subjects', 'agencies', 'results', 'fees', 'forms', 'requirements', 'legalBasis']);
    expect(v2.parts[2].blocks[1]).toEqual({ paragraph: 'Giấy tờ không phải nộp, cơ quan giải quyết khai thác thông tin từ cơ sở dữ liệu:' });
    expect(v2.parts[2].blocks[2]).toEqual({
      list: ['Thẻ Căn cước của người đi đăng ký: khai thác từ Cơ sở dữ liệu quốc gia về dân cư. Căn cứ: Điều 4 Nghị quyết số 66.7/2025/NQ-CP ngày 15/11/2025 của Chính phủ về cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến giấy tờ công dân.'],
      ordered: false,
    });
  });

  it('publishes a typed change feed by month, newest first', async () => {
    expect(await readJson(out, 'api/v1/changes.json')).toEqual({
      $schema: 'schemas/changes.schema.json',
      changes: 7,
      pages: [
        { month: '2027-01', part: 1, href: 'changes/2027-01.json', changes: 1 },
        { month: '2026-01', part: 1, href: 'changes/2026-01.json', changes: 1 },
        { month: '2024-01', part: 1, href: 'changes/2024-01.json', changes: 1 },
        { month: '2020-07', part: 1, href: 'changes/2020-07.json', changes: 4 },
      ],
    });
    const january = await readJson(out, 'api/v1/changes/2026-01.json');
    expect(january.changes).toEqual([
      {
        code: '1.001193',
        name: 'Thủ tục đăng ký khai sinh',
        kind: 'amended',
        fromVersion: 'v1',
        toVersion: 'v2',
        effective: '2026-01-01',
        changedBy: [{ document: '66.7/2025/NQ-CP', article: '4', text: 'Điều 4 Nghị quyết số 66.7/2025/NQ-CP ngày 15/11/2025 của Chính phủ về cắt giảm, đơn giản hóa thủ tục hành chính liên quan đến giấy tờ công dân' }],
        operations: [{ op: 'add', path: '/dossier/documents/3/lookup', to: { database: 'csdl-dan-cu', legalBasis: [{ document: '66.7/2025/NQ-CP', article: '4' }] } }],
        href: '../procedures/1.001193.json#/versions/1',
      },
    ]);
    const repeal = (await readJson(out, 'api/v1/changes/2024-01.json')).changes[0];
    expect([repeal.code, repeal.kind, repeal.fromVersion, repeal.toVersion, repeal.effective, repeal.operations, repeal.changedBy[0].document]).toEqual([
      '1.000001', 'repealed', 'v1', 'v2', '2024-01-01', [], '01/2023/QĐ-UBND',
    ]);
    const first = (await readJson(out, 'api/v1/changes/2020-07.json')).changes.map((c: any) => [c.code, c.kind, c.fromVersion, c.toVersion]);
    expect(first).toEqual([['1.000001', 'new', null, 'v1'], ['1.000656', 'new', null, 'v1'], ['1.001193', 'new', null, 'v1'], ['2.000488', 'new', null, 'v1']]);
  });
});

/** JSON Patch (RFC 6902) add, remove and replace with RFC 6901 pointers, written from the RFC, not from the project's code. */
function rfc6902(doc: unknown, ops: { op: string; path: string; value?: unknown }[]): unknown {
  const root = structuredClone(doc) as any;
  for (const o of ops) {
    const tokens = o.path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    let parent = root;
    for (const t of tokens.slice(0, -1)) parent = parent[Array.isArray(parent) ? Number(t) : t];
    const last = tokens[tokens.length - 1]!;
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (o.op === 'add') parent.splice(i, 0, o.value);
      else if (o.op === 'remove') parent.splice(i, 1);
      else parent[i] = o.value;
    } else if (o.op === 'remove') delete parent[last];
    else parent[last] = o.value;
  }
  return root;
}

describe('a later build date', () => {
  it('words the parts of the versions in force, next and shown only; older versions are a JSON Patch of the next one', async () => {
    const later = path.join(await makeOutputRoot(), 'later');
    const result = await buildCatalogue(await buildFixture(), { out: later, at: '2026-06-01', cacheDir: false });
    expect(result.built).toBe(true);
    const doc = await readJson(later, 'api/v1/procedures/1.001193.json');
    // v2 is in force, v1 ended on 2025-12-31: its parts are left out, and its spec is the RFC 6902
    // patch that turns v2's spec into it (applied here by the tests' own RFC 6902 reading, as a portal would).
    expect(doc.versions.map((v: any) => [v.version, v.parts === null ? null : v.parts.length])).toEqual([['v1', null], ['v2', 11]]);
    const { $schema, ...spec } = birthV1() as any;
    const { $schema: _s2, ...spec2 } = birthV2() as any;
    expect([$schema, doc.versions[0].spec, doc.versions[1].spec, doc.versions[1].specPatch, doc.versions[0].specPatch.base]).toEqual([undefined, null, spec2, null, 'v2']);
    const ops = doc.versions[0].specPatch.operations;
    expect(ops.every((o: any) => ['add', 'remove', 'replace'].includes(o.op) && (o.op === 'remove') === !('value' in o))).toBe(true);
    expect(ops.find((o: any) => o.path === '/version')).toEqual({ op: 'replace', path: '/version', value: 'v1' });
    expect(rfc6902(spec2, ops)).toEqual(spec);
    expect(JSON.stringify(ops).length).toBeLessThan(JSON.stringify(spec).length / 2);
    // The form schema is only for the version in force now (v1's is of no use to a portal), inline.
    expect(doc.versions.map((v: any) => v.form?.module ?? null)).toEqual([null, 'tthc-forms/1.001193/v2']);
    expect(doc.versions[1].form.schema).toEqual(formSchema(birthV2() as any));
    expect((await readTree(later)).has('forms/1.001193--v2.schema.json')).toBe(false);
    // Written compact: no indentation, one newline at the end.
    const text = (await readTree(later)).get('api/v1/procedures/1.001193.json')!.toString();
    expect([text.includes('\n  '), text.endsWith('}\n'), text.split('\n').length]).toEqual([false, true, 2]);
  });
});

describe('index pages', () => {
  const codes = (n: number, start = 0) => Array.from({ length: n }, (_, i) => ({ code: `1.${String(start + i).padStart(6, '0')}` }));

  it('keeps one page while the catalogue is small, and splits by code prefix past the page size', () => {
    expect(indexPages(codes(3)).map((p) => [p.prefix, p.entries.length])).toEqual([['', 3]]);
    const many = [...codes(1200), ...codes(300, 2000), { code: '2.000488' }, { code: '1.001193.H26' }];
    const pages = indexPages(many, 500);
    // 1.000000–1.000999 split again into tens of hundreds; 1.001xxx (with the local variant) and 1.002xxx fit a page each.
    expect(pages.map((p) => [p.prefix, p.entries.length])).toEqual([...Array.from({ length: 10 }, (_, i) => [`1.000${i}`, 100]), ['1.001', 201], ['1.002', 300], ['2', 1]]);
    expect(pages.flatMap((p) => p.entries.map((e) => e.code))).toEqual([...many].map((e) => e.code).sort());
    expect(Math.max(...pages.map((p) => p.entries.length))).toBeLessThanOrEqual(500);
  });

  it('changes one page when a procedure is added', () => {
    const before = indexPages(codes(1500), 500);
    const after = indexPages([...codes(1500), { code: '1.000777.H01' }], 500);
    const changed = after.filter((p, i) => JSON.stringify(p) !== JSON.stringify(before[i]));
    expect(after.length).toBe(before.length);
    expect(changed.map((p) => p.prefix)).toEqual(['1.0007']);
  });
});

describe('change feed pages', () => {
  const change = (code: string, i: number) => ({ code, i });
  const month = (n: number, from = 0) => Array.from({ length: n }, (_, i) => change(`1.${String(100000 + from + i).padStart(6, '0')}`, from + i));

  it('are one page for a month of up to 500 changes, in the month order', () => {
    const m = month(500).reverse();
    expect(changePages(m)).toEqual([m]);
  });

  it('split a larger month by code prefix, keeping its order within each page', () => {
    // Newest first: the month's order is not the codes' order.
    const m = [...month(700)].sort((a, b) => (a.i % 7) - (b.i % 7) || a.i - b.i);
    const pages = changePages(m);
    expect(pages.map((p) => p.length)).toEqual([100, 100, 100, 100, 100, 100, 100]);
    for (const page of pages) expect(page).toEqual(m.filter((c) => page.includes(c)));
    expect(pages.flat().sort((a, b) => a.i - b.i)).toEqual(month(700));
  });

  it('change only the page of a new change', () => {
    const before = changePages(month(1400));
    const after = changePages([...month(1400), change('1.100777.H01', 9999)]);
    expect(after.length).toBe(before.length);
    expect(after.filter((p, i) => JSON.stringify(p) !== JSON.stringify(before[i])).map((p) => p[0]!.code.slice(0, 6))).toEqual(['1.1007']);
  });

  it('keep one code with more versions than a page on one page', () => {
    const many = Array.from({ length: 600 }, (_, i) => change('1.000001', i));
    expect(changePages(many).map((p) => p.length)).toEqual([600]);
  });
});

describe('change operations', () => {
  const cases: [string, unknown, unknown][] = [
    ['birth registration v1 → v2', birthV1(), birthV2()],
    ['a document removed from the middle', { dossier: { documents: [{ id: 'a' }, { id: 'b', n: 1 }, { id: 'c' }] } }, { dossier: { documents: [{ id: 'a' }, { id: 'c' }] } }],
    ['a document inserted and another changed', { documents: [{ id: 'a', n: 1 }, { id: 'c' }] }, { documents: [{ id: 'a', n: 2 }, { id: 'b' }, { id: 'c' }] }],
    ['documents reordered', { documents: [{ id: 'a' }, { id: 'b' }] }, { documents: [{ id: 'b' }, { id: 'a' }] }],
    ['a level replaced', { levels: ['district'] }, { levels: ['commune'] }],
    ['citations without ids reworded', { legalBasis: [{ document: 'x', article: '1' }, { document: 'y' }] }, { legalBasis: [{ document: 'x', article: '2' }, { document: 'y' }] }],
    ['keys with / and ~', { 'a/b': 1, 'c~d': [1, 2] }, { 'a/b': 2, 'c~d': [2] }],
    ['the judicial record against birth registration', birthV1(), judicialRecord()],
  ];

  it.each(cases)('turn the old version into the new one when applied in order: %s', (_name, from, to) => {
    expect(applyOperations(from, diff(from, to))).toEqual(to);
  });

  it('state the smallest change a reviewer reads', () => {
    expect(diff(cases[1]![1], cases[1]![2])).toEqual([{ op: 'remove', path: '/dossier/documents/1', from: { id: 'b', n: 1 } }]);
    expect(diff(cases[2]![1], cases[2]![2])).toEqual([
      { op: 'update', path: '/documents/0/n', from: 1, to: 2 },
      { op: 'add', path: '/documents/1', to: { id: 'b' } },
    ]);
    expect(diff(cases[3]![1], cases[3]![2])).toEqual([{ op: 'update', path: '/documents', from: [{ id: 'a' }, { id: 'b' }], to: [{ id: 'b' }, { id: 'a' }] }]);
    expect(diff(cases[4]![1], cases[4]![2])).toEqual([{ op: 'update', path: '/levels/0', from: 'district', to: 'commune' }]);
    expect(diff(cases[5]![1], cases[5]![2])).toEqual([{ op: 'update', path: '/legalBasis/0', from: { document: 'x', article: '1' }, to: { document: 'x', article: '2' } }]);
    expect(diff(cases[6]![1], cases[6]![2])).toEqual([
      { op: 'update', path: '/a~1b', from: 1, to: 2 },
      { op: 'remove', path: '/c~0d/0', from: 1 },
    ]);
  });
});
