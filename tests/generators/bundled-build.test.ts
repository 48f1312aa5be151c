import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorSummary, portalAjv } from '../helpers/ajv.js';
import { REPO, runTthc } from '../helpers/cli.js';
import { cleanupOutputs, makeOutputRoot, readJson, readTree } from '../helpers/output.js';

// `npm start` runs exactly this on the bundled catalogue (with --out build and today's date).
let out: string;
let tree: Map<string, Buffer>;
let stdout: string;

beforeAll(async () => {
  const pkg = JSON.parse(await readFile(path.join(REPO, 'package.json'), 'utf8'));
  expect(pkg.scripts.start).toBe('node dist/cli/tthc.js build catalogue --out build');
  out = path.join(await makeOutputRoot(), 'build');
  const r = await runTthc(['build', 'catalogue', '--out', out, '--at', '2026-03-01'], { timeoutMs: 120_000 });
  expect(r.stderr).not.toContain('error');
  expect(r.code).toBe(0);
  stdout = r.stdout;
  tree = await readTree(out);
}, 120_000);
afterAll(cleanupOutputs);

const text = (rel: string) => tree.get(rel)!.toString();

describe('building the bundled catalogue', () => {
  it('says where the output is', () => {
    expect(stdout).toContain(`Output: ${out}\n`);
    expect(stdout).toContain(`${out}/listing/danh-muc.html`);
  });

  it('lists birth registration after Nghị quyết 66.7/2025: the Căn cước is no longer brought, it is looked up', () => {
    const page = text('site/procedures/1.001193.html');
    // v3 as corrected (đính chính): the correction's row is the current one.
    expect(page).toContain('<tr class="current"><td data-label="Hiệu lực">Đính chính nội dung từ ngày 01/01/2026 (đang hiển thị)</td>');
    expect(page).toContain('<p>Không cần mang những giấy tờ sau: cơ quan giải quyết tự tra cứu thông tin trong cơ sở dữ liệu.</p>');
    expect(page).toMatch(/<li>Thẻ căn cước[^<]*: cơ quan khai thác từ Cơ sở dữ liệu quốc gia về dân cư\./);
    expect(text('listing/danh-muc.md')).toMatch(/\| 1\.001193 \| \[Thủ tục đăng ký khai sinh\]\(\.\.\/site\/procedures\/1\.001193\.html\) \| Trực tiếp, dịch vụ bưu chính, trực tuyến: Ngay trong ngày nhận đủ hồ sơ hợp lệ \|/);
  });

  it('lists enterprise registration at 3 working days (Luật Doanh nghiệp 2020, Art. 26)', () => {
    for (const code of ['2.001583', '2.001199', '2.002043']) {
      expect(text('listing/danh-muc.md')).toMatch(new RegExp(`\\| ${code.replace('.', '\\.')} \\| \\[[^\\]]+\\]\\([^)]+\\) \\| [^|]*: 03 ngày làm việc kể từ ngày nhận hồ sơ`));
    }
  });

  it('warns on the judicial record page that the procedure moves away on 1 July 2026 (Law 107/2025)', () => {
    expect(text('site/procedures/2.000488.html')).toContain('<p class="banner" role="note">Thủ tục sẽ bị bãi bỏ từ ngày 01/07/2026.</p>');
  });

  it('feeds the Nghị quyết 66.7/2025 amendments of 1 January 2026 as typed changes', async () => {
    const january = await readJson(out, 'api/v1/changes/2026-01.json');
    for (const code of ['1.001193', '1.000894', '1.000656']) {
      const change = january.changes.find((c: any) => c.code === code);
      expect(change.kind).toBe('amended');
      expect(change.effective).toBe('2026-01-01');
      expect(change.changedBy.map((c: any) => c.document)).toEqual(['66.7/2025/NQ-CP']);
      const lookups = change.operations.filter((o: any) => o.op === 'add' && o.path.endsWith('/lookup'));
      expect(lookups.length).toBeGreaterThanOrEqual(1);
      expect(lookups.every((o: any) => o.to.database === 'csdl-dan-cu')).toBe(true);
    }
  });

  it('writes exactly these files of each procedure: its API document and its page, with the form preview of the version in force', () => {
    // By hand from catalogue/procedures on 2026-03-01: every published procedure has one API document and one
    // page (history and changes inside it); a version in force, or next, that can be filed online has a form
    // schema and a form preview (no next version on that day can be: 2.000488's v3 is a repeal); a proposal
    // has its dashboard page. Nothing sits in a folder of its own procedure.
    const forms: Record<string, string[]> = {
      '1.000656': ['v3'],
      '1.000894': ['v3'],
      '1.001193': ['v3'],
      '1.003197': ['v1'],
      '1.004194': ['v2'],
      '1.004222': ['v3'],
      '1.004873': [],
      '1.013225': ['v2'],
      '2.000488': ['v2'],
      '2.000488.H26': ['v1'],
      '2.001159': ['v1'],
      '2.001199': ['v2026'],
      '2.001583': ['v2026'],
      '2.001610': ['v2026'],
      '2.002042': ['v2026'],
      '2.002043': ['v2026'],
    };
    const proposals: Record<string, string[]> = { '1.004222': ['pa-2026'], '2.002043': ['pa-2026'] };
    const own = (code: string) =>
      [...tree.keys()]
        .filter((rel) => {
          const base = rel.slice(rel.lastIndexOf('/') + 1);
          return base === `${code}.json` || base === `${code}.html` || base.startsWith(`${code}--`);
        })
        .sort();
    let files = 0;
    for (const [code, versions] of Object.entries(forms)) {
      const expected = [
        `api/v1/procedures/${code}.json`,
        ...(proposals[code] ?? []).map((p) => `site/dashboard/${code}--${p}.html`),
        `site/procedures/${code}.html`,
      ];
      expect(own(code), code).toEqual(expected);
      files += expected.length;
      // The form preview of the version shown is a section of the page, with that version's schema.
      const page = text(`site/procedures/${code}.html`);
      expect([...page.matchAll(/<script type="application\/json" data-schema>\{"\$schema":"[^"]+","\$id":"urn:tthc:form:([^"]+)"/g)].map((m) => m[1]), code).toEqual(versions.map((v) => `${code}:${v}`));
    }
    // 16 procedures × 2 (API document, page) and 2 proposals: about 2 files per procedure (the form
    // schemas are inside the API documents, the form previews inside the pages).
    expect(files).toBe(34);
    expect(JSON.parse(text('site/search/meta.json')).count).toBe(Object.keys(forms).length);
    expect([...tree.keys()].filter((rel) => /^(api\/v1\/procedures|site\/procedures|site\/forms)\/[^/]+\/|^forms\/(?!types\/)[^/]+\//.test(rel))).toEqual([]);
  });

  it('validates every generated JSON against the schema its $schema names', () => {
    const ajv = portalAjv();
    for (const [rel, bytes] of tree) if (rel.startsWith('api/v1/schemas/')) ajv.addSchema(JSON.parse(bytes.toString()));
    for (const [rel, bytes] of tree) {
      if (!rel.endsWith('.json') || rel.startsWith('api/v1/schemas/') || rel.startsWith('forms/') || rel.startsWith('reports/') || rel.startsWith('site/')) continue;
      const data = JSON.parse(bytes.toString());
      const schema = JSON.parse(tree.get(path.posix.join(path.posix.dirname(rel), data.$schema))!.toString());
      const validate = ajv.getSchema(schema.$id)!;
      expect(validate(data) ? [] : errorSummary(validate.errors), rel).toEqual([]);
    }
  });

  it('publishes form schemas whose example validates, and whose every ID number and required field is enforced', () => {
    // One per version in force or next with an online channel, inside each procedure's API document
    // (no form schema files any more: forms/ holds the TypeScript types only).
    expect([...tree.keys()].filter((rel) => rel.endsWith('.schema.json') && !rel.startsWith('api/v1/schemas/'))).toEqual([]);
    const schemas = [...tree]
      .filter(([rel]) => /^api\/v1\/procedures\/[^/]+\.json$/.test(rel))
      .flatMap(([rel, bytes]) => JSON.parse(bytes.toString()).versions.flatMap((v: any) => (v.form ? [[`${rel}#${v.version}`, v.form.schema] as [string, any]] : [])));
    expect(schemas.length).toBeGreaterThanOrEqual(10);
    for (const [rel, schema] of schemas) {
      const validate = portalAjv().compile(schema);
      const example = schema.examples[0];
      expect(validate(example) ? [] : errorSummary(validate.errors), rel).toEqual([]);
      const fields = schema.properties.fields;
      for (const [id, field] of Object.entries<any>(fields.properties)) {
        if (field.pattern !== '^[0-9]{12}$') continue;
        const bad = structuredClone(example);
        bad.fields[id] = '00109001234';
        expect(validate(bad) ? [] : errorSummary(validate.errors), `${rel} ${id}`).toEqual([{ path: `/fields/${id}`, keyword: 'pattern', params: { pattern: '^[0-9]{12}$' } }]);
      }
      for (const id of fields.required ?? []) {
        const bad = structuredClone(example);
        delete bad.fields[id];
        expect(validate(bad) ? [] : errorSummary(validate.errors), `${rel} ${id}`).toEqual([{ path: '/fields', keyword: 'required', params: { missingProperty: id } }]);
      }
    }
  });
});
