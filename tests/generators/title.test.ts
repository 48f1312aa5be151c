import { describe, expect, it } from 'vitest';
import { documentTitle } from '../../generators/engine/title.js';

describe('a page title of at most 70 characters', () => {
  it('keeps a short title whole, with the site name', () => {
    expect(documentTitle('Tra cứu thủ tục hành chính', { suffix: ' – Thủ tục hành chính' })).toBe('Tra cứu thủ tục hành chính – Thủ tục hành chính');
  });

  it('drops the site name before cutting the title (51 + 21 characters would be 72)', () => {
    const title = 'Kết quả đơn giản hóa thủ tục hành chính năm 2026 ab'; // 51 characters
    expect(title).toHaveLength(51);
    expect(documentTitle(title, { suffix: ' – Thủ tục hành chính' })).toBe(title);
  });

  it('cuts a long procedure name after a whole word and keeps the code', () => {
    const name = 'Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV và nhà ở riêng lẻ';
    const title = documentTitle(name, { keep: ' (1.009994)' });
    // 70 − 11 for " (1.009994)" − 1 for "…" leaves 58 characters; the name's first 59 end in "cấp " (the
    // space is the 59th), so it is cut there, before "IV".
    expect(title).toBe('Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp… (1.009994)');
    expect(title.length).toBeLessThanOrEqual(70);
  });

  it('leaves no comma before the ellipsis', () => {
    expect(documentTitle(`${'a'.repeat(30)} ${'b'.repeat(30)}, ${'c'.repeat(30)}`)).toBe(`${'a'.repeat(30)} ${'b'.repeat(30)}…`);
  });
});
