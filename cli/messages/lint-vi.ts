/**
 * The lint rules' messages in Vietnamese, for the stylish report (validate, build, publish, lock,
 * announce, reconcile, new-version). A rule words its finding in English from its template
 * (rules/lint/<rule>.ts meta.messages) and the diagnostic keeps only that text, which JSON output
 * and the cache carry unchanged; here the English template is matched against the text to recover
 * the values, and the Vietnamese template is filled with them (the templates: rules/text/vi/lint-messages.ts,
 * which the rules' docs pages also list). A text that does not match stays as it is.
 */

import { LINT_MESSAGES_VI } from '../../rules/text/vi/lint-messages.js';

export { LINT_MESSAGES_VI };

/** The related places' words ("first defined here"), in Vietnamese. */
const RELATED_VI: Readonly<Record<string, string>> = {
  'first defined here': 'khai báo lần đầu tại đây',
  'first used here': 'dùng lần đầu tại đây',
  'recorded here': 'được ghi tại đây',
};

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

const matchers = new Map<string, RegExp>();

/** The English template as a regular expression that recovers each placeholder's value (a placeholder used twice must match the same text). */
function matcherOf(en: string): RegExp {
  let re = matchers.get(en);
  if (!re) {
    const seen = new Set<string>();
    let source = '';
    let last = 0;
    for (const m of en.matchAll(PLACEHOLDER)) {
      source += en.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const name = m[1]!;
      source += seen.has(name) ? `\\k<${name}>` : `(?<${name}>[\\s\\S]*?)`;
      seen.add(name);
      last = m.index + m[0].length;
    }
    source += en.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`^${source}$`);
    matchers.set(en, re);
  }
  return re;
}

/** Whole values the rules give in English (a channel, a status, what a registry entry is), in Vietnamese. */
const WORDS_VI: Readonly<Record<string, string>> = {
  'in-person': 'trực tiếp',
  online: 'trực tuyến',
  postal: 'qua dịch vụ bưu chính',
  draft: 'dự thảo',
  proposed: 'đề xuất',
  published: 'đã công bố',
  repealed: 'bãi bỏ',
  'The level': 'Cấp thực hiện',
  'The agency': 'Cơ quan',
  'with no end date': 'và chưa có ngày hết hiệu lực',
};

const UNITS_VI: Readonly<Record<string, string>> = { 'calendar days': 'ngày (theo lịch)', 'working day': 'ngày làm việc', 'working days': 'ngày làm việc', day: 'ngày', days: 'ngày', 'working hour': 'giờ làm việc', 'working hours': 'giờ làm việc', month: 'tháng', months: 'tháng' };

/**
 * A placeholder's value in Vietnamese where the rule wrote it in English: whole words (WORDS_VI),
 * "x (lĩnh vực)" as its Vietnamese part, periods ("from A to B"), durations ("5 working days"), and
 * the phrases the rules append (" Did you mean …?", " (replaced by …)", " Its functions passed to …").
 */
function valueVi(value: string): string {
  if (WORDS_VI[value]) return WORDS_VI[value]!;
  let m = /^[A-Za-z ]+ \(([^()]+)\)$/.exec(value);
  if (m) return m[1]!;
  m = /^from (\S+) to (\S+)$/.exec(value);
  if (m) return `từ ${m[1]} đến ${m[2]}`;
  m = /^from (\S+) with no end$/.exec(value);
  if (m) return `từ ${m[1]}, chưa có ngày hết hiệu lực`;
  m = /^from (\S+)$/.exec(value);
  if (m) return `từ ${m[1]}`;
  m = /^until (\S+)$/.exec(value);
  if (m) return `đến ${m[1]}`;
  m = /^(\d+(?:[.,]\d+)?) (working days?|days?|working hours?|months?)$/.exec(value);
  if (m) return `${m[1]!.replace('.', ',')} ${UNITS_VI[m[2]!]}`;
  return value
    .replace(/ Did you mean "([^"]*)"\?/g, ' Có phải ý bạn là "$1"?')
    .replace(/ \(replaced by ([^)]*)\)/g, ' (được thay thế bởi $1)')
    .replace(/ Its functions passed to "([^"]*)"\./g, ' Chức năng được chuyển cho "$1".');
}

/**
 * A lint finding's message in Vietnamese, worked out from the rule's English text; `undefined`
 * when the finding is not a lint rule's, or its text does not match the rule's template.
 */
export function lintMessageVi(d: { ruleId: string; messageId?: string | undefined; message: string }): string | undefined {
  if (!d.messageId) return undefined;
  const entry = LINT_MESSAGES_VI[`${d.ruleId}/${d.messageId}`];
  if (!entry) return undefined;
  const m = matcherOf(entry[0]).exec(d.message);
  if (!m) return undefined;
  const values = m.groups ?? {};
  return entry[1].replace(PLACEHOLDER, (_, name: string) => valueVi(values[name] ?? ''));
}

/** A related place's words in Vietnamese, or as they are. */
export function relatedVi(message: string): string {
  return RELATED_VI[message] ?? message;
}

/** JSON types and the values the schema messages describe (rules/schema/validators.ts describeValue), in Vietnamese. */
function typeVi(text: string): string {
  const TYPES: Record<string, string> = { string: 'chuỗi', number: 'số', integer: 'số nguyên', boolean: 'giá trị đúng/sai', object: 'đối tượng', array: 'danh sách', null: 'null' };
  return text
    .split(' or ')
    .map((t) => TYPES[t] ?? t)
    .join(' hoặc ');
}

function foundVi(text: string): string {
  if (text === 'nothing') return 'không có gì';
  if (text === 'an object') return 'một đối tượng';
  if (text === 'null') return 'null';
  let m = /^an array of (\d+)$/.exec(text);
  if (m) return `một danh sách ${m[1]} phần tử`;
  m = /^(string|number|integer|boolean) ([\s\S]*)$/.exec(text);
  if (m) return `${typeVi(m[1]!)} ${m[2]}`;
  return text;
}

const hintsVi = (text: string) => text.replace(/ Did you mean "([^"]*)"\?/g, ' Có phải ý bạn là "$1"?');

/** The schema messages (rules/schema/validators.ts toIssue), as patterns over their English text. */
const SCHEMA_VI: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Missing required property "([^"]*)"\.$/, (m) => `Thiếu thuộc tính bắt buộc "${m[1]}".`],
  [/^Unknown property "([^"]*)"\.([\s\S]*)$/, (m) => `Thuộc tính "${m[1]}" không có trong lược đồ.${hintsVi(m[2]!)}`],
  [/^Expected a real calendar date as YYYY-MM-DD, found ([\s\S]*)\.$/, (m) => `Cần một ngày có thật dạng YYYY-MM-DD, nhận được ${foundVi(m[1]!)}.`],
  [/^Expected one of ([\s\S]*), found ([\s\S]*?)\.([\s\S]*)$/, (m) => `Cần một trong các giá trị ${m[1]}, nhận được ${foundVi(m[2]!)}.${hintsVi(m[3]!)}`],
  [/^Expected format (\S+), found ([\s\S]*)\.$/, (m) => `Cần định dạng ${m[1]}, nhận được ${foundVi(m[2]!)}.`],
  [/^Expected (string|number|integer|boolean|object|array|null(?: or (?:string|number|integer|boolean|object|array|null))*), found ([\s\S]*)\.$/, (m) => `Cần ${typeVi(m[1]!)}, nhận được ${foundVi(m[2]!)}.`],
  [/^Expected ([\s\S]*?), found ([\s\S]*?)\.([\s\S]*)$/, (m) => `Cần ${m[1]}, nhận được ${foundVi(m[2]!)}.${m[3]}`],
  [/^Must be (\S+) (\S+), found ([\s\S]*)\.$/, (m) => `Phải ${m[1]} ${m[2]}, nhận được ${foundVi(m[3]!)}.`],
  [/^Must not be empty\.$/, () => 'Không được để trống.'],
  [/^Must be at least (\d+) characters long\.$/, (m) => `Phải có ít nhất ${m[1]} ký tự.`],
  [/^Must be at most (\d+) characters long, found (\d+)\.$/, (m) => `Chỉ được có tối đa ${m[1]} ký tự, nhận được ${m[2]}.`],
  [/^Must list at least (\d+) items?\.$/, (m) => `Phải có ít nhất ${m[1]} phần tử.`],
  [/^Must list at most (\d+) items, found (\d+)\.$/, (m) => `Chỉ được có tối đa ${m[1]} phần tử, nhận được ${m[2]}.`],
  [/^Duplicate item: items (\d+) and (\d+) are identical\.$/, (m) => `Phần tử lặp lại: phần tử ${m[1]} và ${m[2]} giống hệt nhau.`],
  [/^A fact comparison needs "fact" and exactly one operator: equals, notEquals, in, gte, lte, gt or lt\.$/, () => 'Một phép so sánh thông tin cần "fact" và đúng một phép toán: equals, notEquals, in, gte, lte, gt hoặc lt.'],
  [/^Must have (at least|at most) (\d+) properties\.$/, (m) => `Phải có ${m[1] === 'at least' ? 'ít nhất' : 'tối đa'} ${m[2]} thuộc tính.`],
];

/** A schema finding's message (ruleId schema/…) in Vietnamese; `undefined` when no pattern matches. */
export function schemaMessageVi(message: string): string | undefined {
  for (const [re, word] of SCHEMA_VI) {
    const m = re.exec(message);
    if (m) return word(m);
  }
  return undefined;
}
