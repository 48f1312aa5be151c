/**
 * The corrections of issue 20 §2 as corrections (đính chính): published records that replace the
 * content of a locked published version for its period, or from a day inside it, recorded on a day.
 * The originals stay as they were, locked; a query as recorded before the correction's day sees
 * them (bitemporal: --at is valid time, --as-recorded transaction time).
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../rules/load/catalogue.js';
import { type Catalogue } from '../../rules/model/catalogue.js';
import { prepareApplication, summarize } from '../../rules/compute/application.js';
import { requiredDocuments } from '../../rules/compute/dossier.js';
import { computeFees } from '../../rules/compute/fees.js';
import { effectiveWindows, resolve } from '../../rules/compute/resolve.js';
import { publishVersion } from '../../rules/store/publish.js';
import { versionHash } from '../../rules/lint/published-immutable.js';
import { checkCatalogue } from '../../rules/validate/index.js';
import { runTthc } from '../helpers/cli.js';

let bundled: Catalogue;
beforeAll(async () => {
  bundled = (await loadCatalogue('catalogue')).catalogue;
});

/** The four corrections, the version each corrects, its first day, and the day it was recorded. */
const CORRECTIONS = [
  { code: '2.002043', record: 'v2025.dc1', corrects: 'v2025', from: '2025-07-01' },
  { code: '2.002043', record: 'v2026.dc1', corrects: 'v2026', from: '2026-01-01' },
  { code: '1.001193', record: 'v3.dc1', corrects: 'v3', from: '2026-01-01' },
  { code: '1.004222', record: 'v3.dc1', corrects: 'v3', from: '2026-01-01' },
  // The same omissions in the versions before, since the law that requires them: 123/2015/NĐ-CP
  // Art. 9 for the postal channel (1.001193 from v2, which added it) and Luật Cư trú Art. 21 (1.004222 v2).
  { code: '1.001193', record: 'v2.dc1', corrects: 'v2', from: '2020-09-15' },
  { code: '1.001193', record: 'v2023.dc1', corrects: 'v2023', from: '2023-01-01' },
  { code: '1.004222', record: 'v2.dc1', corrects: 'v2', from: '2021-07-01' },
  // The copy fee's amount (Thông tư 281/2016/TT-BTC Art. 4), recorded the next day over the first corrections.
  { code: '1.001193', record: 'v3.dc2', corrects: 'v3', from: '2026-01-01', recorded: '2026-12-05' },
  { code: '1.001193', record: 'v2023.dc2', corrects: 'v2023', from: '2023-01-01', recorded: '2026-12-05' },
  { code: '1.001193', record: 'v2.dc2', corrects: 'v2', from: '2020-09-15', recorded: '2026-12-05' },
] as const;
const RECORDED = '2026-12-04';
const BEFORE = '2026-12-03';

const app = (code: string, date: string, channel?: string, facts: Record<string, string | number | boolean> = {}, recordedAt?: string) =>
  prepareApplication(bundled, { code, date, channel, facts, recordedAt });
const docs = (code: string, date: string, channel?: string, facts: Record<string, string | number | boolean> = {}, recordedAt?: string) =>
  Object.fromEntries(requiredDocuments(bundled, app(code, date, channel, facts, recordedAt)).documents.map((d) => [d.id, d.status]));

describe('the corrections are published records beside the locked originals', () => {
  it('each names a published version, its first day and the day recorded, keeps its period and place in the chain, and is in the lock', () => {
    const lock = JSON.parse(readFileSync('catalogue/tthc.lock.json', 'utf8')) as { published: { code: string; version: string; sha256: string }[] };
    for (const c of CORRECTIONS) {
      const versions = bundled.byCode.get(c.code)!;
      const record = versions.find((v) => v.data.version === c.record)!;
      const original = versions.find((v) => v.data.version === c.corrects)!;
      expect(record.data.status, c.record).toBe('published');
      expect(original.data.status).toBe('published');
      expect(record.data.corrects).toMatchObject({ version: c.corrects, from: c.from, recorded: 'recorded' in c ? c.recorded : RECORDED });
      expect(record.data.corrects!.legalBasis.length).toBeGreaterThan(0);
      expect(record.data.corrects!.reason.length).toBeGreaterThan(40);
      expect(record.data.effective).toEqual(original.data.effective);
      expect(record.data.supersedes).toBe(original.data.supersedes);
      // Both the original and its correction are locked, each with the hash of its own content.
      expect(lock.published.find((e) => e.code === c.code && e.version === c.corrects)!.sha256).toBe(versionHash(original));
      expect(lock.published.find((e) => e.code === c.code && e.version === c.record)!.sha256).toBe(versionHash(record));
    }
    // The drafts of the last session are gone: their content is now the corrections'.
    for (const ref of ['2.002043/v2026-12', '1.001193/v4', '1.004222/v4']) expect(bundled.versions.some((v) => v.file.rel === `procedures/${ref}.json`)).toBe(false);
  });

  it('a correction is never a version of its own: the windows are the originals’', () => {
    const windows = effectiveWindows(bundled.byCode.get('2.002043')!).map((w) => [w.version.data.version, w.from, w.until]);
    expect(windows).toEqual([
      ['v2021', '2021-01-04', '2025-02-28'],
      ['v2025', '2025-03-01', '2025-12-31'],
      ['v2026', '2026-01-01', null],
    ]);
  });

  it('the catalogue has no lint error, and none on the corrections', () => {
    const { diagnostics } = checkCatalogue(bundled, []);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('2.002043 v2025, corrected from 2025-07-01 (Nghị định 168/2025/NĐ-CP, Luật 76/2025/QH15)', () => {
  const org = { thanhVienToChuc: true };

  it('on 2025-08-01 the beneficial-owner list and the organisation’s papers are handed in, not looked up; a foreign one’s consular-legalised', () => {
    expect(docs('2.002043', '2025-08-01', undefined, org)).toMatchObject({
      'danh-sach-chu-so-huu-huong-loi': 'submit',
      'giay-to-phap-ly-to-chuc': 'submit',
      'giay-to-to-chuc-nuoc-ngoai': 'not-required',
      'giay-to-phap-ly-ca-nhan': 'not-required',
    });
    expect(docs('2.002043', '2025-08-01', undefined, { ...org, toChucNuocNgoai: true })['giay-to-to-chuc-nuoc-ngoai']).toBe('submit');
    // Art. 11(1): only an individual who declares the personal ID number hands in no copy.
    expect(docs('2.002043', '2025-08-01', undefined, { keKhaiSoDinhDanh: false })['giay-to-phap-ly-ca-nhan']).toBe('submit');
    const summary = summarize(app('2.002043', '2025-08-01'));
    expect([summary.version, summary.correction?.record, summary.correction?.from, summary.inForce]).toEqual(['v2025', 'v2025.dc1', '2025-07-01', { from: '2025-03-01', until: '2025-12-31' }]);
  });

  it('on 2025-06-01, before the law changed, the content is the original: no beneficial-owner list, the individual’s copy required, 01/2021 cited', () => {
    const d = docs('2.002043', '2025-06-01', undefined, org);
    expect(d['danh-sach-chu-so-huu-huong-loi']).toBeUndefined();
    expect(d).toMatchObject({ 'giay-to-phap-ly-ca-nhan': 'submit', 'giay-to-phap-ly-to-chuc': 'submit' });
    const a = app('2.002043', '2025-06-01');
    expect([a.version.data.version, a.version.data.corrects, a.correction]).toEqual(['v2025', undefined, undefined]);
    expect(a.version.data.dossier!.documents[0]!.legalBasis!.map((b) => b.document)).toContain('01/2021/NĐ-CP');
  });

  it('as recorded before the correction’s day, 2025-08-01 shows the original; from that day, the correction', () => {
    const before = docs('2.002043', '2025-08-01', undefined, org, BEFORE);
    expect(before['danh-sach-chu-so-huu-huong-loi']).toBeUndefined();
    expect(before['giay-to-phap-ly-ca-nhan']).toBe('submit');
    const r = resolve(bundled, '2.002043', '2025-08-01', { recordedAt: BEFORE });
    expect(r.kind === 'in-force' && [r.version.data.version, r.version.data.corrects, r.laterCorrections.map((c) => c.data.version)]).toEqual(['v2025', undefined, ['v2025.dc1']]);
    expect(docs('2.002043', '2025-08-01', undefined, org, RECORDED)['danh-sach-chu-so-huu-huong-loi']).toBe('submit');
  });

  it('v2026 is corrected for its whole period: the organisation’s papers are no longer shown as looked up', () => {
    const now = requiredDocuments(bundled, app('2.002043', '2026-03-01', undefined, org)).documents;
    expect(now.find((d) => d.id === 'giay-to-phap-ly-to-chuc')!.status).toBe('submit');
    expect(now.find((d) => d.id === 'danh-sach-chu-so-huu-huong-loi')!.status).toBe('submit');
    const recorded = requiredDocuments(bundled, app('2.002043', '2026-03-01', undefined, org, BEFORE)).documents;
    expect(recorded.find((d) => d.id === 'giay-to-phap-ly-to-chuc')!.status).toBe('looked-up');
    // The fee follows the registry's dated rate (TT 64/2025/TT-BTC): 25.000 + 100.000 đ, either way.
    expect(computeFees(app('2.002043', '2026-03-01', 'in-person')).totals[0]!.amount).toBe(125_000);
    expect(computeFees(app('2.002043', '2026-03-01', 'in-person', {}, BEFORE)).totals[0]!.amount).toBe(125_000);
  });
});

describe('1.001193 v3, corrected from 2026-01-01: certified copies by post, a fee per copy', () => {
  it('by post, the papers shown in person are sent as certified copies; as recorded before, they were missing', () => {
    expect(docs('1.001193', '2026-03-01', 'postal')['ban-sao-giay-to-xuat-trinh']).toBe('submit');
    expect(docs('1.001193', '2026-03-01', 'in-person')['ban-sao-giay-to-xuat-trinh']).toBe('not-required');
    expect(docs('1.001193', '2026-03-01', 'postal', {}, BEFORE)['ban-sao-giay-to-xuat-trinh']).toBeUndefined();
  });

  it('a fee per copy asked for under Thông tư 281/2016/TT-BTC Điều 4: 8.000 đ a copy, from the correction of 05/12/2026', () => {
    // 2 copies × 8.000 đ = 16.000 đ; the birth registration itself is free on time (Luật Hộ tịch Art. 11).
    const two = computeFees(app('1.001193', '2026-03-01', undefined, { soBanSao: 2 }));
    const line = two.lines.find((l) => l.id === 'phi-ban-sao')!;
    expect([line.status, line.quantity, line.amount, line.legalBasis.map((b) => [b.document, b.article])]).toEqual(['due', 2, 16_000, [['281/2016/TT-BTC', '4']]]);
    expect(two.totals[0]!.amount).toBe(16_000);
    expect(two.incomplete).toBe(false);
    expect(two.notes.some((n) => n.kind === 'uncertain' && n.text.includes('8.000 đồng/bản sao theo Điều 4 Thông tư số 281/2016/TT-BTC'))).toBe(true);
    // The same in the versions before (v2 from 2020-09-15, v2023), corrected alike.
    expect(computeFees(app('1.001193', '2021-03-01', undefined, { soBanSao: 1 })).lines.find((l) => l.id === 'phi-ban-sao')!.amount).toBe(8_000);
    expect(computeFees(app('1.001193', '2024-03-01', undefined, { soBanSao: 3 })).lines.find((l) => l.id === 'phi-ban-sao')!.amount).toBe(24_000);
    // As recorded on 04/12/2026 (the first correction): the fee was there, its amount not recorded and left out of the total.
    const asRecorded = computeFees(app('1.001193', '2026-03-01', undefined, { soBanSao: 2 }, '2026-12-04'));
    const before = asRecorded.lines.find((l) => l.id === 'phi-ban-sao')!;
    expect([before.status, before.amount, before.variable?.setBy, asRecorded.incomplete]).toEqual(['variable', null, 'not-recorded', true]);
  });
});

describe('1.004222 v3, corrected from 2026-01-01: Luật Cư trú 2020 Art. 21(2)–(3), Thông tư 75/2022/TT-BTC cited', () => {
  it('the owner’s proof is looked up; one living with another gives the consent and the proof of relationship; a tenant the consent and the lease', () => {
    expect(docs('1.004222', '2026-03-01')).toMatchObject({ 'cho-o-hop-phap': 'looked-up', 'y-kien-dong-y': 'not-required', 'quan-he-nhan-than': 'not-required', 'hop-dong-thue-muon': 'not-required' });
    expect(docs('1.004222', '2026-03-01', undefined, { truongHopCuTru: 'o-nho-nguoi-than' })).toMatchObject({ 'cho-o-hop-phap': 'not-required', 'y-kien-dong-y': 'submit', 'quan-he-nhan-than': 'submit', 'hop-dong-thue-muon': 'not-required' });
    expect(docs('1.004222', '2026-03-01', undefined, { truongHopCuTru: 'thue-muon-o-nho' })).toMatchObject({ 'cho-o-hop-phap': 'not-required', 'y-kien-dong-y': 'submit', 'quan-he-nhan-than': 'not-required', 'hop-dong-thue-muon': 'submit' });
  });

  it('cites Thông tư 75/2022/TT-BTC for its fees: 20.000 đ in person, 10.000 đ online', () => {
    const inPerson = computeFees(app('1.004222', '2026-03-01', 'in-person'));
    expect(inPerson.totals[0]!.amount).toBe(20_000);
    expect(inPerson.lines.find((l) => l.status === 'due')!.legalBasis.map((b) => b.document)).toContain('75/2022/TT-BTC');
    expect(computeFees(app('1.004222', '2026-03-01', 'online')).totals[0]!.amount).toBe(10_000);
    expect(computeFees(app('1.004222', '2026-03-01', 'in-person', {}, BEFORE)).lines.find((l) => l.status === 'due')!.legalBasis.map((b) => b.document)).not.toContain('75/2022/TT-BTC');
  });
});

describe('1.004222 from 05/02/2023: Thông tư 75/2022/TT-BTC sets one national fee (a new version, not a correction)', () => {
  // Thông tư 75/2022/TT-BTC Điều 8: "có hiệu lực từ ngày 05 tháng 02 năm 2023". Before it, the lệ phí was set by each
  // provincial council (Thông tư 85/2019/TT-BTC); from it, 20.000 đ in person and 10.000 đ online, until v3 on 2026-01-01.
  it('is dated 05/02/2023 in the registry, and the version in force changes that day', () => {
    expect(bundled.registry.legalDocuments.byId.get('75/2022/TT-BTC')?.effective).toBe('2023-02-05');
    const windows = effectiveWindows(bundled.byCode.get('1.004222')!).map((w) => [w.version.data.version, w.from, w.until]);
    expect(windows).toEqual([
      ['v1', '2007-07-01', '2021-06-30'],
      ['v2', '2021-07-01', '2023-02-04'],
      ['v2023', '2023-02-05', '2025-12-31'],
      ['v3', '2026-01-01', null],
    ]);
  });

  it('04/02/2023: set by the province, not in the total; 05/02/2023: 20.000 đ in person, 10.000 đ online, citing 75/2022', () => {
    const before = computeFees(app('1.004222', '2023-02-04', 'in-person'));
    expect(before.lines.map((l) => [l.id, l.status, l.variable?.setBy])).toEqual([['le-phi-thuong-tru', 'variable', 'provincial-council']]);
    expect(before.incomplete).toBe(true);
    const applied = app('1.004222', '2023-02-05', 'in-person');
    const inPerson = computeFees(applied);
    expect([applied.version.data.version, inPerson.totals[0]!.amount]).toEqual(['v2023', 20_000]);
    expect(inPerson.lines.find((l) => l.status === 'due')!.legalBasis.map((b) => b.document)).toEqual(['97/2015/QH13', '75/2022/TT-BTC']);
    expect(computeFees(app('1.004222', '2025-12-31', 'online')).totals[0]!.amount).toBe(10_000);
    // Exempt (Điều 4): nothing to pay.
    const exempt = computeFees(app('1.004222', '2024-06-01', 'in-person', { doiTuongMien: 'nguoi-cao-tuoi' }));
    expect(exempt.lines.map((l) => [l.id, l.status])).toEqual([['le-phi-truc-tiep', 'exempt'], ['le-phi-truc-tuyen', 'not-applicable']]);
    expect(exempt.totals.reduce((n, t) => n + t.amount, 0)).toBe(0);
  });

  it('keeps the three residence cases of Luật Cư trú Art. 21 that the correction of v2 recorded', () => {
    expect(docs('1.004222', '2024-06-01', undefined, { truongHopCuTru: 'thue-muon-o-nho' })).toMatchObject({ 'y-kien-dong-y': 'submit', 'hop-dong-thue-muon': 'submit' });
  });
});

describe('publishing a correction', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tthc-correct-'));
    await cp('catalogue', dir, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes only the correction and its lock entry, with the day recorded; the original’s file is byte for byte the same', async () => {
    const rel = 'procedures/2.002043/v2025.dc1.json';
    const text = JSON.parse(await readFile(path.join(dir, rel), 'utf8')) as Record<string, unknown> & { corrects: Record<string, unknown> };
    // Back to a draft, out of the lock, to publish it again.
    const { recorded: _recorded, ...corrects } = text.corrects;
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(dir, rel), JSON.stringify({ ...text, status: 'draft', corrects }, null, 2) + '\n');
    const lockFile = path.join(dir, 'tthc.lock.json');
    const lock = JSON.parse(await readFile(lockFile, 'utf8')) as { published: { code: string; version: string }[] };
    await writeFile(lockFile, JSON.stringify({ ...lock, published: lock.published.filter((e) => !(e.code === '2.002043' && e.version === 'v2025.dc1')) }, null, 2) + '\n');
    const original = await readFile(path.join(dir, 'procedures/2.002043/v2025.json'));

    const result = await publishVersion(dir, '2.002043', 'v2025.dc1', {}, { recorded: '2027-01-05' });
    expect(result.diagnostics).toEqual([]);
    expect(result.published).toBe(true);
    expect(await readFile(path.join(dir, 'procedures/2.002043/v2025.json'))).toEqual(original);
    const published = JSON.parse(await readFile(path.join(dir, rel), 'utf8')) as { status: string; corrects: { recorded: string } };
    expect([published.status, published.corrects.recorded]).toEqual(['published', '2027-01-05']);
    const after = JSON.parse(await readFile(lockFile, 'utf8')) as { published: { code: string; version: string }[] };
    expect(after.published.length).toBe(lock.published.length);
    // Recorded later, the as-recorded view of the day before still shows the original.
    const { catalogue } = await loadCatalogue(dir);
    const r = resolve(catalogue, '2.002043', '2025-08-01', { recordedAt: '2027-01-04' });
    expect(r.kind === 'in-force' && [r.version.data.version, r.correction]).toEqual(['v2025', undefined]);
  });
});

describe('tthc dossier, show and fee at the dates', () => {
  it('dossier --at 2025-08-01 lists the beneficial owners and says which correction; --as-recorded the day before does not', async () => {
    const now = await runTthc(['dossier', '2.002043', '--at', '2025-08-01', '--fact', 'thanhVienToChuc=true'], { env: { TTHC_LANG: 'vi' } });
    expect(now.code).toBe(0);
    expect(now.stdout).toContain('Danh sách chủ sở hữu hưởng lợi của doanh nghiệp (nếu có) [danh-sach-chu-so-huu-huong-loi]: 01 bản chính; nộp');
    expect(now.stdout).toContain(`Đã đính chính (v2025.dc1, ghi nhận ngày ${RECORDED}): thay nội dung đã ghi của v2025 từ ngày 2025-07-01`);
    expect(now.stdout).toContain(`thêm --as-recorded ${BEFORE}`);
    const then = await runTthc(['dossier', '2.002043', '--at', '2025-08-01', '--known-at', BEFORE], { env: { TTHC_LANG: 'vi' } });
    expect(then.code).toBe(0);
    expect(then.stdout).not.toContain('danh-sach-chu-so-huu-huong-loi');
    expect(then.stdout).toContain(`Theo danh mục ghi nhận đến ngày ${BEFORE}; sau đó đã được đính chính bởi v2025.dc1 (${RECORDED})`);
    const clash = await runTthc(['dossier', '2.002043', '--as-recorded', '2026-01-01', '--known-at', '2026-02-01']);
    expect([clash.code, clash.stderr]).toEqual([2, 'tthc: --as-recorded 2026-01-01 and --known-at 2026-02-01 name two different days; give one.\n']);
  });

  it('show --format json names the version in force, the correction and the content used', async () => {
    const r = await runTthc(['show', '2.002043', '--at', '2025-08-01', '--format', 'json']);
    const j = JSON.parse(r.stdout) as { version: string; correction: { record: string; from: string; recorded: string }; spec: { version: string; corrects?: { version: string } } };
    // The content is the correction's, named as the version it corrects (2.002043@v2025).
    expect([j.version, j.correction.record, j.correction.from, j.correction.recorded, j.spec.version, j.spec.corrects?.version]).toEqual(['v2025', 'v2025.dc1', '2025-07-01', RECORDED, 'v2025', 'v2025']);
    const old = JSON.parse((await runTthc(['show', '2.002043', '--at', '2025-08-01', '--as-recorded', BEFORE, '--format', 'json'])).stdout) as { correction: null; spec: { version: string } };
    expect([old.correction, old.spec.version]).toEqual([null, 'v2025']);
  });
});
