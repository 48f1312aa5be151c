/**
 * The lint rules' findings in Vietnamese by default (issue 19): every rule message has a Vietnamese
 * template in cli/messages/lint-vi.ts whose English side is the rule's own, with the same
 * placeholders; the values are recovered from the English text and put in the Vietnamese one; and
 * `tthc validate` prints them so, while --lang en and JSON keep the rules' English.
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../rules/lint/index.js';
import { LINT_MESSAGES_VI, lintMessageVi, schemaMessageVi } from '../../cli/messages/lint-vi.js';
import { REPO, runTthc } from '../helpers/cli.js';

const placeholders = (template: string) => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
const fill = (template: string, values: Record<string, string>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k]!);

describe('the Vietnamese lint messages', () => {
  it('cover every message of every rule, the English side identical to the rule’s, with the same placeholders', () => {
    const fromRules = Object.fromEntries(ALL_RULES.flatMap((r) => Object.entries(r.meta.messages as Record<string, string>).map(([id, en]) => [`${r.id}/${id}`, en])));
    expect(Object.keys(LINT_MESSAGES_VI).sort()).toEqual(Object.keys(fromRules).sort());
    for (const [key, [en, vi]] of Object.entries(LINT_MESSAGES_VI)) {
      expect(en, key).toBe(fromRules[key]);
      expect([...new Set(placeholders(vi))], key).toEqual([...new Set(placeholders(en))]);
    }
  });

  it('recover each value from the English text and put it in the Vietnamese one', () => {
    for (const [key, [en, vi]] of Object.entries(LINT_MESSAGES_VI)) {
      const values = Object.fromEntries(placeholders(en).map((k, i) => [k, k === 'hint' || k === 'successor' || k === 'by' ? '' : `«${k} ${i}»`]));
      const [ruleId, messageId] = key.split('/') as [string, string];
      expect(lintMessageVi({ ruleId, messageId, message: fill(en, values) }), key).toBe(fill(vi, values));
    }
  });

  it('word a real finding, its “did you mean” hint too; a text that does not match the template stays as it is', () => {
    expect(lintMessageVi({ ruleId: 'legal-basis-resolves', messageId: 'unknownDocument', message: 'The legal document "60/2014/QH14" is not in the registry (registry/legal-documents.json). Did you mean "60/2014/QH13"?' })).toBe(
      'Văn bản "60/2014/QH14" không có trong danh mục văn bản (registry/legal-documents.json). Có phải ý bạn là "60/2014/QH13"?',
    );
    expect(lintMessageVi({ ruleId: 'supersedes-valid', messageId: 'notLater', message: 'v3 (from 2025-01-01) must take effect after the version it supersedes, v2 (from 2026-01-01).' })).toBe('v3 (từ 2025-01-01) phải có hiệu lực sau phiên bản mà nó thay thế, v2 (từ 2026-01-01).');
    expect(lintMessageVi({ ruleId: 'supersedes-valid', messageId: 'notLater', message: 'Something else.' })).toBeUndefined();
    expect(lintMessageVi({ ruleId: 'schema/type', message: 'must be string' })).toBeUndefined();
  });
});

describe('tthc validate on the bundled catalogue', () => {
  it('prints the findings in Vietnamese by default and in English with --lang en; JSON keeps the rules’ English', async () => {
    const [vi, en, json] = await Promise.all([
      runTthc(['validate', `${REPO}/catalogue`], { env: { TTHC_LANG: '' } }),
      runTthc(['--lang', 'en', 'validate', `${REPO}/catalogue`], { env: { TTHC_LANG: '' } }),
      runTthc(['validate', `${REPO}/catalogue`, '--format', 'json'], { env: { TTHC_LANG: '' } }),
    ]);
    expect([vi.code, en.code, json.code]).toEqual([0, 0, 0]);
    const note = 'Yêu cầu nộp Giấy xác nhận tình trạng hôn nhân khi đăng ký ngoài nơi thường trú được trích dẫn Điều 18 Nghị định số 12…';
    expect(vi.stdout).toContain(`cảnh báo  Phiên bản đã công bố này còn nội dung chưa được xác minh: “${note}”.  unresolved-uncertainty /notes/1`);
    expect(en.stdout).toContain(`warning  This published version still has an unresolved uncertainty: “${note}”.  unresolved-uncertainty /notes/1`);
    // No rule's English wording is left in the Vietnamese report.
    expect(vi.stdout).not.toMatch(/This published version|Publishing would be refused|cannot be superseded|is not in the registry/);
    const findings = JSON.parse(json.stdout) as { ruleId: string; message: string }[];
    expect(findings.find((d) => d.ruleId === 'unresolved-uncertainty')!.message).toMatch(/^This published version still has an unresolved uncertainty: “/);
    // Every Vietnamese finding line came from a template: as many findings as in JSON, none left in English.
    const lines = vi.stdout.split('\n').filter((l) => /^\s+\d+:\d+\s+(lỗi|cảnh báo)\s/.test(l));
    expect(lines).toHaveLength(findings.length);
  });
});

describe('schema findings in Vietnamese', () => {
  it('word the validator’s messages from their values; one it does not know stays as it is', () => {
    expect(schemaMessageVi('Missing required property "start".')).toBe('Thiếu thuộc tính bắt buộc "start".');
    expect(schemaMessageVi('Expected number, found string "x".')).toBe('Cần số, nhận được chuỗi "x".');
    expect(schemaMessageVi('Expected one of "hours", "working-days", "days", "months", found string "weeks".')).toBe('Cần một trong các giá trị "hours", "working-days", "days", "months", nhận được chuỗi "weeks".');
    expect(schemaMessageVi('Unknown property "bogus". Did you mean "notes"?')).toBe('Thuộc tính "bogus" không có trong lược đồ. Có phải ý bạn là "notes"?');
    expect(schemaMessageVi('Expected a real calendar date as YYYY-MM-DD, found string "2025-02-30".')).toBe('Cần một ngày có thật dạng YYYY-MM-DD, nhận được chuỗi "2025-02-30".');
    expect(schemaMessageVi('Must list at least 1 item.')).toBe('Phải có ít nhất 1 phần tử.');
    expect(schemaMessageVi('Something new.')).toBeUndefined();
  });
});
