import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCoverage, countsMatchSource } from '../../../rules/import/coverage.js';
import { importSources, type ImportRun } from '../../../rules/import/importer.js';
import { buildReport } from '../../../rules/import/report.js';
import type { ProcedureVersion } from '../../../rules/schema/types/procedure-version.generated.js';
import type { Registry } from '../../../rules/schema/types/registry.generated.js';
import { validateCatalogue } from '../../../rules/validate/index.js';
import { buildCatalogue } from '../../../generators/build.js';
import { runTthc } from '../../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/realworld', import.meta.url));
const made: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tthc-import-'));
  made.push(dir);
  return dir;
}

afterAll(async () => {
  await Promise.all(made.map((d) => rm(d, { recursive: true, force: true })));
});

async function spec(out: string, code: string, version = 'v1'): Promise<ProcedureVersion> {
  return JSON.parse(await readFile(path.join(out, 'procedures', code, `${version}.json`), 'utf8')) as ProcedureVersion;
}

async function registry(out: string): Promise<Registry> {
  return JSON.parse(await readFile(path.join(out, 'registry', 'imported.json'), 'utf8')) as Registry;
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (!e.name.startsWith('.')) out[path.relative(dir, p)] = await readFile(p, 'utf8');
    }
  };
  await walk(dir);
  return out;
}

describe('tthc import on the fixed sample', async () => {
  const out = await tempDir();
  const run = await importSources([FIXTURES], { out });

  it('reads a plain national export record into a draft, values checked against the record', async () => {
    const v = await spec(out, '1.013628');
    expect(v.status).toBe('draft');
    expect(v.kind).toBe('law-delegated');
    expect(v.levels).toEqual(['central']);
    expect(v.subjects).toEqual([{ kind: 'organisation' }]);
    // "35 Ngày" on both channels, "Kể từ ngày nhận được hồ sơ hợp lệ."
    expect(v.timeLimit).toEqual({ value: 35, unit: 'days', start: 'complete-dossier' });
    expect(v.channels!.map((c) => [c.kind, c.where])).toEqual([
      ['in-person', '276 Nghi Tàm, Phường Hồng Hà, Thành phố Hà Nội'],
      ['postal', '276 Nghi Tàm, Phường Hồng Hà, Thành phố Hà Nội'],
    ]);
    // "Phí : 0 Đồng" on both channels: one fee of 0 đồng for every channel.
    expect(v.fees).toEqual([{ id: 'phi-0', kind: 'phi', name: 'Phí', amount: 0 }]);
    expect(v.dossier!.documents.map((d) => [d.originals, d.copies, d.form ?? null])).toEqual([
      [1, 0, 'mau-mus05'],
      [1, 0, null],
    ]);
    expect(v.forms).toEqual([{ id: 'mau-mus05', name: 'Mus05.docx' }]);
    expect(v.steps!.map((s) => s.actor)).toEqual(['applicant', 'agency', 'agency']);
    expect(v.legalBasis).toEqual([{ document: '16/2024/NĐ-CP' }]);
    expect(v.source).toEqual({ format: 'national-db-export', file: 'realworld/national-db-export/1.013628.json', announcedBy: 'Quyết định số 6225/QĐ-BQP' });
    const doc = (await registry(out)).legalDocuments!.find((d) => d.number === '16/2024/NĐ-CP');
    expect(doc).toEqual({
      number: '16/2024/NĐ-CP',
      type: 'decree',
      issuer: 'Chính phủ',
      title: 'Nghị định số 16/2024/NĐ-CP ngày 16/02/2024 của Chính phủ về người hành nghề khám bệnh, chữa bệnh và cơ sở khám bệnh, chữa bệnh thuộc lực lượng vũ trang nhân dân',
      issued: '2024-02-16',
    });
  });

  it('normalises NFD text', async () => {
    const v = await spec(out, '1.013126');
    const text = JSON.stringify(v);
    expect(text).toBe(text.normalize('NFC'));
    expect(text).not.toContain('\u00a0');
  });

  it('reads the glued portal cells: channels, legal basis split from a year, results with codes', async () => {
    const v = await spec(out, '1.000178');
    expect(v.channels!.map((c) => c.kind)).toEqual(['in-person', 'postal']);
    expect(v.timeLimit).toEqual({ value: 60, unit: 'working-days', start: 'other', startNote: 'Kể từ ngày thụ lý để giải quyết' });
    expect(v.legalBasis!.map((r) => r.document)).toEqual(['68/2013/TT-BCA', '02/2011/QH13', '11/2015/TT-BCA', '05/2012/NĐ-CP']);
    expect(v.results).toEqual([{ name: 'Quyết định giải quyết khiếu nại lần 1, lần 2', code: 'KQ.G01.00262' }]);
    expect(v.dossier!.documents).toHaveLength(8);
    expect(v.dossier!.documents.every((d) => d.originals === 1 && d.copies === 0)).toBe(true);
    // Fees: "Không có thông tin" on every channel — unknown, so flagged, not read as free.
    expect(v.fees).toEqual([]);
    expect(v.notes).toContainEqual({ kind: 'uncertain', text: 'Nguồn không có thông tin về phí, lệ phí; danh sách phí để trống không có nghĩa là miễn phí.', pointer: '/fees' });
    const law = (await registry(out)).legalDocuments!.find((d) => d.number === '02/2011/QH13');
    expect(law).toEqual({ number: '02/2011/QH13', type: 'law', issuer: 'Quốc hội', title: 'Luật Khiếu nại năm 2011' });
    const warnings = run.outcomes.flatMap((o) => (o.status === 'parsed' && o.spec.code === '1.000178' ? o.warnings.map((w) => w.kind) : []));
    // The description says "không quá 30 ngày … 45 … 60 ngày" (calendar days) against 60 working days.
    expect(warnings).toEqual(['time-contradiction', 'time-contradiction', 'fee-missing']);
  });

  it('splits a bare time glued to the fee and flags an amount written in thousands', async () => {
    const v = await spec(out, '1.000020');
    expect(v.timeLimit).toMatchObject({ value: 1, unit: 'working-days' });
    expect(v.fees).toEqual([{ id: 'phi-20', kind: 'phi', name: 'Phí', amount: 20, note: '20.000 vnđ /tờ khai' }]);
    const kinds = run.outcomes.flatMap((o) => (o.status === 'parsed' && o.spec.code === '1.000020' ? o.warnings.map((w) => w.kind) : []));
    expect(kinds).toEqual(expect.arrayContaining(['time-unit-assumed', 'fee-amount-in-thousands', 'fee-kind-unknown']));
  });

  it('turns notes disguised as documents into notes, and "Số lượng hồ sơ: 01 bộ" into the number of sets', async () => {
    const v = await spec(out, '1.007640');
    expect(v.dossier!.sets).toBe(1);
    expect(v.dossier!.documents.map((d) => [d.originals, d.copies])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    // "…: 01 bản chính;1 bản chính": the first count is part of the name.
    expect(v.dossier!.documents[0]!.name.endsWith('khác nhau: 01 bản chính;')).toBe(true);
    const birth = await spec(out, '1.001193', 'v2');
    const notes = birth.notes!.filter((n) => n.pointer === '/dossier');
    expect(notes.length).toBeGreaterThan(10);
    expect(birth.dossier!.documents.filter((d) => d.submission === 'present').map((d) => d.name.slice(0, 24))).toEqual(['Giấy tờ có giá trị chứng', 'Hộ chiếu/Thẻ căn cước cô']);
  });

  it('reads fee prose, "o Đồng" and USD tiers', async () => {
    const prose = await spec(out, '1.013199');
    expect(prose.fees).toEqual([]);
    expect(prose.source!.raw!['tables.hinh_thuc_nop[1].fee']).toMatch(/^Phí : Mức thu bằng 50% mức thu phí/);
    const o = await spec(out, '1.013194');
    expect(o.fees![0]).toMatchObject({ kind: 'phi', amount: 0 });
    const usd = await spec(out, '1.013563');
    expect(usd.fees!.map((f) => [f.kind, f.amount, f.currency, f.when])).toEqual([
      ['le-phi', 5, 'USD', { fact: 'mucPhi', equals: 'muc-1' }],
      ['le-phi', 1.5, 'USD', { fact: 'mucPhi', equals: 'muc-2' }],
    ]);
    expect(usd.facts![0]!.values!.map((x) => x.value)).toEqual(['muc-1', 'muc-2']);
  });

  it('gives the old portal record the code of the detail record with its name, and proposes the newer export as v2', async () => {
    const old = await spec(out, '1.001193', 'v1');
    expect(old.source!.format).toBe('old-portal');
    const newer = await spec(out, '1.001193', 'v2');
    expect(newer).toMatchObject({ status: 'draft', supersedes: 'v1', source: { format: 'portal-2025' } });
    const proposed = run.versions.find((v) => v.code === '1.001193' && v.version === 'v2')!;
    expect(proposed.action).toBe('new-version');
    expect(proposed.changes!.length).toBeGreaterThan(0);
    expect(run.outcomes.filter((o) => o.status === 'rejected').map((o) => o.record)).toEqual(['realworld/old-portal-2021/data.json[1]']);
  });

  it('cross-checks the list export against the detail records', async () => {
    const report = await buildReport(run, [FIXTURES], { validate: false });
    expect(report.crossCheck.listRows).toBe(3);
    expect(report.crossCheck.inListNotInDetail).toEqual(['3.000163', '3.000165']);
    expect(report.crossCheck.inDetailNotInList).not.toContain('3.000164');
  });

  it('keeps every non-empty source value and every stated copy count', () => {
    expect(checkCoverage(run).missing).toEqual([]);
    const counts = countsMatchSource(run);
    expect(counts.mismatches).toEqual([]);
    expect(counts.documents).toBe(102);
  });

  it('is idempotent: importing the same files again changes no byte', async () => {
    const before = await snapshot(out);
    const again = await importSources([FIXTURES], { out });
    expect(again.versions.every((v) => v.action === 'unchanged')).toBe(true);
    expect(await snapshot(out)).toEqual(before);
    const fresh = await tempDir();
    await importSources([FIXTURES], { out: fresh });
    expect(await snapshot(fresh)).toEqual(before);
  });

  it('never overwrites a published version: a changed export becomes a draft that supersedes it', async () => {
    const dir = await tempDir();
    const src = await tempDir();
    const record = JSON.parse(await readFile(path.join(FIXTURES, 'national-db-export', '1.013628.json'), 'utf8'));
    await writeFile(path.join(src, '1.013628.json'), JSON.stringify(record));
    await importSources([path.join(src, '1.013628.json')], { out: dir });
    const file = path.join(dir, 'procedures', '1.013628', 'v1.json');
    const published = { ...JSON.parse(await readFile(file, 'utf8')), status: 'published', effective: { from: '2025-01-01' } };
    await writeFile(file, JSON.stringify(published, null, 2) + '\n');
    const bytes = await readFile(file, 'utf8');
    record.tables.hinh_thuc_nop[0].thoi_han_giai_quyet = '30 Ngày';
    record.tables.hinh_thuc_nop[1].thoi_han_giai_quyet = '30 Ngày';
    await writeFile(path.join(src, '1.013628.json'), JSON.stringify(record));
    const second = await importSources([path.join(src, '1.013628.json')], { out: dir });
    expect(await readFile(file, 'utf8')).toBe(bytes);
    expect(second.versions).toMatchObject([{ code: '1.013628', version: 'v2', action: 'new-version', supersedes: 'v1' }]);
    expect(second.versions[0]!.changes).toEqual([{ op: 'update', path: '/timeLimit/value', from: 35, to: 30 }]);
    const v2 = await spec(dir, '1.013628', 'v2');
    expect(v2).toMatchObject({ status: 'draft', supersedes: 'v1', timeLimit: { value: 30 } });
    expect(existsSync(path.join(dir, 'procedures', '1.013628', 'v3.json'))).toBe(false);
  });

  it('writes specs that validate: a part the source leaves out is recovered from the record, or written as "Chưa xác định"', async () => {
    const result = await validateCatalogue(out);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').map((d) => [path.relative(out, d.file), d.ruleId, d.pointer]);
    expect(errors).toEqual([]);
    // The old portal states no field, and the sample has no list row to take it from.
    const old = await spec(out, '1.001193', 'v1');
    expect(old.field).toBe('chua-xac-dinh');
    expect(old.notes).toContainEqual({ kind: 'uncertain', text: 'Nguồn không ghi lĩnh vực: ghi "Chưa xác định", cần bổ sung trước khi công bố.', pointer: '/field' });
    const reg = await registry(out);
    expect(reg.fields).toContainEqual({ id: 'chua-xac-dinh', name: 'Chưa xác định', notStated: true });
    // The portal page of 1.001193 says "Không có thông tin" for both agencies; its steps name the commune People's Committee.
    const portal = await spec(out, '1.001193', 'v2');
    const warning = run.outcomes.flatMap((o) => (o.status === 'parsed' && o.spec.code === '1.001193' ? o.warnings : [])).find((w) => w.kind === 'agency-from-steps');
    expect(warning?.message).toMatch(/^No implementing agency is stated; the steps name "(Ủy ban nhân dân|UBND) cấp xã" \d+ time\(s\)/);
    expect(portal.agencies?.implementing).toHaveLength(1);
    expect(reg.agencies?.find((a) => a.id === portal.agencies!.implementing[0])?.name).toMatch(/cấp xã$/);
  });

  it('builds as a preview: every imported procedure shown from its draft, "Chưa xác định" where the source is silent', async () => {
    const site = path.join(await tempDir(), 'preview');
    const result = await buildCatalogue(out, { out: site, at: '2026-11-21', cacheDir: false, preview: true });
    if (!result.built) throw new Error('the preview was refused');
    expect(result.leftOut).toEqual([]);
    const codes = (await readdir(path.join(out, 'procedures'))).sort();
    const page = JSON.parse(await readFile(path.join(site, 'api/v1/index/all.json'), 'utf8')) as { procedures: { code: string; status: string }[] };
    expect(page.procedures.map((p) => [p.code, p.status])).toEqual(codes.map((c) => [c, 'draft']));
    expect([result.procedures, result.drafts, result.inForce]).toEqual([codes.length, codes.length, 0]);
    const detail = await readFile(path.join(site, 'site', 'procedures', '1.013628.html'), 'utf8');
    expect(detail).toContain('Bản xem trước: thủ tục chưa được công bố.');
  });

  it('tthc publish refuses a draft with a part "Chưa xác định" until it is filled in', async () => {
    const dir = await tempDir();
    await importSources([FIXTURES], { out: dir });
    const f = path.join(dir, 'procedures', '1.001193', 'v1.json');
    const data = JSON.parse(await readFile(f, 'utf8')) as ProcedureVersion;
    expect(data.field).toBe('chua-xac-dinh');
    data.effective = { from: '2026-01-01' };
    await writeFile(f, JSON.stringify(data, null, 2) + '\n');
    const target = '1.001193';
    const refused = await runTthc(['publish', `${target}@v1`, '--dir', dir]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('not-stated');
    expect(refused.stdout + refused.stderr).toContain('"Chưa xác định" (not stated in the source); fill it in before publishing.');
  });
});

describe('tthc import (CLI)', () => {
  it('prints the report, writes it as JSON, and rejects an unknown format with exit 2', async () => {
    const out = await tempDir();
    const ok = await runTthc(['import', path.join(FIXTURES, 'national-db-export'), '--out', out]);
    expect(ok.stdout).toContain('Imported 6 of 6 records');
    expect(ok.stdout).toContain('Quality bar:');
    const report = JSON.parse(await readFile(path.join(out, '.tthc-import-report.json'), 'utf8'));
    expect(report.records).toMatchObject({ total: 6, rejected: 0 });
    const bad = await runTthc(['import', FIXTURES, '--out', out, '--format', 'csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown format "csv"');
  });
});

const REAL = fileURLToPath(new URL('../../../../shared/realworld', import.meta.url));

describe.skipIf(!existsSync(REAL))('tthc import on ../shared/realworld (skipped when the folder is absent)', () => {
  let run: ImportRun;
  // How fast is measured by `npm run bench:import`, not here: other test files share the two cores.
  it('imports every record without a crash', async () => {
    const out = await tempDir();
    run = await importSources([REAL], { out });
    expect(run.outcomes.filter((o) => o.status === 'rejected' && o.reason.startsWith('Internal error'))).toEqual([]);
    expect(run.outcomes.length).toBeGreaterThan(1_000);
  }, 180_000);
  it('meets the quality bar', async () => {
    const report = await buildReport(run, [REAL]);
    expect(report.quality.filter((q) => !q.pass && q.id !== 'import-time')).toEqual([]);
    // Only the timing leaves the exit code alone: the machine's load is not the data's quality.
    expect(report.quality.filter((q) => !q.setsExitCode).map((q) => q.id)).toEqual(['import-time']);
    expect(report.coverage.missing).toEqual([]);
    expect(report.counts.mismatches).toEqual([]);
  }, 60_000);
  it('builds a preview of about 1,100 real procedures: site and API', async () => {
    const result = await buildCatalogue(run.out, { out: path.join(await tempDir(), 'preview'), at: '2026-11-21', cacheDir: false, preview: true });
    if (!result.built) throw new Error('the preview was refused');
    const codes = (await readdir(path.join(run.out, 'procedures'))).length;
    const leftOutCodes = new Set(result.leftOut.map((f) => path.basename(path.dirname(f.file))));
    expect(result.procedures).toBe(codes - leftOutCodes.size);
    expect(result.procedures).toBeGreaterThan(1_050);
    expect(result.leftOut.length).toBeLessThanOrEqual(result.procedures * 0.02);
  }, 120_000);
});

if (!existsSync(REAL)) console.log(`Skipping the full real-data import test: ${REAL} is absent.`);
