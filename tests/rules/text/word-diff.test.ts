import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../../rules/text/word-diff.js';

describe('wordDiff', () => {
  it('marks whole words, not letters', () => {
    // Letter-level, "ngày" → "ngày làm việc" and "10" → "03" would share letters; words are kept whole.
    expect(wordDiff('10 ngày kể từ ngày nhận hồ sơ', '03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ')).toEqual([
      { op: 'delete', text: '10' },
      { op: 'insert', text: '03' },
      { op: 'equal', text: ' ngày ' },
      { op: 'insert', text: 'làm việc ' },
      { op: 'equal', text: 'kể từ ngày nhận ' },
      { op: 'insert', text: 'đủ ' },
      { op: 'equal', text: 'hồ sơ' },
      { op: 'insert', text: ' hợp lệ' },
    ]);
  });

  it('compares NFC text, so a decomposed copy of the same words is equal', () => {
    const nfd = 'Giấy chứng sinh'.normalize('NFD');
    expect(nfd).not.toBe('Giấy chứng sinh');
    expect(wordDiff(nfd, 'Giấy chứng sinh')).toEqual([{ op: 'equal', text: 'Giấy chứng sinh' }]);
  });

  it('reads empty texts as all inserted or all deleted', () => {
    expect(wordDiff('', 'Bản sao')).toEqual([{ op: 'insert', text: 'Bản sao' }]);
    expect(wordDiff('Bản sao', '')).toEqual([{ op: 'delete', text: 'Bản sao' }]);
  });
});
