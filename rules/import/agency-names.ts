/**
 * Agency names as the steps of a procedure mention them ("Sở Nông nghiệp và Môi trường phải thông
 * báo…", "Ủy ban nhân dân cấp xã cấp giấy…"), for records that name no implementing agency. A word
 * scanner rather than a pattern, so the work is one pass over the words whatever the text holds.
 */
import { foldVietnamese } from '../text/vi/words.js';

/** Words that begin an agency's name, folded; several-word heads first so the longest wins. */
const HEADS: string[][] = [
  ['uy', 'ban', 'nhan', 'dan'],
  ['bao', 'hiem', 'xa', 'hoi'],
  ['ban', 'quan', 'ly'],
  ['van', 'phong', 'dang', 'ky'],
  ['tong', 'cuc'],
  ['chi', 'cuc'],
  ['cong', 'an'],
  ['ubnd'],
  ['so'],
  ['bo'],
  ['cuc'],
  ['phong'],
].sort((a, b) => b.length - a.length);

/** Lower-case words that may continue a name: "Ủy ban nhân dân cấp xã", "Sở Nông nghiệp và Môi trường". */
// Compared with their marks (not folded): folded, "nhận" would pass for "nhân".
const CONTINUE = new Set(['nhân', 'dân', 'cấp', 'tỉnh', 'huyện', 'xã', 'quận', 'phường', 'thị', 'trấn', 'thành', 'phố', 'và', 'trực', 'thuộc', 'trung', 'ương']);
/** Words after which a name may not end. */
const NO_END = new Set(['va', 'cap', 'truc', 'thuoc', 'thanh', 'thi', '']);
/** "Bộ phận" (the one-stop desk), "Phòng họp": a head followed by these is not an agency. */
const NOT_AFTER_HEAD = new Set(['phan', 'hop', 'ho', 'so', 'tai', 'ngay', 'truong']);

const MAX_WORDS = 14;

function isUpper(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** The agency names a text mentions, most frequent first (ties in order of first mention), with counts. */
export function agenciesMentioned(text: string): { name: string; count: number }[] {
  const words = text.split(/\s+/).filter(Boolean);
  const folded = words.map((w) => foldVietnamese(w).replace(/[^a-z0-9]/g, ''));
  const found = new Map<string, { count: number; first: number }>();
  for (let i = 0; i < words.length; i++) {
    if (!isUpper(words[i]!)) continue;
    const head = HEADS.find((h) => h.every((w, k) => folded[i + k] === w));
    if (!head) continue;
    let end = i + head.length;
    if (end < words.length && NOT_AFTER_HEAD.has(folded[end]!) && !isUpper(words[end]!)) continue;
    // Continue while the words are capitalised or belong to the name's connectors; stop after punctuation.
    let last = end - 1;
    let stopped = /[,.;:()]$/.test(words[last]!);
    // Vietnamese capitalises only the first syllable of a proper part ("Sở Tư pháp", "Sở Nông
    // nghiệp và Môi trường"): one lower-case syllable may follow each capitalised one.
    let compoundOpen = false;
    while (!stopped && end < words.length && end - i < MAX_WORDS) {
      const w = words[end]!;
      const f = folded[end]!;
      const upper = isUpper(w);
      if (upper && HEADS.some((h) => h.every((x, k) => folded[end + k] === x)) && end > i + head.length) break;
      if (!(upper || CONTINUE.has(w.normalize('NFC').toLowerCase().replace(/[,.;:()]+$/, '')) || w === '-' || w === '–' || compoundOpen)) break;
      // "… và Phòng Tư pháp": a second agency, not part of this one.
      if (f === 'va' && end + 1 < words.length && HEADS.some((h) => h.every((x, k) => folded[end + 1 + k] === x))) break;
      compoundOpen = upper;
      last = end;
      end++;
      if (/[.;:()]$/.test(w)) stopped = true;
      // "Sở Văn hóa, Thể thao và Du lịch": a comma continues only into another capitalised part.
      else if (/,$/.test(w) && !(end < words.length && isUpper(words[end]!) && !HEADS.some((h) => h.every((x, k) => folded[end + k] === x)))) stopped = true;
    }
    while (last > i + head.length - 1 && NO_END.has(folded[last]!)) last--;
    if (last === i + head.length - 1 && head.length === 1 && folded[i] !== 'ubnd') {
      i = last;
      continue; // a lone "Sở" or "Bộ" names nothing
    }
    const name = words
      .slice(i, last + 1)
      .join(' ')
      .replace(/[,.;:()\s–-]+$/, '');
    const key = foldVietnamese(name);
    const seen = found.get(key);
    if (seen) seen.count++;
    else found.set(key, { count: 1, first: i });
    const entry = found.get(key)!;
    (entry as { name?: string }).name ??= name;
    i = last;
  }
  return [...found.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .map((e) => ({ name: (e as { name?: string }).name!, count: e.count }));
}
