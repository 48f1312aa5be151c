import { mkdir, symlink, writeFile, mkdtemp, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateCatalogue } from '../../../rules/validate/index.js';
import type { Diagnostic } from '../../../rules/diagnostics/diagnostic.js';
import { cleanupCatalogues, makeCatalogue, version, versionPath } from '../../helpers/catalogue.js';

afterAll(cleanupCatalogues);

const V1 = versionPath({ code: '1.001193', version: 'v1' });

function pick(diagnostics: Diagnostic[], ruleId: string): Diagnostic[] {
  return diagnostics.filter((d) => d.ruleId === ruleId);
}

async function validate(files: Record<string, string | object | Uint8Array>, options = {}) {
  const dir = await makeCatalogue(files);
  return { dir, ...(await validateCatalogue(dir, options)) };
}

describe('bad input: every problem is a positioned diagnostic, never a crash', () => {
  it('a valid single-version catalogue has no errors', async () => {
    const r = await validate({ [V1]: version() });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('malformed JSON: a missing comma, with its position', async () => {
    const text = '{\n  "code": "1.001193"\n  "version": "v1"\n}\n';
    const r = await validate({ [V1]: text });
    const [d] = pick(r.diagnostics, 'json/syntax');
    expect(d).toMatchObject({ file: `${r.dir}/${V1}`, line: 3, column: 3, pointer: '', severity: 'error' });
    expect(d!.message).toBe(`Invalid JSON: expected ',' between values, found "\\"".`);
  });

  it('malformed JSON: a trailing comma and a comment are named as such', async () => {
    const trailing = await validate({ [V1]: '{\n  "code": "1.001193",\n}\n' });
    expect(pick(trailing.diagnostics, 'json/syntax')[0]).toMatchObject({ line: 3, column: 1, message: 'Invalid JSON: expected a property name in double quotes, found "}" (trailing comma?).' });
    const comment = await validate({ [V1]: '{\n  // note\n  "code": "1.001193"\n}\n' });
    expect(pick(comment.diagnostics, 'json/syntax')[0]).toMatchObject({ line: 2, column: 3, message: 'Invalid JSON: comments are not allowed in JSON.' });
  });

  it('a truncated file and an empty file', async () => {
    const truncated = await validate({ [V1]: '{\n  "code": "1.0011' });
    expect(pick(truncated.diagnostics, 'json/syntax')[0]).toMatchObject({ line: 2, column: 11, message: 'Invalid JSON: unterminated string.' });
    const empty = await validate({ [V1]: '' });
    expect(pick(empty.diagnostics, 'json/syntax')[0]).toMatchObject({ line: 1, column: 1 });
  });

  it('wrong types: a string where an integer belongs, pointing at the value', async () => {
    const v = version() as unknown as { dossier: { documents: Record<string, unknown>[] } };
    v.dossier.documents[1]!.copies = '1';
    const r = await validate({ [V1]: v });
    const [d] = pick(r.diagnostics, 'schema/type');
    expect(d).toMatchObject({ pointer: '/dossier/documents/1/copies', message: 'Expected integer, found string "1".' });
    // pretty-printed: the copies line of the second document
    const text = JSON.stringify(v, null, 2).split('\n');
    const line = text.findIndex((l, i) => i > text.findIndex((x) => x.includes('"giay-chung-sinh"')) && l.includes('"copies"')) + 1;
    expect(d!.line).toBe(line);
    expect(d!.column).toBe(text[line - 1]!.indexOf('"1"') + 1);
  });

  it('unknown fields: pointing at the key, with a suggestion', async () => {
    const r = await validate({ [V1]: { ...version(), legalbasis: [] } });
    const [d] = pick(r.diagnostics, 'schema/additional-properties');
    expect(d).toMatchObject({ pointer: '/legalbasis', message: 'Unknown property "legalbasis". Did you mean "legalBasis"?' });
    const text = JSON.stringify({ ...version(), legalbasis: [] }, null, 2).split('\n');
    const line = text.findIndex((l) => l.includes('"legalbasis"')) + 1;
    expect(d).toMatchObject({ line, column: 3 });
  });

  it('a missing required part, located at its parent object', async () => {
    const { timeLimit: _omit, ...rest } = version();
    const r = await validate({ [V1]: rest });
    expect(pick(r.diagnostics, 'schema/required')[0]).toMatchObject({ pointer: '/timeLimit', line: 1, column: 1, message: 'Missing required property "timeLimit".' });
  });

  it('a date that does not exist', async () => {
    const r = await validate({ [V1]: version({ effective: { from: '2025-02-30' } }) });
    expect(pick(r.diagnostics, 'schema/format')[0]).toMatchObject({ pointer: '/effective/from', message: 'Expected a real calendar date as YYYY-MM-DD, found string "2025-02-30".' });
  });

  it('a malformed procedure code, with what a code looks like', async () => {
    const r = await validate({ 'procedures/1,010817/v1.json': version({ code: '1,010817' }) });
    const [d] = pick(r.diagnostics, 'schema/pattern');
    expect(d!.pointer).toBe('/code');
    expect(d!.message).toMatch(/^Expected a valid ProcedureCode, found string "1,010817"\. National procedure code/);
  });

  it('a malformed condition reports the one thing wrong, not every anyOf branch', async () => {
    const r = await validate({
      [V1]: version({ fees: [{ id: 'lp', kind: 'le-phi', name: 'Lệ phí', amount: 1000, when: { fact: 'dungHan', equal: false }, legalBasis: [{ document: '60/2014/QH13' }] }] }),
    });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.ruleId, d.pointer, d.message])).toEqual([['schema/additional-properties', '/fees/0/when/equal', 'Unknown property "equal". Did you mean "equals"?']]);
  });

  it('duplicate codes or version ids across files', async () => {
    const r = await validate({ [V1]: version(), 'procedures/1.001193/v1-copy.json': version() });
    const [d] = pick(r.diagnostics, 'unique-version');
    expect(d).toMatchObject({ file: `${r.dir}/procedures/1.001193/v1.json`, pointer: '/version', message: '1.001193@v1 is defined twice; give this version its own version id.' });
    expect(d!.related?.[0]).toMatchObject({ file: `${r.dir}/procedures/1.001193/v1-copy.json`, message: 'first defined here' });
    expect(pick(r.diagnostics, 'file-location')[0]).toMatchObject({ file: `${r.dir}/procedures/1.001193/v1-copy.json`, pointer: '/version' });
  });

  it('duplicate keys in one object, which JSON.parse would silently collapse', async () => {
    const text = '{\n  "code": "1.001193",\n  "code": "1.000894"\n}\n';
    const r = await validate({ [V1]: text });
    const [d] = pick(r.diagnostics, 'json/duplicate-key');
    expect(d).toMatchObject({ line: 3, column: 3, pointer: '/code' });
    expect(d!.related?.[0]).toMatchObject({ line: 2, column: 3 });
  });

  it('a dangling reference to an unregistered legal document', async () => {
    const r = await validate({ [V1]: version({ legalBasis: [{ document: '60/2014/QH13' }, { document: '123/2015/ND-CP' }] }) });
    const [d] = pick(r.diagnostics, 'legal-basis-resolves');
    expect(d).toMatchObject({ pointer: '/legalBasis/1/document', severity: 'error', message: 'The legal document "123/2015/ND-CP" is not in the registry (registry/legal-documents.json).' });
  });

  it('NFD text: warned with its position, and normalised to NFC on load', async () => {
    const nfd = 'Thủ tục đăng ký khai sinh'.normalize('NFD');
    const r = await validate({ [V1]: version({ name: { vi: nfd } }) });
    const [d] = pick(r.diagnostics, 'text-nfc');
    expect(d).toMatchObject({ pointer: '/name/vi', severity: 'warning' });
    expect(r.catalogue.versions[0]!.data.name.vi).toBe('Thủ tục đăng ký khai sinh'.normalize('NFC'));
    expect(r.errors).toBe(0);
  });

  it('a __proto__ key is refused and pollutes nothing', async () => {
    const text = JSON.stringify(version(), null, 2).replace('"code":', '"__proto__": { "polluted": true },\n  "code":');
    const r = await validate({ [V1]: text });
    const [d] = pick(r.diagnostics, 'json/forbidden-key');
    expect(d).toMatchObject({ line: 2, column: 3, pointer: '/__proto__', severity: 'error' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const escaped = JSON.stringify(version(), null, 2).replace('"code":', '"\\u005f_proto__": 1,\n  "code":');
    const r2 = await validate({ [V1]: escaped });
    expect(pick(r2.diagnostics, 'json/forbidden-key')[0]).toMatchObject({ pointer: '/__proto__', line: 2 });
  });

  it('a 50 MB file is refused by size before it is read', async () => {
    const dir = await makeCatalogue({});
    const big = path.join(dir, 'procedures/1.001193/v1.json');
    await mkdir(path.dirname(big), { recursive: true });
    await writeFile(big, '');
    await truncate(big, 50 * 1024 * 1024);
    const started = Date.now();
    const r = await validateCatalogue(dir);
    expect(Date.now() - started).toBeLessThan(5000);
    const [d] = pick(r.diagnostics, 'io/too-large');
    expect(d).toMatchObject({ file: `${dir}/procedures/1.001193/v1.json`, line: 1, column: 1, severity: 'error' });
    expect(d!.message).toBe('File is 50.0 MiB, over the 1.0 MiB limit for a procedure version; it was not read. (--max-file-size raises the limit.)');
  });

  it('a file that is not UTF-8, with the offending byte located', async () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "code": "1.001193",\n  "name": { "vi": "Th'), Buffer.from([0xe1, 0xba]), Buffer.from('x" }\n}\n')]);
    const r = await validate({ [V1]: bytes });
    const [d] = pick(r.diagnostics, 'json/encoding');
    expect(d).toMatchObject({ line: 3, column: 22, severity: 'error' });
    expect(d!.message).toBe('File is not valid UTF-8: byte 0xE1 at byte offset 45 does not start or continue a UTF-8 character. Save the file as UTF-8.');
    const latin1 = await validate({ [V1]: Buffer.from('{"name": "Đăng ký"}', 'latin1') });
    expect(pick(latin1.diagnostics, 'json/encoding')).toHaveLength(1);
    const utf16 = await validate({ [V1]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le')]) });
    expect(pick(utf16.diagnostics, 'json/encoding')[0]!.message).toBe('File is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8.');
  });

  it('a BOM is dropped with a warning', async () => {
    const r = await validate({ [V1]: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(version()))]) });
    expect(pick(r.diagnostics, 'json/bom')[0]).toMatchObject({ severity: 'warning', line: 1, column: 1 });
    expect(r.catalogue.versions).toHaveLength(1);
  });

  it('a symlink leading outside the catalogue is not followed', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'tthc-outside-'));
    await writeFile(path.join(outside, 'secret.json'), JSON.stringify(version({ version: 'v9' })));
    const dir = await makeCatalogue({ [V1]: version() });
    await symlink(path.join(outside, 'secret.json'), path.join(dir, 'procedures/1.001193/v9.json'));
    await symlink(outside, path.join(dir, 'procedures/elsewhere'));
    const r = await validateCatalogue(dir);
    const outsideDiagnostics = pick(r.diagnostics, 'io/outside-catalogue');
    expect(outsideDiagnostics.map((d) => d.file).sort()).toEqual([`${dir}/procedures/1.001193/v9.json`, `${dir}/procedures/elsewhere`]);
    expect(outsideDiagnostics[0]!.message).toMatch(/^Symbolic link leads outside the catalogue \(to .*\); it was not read\.$/);
    expect(r.catalogue.versions.map((v) => v.data.version)).toEqual(['v1']);
  });

  it('an empty folder is an error, not a silent pass', async () => {
    const dir = await makeCatalogue({}, { withRegistry: false });
    const r = await validateCatalogue(dir);
    expect(r.diagnostics).toEqual([
      { file: dir, line: 1, column: 1, pointer: '', ruleId: 'catalogue/empty', severity: 'error', message: `No procedure versions found: a catalogue keeps them at procedures/<code>/<version>.json under ${dir}.` },
    ]);
  });

  it('a 1,000,000-element array is refused early: by size, or by value count when the size limit is raised', async () => {
    const huge = `{"code":"1.001193","dossier":{"documents":[${new Array(1_000_000).fill('0').join(',')}]}}`;
    const bySize = await validate({ [V1]: huge });
    expect(pick(bySize.diagnostics, 'io/too-large')[0]!.message).toBe('File is 1.9 MiB, over the 1.0 MiB limit for a procedure version; it was not read. (--max-file-size raises the limit.)');
    const started = Date.now();
    const byCount = await validate({ [V1]: huge }, { maxFileBytes: 64 * 1024 * 1024 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(byCount.diagnostics.filter((d) => d.file.endsWith(V1)).map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([
      ['json/too-many-values', 1, 1, 'The file holds 1000004 values, more than the 50000 a file of this kind needs; it was not checked further.'],
    ]);
  });

  it('schema errors are capped per file, with a count of the rest', async () => {
    const v = version() as unknown as { dossier: { documents: unknown[] } };
    v.dossier.documents = Array.from({ length: 150 }, (_, i) => ({ id: `d${i}`, name: 'Giấy tờ', originals: '1', copies: 0 }));
    const r = await validate({ [V1]: v });
    const mine = r.diagnostics.filter((d) => d.file.endsWith(V1));
    expect(mine.filter((d) => d.ruleId === 'schema/type')).toHaveLength(100);
    expect(pick(mine, 'schema/more')[0]!.message).toBe('50 more schema errors in this file are not shown; fix the ones above first.');
  });

  it('nesting deeper than any spec is refused without a stack overflow', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = await validate({ [V1]: deep }, { maxFileBytes: 1_000_000 });
    const errors = r.diagnostics.filter((d) => d.file.endsWith(V1));
    expect(errors.map((d) => d.ruleId)).toEqual(['json/too-deep']);
  });
});
