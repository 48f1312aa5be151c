/**
 * Item-by-item comparison of two versions. Items are matched by id, then by their folded name, so a
 * renamed id or a reworded name alone does not read as a removal plus an addition.
 */
import { canonicalJson } from '../../load/canonical.js';
import type { ChannelKind, Document, Duration, Fee, LegalRef, ProcedureVersion, Requirement, Result, Step, TimeLimit } from '../../schema/types/procedure-version.generated.js';
import { formatOnlineService, CHANNEL_VI, PORTAL_VI } from '../../text/vi/channels.js';
import { formatCopies } from '../../text/vi/dossier.js';
import { formatFee } from '../../text/vi/fees.js';
import { formatSubject } from '../../text/vi/procedure.js';
import { formatDuration, formatTimeLimit } from '../../text/vi/time-limits.js';
import { foldVietnamese } from '../../text/vi/words.js';
import { wordDiff } from '../../text/word-diff.js';
import { compareDurations } from '../durations.js';
import { sameJson } from './json.js';
import type { Change, ChangeArea, ChangeKind, Classification } from './types.js';

/** A change before its legal basis is attached. */
export type DraftChange = Omit<Change, 'legalBasis'> & { itemBasis?: LegalRef[] | undefined };

interface Matched<T> {
  before: T;
  beforeIndex: number;
  after: T;
  afterIndex: number;
}

/** Pairs items by id, then by folded name among those left; the rest are removed or added. */
export function matchItems<T>(before: readonly T[], after: readonly T[], id: (t: T) => string | undefined, name: (t: T) => string): { matched: Matched<T>[]; removed: [T, number][]; added: [T, number][] } {
  const usedAfter = new Set<number>();
  const pairs = new Map<number, number>();
  before.forEach((b, i) => {
    const key = id(b);
    if (key === undefined) return;
    const j = after.findIndex((a, k) => !usedAfter.has(k) && id(a) === key);
    if (j >= 0) {
      pairs.set(i, j);
      usedAfter.add(j);
    }
  });
  before.forEach((b, i) => {
    if (pairs.has(i)) return;
    const key = foldVietnamese(name(b)).trim();
    const j = after.findIndex((a, k) => !usedAfter.has(k) && foldVietnamese(name(a)).trim() === key);
    if (j >= 0) {
      pairs.set(i, j);
      usedAfter.add(j);
    }
  });
  const matched = [...pairs.entries()].map(([i, j]) => ({ before: before[i]!, beforeIndex: i, after: after[j]!, afterIndex: j }));
  return {
    matched,
    removed: before.flatMap((b, i) => (pairs.has(i) ? [] : [[b, i] as [T, number]])),
    added: after.flatMap((a, j) => (usedAfter.has(j) ? [] : [[a, j] as [T, number]])),
  };
}

function draft(area: ChangeArea, kind: ChangeKind, classification: Classification, id: string, label: string, summary: string, pointer: Change['pointer'], extra: Partial<DraftChange> = {}): DraftChange {
  return { area, kind, classification, id, label, summary, pointer, ...extra };
}

/** Cut when the burden falls, addition when it grows: -1 less, 1 more. */
function byDirection(direction: -1 | 1): Classification {
  return direction < 0 ? 'cut' : 'addition';
}

/** A changed text as an editorial change with its word diff, or nothing when the NFC texts are equal. */
export function textChange(area: ChangeArea, id: string, label: string, property: string, before: string | undefined, after: string | undefined, pointer: Change['pointer'], what: string, itemBasis?: LegalRef[]): DraftChange | undefined {
  const b = (before ?? '').normalize('NFC');
  const a = (after ?? '').normalize('NFC');
  if (a === b) return undefined;
  const summary = !b ? `Bổ sung ${what}.` : !a ? `Bỏ ${what}.` : `Sửa ${what}.`;
  return draft(area, 'changed', 'editorial', id, label, summary, pointer, { property, before: before ?? null, after: after ?? null, textDiff: wordDiff(b, a), itemBasis });
}

// ---------------------------------------------------------------- documents

function copiesText(d: Document): string {
  return formatCopies(d.originals, d.copies, d.certifiedCopy ?? false);
}

export function documentChanges(before: readonly Document[], after: readonly Document[], databaseName: (id: string) => string = (id) => id): DraftChange[] {
  const out: DraftChange[] = [];
  const at = (i: number) => `/dossier/documents/${i}`;
  const { matched, removed, added } = matchItems(before, after, (d) => d.id, (d) => d.name);
  for (const [d, i] of removed) {
    out.push(
      d.lookup
        ? draft('document', 'removed', 'editorial', d.id, d.name, `Không còn liệt kê “${d.name}” (đã được khai thác từ cơ sở dữ liệu).`, { before: at(i) }, { itemBasis: d.legalBasis })
        : draft('document', 'removed', 'cut', d.id, d.name, `Bỏ giấy tờ “${d.name}” (${copiesText(d)}).`, { before: at(i) }, { before: { originals: d.originals, copies: d.copies }, itemBasis: d.legalBasis }),
    );
  }
  for (const { before: b, beforeIndex: i, after: a, afterIndex: j } of matched) {
    const pointer = { before: at(i), after: at(j) };
    const basis = a.legalBasis ?? b.legalBasis;
    if (!b.lookup && a.lookup) {
      out.push(draft('document', 'replaced-by-lookup', 'cut', a.id, a.name, `Không yêu cầu nộp/xuất trình “${a.name}”: cơ quan khai thác thông tin từ ${databaseName(a.lookup.database)}.`, pointer, { property: 'lookup', before: null, after: a.lookup.database, itemBasis: a.lookup.legalBasis }));
    } else if (b.lookup && !a.lookup) {
      out.push(draft('document', 'changed', 'addition', a.id, a.name, `“${a.name}” không còn được khai thác từ ${databaseName(b.lookup.database)}; người nộp phải cung cấp.`, pointer, { property: 'lookup', before: b.lookup.database, after: null, itemBasis: basis }));
    } else if (b.lookup && a.lookup && b.lookup.database !== a.lookup.database) {
      out.push(draft('document', 'changed', 'editorial', a.id, a.name, `Đổi cơ sở dữ liệu khai thác “${a.name}”: ${databaseName(b.lookup.database)} → ${databaseName(a.lookup.database)}.`, pointer, { property: 'lookup', before: b.lookup.database, after: a.lookup.database, itemBasis: a.lookup.legalBasis }));
    }
    if (!a.lookup) {
      const total = a.originals + a.copies - (b.originals + b.copies);
      const direction = total !== 0 ? Math.sign(total) : Math.sign(a.originals - b.originals);
      if (direction !== 0) {
        out.push(draft('document', 'changed', byDirection(direction as -1 | 1), a.id, a.name, `Số lượng “${a.name}”: ${copiesText(b)} → ${copiesText(a)}.`, pointer, { property: 'copies', before: { originals: b.originals, copies: b.copies }, after: { originals: a.originals, copies: a.copies }, itemBasis: basis }));
      }
      const bc = (b.certifiedCopy ?? false) && b.copies > 0;
      const ac = (a.certifiedCopy ?? false) && a.copies > 0;
      if (bc !== ac) {
        out.push(draft('document', 'changed', ac ? 'addition' : 'cut', a.id, a.name, ac ? `Yêu cầu bản sao có chứng thực “${a.name}”.` : `Không yêu cầu chứng thực bản sao “${a.name}”.`, pointer, { property: 'certifiedCopy', before: bc, after: ac, itemBasis: basis }));
      }
      const bs = b.submission ?? 'submit';
      const as = a.submission ?? 'submit';
      if (bs !== as) {
        out.push(draft('document', 'changed', as === 'present' ? 'cut' : 'addition', a.id, a.name, as === 'present' ? `“${a.name}” chỉ xuất trình, không phải nộp.` : `“${a.name}” phải nộp, không chỉ xuất trình.`, pointer, { property: 'submission', before: bs, after: as, itemBasis: basis }));
      }
    }
    if (!sameJson(b.when, a.when)) {
      const classification: Classification = b.when && !a.when ? 'addition' : !b.when && a.when ? 'cut' : 'editorial';
      const summary = classification === 'addition' ? `“${a.name}” trở thành bắt buộc trong mọi trường hợp.` : classification === 'cut' ? `“${a.name}” chỉ yêu cầu trong một số trường hợp.` : `Đổi điều kiện yêu cầu “${a.name}”.`;
      out.push(draft('document', 'changed', classification, a.id, a.name, summary, pointer, { property: 'when', before: b.when ?? null, after: a.when ?? null, itemBasis: basis, ...(classification === 'editorial' ? { review: true } : {}) }));
    }
    if ((b.form ?? null) !== (a.form ?? null)) out.push(draft('document', 'changed', 'editorial', a.id, a.name, `Đổi mẫu của “${a.name}”: ${b.form ?? 'không có'} → ${a.form ?? 'không có'}.`, pointer, { property: 'form', before: b.form ?? null, after: a.form ?? null, itemBasis: basis }));
    const name = textChange('document', a.id, a.name, 'name', b.name, a.name, pointer, `tên giấy tờ “${b.name}”`, basis);
    if (name) out.push(name);
    const note = textChange('document', a.id, a.name, 'note', b.note, a.note, pointer, `ghi chú của “${a.name}”`, basis);
    if (note) out.push(note);
  }
  for (const [d, j] of added) {
    out.push(
      d.lookup
        ? draft('document', 'added', 'editorial', d.id, d.name, `Cơ quan khai thác “${d.name}” từ ${databaseName(d.lookup.database)}; người nộp không phải cung cấp.`, { after: at(j) }, { itemBasis: d.lookup.legalBasis })
        : draft('document', 'added', 'addition', d.id, d.name, `Thêm giấy tờ “${d.name}” (${copiesText(d)}).`, { after: at(j) }, { after: { originals: d.originals, copies: d.copies }, itemBasis: d.legalBasis }),
    );
  }
  return out;
}

// ---------------------------------------------------------------- steps

export function stepChanges(before: readonly Step[], after: readonly Step[]): DraftChange[] {
  const out: DraftChange[] = [];
  const at = (i: number) => `/steps/${i}`;
  const { matched, removed, added } = matchItems(before, after, (s) => s.id, (s) => s.action);
  for (const [s, i] of removed) out.push(draft('step', 'removed', 'cut', s.id, s.action, `Bỏ bước “${s.action}”.`, { before: at(i) }, { itemBasis: s.legalBasis }));
  for (const { before: b, beforeIndex: i, after: a, afterIndex: j } of matched) {
    const pointer = { before: at(i), after: at(j) };
    const basis = a.legalBasis ?? b.legalBasis;
    if (b.actor !== a.actor) out.push(draft('step', 'changed', 'editorial', a.id, a.action, `Đổi chủ thể thực hiện bước: ${b.actor} → ${a.actor}.`, pointer, { property: 'actor', before: b.actor, after: a.actor, itemBasis: basis, review: true }));
    const duration = durationChange(b.duration, a.duration);
    if (duration) out.push(draft('step', 'changed', duration.classification, a.id, a.action, `Thời gian của bước: ${duration.text}.`, pointer, { property: 'duration', before: b.duration ?? null, after: a.duration ?? null, itemBasis: basis, ...(duration.review ? { review: true } : {}) }));
    const text = textChange('step', a.id, a.action, 'action', b.action, a.action, pointer, 'nội dung bước', basis);
    if (text) out.push(text);
  }
  for (const [s, j] of added) out.push(draft('step', 'added', 'addition', s.id, s.action, `Thêm bước “${s.action}”.`, { after: at(j) }, { itemBasis: s.legalBasis }));
  return out;
}

function durationChange(b: Duration | undefined, a: Duration | undefined): { classification: Classification; text: string; review?: boolean } | undefined {
  if (sameJson(b, a)) return undefined;
  const text = `${b ? formatDuration(b) : 'không quy định'} → ${a ? formatDuration(a) : 'không quy định'}`;
  if (!b || !a) return { classification: 'editorial', text, review: true };
  const order = compareDurations(a, b);
  if (order === undefined) return { classification: 'editorial', text, review: true };
  if (order === 0) return { classification: 'editorial', text };
  return { classification: byDirection(order as -1 | 1), text };
}

// ---------------------------------------------------------------- time limits

export function timeLimitChanges(before: ProcedureVersion, after: ProcedureVersion): DraftChange[] {
  const out: DraftChange[] = [];
  // null (no limit stated) compares like an absent one.
  const b = before.timeLimit ?? undefined;
  const a = after.timeLimit ?? undefined;
  out.push(...limitChanges('statutory', 'Thời hạn giải quyết', b, a, '/timeLimit'));
  const channelKinds = new Set<ChannelKind>([...(before.channels ?? []), ...(after.channels ?? [])].map((c) => c.kind));
  for (const kind of channelKinds) {
    const bi = before.channels?.findIndex((c) => c.kind === kind) ?? -1;
    const ai = after.channels?.findIndex((c) => c.kind === kind) ?? -1;
    if (bi < 0 || ai < 0) continue; // a channel added or dropped is a channel change
    const bc = before.channels![bi]!;
    const ac = after.channels![ai]!;
    if (!bc.timeLimit && !ac.timeLimit) continue;
    out.push(...limitChanges(kind, `Thời hạn giải quyết (${CHANNEL_VI[kind].toLowerCase()})`, bc.timeLimit ?? b, ac.timeLimit ?? a, `/channels/${ai}/timeLimit`, `/channels/${bi}/timeLimit`));
  }
  return out;
}

function limitChanges(id: string, label: string, b: TimeLimit | undefined, a: TimeLimit | undefined, afterPointer: string, beforePointer = afterPointer): DraftChange[] {
  if (!b || !a) return [];
  const out: DraftChange[] = [];
  const pointer = { before: beforePointer, after: afterPointer };
  const basis = a.legalBasis ?? b.legalBasis;
  const duration = durationChange({ value: b.value, unit: b.unit }, { value: a.value, unit: a.unit });
  if (duration) out.push(draft('time-limit', 'changed', duration.classification, id, label, `${label}: ${formatTimeLimit(b)} → ${formatTimeLimit(a)}.`, pointer, { property: 'value', before: { value: b.value, unit: b.unit }, after: { value: a.value, unit: a.unit }, itemBasis: basis, ...(duration.review ? { review: true } : {}) }));
  if (b.start !== a.start) {
    // The clock that starts on receipt runs sooner than one that waits for a complete dossier.
    const classification: Classification = a.start === 'receipt' ? 'cut' : b.start === 'receipt' ? 'addition' : 'editorial';
    out.push(draft('time-limit', 'changed', classification, id, label, `Thời điểm bắt đầu tính ${label.toLowerCase()}: ${b.start} → ${a.start}.`, pointer, { property: 'start', before: b.start, after: a.start, itemBasis: basis }));
  }
  const cases = matchItems(b.cases ?? [], a.cases ?? [], (c) => canonicalJson(c.when), (c) => c.label ?? canonicalJson(c.when));
  for (const m of cases.matched) {
    const d = durationChange({ value: m.before.value, unit: m.before.unit }, { value: m.after.value, unit: m.after.unit });
    if (d) out.push(draft('time-limit', 'changed', d.classification, `${id}/cases/${m.afterIndex}`, m.after.label ?? label, `${m.after.label ?? label}: ${d.text}.`, { before: `${beforePointer}/cases/${m.beforeIndex}`, after: `${afterPointer}/cases/${m.afterIndex}` }, { property: 'value', before: { value: m.before.value, unit: m.before.unit }, after: { value: m.after.value, unit: m.after.unit }, itemBasis: m.after.legalBasis ?? basis, ...(d.review ? { review: true } : {}) }));
  }
  for (const [c, i] of cases.removed) out.push(draft('time-limit', 'removed', 'editorial', `${id}/cases/${i}`, c.label ?? label, `Bỏ trường hợp thời hạn riêng “${c.label ?? canonicalJson(c.when)}” (${formatDuration(c)}).`, { before: `${beforePointer}/cases/${i}` }, { itemBasis: c.legalBasis, review: true }));
  for (const [c, j] of cases.added) out.push(draft('time-limit', 'added', 'editorial', `${id}/cases/${j}`, c.label ?? label, `Thêm trường hợp thời hạn riêng “${c.label ?? canonicalJson(c.when)}” (${formatDuration(c)}).`, { after: `${afterPointer}/cases/${j}` }, { itemBasis: c.legalBasis, review: true }));
  return out;
}

// ---------------------------------------------------------------- channels

const LEVEL_RANK = { none: 0, partial: 1, full: 2 } as const;

export function channelChanges(before: ProcedureVersion, after: ProcedureVersion): DraftChange[] {
  const out: DraftChange[] = [];
  const bs = before.channels ?? [];
  const as = after.channels ?? [];
  bs.forEach((b, i) => {
    const j = as.findIndex((a) => a.kind === b.kind);
    if (j < 0) {
      out.push(draft('channel', 'removed', 'addition', b.kind, CHANNEL_VI[b.kind], `Bỏ cách thức nộp ${CHANNEL_VI[b.kind].toLowerCase()}.`, { before: `/channels/${i}` }));
      return;
    }
    const a = as[j]!;
    const pointer = { before: `/channels/${i}`, after: `/channels/${j}` };
    const bl = LEVEL_RANK[b.onlineService ?? 'none'];
    const al = LEVEL_RANK[a.onlineService ?? 'none'];
    if (bl !== al) out.push(draft('channel', 'changed', byDirection(al > bl ? -1 : 1), a.kind, CHANNEL_VI[a.kind], `Mức độ dịch vụ công trực tuyến: ${formatOnlineService(b.onlineService)} → ${formatOnlineService(a.onlineService)}.`, pointer, { property: 'onlineService', before: b.onlineService ?? null, after: a.onlineService ?? null }));
    if ((b.onlinePayment ?? false) !== (a.onlinePayment ?? false)) out.push(draft('channel', 'changed', a.onlinePayment ? 'cut' : 'addition', a.kind, CHANNEL_VI[a.kind], a.onlinePayment ? 'Cho phép thanh toán trực tuyến.' : 'Không còn thanh toán trực tuyến.', pointer, { property: 'onlinePayment', before: b.onlinePayment ?? false, after: a.onlinePayment ?? false }));
    if (!sameJson(b.portals, a.portals)) out.push(draft('channel', 'changed', 'editorial', a.kind, CHANNEL_VI[a.kind], `Đổi nơi tiếp nhận trực tuyến: ${(b.portals ?? []).map((x) => PORTAL_VI[x]).join(', ') || 'không nêu'} → ${(a.portals ?? []).map((x) => PORTAL_VI[x]).join(', ') || 'không nêu'}.`, pointer, { property: 'portals', before: b.portals ?? [], after: a.portals ?? [] }));
    const where = textChange('channel', a.kind, CHANNEL_VI[a.kind], 'where', b.where, a.where, pointer, 'địa điểm thực hiện');
    if (where) out.push(where);
  });
  as.forEach((a, j) => {
    if (!bs.some((b) => b.kind === a.kind)) {
      const level = a.kind === 'online' ? ` (${formatOnlineService(a.onlineService).toLowerCase()})` : '';
      out.push(draft('channel', 'added', 'cut', a.kind, CHANNEL_VI[a.kind], `Thêm cách thức nộp ${CHANNEL_VI[a.kind].toLowerCase()}${level}.`, { after: `/channels/${j}` }));
    }
  });
  return out;
}

// ---------------------------------------------------------------- fees

export function feeChanges(before: readonly Fee[], after: readonly Fee[]): DraftChange[] {
  const out: DraftChange[] = [];
  const at = (i: number) => `/fees/${i}`;
  const { matched, removed, added } = matchItems(before, after, (f) => f.id, (f) => f.name);
  // A variable amount (set by each province) is a charge all the same.
  const charged = (f: Fee) => f.amount === undefined || f.amount > 0;
  for (const [f, i] of removed) out.push(draft('fee', 'removed', charged(f) ? 'cut' : 'editorial', f.id, f.name, `Bỏ khoản ${formatFee(f).toLowerCase()} (${f.name}).`, { before: at(i) }, { before: f.amount, itemBasis: f.legalBasis }));
  for (const { before: b, beforeIndex: i, after: a, afterIndex: j } of matched) {
    const pointer = { before: at(i), after: at(j) };
    const basis = a.legalBasis ?? b.legalBasis;
    if (b.amount !== a.amount || (b.currency ?? 'VND') !== (a.currency ?? 'VND') || !sameJson(b.variable, a.variable)) {
      // Amounts compare only when both are fixed and in one currency; a change to or from a variable amount needs a reader.
      const comparable = a.amount !== undefined && b.amount !== undefined && (b.currency ?? 'VND') === (a.currency ?? 'VND') && a.amount !== b.amount;
      const classification: Classification = comparable ? byDirection(a.amount! < b.amount! ? -1 : 1) : 'editorial';
      out.push(draft('fee', 'changed', classification, a.id, a.name, `${a.name}: ${formatFee(b)} → ${formatFee(a)}.`, pointer, { property: 'amount', before: b.amount, after: a.amount, itemBasis: basis, ...(classification === 'editorial' ? { review: true } : {}) }));
    }
    const be = b.exemptions?.length ?? 0;
    const ae = a.exemptions?.length ?? 0;
    if (be !== ae || !sameJson(b.exemptions, a.exemptions)) {
      const classification: Classification = ae > be ? 'cut' : ae < be ? 'addition' : 'editorial';
      out.push(draft('fee', 'changed', classification, a.id, a.name, `Trường hợp miễn “${a.name}”: ${be} → ${ae}.`, pointer, { property: 'exemptions', before: be, after: ae, itemBasis: basis, ...(classification === 'editorial' ? { review: true } : {}) }));
    }
    if (!sameJson(b.when, a.when) || !sameJson(b.channels, a.channels) || !sameJson(b.quantity, a.quantity)) {
      out.push(draft('fee', 'changed', 'editorial', a.id, a.name, `Đổi điều kiện, cách thức áp dụng hoặc cách tính “${a.name}”.`, pointer, { property: 'applicability', before: { when: b.when ?? null, channels: b.channels ?? null, quantity: b.quantity ?? null }, after: { when: a.when ?? null, channels: a.channels ?? null, quantity: a.quantity ?? null }, itemBasis: basis, review: true }));
    }
    const name = textChange('fee', a.id, a.name, 'name', b.name, a.name, pointer, `tên khoản phí “${b.name}”`, basis);
    if (name) out.push(name);
  }
  for (const [f, j] of added) out.push(draft('fee', 'added', charged(f) ? 'addition' : 'editorial', f.id, f.name, `Thêm khoản ${formatFee(f).toLowerCase()} (${f.name}).`, { after: at(j) }, { after: f.amount, itemBasis: f.legalBasis }));
  return out;
}

// ---------------------------------------------------------------- requirements, results, form fields

export function requirementChanges(before: readonly Requirement[], after: readonly Requirement[]): DraftChange[] {
  const out: DraftChange[] = [];
  const at = (i: number) => `/requirements/${i}`;
  const { matched, removed, added } = matchItems(before, after, (r) => r.id, (r) => r.text);
  for (const [r, i] of removed) out.push(draft('requirement', 'removed', 'cut', r.id, r.text, `Bỏ điều kiện “${r.text}”.`, { before: at(i) }, { itemBasis: r.legalBasis }));
  for (const m of matched) {
    // A reworded condition may be stricter or looser; only a reader can tell.
    const text = textChange('requirement', m.after.id, m.after.text, 'text', m.before.text, m.after.text, { before: at(m.beforeIndex), after: at(m.afterIndex) }, 'nội dung điều kiện', m.after.legalBasis ?? m.before.legalBasis);
    if (text) out.push({ ...text, review: true });
  }
  for (const [r, j] of added) out.push(draft('requirement', 'added', 'addition', r.id, r.text, `Thêm điều kiện “${r.text}”.`, { after: at(j) }, { itemBasis: r.legalBasis }));
  return out;
}

function validityRank(r: Result): Duration | 'indefinite' {
  return r.validity === undefined || r.validity === 'indefinite' ? 'indefinite' : r.validity;
}

export function resultChanges(before: readonly Result[], after: readonly Result[]): DraftChange[] {
  const out: DraftChange[] = [];
  const at = (i: number) => `/results/${i}`;
  const { matched, removed, added } = matchItems(before, after, () => undefined, (r) => r.name);
  // Results are matched by name, then by position among the unmatched.
  const pairs = [...matched];
  const rest = Math.min(removed.length, added.length);
  for (let k = 0; k < rest; k++) pairs.push({ before: removed[k]![0], beforeIndex: removed[k]![1], after: added[k]![0], afterIndex: added[k]![1] });
  for (const [r, i] of removed.slice(rest)) out.push(draft('result', 'removed', 'editorial', `result-${i}`, r.name, `Bỏ kết quả “${r.name}”.`, { before: at(i) }, { itemBasis: r.legalBasis, review: true }));
  for (const m of pairs) {
    const pointer = { before: at(m.beforeIndex), after: at(m.afterIndex) };
    const id = `result-${m.afterIndex}`;
    const basis = m.after.legalBasis ?? m.before.legalBasis;
    const bv = validityRank(m.before);
    const av = validityRank(m.after);
    if (!sameJson(bv, av)) {
      let classification: Classification;
      if (bv === 'indefinite') classification = 'addition';
      else if (av === 'indefinite') classification = 'cut';
      else {
        const order = compareDurations(av, bv);
        classification = order === undefined || order === 0 ? 'editorial' : order > 0 ? 'cut' : 'addition';
      }
      const text = (v: Duration | 'indefinite') => (v === 'indefinite' ? 'không thời hạn' : formatDuration(v));
      out.push(draft('result', 'changed', classification, id, m.after.name, `Thời hạn hiệu lực của “${m.after.name}”: ${text(bv)} → ${text(av)}.`, pointer, { property: 'validity', before: bv, after: av, itemBasis: basis }));
    }
    if ((m.before.electronic ?? false) !== (m.after.electronic ?? false)) out.push(draft('result', 'changed', m.after.electronic ? 'cut' : 'addition', id, m.after.name, m.after.electronic ? `Cấp thêm bản điện tử “${m.after.name}”.` : `Không còn cấp bản điện tử “${m.after.name}”.`, pointer, { property: 'electronic', before: m.before.electronic ?? false, after: m.after.electronic ?? false, itemBasis: basis }));
    const name = textChange('result', id, m.after.name, 'name', m.before.name, m.after.name, pointer, 'tên kết quả', basis);
    if (name) out.push(name);
  }
  for (const [r, j] of added.slice(rest)) out.push(draft('result', 'added', 'editorial', `result-${j}`, r.name, `Thêm kết quả “${r.name}”.`, { after: at(j) }, { itemBasis: r.legalBasis, review: true }));
  return out;
}

export function formFieldChanges(before: ProcedureVersion, after: ProcedureVersion): DraftChange[] {
  const b = before.formFields?.length ?? 0;
  const a = after.formFields?.length ?? 0;
  if (a === b) return [];
  // A spec that starts (or stops) describing its online form changes the description, not the form.
  const classification: Classification = before.formFields === undefined || after.formFields === undefined ? 'editorial' : byDirection(a < b ? -1 : 1);
  return [draft('form-fields', 'changed', classification, 'formFields', 'Tờ khai điện tử', `Số trường thông tin của tờ khai điện tử: ${b} → ${a}${classification === 'editorial' ? ' (phiên bản kia không mô tả tờ khai điện tử)' : ''}.`, { before: '/formFields', after: '/formFields' }, { property: 'count', before: b, after: a })];
}

// ---------------------------------------------------------------- version-wide parts

/** Registry names for agencies and levels, so a change reads "Ủy ban nhân dân cấp xã" rather than its id. */
export interface RegistryNames {
  agency(id: string): string;
  level(id: string): string;
}

const IDS: RegistryNames = { agency: (id) => id, level: (id) => id };

export function versionWideChanges(before: ProcedureVersion, after: ProcedureVersion, names: RegistryNames = IDS): DraftChange[] {
  const out: DraftChange[] = [];
  const name = textChange('name', 'name', after.name.vi, 'vi', before.name.vi, after.name.vi, { before: '/name/vi', after: '/name/vi' }, 'tên thủ tục');
  if (name) out.push(name);
  const subjects = (v: ProcedureVersion) => (v.subjects ?? []).map(formatSubject);
  if (!sameJson(subjects(before), subjects(after))) out.push(draft('subjects', 'changed', 'editorial', 'subjects', 'Đối tượng thực hiện', `Đối tượng thực hiện: ${subjects(before).join('; ') || 'không nêu'} → ${subjects(after).join('; ') || 'không nêu'}.`, { before: '/subjects', after: '/subjects' }, { before: subjects(before), after: subjects(after), review: true }));
  if (!sameJson(before.agencies, after.agencies)) out.push(draft('agencies', 'changed', 'editorial', 'agencies', 'Cơ quan thực hiện', `Cơ quan thực hiện: ${(before.agencies?.implementing ?? []).map(names.agency).join(', ')} → ${(after.agencies?.implementing ?? []).map(names.agency).join(', ')}.`, { before: '/agencies', after: '/agencies' }, { before: before.agencies ?? null, after: after.agencies ?? null }));
  if (!sameJson(before.levels, after.levels)) out.push(draft('levels', 'changed', 'editorial', 'levels', 'Cấp thực hiện', `Cấp thực hiện: ${(before.levels ?? []).map(names.level).join(', ')} → ${(after.levels ?? []).map(names.level).join(', ')}.`, { before: '/levels', after: '/levels' }, { before: before.levels ?? [], after: after.levels ?? [] }));
  const refs = (v: ProcedureVersion) => (v.legalBasis ?? []).map((r) => canonicalJson(r));
  const bRefs = new Set(refs(before));
  const aRefs = new Set(refs(after));
  const removedRefs = (before.legalBasis ?? []).filter((r) => !aRefs.has(canonicalJson(r)));
  const addedRefs = (after.legalBasis ?? []).filter((r) => !bRefs.has(canonicalJson(r)));
  if (removedRefs.length > 0 || addedRefs.length > 0) {
    out.push(draft('legal-basis', 'changed', 'editorial', 'legalBasis', 'Căn cứ pháp lý', `Căn cứ pháp lý: bỏ ${removedRefs.length}, thêm ${addedRefs.length} trích dẫn.`, { before: '/legalBasis', after: '/legalBasis' }, { before: removedRefs, after: addedRefs, itemBasis: addedRefs }));
  }
  return out;
}
