/**
 * The corrections of issue 20 §2, as drafts that supersede the locked published versions (published
 * versions are immutable): each checked as it would apply once published, by reading the catalogue with
 * the draft's status set to published in memory (the files are not changed).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../rules/load/catalogue.js';
import { type Catalogue } from '../../rules/model/catalogue.js';
import { prepareApplication } from '../../rules/compute/application.js';
import { requiredDocuments } from '../../rules/compute/dossier.js';
import { computeFees } from '../../rules/compute/fees.js';

let bundled: Catalogue;
let published: Catalogue;
const DRAFTS = new Set(['2.002043@v2026-12', '1.001193@v4', '1.004222@v4']);
beforeAll(async () => {
  bundled = (await loadCatalogue('catalogue')).catalogue;
  const publish = (v: Catalogue['versions'][number]) => (DRAFTS.has(`${v.data.code}@${v.data.version}`) ? { ...v, data: { ...v.data, status: 'published' as const } } : v);
  published = { ...bundled, versions: bundled.versions.map(publish), byCode: new Map([...bundled.byCode].map(([c, l]) => [c, l.map(publish)])) };
});

const ON = '2026-12-15';
const app = (code: string, channel?: string, facts: Record<string, string | number | boolean> = {}) => prepareApplication(published, { code, date: ON, channel, facts });
const docs = (code: string, channel?: string, facts: Record<string, string | number | boolean> = {}) =>
  Object.fromEntries(requiredDocuments(published, app(code, channel, facts)).documents.map((d) => [d.id, d.status]));

describe('the drafts are drafts, superseding the locked versions', () => {
  it('leaves every published file as locked, and the drafts unpublished', () => {
    for (const ref of DRAFTS) {
      const [code, version] = ref.split('@');
      const v = bundled.byCode.get(code!)!.find((x) => x.data.version === version)!;
      expect(v.data.status, ref).toBe('draft');
      expect(v.data.changedBy?.legalBasis.length, ref).toBeGreaterThan(0);
      expect(v.data.notes?.[0]?.kind, ref).toBe('editorial');
    }
    const lock = JSON.parse(readFileSync('catalogue/tthc.lock.json', 'utf8')) as { published: { code: string; version: string }[] };
    expect(lock.published.some((e) => DRAFTS.has(`${e.code}@${e.version}`))).toBe(false);
    expect(lock.published.filter((e) => ['2.002043@v2026', '1.001193@v3', '1.004222@v3'].includes(`${e.code}@${e.version}`))).toHaveLength(3);
  });
});

describe('2.002043: Nghị định 168/2025/NĐ-CP Art. 11(1) and Luật 76/2025/QH15', () => {
  it('an individual who declares the personal ID number hands in no copy of their papers; one who does not, does', () => {
    expect(docs('2.002043')['giay-to-phap-ly-ca-nhan']).toBe('not-required');
    expect(docs('2.002043', undefined, { keKhaiSoDinhDanh: false })['giay-to-phap-ly-ca-nhan']).toBe('submit');
  });

  it('an organisation shareholder’s papers and the representative’s appointment are handed in, never looked up; a foreign one’s consular-legalised', () => {
    const org = docs('2.002043', undefined, { thanhVienToChuc: true });
    expect(org['giay-to-phap-ly-to-chuc']).toBe('submit');
    expect(org['giay-to-to-chuc-nuoc-ngoai']).toBe('not-required');
    expect(docs('2.002043', undefined, { thanhVienToChuc: true, toChucNuocNgoai: true })['giay-to-to-chuc-nuoc-ngoai']).toBe('submit');
    const v = published.byCode.get('2.002043')!.find((x) => x.data.version === 'v2026-12')!.data;
    expect(v.dossier!.documents.find((d) => d.id === 'giay-to-phap-ly-to-chuc')!.lookup).toBeUndefined();
  });

  it('lists the beneficial owners, and cites 168/2025 instead of 01/2021 Art. 25', () => {
    expect(docs('2.002043')['danh-sach-chu-so-huu-huong-loi']).toBe('submit');
    const v = published.byCode.get('2.002043')!.find((x) => x.data.version === 'v2026-12')!.data;
    expect(JSON.stringify(v)).not.toContain('"document":"01/2021/NĐ-CP"');
    expect(v.dossier!.documents.every((d) => d.legalBasis!.some((b) => b.document === '168/2025/NĐ-CP'))).toBe(true);
    // The fee follows the registry's dated rate as before: 25.000 + 100.000 đ in December 2026.
    expect(computeFees(app('2.002043', 'in-person')).totals[0]!.amount).toBe(125_000);
  });
});

describe('1.001193 v4: copies on request, and certified copies by post', () => {
  it('by post, the papers shown in person are sent as certified copies; in person they are shown', () => {
    expect(docs('1.001193', 'postal')['ban-sao-giay-to-xuat-trinh']).toBe('submit');
    expect(docs('1.001193', 'in-person')['ban-sao-giay-to-xuat-trinh']).toBe('not-required');
  });

  it('a fee per copy asked for under Thông tư 281/2016/TT-BTC, its amount not confirmed (shown as not recorded, left out of the total)', () => {
    const none = computeFees(app('1.001193')).lines.find((l) => l.id === 'phi-ban-sao')!;
    expect(none.status).toBe('not-applicable');
    const two = computeFees(app('1.001193', undefined, { soBanSao: 2 }));
    const line = two.lines.find((l) => l.id === 'phi-ban-sao')!;
    expect([line.status, line.quantity, line.amount, line.variable?.setBy]).toEqual(['variable', 2, null, 'not-recorded']);
    expect(two.incomplete).toBe(true);
    expect(two.notes.some((n) => n.kind === 'uncertain' && n.text.includes('281/2016/TT-BTC'))).toBe(true);
  });
});

describe('1.004222 v4: Luật Cư trú 2020 Art. 21(2)–(3)', () => {
  it('the owner shows the proof of ownership (looked up); one living with another gives the consent and the proof of relationship; a tenant the consent and the lease', () => {
    expect(docs('1.004222')).toMatchObject({ 'cho-o-hop-phap': 'looked-up', 'y-kien-dong-y': 'not-required', 'quan-he-nhan-than': 'not-required', 'hop-dong-thue-muon': 'not-required' });
    expect(docs('1.004222', undefined, { truongHopCuTru: 'o-nho-nguoi-than' })).toMatchObject({ 'cho-o-hop-phap': 'not-required', 'y-kien-dong-y': 'submit', 'quan-he-nhan-than': 'submit', 'hop-dong-thue-muon': 'not-required' });
    expect(docs('1.004222', undefined, { truongHopCuTru: 'thue-muon-o-nho' })).toMatchObject({ 'cho-o-hop-phap': 'not-required', 'y-kien-dong-y': 'submit', 'quan-he-nhan-than': 'not-required', 'hop-dong-thue-muon': 'submit' });
  });

  it('cites Thông tư 75/2022/TT-BTC for its fees: 20.000 đ in person, 10.000 đ online', () => {
    const inPerson = computeFees(app('1.004222', 'in-person'));
    expect(inPerson.totals[0]!.amount).toBe(20_000);
    expect(inPerson.lines.find((l) => l.status === 'due')!.legalBasis.map((b) => b.document)).toContain('75/2022/TT-BTC');
    expect(computeFees(app('1.004222', 'online')).totals[0]!.amount).toBe(10_000);
  });
});
