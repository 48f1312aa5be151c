import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupCatalogues, makeCatalogue, version, versionPath } from '../helpers/catalogue.js';
import { hasStackTrace, runTthc } from '../helpers/cli.js';

let unnamed: string;
let out: string;

beforeAll(async () => {
  // An amendment that names no amending document (no changedBy).
  const v1 = version({ effective: { from: '2020-01-01' } });
  const v2 = version({ version: 'v2', supersedes: 'v1', effective: { from: '2026-03-02' }, dossier: { documents: [version().dossier!.documents[0]!] } });
  unnamed = await makeCatalogue({ [versionPath(v1)]: v1, [versionPath(v2)]: v2 });
  out = mkdtempSync(path.join(tmpdir(), 'tthc-announce-'));
});
afterAll(async () => {
  await cleanupCatalogues();
  rmSync(out, { recursive: true, force: true });
});

describe('tthc announce', () => {
  it('prints the Markdown draft and, on stderr, what it announces and the latest lawful signing date', async () => {
    const r = await runTthc(['announce', '--effective', '2026-01-01', '--issuer', 'ubnd-tinh', '--signed', '2025-12-26']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| Số: …/QĐ-UBND | _…, ngày 26 tháng 12 năm 2025_ |');
    expect(r.stderr.split('\n')).toEqual([
      'tthc: 8 procedures to announce on 2026-01-01: 0 new, 8 amended, 0 abolished; issuer ubnd-tinh (Ủy ban nhân dân cấp tỉnh).',
      'tthc: deadline: the changes taking effect on 2026-01-01 (1.000656, 1.000894, 1.001193, 2.001199, 2.001583, 2.001610, 2.002042, 2.002043) are announced by 2025-12-25 at the latest, the 5th working day before (a province: 5 working days; Nghị định 63/2010/NĐ-CP Art. 15, as amended by Nghị định 92/2017/NĐ-CP).',
      'tthc: warning: signed on 2025-12-26, the decision comes too late for 2026-01-01: 4 working days before it, 5 required (latest lawful signing date 2025-12-25).',
      // Residence registration is announced by Bộ Công an itself (issue 18 point 2).
      'tthc: left out: 1.004194 (amended) is announced by bo-cong-an (Bộ Công an) itself: its sector is organised vertically; its issuer announces it.',
      'tthc: left out: 1.004222 (amended) is announced by bo-cong-an (Bộ Công an) itself: its sector is organised vertically; its issuer announces it.',
      'tthc: not announced: 1.001865@v2 is a draft taking effect on 2026-01-01; publish it to announce it.',
      '',
    ]);
  });

  it('says so and exits 0 when nothing changes that day', async () => {
    const r = await runTthc(['announce', '--effective', '2026-01-02']);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', 'tthc: nothing to announce: no published procedure becomes new, amended or abolished on 2026-01-02.\n']);
  });

  it('lists each change with no legal document for it as an error, exit 1, and still drafts with a blank', async () => {
    const r = await runTthc(['announce', unnamed, '--effective', '2026-03-02', '--issuer', 'ubnd-ha-noi']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('| 1 | 1.001193 | Thủ tục đăng ký khai sinh | … | Thành phần, số lượng hồ sơ | Hộ tịch | Ủy ban nhân dân cấp xã |');
    expect(r.stderr).toContain(`${path.join(unnamed, 'procedures/1.001193/v2.json')}\n`);
    expect(r.stderr).toMatch(/ {2}8:17 +error +1\.001193@v2 takes effect on 2026-03-02 as an amendment, but names no legal document that amends it: add changedBy\.legalBasis; the draft leaves the document blank\. {2}announce\/change-basis \/supersedes\n/);
    expect(r.stderr).toContain('✖ 1 problem (1 error, 0 warnings)');
  });

  it('refuses an issuer who does not announce these procedures, and asks for one when several could', async () => {
    const wrongSector = await runTthc(['announce', '--effective', '2026-01-01', '--issuer', 'bo-xay-dung']);
    expect(wrongSector.code).toBe(2);
    expect(wrongSector.stderr).toMatch(/^tthc: bo-xay-dung \(Bộ Xây dựng, central level\) announces none of the 10 changes in the window: .* They are performed at the commune, province levels in the sectors of bo-cong-an, bo-tai-chinh, bo-tu-phap\.\n$/);
    const commune = await runTthc(['announce', '--effective', '2026-01-01', '--issuer', 'ubnd-xa']);
    expect(commune.code).toBe(2);
    expect(commune.stderr).toMatch(/^tthc: ubnd-xa \(Ủy ban nhân dân cấp xã\) is at the commune level: only a minister/);
    const none = await runTthc(['announce', '--effective', '2026-01-01']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^tthc: Name the issuer with --issuer <agency>: the changes fall in the sectors of bo-tu-phap/);
    for (const r of [wrongSector, commune, none]) expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('writes DOCX and JSON to --out', async () => {
    const docx = path.join(out, 'qd.docx');
    const r = await runTthc(['announce', '--effective', '2026-07-01', '--format', 'docx', '--out', docx]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`tthc: wrote ${docx}.\n`);
    expect(readFileSync(docx).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const json = path.join(out, 'qd.json');
    expect((await runTthc(['announce', '--effective', '2026-07-01', '--format', 'json', '--out', json])).code).toBe(0);
    const data = JSON.parse(readFileSync(json, 'utf8'));
    expect(data.changes.map((c: { code: string; kind: string }) => [c.code, c.kind])).toEqual([['2.000488', 'abolished']]);
    expect(data.deadline.dates).toEqual([{ effective: '2026-07-01', latestSigning: '2026-06-03', codes: ['2.000488'], workingDaysBefore: null, late: false }]);
  });

  it('exits 2 with one line on bad input', async () => {
    for (const args of [
      ['--effective', '2026-02-30'],
      ['--effective', '2026-01-01', '--format', 'pdf'],
      ['--effective', '2026-01-01', '--since', '2026-03-01'],
      ['--effective', '2026-01-01', '--issuer', 'ubnd-tinh', '--deadline-days', '0'],
      ['--effective', '2026-01-01', '--issuer', 'ubnd-tinh', '--signed', '25/12/2025'],
      [],
    ]) {
      const r = await runTthc(['announce', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });
});
