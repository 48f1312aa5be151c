import { describe, expect, it } from 'vitest';
import { GLUE, splitGlue, TRIM, trimMarks, wordsOf } from '../../../rules/import/coverage.js';
import { isNoData, oneLine } from '../../../rules/import/text.js';
import { foldVietnamese } from '../../../rules/text/vi/words.js';

/**
 * The coverage check's scanners replace Unicode regexes that were most of its time; they must give
 * exactly what the regexes give, on real-looking text and on every awkward character.
 */
const ALPHABET = [
  ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY',
  ...'áàảãạếềểễệốồổỗộớờởỡợíìỉĩịúùủũụứừửữựýỳỷỹỵ',
  ...'ÁÀẢÃẠẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢ',
  ...'0123456789',
  ...' .,;:()[]-–+*•"“”\'/\n\t',
  '\u00a0', '\u2028', '\u3000', '\u0301', '\u0323', 'Σ', 'ς', 'İ', 'ǅ', 'ʰ', '١', '½', '_', '@', '\u0000',
  '\ud835\udc00', // 𝐀, a letter outside the BMP
  '\ud83d\ude00', // an emoji
  '\ud800', // a lone surrogate
];

function randomTexts(count: number, seed: number): string[] {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = Math.floor(next() * 40);
    let s = '';
    for (let k = 0; k < length; k++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
    out.push(s);
  }
  return out;
}

const REAL = [
  'Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị cấp giấy phép (Mẫu số 01)Bản chính: 1Bản sao: 0',
  'Trực tuyến20 Ngày làm việcLệ phí: 50.000 Đồng(Theo Thông tư số 85/2019/TT-BTC)',
  'Luật Đất đai số 31/2024/QH15..Nghị định 102/2024/NĐ-CP1.Bước 1: Nộp hồ sơ',
  '- Cơ quan thực hiện: Sở Nông nghiệp và Môi trường;',
  '',
  '(Bản sao)-Công dân',
];

describe('coverage scanners', () => {
  const texts = [...REAL, ...randomTexts(8000, 17), ...randomTexts(2000, 99).map((s) => s.repeat(5))];

  it('wordsOf gives the words that the Unicode regex split gives', () => {
    for (const t of texts) expect(wordsOf(t), JSON.stringify(t)).toEqual(t.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    expect(wordsOf('Bước 1: Nộp hồ sơ')).toEqual(['Bước', '1', 'Nộp', 'hồ', 'sơ']);
  });

  it('splitGlue splits where String.prototype.split with the glue regex does', () => {
    for (const t of texts) expect(splitGlue(t), JSON.stringify(t)).toEqual(t.split(GLUE));
    expect(splitGlue('Số lượngĐơn đề nghị')).toEqual(['Số lượng', 'Đơn đề nghị']);
    expect(splitGlue('QH15..Nghị định')).toEqual(['QH', '15', 'Nghị định']);
  });

  it('trimMarks trims what the trim regex does', () => {
    for (const t of texts) expect(trimMarks(t), JSON.stringify(t)).toBe(t.replace(TRIM, ''));
    expect(trimMarks('- Cơ quan thực hiện;')).toBe('Cơ quan thực hiện');
    expect(trimMarks(' .;- ')).toBe('');
  });

  it('isNoData, which skips folding a text that starts as data, says what folding says', () => {
    const NO_DATA = new Set(['khong co thong tin', 'khong co', '--', '-', '']);
    const folded = (t: string) => NO_DATA.has(foldVietnamese(oneLine(t)).replace(/[.:]+$/, ''));
    const wordings = ['Không có thông tin', 'KHÔNG CÓ', 'Kho\u0302ng co\u0301 tho\u0302ng tin.', ' - ', '--', '...', ':', '\u212Ahông có', 'K', 'Không quy định', 'x', '1'];
    const cases = [...texts, ...wordings, ...wordings.map((w) => ` \n${w}:`)];
    for (const t of cases) expect(isNoData(t), JSON.stringify(t)).toBe(folded(t));
    expect(cases.filter((t) => isNoData(t)).length).toBeGreaterThan(10);
  });
});
