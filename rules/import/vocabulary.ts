/**
 * The fixed vocabularies of the sources, mapped to the schema's: levels, procedure kinds, subjects,
 * channels, and step actors.
 */
import type { ChannelKind, ProcedureVersion, Step, Subject } from '../schema/types/procedure-version.generated.js';
import type { Level } from '../schema/types/registry.generated.js';
import { foldVietnamese } from '../text/vi/words.js';
import { oneLine, splitTopLevel } from './text.js';

/**
 * The levels an import may name. The district level ended on 30/6/2025 (domain.md §2); "Cơ quan
 * khác" (another body) is not an administrative level but the sources list it as one.
 */
export const IMPORT_LEVELS: Level[] = [
  { id: 'central', name: 'Cấp bộ (trung ương)', order: 0, effective: { from: '1945-01-01' } },
  { id: 'province', name: 'Cấp tỉnh', order: 1, effective: { from: '1945-01-01' } },
  { id: 'district', name: 'Cấp huyện', order: 2, effective: { from: '1945-01-01', until: '2025-06-30' } },
  { id: 'commune', name: 'Cấp xã', order: 3, effective: { from: '1945-01-01' } },
  { id: 'other', name: 'Cơ quan khác', order: 4, effective: { from: '1945-01-01' }, note: 'Not an administrative level: the national database lists "Cơ quan khác" among the levels for bodies outside the hierarchy.' },
];

const LEVEL_WORDS: Record<string, string> = {
  'cap bo': 'central',
  'cap trung uong': 'central',
  'cap tinh': 'province',
  'cap huyen': 'district',
  'cap xa': 'commune',
  'co quan khac': 'other',
};

/** `Cấp Bộ, Cấp Tỉnh, Cấp Xã, Cơ quan khác` (any capitalisation) → level ids; unknown items are returned apart. */
export function parseLevels(text: string): { levels: string[]; unknown: string[] } {
  const levels: string[] = [];
  const unknown: string[] = [];
  for (const item of splitTopLevel(text)) {
    const id = LEVEL_WORDS[foldVietnamese(oneLine(item)).replace(/[.;]$/, '')];
    if (!id) unknown.push(item);
    else if (!levels.includes(id)) levels.push(id);
  }
  const order = IMPORT_LEVELS.map((l) => l.id);
  levels.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { levels, unknown };
}

/** Procedure kind (loại thủ tục). The 2025 portal words it "TTHC được giao luật quy định chi tiết". */
export function parseKind(text: string): ProcedureVersion['kind'] | undefined {
  const f = foldVietnamese(oneLine(text));
  if (/^tthc (duoc luat giao|duoc giao luat) quy dinh chi tiet$/.test(f)) return 'law-delegated';
  if (/^tthc khong duoc luat giao/.test(f)) return 'not-law-delegated';
  if (/^tthc noi bo$/.test(f)) return 'internal';
  if (/^loai khac$/.test(f)) return 'other';
  return undefined;
}

const SUBJECTS: [string, Subject['kind']][] = [
  ['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'organisation'],
  ['Cán bộ, công chức, viên chức', 'public-servant'],
  ['Người Việt Nam định cư ở nước ngoài', 'overseas-vietnamese'],
  ['Doanh nghiệp có vốn đầu tư nước ngoài', 'foreign-invested-enterprise'],
  ['Tổ chức nước ngoài', 'foreign-organisation'],
  ['Công dân Việt Nam', 'citizen'],
  ['Người nước ngoài', 'foreigner'],
  ['Doanh nghiệp', 'enterprise'],
  ['Hợp tác xã', 'cooperative'],
];

/**
 * The subjects list. Known labels are matched longest first, because several contain commas
 * ("Cán bộ, công chức, viên chức"); what is left is split on commas and kept as kind other with
 * its own wording.
 */
export function parseSubjects(text: string): Subject[] {
  let rest = oneLine(text);
  const found: { at: number; subject: Subject }[] = [];
  for (const [label, kind] of SUBJECTS) {
    // A label counts only as a whole item of the list: "Doanh nghiệp Việt Nam" is not "Doanh nghiệp".
    const re = new RegExp(`(?<=^|,\\s*)${label.replace(/[()]/g, '\\$&')}(?=\\s*(?:,|$))`, 'gu');
    rest = rest.replace(re, (m, at: number) => {
      found.push({ at, subject: { kind } });
      return '\u0000'.repeat(m.length);
    });
  }
  for (const m of rest.matchAll(/[^\u0000,]+/g)) {
    const label = m[0].trim();
    if (label) found.push({ at: m.index, subject: { kind: 'other', label } });
  }
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  return found.map((f) => f.subject).filter((s) => {
    const key = `${s.kind}|${s.label ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function channelKind(text: string): ChannelKind | undefined {
  const f = foldVietnamese(oneLine(text));
  if (/^truc tiep\b/.test(f)) return 'in-person';
  if (/^truc tuyen\b/.test(f)) return 'online';
  if (/^(dich vu )?buu chinh\b|^qua (dich vu )?buu chinh/.test(f)) return 'postal';
  return undefined;
}

const APPLICANT_START =
  /^(ca nhan|to chuc|nguoi (de nghi|yeu cau|khieu nai|to cao|nop|dang ky|co yeu cau|lam thu tuc|dan|su dung lao dong|nuoc ngoai|di dang ky)|cong dan|doanh nghiep|chu (dau tu|tau|so huu|phuong tien|co so|ho)|thi sinh|nha dau tu|hop tac xa|ho gia dinh|don vi (de nghi|co nhu cau|su dung)|co so (de nghi|kham)|nguoi)\b/;
const AGENCY_START =
  /^(co quan|bo |bo truong|cuc|so |ubnd|uy ban|chu tich|thu truong|thanh tra|tong cuc|chi cuc|phong|cong an|ban |hoi dong|ngan hang nha nuoc|bo phan|can bo|cong chuc|trong thoi han|trong vong|sau khi nhan|truong hop ho so|don vi dau moi|toa an|vien kiem sat|tiep nhan|kiem tra|tham dinh|xem xet|giai quyet|cap |tra ket qua|thong bao)/;

/**
 * Who acts in a step, read from how the step begins: the applicant ("Cá nhân, tổ chức nộp hồ sơ"),
 * the agency ("Cơ quan … kiểm tra", "Trong thời hạn … cơ quan …"), or other when the wording does
 * not say. This is a reading aid, never a legal finding.
 */
export function stepActor(action: string): Step['actor'] {
  const f = foldVietnamese(oneLine(action)).replace(/^[^a-z0-9]+/, '');
  const head = f.replace(/^[^:]{0,60}:\s*/, (m) => (m.length < 60 ? '' : m));
  for (const text of [f, head]) {
    if (APPLICANT_START.test(text)) return 'applicant';
    if (AGENCY_START.test(text)) return 'agency';
  }
  if (/\bnop (ho so|don|to khai)\b/.test(f.slice(0, 120))) return 'applicant';
  return 'other';
}

/**
 * The level an agency's name implies ("Công an Xã" → commune, "Sở Tư pháp" → province, "Cục …" →
 * central), for sources that state no level. A reading aid: the result is flagged as inferred.
 */
export function levelFromAgency(name: string): string | undefined {
  const f = foldVietnamese(oneLine(name));
  if (/\b(xa|phuong|thi tran)\b/.test(f)) return 'commune';
  if (/\b(huyen|quan)\b/.test(f)) return 'district';
  if (/\b(tinh|so)\b|thanh pho truc thuoc/.test(f)) return 'province';
  if (/^(bo|cuc|tong cuc|vu|thanh tra bo|ngan hang nha nuoc)\b/.test(f)) return 'central';
  return undefined;
}
