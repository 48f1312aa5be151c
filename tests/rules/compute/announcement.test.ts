import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { announcementChanges, announcementDeadline, inferIssuer, outsideScope, resolveIssuer, type AnnouncedChange } from '../../../rules/compute/announcement.js';
import { loadCatalogue } from '../../../rules/load/catalogue.js';
import { type Catalogue, type LoadedVersion } from '../../../rules/model/catalogue.js';
import { catalogueFromObjects } from '../../../rules/load/in-memory.js';
import { baseRegistry } from '../../../rules/lint/fixture.js';
import { mergePatch } from '../../../rules/lint/merge-patch.js';
import { version } from '../../helpers/catalogue.js';
import { vnCalendar } from '../../helpers/calendar.js';
import { AMENDED_BY_66_7 } from '../../helpers/announcement.js';

const CATALOGUE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../catalogue');


let bundled: Catalogue;
beforeAll(async () => {
  bundled = (await loadCatalogue(CATALOGUE)).catalogue;
});

const calendar = vnCalendar();

describe('what an announcement announces', () => {
  it('finds the Nghị quyết 66.7/2025/NQ-CP amendments of 1 January 2026, each against the version in force the day before', () => {
    const s = announcementChanges(bundled, { since: '2026-01-01', effective: '2026-01-01' });
    expect(s.changes.map((c) => c.code)).toEqual(AMENDED_BY_66_7);
    expect(s.problems).toEqual([]);
    for (const c of s.changes) {
      expect(c.kind).toBe('amended');
      expect(c.effective).toBe('2026-01-01');
      expect(c.changeBasis).toEqual([{ document: '66.7/2025/NQ-CP' }]);
      expect(c.basisSource).toBe('changed-by');
      expect(c.previous!.data.effective!.from < '2026-01-01').toBe(true);
    }
    const birth = s.changes.find((c) => c.code === '1.001193')!;
    expect([birth.previous!.data.version, birth.version.data.version]).toEqual(['v2023', 'v3']);
    // The Căn cước is now looked up in the population database: a cut in the dossier.
    expect(birth.diff!.changes.find((x) => x.kind === 'replaced-by-lookup')).toMatchObject({ area: 'document', classification: 'cut', legalBasis: [{ document: '66.7/2025/NQ-CP' }] });
    // 1.001865 (employment services licence) is amended by the same resolution, but only as a draft.
    expect(s.notAnnounced).toEqual([expect.objectContaining({ code: '1.001865', version: 'v2', from: '2026-01-01', reason: 'draft' })]);
  });

  it('announces the judicial-record procedure 2.000488 as abolished from 1 July 2026 by Law 107/2025/QH15', () => {
    const s = announcementChanges(bundled, { since: '2026-07-01', effective: '2026-07-01' });
    expect(s.changes.map((c) => [c.code, c.kind])).toEqual([['2.000488', 'abolished']]);
    const [c] = s.changes as [AnnouncedChange];
    expect(c.version.data.status).toBe('repealed');
    expect(c.content.data.version).toBe('v2');
    expect(c.changeBasis).toEqual([{ document: '107/2025/QH15' }]);
    // Its local variant simply ends the day before: no repeal names a document, so it is not announced.
    expect(s.notAnnounced.map((n) => [n.code, n.reason])).toEqual([
      ['1.004222', 'proposed'],
      ['2.000488.H26', 'lapsed'],
      ['3.000333', 'draft'],
    ]);
  });

  it('reads the construction permit of 1 July 2025 as amended: the district level hands it to the commune', () => {
    const s = announcementChanges(bundled, { since: '2025-07-01', effective: '2025-07-01' });
    expect(s.changes.map((c) => [c.code, c.kind])).toEqual([['1.013225', 'amended']]);
    const changes = s.changes[0]!.diff!.changes;
    expect(changes.find((c) => c.area === 'levels')!.summary).toBe('Cấp thực hiện: Cấp huyện → Cấp xã.');
    expect(changes.find((c) => c.area === 'agencies')!.summary).toBe('Cơ quan thực hiện: Ủy ban nhân dân cấp huyện → Ủy ban nhân dân cấp xã.');
    expect(s.changes[0]!.changeBasis.map((r) => r.document)).toEqual(['140/2025/NĐ-CP', '72/2025/QH15']);
  });

  it('announces a procedure amended twice in a window once, with its final version and both documents', () => {
    const s = announcementChanges(bundled, { since: '2025-01-01', effective: '2026-01-01' });
    const company = s.changes.find((c) => c.code === '2.001583')!;
    expect([company.kind, company.previous!.data.version, company.version.data.version]).toEqual(['amended', 'v2021', 'v2026']);
    expect(company.steps.map((v) => v.data.version)).toEqual(['v2025', 'v2026']);
    expect(company.changeBasis.map((r) => r.document)).toEqual(['45/2025/NĐ-CP', '66.7/2025/NQ-CP']);
    expect(s.changes.map((c) => c.code)).toContain('1.013225');
  });

  it('finds nothing on a day no change takes effect', () => {
    expect(announcementChanges(bundled, { since: '2026-01-02', effective: '2026-01-02' }).changes).toEqual([]);
  });

  it('refuses a window that ends before it starts', () => {
    expect(() => announcementChanges(bundled, { since: '2026-02-01', effective: '2026-01-01' })).toThrow(/--since 2026-02-01 is after --effective 2026-01-01/);
  });
});

function fixture(versions: ReturnType<typeof version>[]) {
  const registry = mergePatch(baseRegistry(), {
    legalDocuments: [
      ...baseRegistry().legalDocuments!,
      { number: '99/2026/NĐ-CP', type: 'decree', issuer: 'Chính phủ', title: 'Nghị định quy định thủ tục mới', issued: '2026-02-01', effective: '2026-03-01' },
    ],
  });
  return catalogueFromObjects({ versions, registry }).catalogue;
}

describe('the documents that make each change', () => {
  it('takes a new procedure’s document from its legal basis taking effect that day, when changedBy is absent', () => {
    const catalogue = fixture([version({ code: '1.999001', effective: { from: '2026-03-01' }, legalBasis: [{ document: '60/2014/QH13', article: '13' }, { document: '99/2026/NĐ-CP', article: '5' }] })]);
    const s = announcementChanges(catalogue, { since: '2026-03-01', effective: '2026-03-01' });
    expect(s.changes.map((c) => [c.code, c.kind, c.basisSource])).toEqual([['1.999001', 'new', 'legal-basis-taking-effect']]);
    expect(s.changes[0]!.changeBasis).toEqual([{ document: '99/2026/NĐ-CP' }]);
    expect(s.problems).toEqual([]);
  });

  it('reports each change that names no legal document as an error, at its place in the file', () => {
    const catalogue = fixture([
      version({ code: '1.999002', effective: { from: '2026-03-01' } }),
      version({ code: '1.999003', effective: { from: '2020-01-01' } }),
      version({ code: '1.999003', version: 'v2', supersedes: 'v1', effective: { from: '2026-03-01' } }),
      version({ code: '1.999004', effective: { from: '2020-01-01' } }),
      version({ code: '1.999004', version: 'v2', supersedes: 'v1', effective: { from: '2026-03-01' }, changedBy: { legalBasis: [{ document: '99/2026/NĐ-CP' }] } }),
    ]);
    const s = announcementChanges(catalogue, { since: '2026-03-01', effective: '2026-03-01' });
    expect(s.changes.map((c) => [c.code, c.kind, c.basisSource])).toEqual([
      ['1.999002', 'new', 'none'],
      ['1.999003', 'amended', 'none'],
      ['1.999004', 'amended', 'changed-by'],
    ]);
    expect(s.problems.map((d) => [d.file, d.pointer, d.ruleId, d.severity])).toEqual([
      ['procedures/1.999002/v1.json', '', 'announce/change-basis', 'error'],
      ['procedures/1.999003/v2.json', '/supersedes', 'announce/change-basis', 'error'],
    ]);
    expect(s.problems[1]!.message).toMatch(/^1\.999003@v2 takes effect on 2026-03-01 as an amendment, but names no legal document that amends it: add changedBy\.legalBasis/);
  });
});

describe('who announces', () => {
  it('accepts a minister or a provincial People’s Committee, and says why anyone else cannot', () => {
    expect(resolveIssuer(bundled, 'bo-tu-phap', '2026-01-01')).toMatchObject({ role: 'ministry', level: { id: 'central' } });
    expect(resolveIssuer(bundled, 'ubnd-tinh', '2026-01-01')).toMatchObject({ role: 'province', level: { id: 'province' } });
    expect(() => resolveIssuer(bundled, 'so-tu-phap', '2026-01-01')).toThrow(/chair of the provincial People's Committee announces .* use --issuer ubnd-tinh or ubnd-ha-noi/);
    expect(() => resolveIssuer(bundled, 'ubnd-xa', '2026-01-01')).toThrow(/is at the commune level: only a minister .* or the chair of a provincial People's Committee/);
    expect(() => resolveIssuer(bundled, 'trung-tam-lltp-quoc-gia', '2026-01-01')).toThrow(/is part of bo-tu-phap: .* use --issuer bo-tu-phap/);
    expect(() => resolveIssuer(bundled, 'bo-ke-hoach-dau-tu', '2026-01-01')).toThrow(/does not exist on 2026-01-01 \(1995-11-01 to 2025-02-28\)\. Its functions passed to bo-tai-chinh/);
    expect(() => resolveIssuer(bundled, 'bo-tu-phapp', '2026-01-01')).toThrow(/no agency "bo-tu-phapp".*bo-tu-phap/);
  });

  it('keeps a ministry to its sector and a province to the levels below it', () => {
    const s = announcementChanges(bundled, { since: '2026-01-01', effective: '2026-01-01' });
    const justice = resolveIssuer(bundled, 'bo-tu-phap', '2026-01-01');
    const inScope = s.changes.filter((c) => !outsideScope(bundled, justice, c)).map((c) => c.code);
    expect(inScope).toEqual(['1.000656', '1.000894', '1.001193']);
    expect(outsideScope(bundled, justice, s.changes.find((c) => c.code === '1.004222')!)).toBe('in the sector of bo-cong-an (Bộ Công an)');
    const province = resolveIssuer(bundled, 'ubnd-tinh', '2026-01-01');
    // Residence registration is announced by Bộ Công an itself (vertically organised), not by the province (issue 18 point 2).
    expect(s.changes.filter((c) => outsideScope(bundled, province, c)).map((c) => [c.code, outsideScope(bundled, province, c)])).toEqual([
      ['1.004194', 'announced by bo-cong-an (Bộ Công an) itself: its sector is organised vertically'],
      ['1.004222', 'announced by bo-cong-an (Bộ Công an) itself: its sector is organised vertically'],
    ]);
    const central = version({ code: '1.999005', levels: ['central'], effective: { from: '2026-03-01' }, changedBy: { legalBasis: [{ document: '60/2014/QH13' }] } });
    const { catalogue } = catalogueFromObjects({ versions: [central], registry: baseRegistry() });
    const [change] = announcementChanges(catalogue, { since: '2026-03-01', effective: '2026-03-01' }).changes;
    expect(outsideScope(catalogue, resolveIssuer(catalogue, 'ubnd-ha-noi', '2026-03-01'), change!)).toBe('performed at the central level, above the province level of ubnd-ha-noi');
  });

  it('infers the ministry when one sector covers every change, and otherwise asks, listing the choices', () => {
    const abolition = announcementChanges(bundled, { since: '2026-07-01', effective: '2026-07-01' });
    expect(inferIssuer(bundled, abolition.changes, '2026-07-01').agency.id).toBe('bo-tu-phap');
    const amendments = announcementChanges(bundled, { since: '2026-01-01', effective: '2026-01-01' });
    expect(() => inferIssuer(bundled, amendments.changes, '2026-01-01')).toThrow(
      'Name the issuer with --issuer <agency>: the changes fall in the sectors of bo-tu-phap (1.000656, 1.000894, 1.001193); bo-cong-an (1.004194, 1.004222); bo-tai-chinh (2.001199, 2.001583, 2.001610, 2.002042, 2.002043). A ministry announces its sector\'s procedures; a provincial People\'s Committee (ubnd-tinh, ubnd-ha-noi) those performed in the province.',
    );
  });
});

/** A change taking effect on a date, for the deadline alone. */
function takingEffect(code: string, from: string): AnnouncedChange {
  const v = { data: { code, version: 'v2', status: 'published', effective: { from } } } as unknown as LoadedVersion;
  return { code, kind: 'amended', effective: from, version: v, previous: undefined, content: v, steps: [v], changeBasis: [], basisSource: 'changed-by', diff: undefined };
}

describe('the latest lawful signing date', () => {
  // 1 January 2026 is a Thursday and a holiday; December 2025 has no day off but its weekends.
  it('is the 20th working day before the change for a ministry, the 5th for a province', () => {
    const changes = [takingEffect('1.001193', '2026-01-01')];
    expect(announcementDeadline(calendar, changes, { role: 'ministry' }).latestSigning).toBe('2025-12-04');
    expect(announcementDeadline(calendar, changes, { role: 'province' }).latestSigning).toBe('2025-12-25');
    expect(announcementDeadline(calendar, changes, { role: 'province', workingDays: 10 })).toMatchObject({ workingDays: 10, configured: true, latestSigning: '2025-12-18' });
  });

  it('checks a signing date: working days from the signing day up to the day before the change', () => {
    const changes = [takingEffect('1.001193', '2026-01-01')];
    expect(announcementDeadline(calendar, changes, { role: 'province', signed: '2025-12-25' }).dates).toEqual([
      { effective: '2026-01-01', latestSigning: '2025-12-25', codes: ['1.001193'], workingDaysBefore: 5, late: false },
    ]);
    expect(announcementDeadline(calendar, changes, { role: 'province', signed: '2025-12-26' }).dates[0]).toMatchObject({ workingDaysBefore: 4, late: true });
    // Signed on Saturday 27/12: Monday 29, 30 and 31 remain.
    expect(announcementDeadline(calendar, changes, { role: 'province', signed: '2025-12-27' }).dates[0]).toMatchObject({ workingDaysBefore: 3, late: true });
  });

  it('skips the Tết holiday: 10 working days before Monday 10 February 2025 is 20 January', () => {
    // Back from 10/02: 07, 06, 05, 04, 03/02 (five); 27–31/01 are Tết Ất Tỵ, 25–26/01 a weekend; then 24, 23, 22, 21, 20/01.
    const d = announcementDeadline(calendar, [takingEffect('2.001583', '2025-02-10')], { role: 'ministry', workingDays: 10 });
    expect(d.latestSigning).toBe('2025-01-20');
    expect(d.provisional).toEqual([]);
  });

  it('gives each effective date in a window its own latest date, and the earliest overall', () => {
    const d = announcementDeadline(calendar, [takingEffect('1.013225', '2025-07-01'), takingEffect('1.001193', '2026-01-01'), takingEffect('1.000656', '2026-01-01')], { role: 'province' });
    // 1/7/2025 is a Tuesday: 30/6, 27, 26, 25, 24/6.
    expect(d.dates.map((x) => [x.effective, x.latestSigning, x.codes])).toEqual([
      ['2025-07-01', '2025-06-24', ['1.013225']],
      ['2026-01-01', '2025-12-25', ['1.000656', '1.001193']],
    ]);
    expect(d.latestSigning).toBe('2025-06-24');
  });
});
