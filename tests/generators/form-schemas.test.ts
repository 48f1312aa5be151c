import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../generators/build.js';
import { conditionSchema, specialise } from '../../generators/form-schemas/conditions.js';
import { formSchema } from '../../generators/form-schemas/schema.js';
import { factsOf } from '../../rules/lint/condition-facts.js';
import { birthV1, birthV2, buildFixture, judicialRecord } from '../helpers/build-fixture.js';
import { cleanupCatalogues } from '../helpers/catalogue.js';
import { errorSummary, portalAjv } from '../helpers/ajv.js';
import { cleanupOutputs, makeOutputRoot, readTree } from '../helpers/output.js';

type Submission = Record<string, any>;

function validator(schema: object) {
  const validate = portalAjv().compile(schema);
  return (submission: Submission) => (validate(submission) ? [] : errorSummary(validate.errors));
}

const pdf = (fileName: string, size = 182_344) => [{ fileName, mediaType: 'application/pdf', size }];

/** An on-time registration with a birth certificate, filed in January 2026. */
function onTimeBirth(): Submission {
  return {
    procedure: { code: '1.001193', version: 'v2' },
    fields: {
      hoTenNguoiYeuCau: 'Trần Thị Bình',
      soDinhDanh: '001185012345',
      dienThoai: '0987654321',
      hoTenTre: 'Nguyễn Minh Khang',
      ngaySinh: '2025-12-28',
      gioiTinh: 'nam',
    },
    documents: { 'giay-chung-sinh': pdf('giay-chung-sinh.pdf') },
  };
}

describe('online form schemas', () => {
  describe('birth registration from 2026 (1.001193 v2)', () => {
    const validate = validator(formSchema(birthV2()));

    it('accepts an on-time registration with a birth certificate, the facts left at their defaults', () => {
      expect(validate(onTimeBirth())).toEqual([]);
    });

    it('accepts a late registration with a witness statement instead of a birth certificate', () => {
      const late = onTimeBirth();
      late.facts = { dungHan: false, coGiayChungSinh: false };
      late.fields.lyDoQuaHan = 'Gia đình ở vùng sâu, đi lại khó khăn nên chưa đăng ký đúng hạn.';
      late.fields.email = 'binh.tran@gmail.com';
      late.fields.dienThoai = '+84987654321';
      late.documents = { 'van-ban-lam-chung': [{ fileName: 'xac-nhan-lam-chung.jpg', mediaType: 'image/jpeg', size: 954_112, sha256: 'c'.repeat(64) }] };
      expect(validate(late)).toEqual([]);
    });

    it('rejects a mistyped ID number, phone, e-mail, impossible date and unknown sex, each at its field', () => {
      const bad = onTimeBirth();
      Object.assign(bad.fields, { soDinhDanh: '00118501234', dienThoai: '091234567', email: 'binh.tran@', ngaySinh: '2025-02-30', gioiTinh: 'khac' });
      expect(validate(bad)).toEqual([
        { path: '/fields/soDinhDanh', keyword: 'pattern', params: { pattern: '^[0-9]{12}$' } },
        { path: '/fields/dienThoai', keyword: 'pattern', params: { pattern: '^(?:0|\\+84)(?:[35789][0-9]{8}|2[0-9]{9})$' } },
        { path: '/fields/email', keyword: 'format', params: { format: 'email' } },
        { path: '/fields/ngaySinh', keyword: 'format', params: { format: 'date' } },
        { path: '/fields/gioiTinh', keyword: 'const', params: { allowedValue: 'nam' } },
        { path: '/fields/gioiTinh', keyword: 'const', params: { allowedValue: 'nu' } },
        { path: '/fields/gioiTinh', keyword: 'oneOf', params: { passingSchemas: null } },
      ]);
    });

    it('requires the reason for a late registration and the witness statement when there is no birth certificate', () => {
      const bad = onTimeBirth();
      bad.facts = { dungHan: false, coGiayChungSinh: false };
      bad.documents = {};
      expect(validate(bad)).toEqual([
        { path: '/fields', keyword: 'required', params: { missingProperty: 'lyDoQuaHan' } },
        { path: '', keyword: 'if', params: { failingKeyword: 'then' } },
        { path: '/documents', keyword: 'required', params: { missingProperty: 'van-ban-lam-chung' } },
        { path: '', keyword: 'if', params: { failingKeyword: 'then' } },
      ]);
    });

    it('requires the birth certificate when the applicant has one, which is the default', () => {
      const bad = onTimeBirth();
      bad.documents = {};
      expect(validate(bad)).toEqual([
        { path: '/documents', keyword: 'required', params: { missingProperty: 'giay-chung-sinh' } },
        { path: '', keyword: 'if', params: { failingKeyword: 'then' } },
      ]);
    });

    it('has no upload slot for the Căn cước, which the office looks up in the population database since NQ 66.7/2025', () => {
      const bad = onTimeBirth();
      bad.documents['can-cuoc'] = pdf('can-cuoc.pdf');
      expect(validate(bad)).toEqual([{ path: '/documents', keyword: 'additionalProperties', params: { additionalProperty: 'can-cuoc' } }]);
    });

    it('rejects a submission made for another version, and files a portal would not store', () => {
      const bad = onTimeBirth();
      bad.procedure.version = 'v1';
      bad.documents['giay-chung-sinh'] = [{ fileName: 'scan/giay.doc', mediaType: 'application/msword', size: 0, url: 'https://example.vn/x' }];
      expect(validate(bad)).toEqual([
        { path: '/procedure/version', keyword: 'const', params: { allowedValue: 'v2' } },
        { path: '/documents/giay-chung-sinh/0', keyword: 'additionalProperties', params: { additionalProperty: 'url' } },
        { path: '/documents/giay-chung-sinh/0/fileName', keyword: 'pattern', params: { pattern: '^[^/\\\\]+$' } },
        { path: '/documents/giay-chung-sinh/0/mediaType', keyword: 'enum', params: { allowedValues: ['application/pdf', 'image/jpeg', 'image/png'] } },
        { path: '/documents/giay-chung-sinh/0/size', keyword: 'minimum', params: { comparison: '>=', limit: 1 } },
      ]);
    });
  });

  it('before 2026 (v1) the Căn cước is an upload slot, and required', () => {
    const validate = validator(formSchema(birthV1()));
    const v1 = onTimeBirth();
    v1.procedure.version = 'v1';
    expect(validate(v1)).toEqual([{ path: '/documents', keyword: 'required', params: { missingProperty: 'can-cuoc' } }]);
    v1.documents['can-cuoc'] = pdf('can-cuoc.pdf');
    expect(validate(v1)).toEqual([]);
  });

  describe('judicial record certificate (2.000488), filed online', () => {
    const schema = formSchema(judicialRecord());
    const validate = validator(schema);
    const request = (): Submission => ({
      procedure: { code: '2.000488', version: 'v1' },
      facts: { noiCuTru: 'trongNuoc' },
      fields: { hoTen: 'Lê Văn Cường', soDinhDanh: '079090001234', maSoThue: '8012345678', email: 'cuong.le@example.vn', dienThoai: '02438251234', mucDich: 'xin-viec', soBanYeuCau: 2 },
      documents: { 'can-cuoc': pdf('can-cuoc.pdf') },
    });

    it('leaves out what only applies to postal filing: the authorisation letter and the postal address', () => {
      expect(Object.keys((schema.properties as any).documents.properties)).toEqual(['can-cuoc', 'giay-cu-tru']);
      expect(Object.keys((schema.properties as any).fields.properties)).not.toContain('diaChiBuuChinh');
    });

    it('accepts a request from inside the country, and one from abroad with its extra field and document', () => {
      expect(validate(request())).toEqual([]);
      const abroad = request();
      abroad.facts = { noiCuTru: 'nuocNgoai', laSinhVien: true };
      abroad.fields.maSoThue = '0101234567-001';
      abroad.fields.diaChiNuocNgoai = '12 Rue de Rivoli, 75004 Paris, Pháp';
      abroad.documents['giay-cu-tru'] = [{ fileName: 'the-cu-tru.png', mediaType: 'image/png', size: 402_113 }];
      expect(validate(abroad)).toEqual([]);
    });

    it('requires the place of residence, which has no default, and checks tax code, copies and choices', () => {
      const bad = request();
      delete bad.facts;
      Object.assign(bad.fields, { maSoThue: '010123456', soBanYeuCau: 21, diaChiBuuChinh: '1 Tràng Tiền, Hà Nội' });
      bad.documents['giay-uy-quyen'] = pdf('uy-quyen.pdf');
      expect(validate(bad)).toEqual([
        { path: '', keyword: 'required', params: { missingProperty: 'facts' } },
        { path: '/fields', keyword: 'additionalProperties', params: { additionalProperty: 'diaChiBuuChinh' } },
        { path: '/fields/maSoThue', keyword: 'pattern', params: { pattern: '^(?:[0-9]{10}(?:-[0-9]{3})?|[0-9]{12})$' } },
        { path: '/fields/soBanYeuCau', keyword: 'maximum', params: { comparison: '<=', limit: 20 } },
        { path: '/documents', keyword: 'additionalProperties', params: { additionalProperty: 'giay-uy-quyen' } },
      ]);
    });

    it('requires the foreign address and residence papers of an applicant living abroad', () => {
      const bad = request();
      bad.facts = { noiCuTru: 'nuocNgoai' };
      expect(validate(bad)).toEqual([
        { path: '/fields', keyword: 'required', params: { missingProperty: 'diaChiNuocNgoai' } },
        { path: '', keyword: 'if', params: { failingKeyword: 'then' } },
        { path: '/documents', keyword: 'required', params: { missingProperty: 'giay-cu-tru' } },
        { path: '', keyword: 'if', params: { failingKeyword: 'then' } },
      ]);
    });
  });

  describe('conditions', () => {
    const facts = factsOf(judicialRecord().facts);
    it('evaluates the channel ahead of time: an online form knows it is filed online', () => {
      expect(specialise({ fact: 'channel', equals: 'postal' }, new Map([['channel', 'online']]))).toBe(false);
      expect(specialise({ any: [{ fact: 'channel', equals: 'online' }, { fact: 'laSinhVien', equals: true }] }, new Map([['channel', 'online']]))).toBe(true);
      expect(specialise({ all: [{ fact: 'channel', in: ['online', 'postal'] }, { fact: 'laSinhVien', equals: true }] }, new Map([['channel', 'online']]))).toEqual({ fact: 'laSinhVien', equals: true });
      expect(specialise({ not: { fact: 'channel', equals: 'in-person' } }, new Map([['channel', 'online']]))).toBe(true);
    });
    it('lets a fact left out take its default', () => {
      const validate = (condition: Parameters<typeof conditionSchema>[0], submission: object) => portalAjv().validate(conditionSchema(condition, facts), submission);
      // laSinhVien defaults to false; soBan to 1.
      expect(validate({ fact: 'laSinhVien', equals: false }, {})).toBe(true);
      expect(validate({ fact: 'laSinhVien', equals: true }, {})).toBe(false);
      expect(validate({ fact: 'laSinhVien', equals: true }, { facts: { laSinhVien: true } })).toBe(true);
      expect(validate({ fact: 'soBan', gte: 3 }, { facts: {} })).toBe(false);
      expect(validate({ fact: 'soBan', gte: 3 }, { facts: { soBan: 3 } })).toBe(true);
      expect(validate({ fact: 'soBan', lt: 3 }, {})).toBe(true);
      expect(validate({ not: { fact: 'soBan', lt: 3 } }, {})).toBe(false);
      expect(validate({ any: [{ fact: 'noiCuTru', equals: 'nuocNgoai' }, { fact: 'soBan', gt: 5 }] }, { facts: { noiCuTru: 'trongNuoc', soBan: 6 } })).toBe(true);
      expect(validate({ all: [{ fact: 'noiCuTru', in: ['nuocNgoai'] }, { fact: 'laSinhVien', notEquals: true }] }, { facts: { noiCuTru: 'nuocNgoai' } })).toBe(true);
    });
  });

  describe('every schema of a build', () => {
    let out: string;
    let forms: [string, Buffer][];
    /** Each form schema of the build, named <code>--<version>, as its procedure's API document carries it. */
    let schemas: [string, any][];
    beforeAll(async () => {
      const catalogue = await buildFixture();
      out = path.join(await makeOutputRoot(), 'out');
      const result = await buildCatalogue(catalogue, { out, at: '2025-06-01', cacheDir: false });
      expect(result.built).toBe(true);
      const tree = await readTree(out);
      forms = [...tree].filter(([rel]) => rel.startsWith('forms/'));
      schemas = [...tree]
        .filter(([rel]) => /^api\/v1\/procedures\/[^/]+\.json$/.test(rel))
        .flatMap(([, bytes]) => {
          const doc = JSON.parse(bytes.toString());
          return doc.versions.flatMap((v: any) => (v.form ? [[`${doc.code}--${v.version}`, v.form.schema] as [string, any]] : []));
        });
    });
    afterAll(async () => {
      await cleanupCatalogues();
      await cleanupOutputs();
    });

    it('is a strict JSON Schema 2020-12 whose published example validates', () => {
      // On 2025-06-01: 1.001193's v1 in force and its v2 next (from 2026-01-01), 2.000488's v1; none for
      // procedures without an online channel (1.000656) or repealed (1.000001). They are inside the
      // procedures' API documents: forms/ holds the TypeScript types only.
      expect(schemas.map(([name]) => name)).toEqual(['1.001193--v1', '1.001193--v2', '2.000488--v1']);
      expect(forms.map(([rel]) => rel)).toEqual(['forms/index.d.ts', 'forms/types/all.d.ts']);
      for (const [name, schema] of schemas) {
        expect(schema.$schema, name).toBe('https://json-schema.org/draft/2020-12/schema');
        expect(schema.$id, name).toBe(`urn:tthc:form:${name.replace('--', ':')}`);
        const validate = validator(schema);
        expect(schema.examples, name).toHaveLength(1);
        expect(validate(schema.examples[0]), name).toEqual([]);
      }
    });

    it('comes with TypeScript types that accept the example and reject a misspelt field', async () => {
      const check = path.join(out, 'forms', 'check.ts');
      // Every form's types are the module tthc-forms/<code>/<version>, declared by forms/index.d.ts.
      const lines: string[] = ['/// <reference path="./index.d.ts" />'];
      for (const [name, schema] of schemas) {
        const [code, version] = name.split('--') as [string, string];
        const id = `${code}_${version}`.replace(/[^A-Za-z0-9]/g, '_');
        lines.push(`import type { Submission as S_${id} } from 'tthc-forms/${code}/${version}';`, `export const ok_${id}: S_${id} = ${JSON.stringify(schema.examples[0])};`);
      }
      lines.push(`export const bad: S_1_001193_v2 = { procedure: { code: '1.001193', version: 'v2' }, fields: { hoTenNguoiYeuCau: 'A', soDinhDanh: '001185012345', dienThoai: '0987654321', hoTenTre: 'B', ngaySinh: '2025-12-28', gioiTinh: 'nu', hoTen: 'x' }, documents: {} };`);
      await writeFile(check, lines.join('\n') + '\n');
      const program = ts.createProgram([check], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, lib: ['lib.es5.d.ts'], skipLibCheck: true, types: [] });
      const messages = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? path.basename(d.file.fileName) : ''}:${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
      expect(messages).toEqual([`check.ts:Object literal may only specify known properties, and 'hoTen' does not exist in type 'Fields'.`]);
    });
  });
});
