/** Conditions on facts as Vietnamese clauses: "Trường hợp đăng ký khai sinh quá hạn", "Trừ trường hợp …". */
import type { ChannelKind, Condition, FactDefinition } from '../../schema/types/procedure-version.generated.js';
import { formatNumber } from './numbers.js';
import { lowerFirst } from './words.js';

/** "nộp hồ sơ trực tuyến": the built-in channel fact, as a clause. */
const CHANNEL_CLAUSE_VI: Record<ChannelKind, string> = {
  'in-person': 'nộp hồ sơ trực tiếp',
  online: 'nộp hồ sơ trực tuyến',
  postal: 'nộp hồ sơ qua dịch vụ bưu chính công ích',
};

/** A negated condition's positive form: {fact, equals: false} → {fact, equals: true}; {not: X} → X. */
function negatedForm(condition: Condition, facts: ReadonlyMap<string, FactDefinition>): Condition | undefined {
  if ('not' in condition) return condition.not;
  if (!('fact' in condition)) return undefined;
  const isBoolean = facts.get(condition.fact)?.type === 'boolean';
  if ((isBoolean || typeof condition.equals === 'boolean') && condition.equals === false) return { fact: condition.fact, equals: true };
  if ((isBoolean || typeof condition.notEquals === 'boolean') && condition.notEquals === true) return { fact: condition.fact, equals: true };
  return undefined;
}

/**
 * A condition on facts as a Vietnamese clause, to follow "trường hợp": "đăng ký khai sinh đúng hạn",
 * "số bản Phiếu lý lịch tư pháp từ 3 trở lên", "nộp hồ sơ trực tuyến". Fact labels are statements
 * ("Người yêu cầu là sinh viên"), so a negation inside a compound reads "không phải trường hợp …".
 */
export function formatCondition(condition: Condition, facts: ReadonlyMap<string, FactDefinition>, nested = false): string {
  if ('all' in condition || 'any' in condition) {
    const parts = 'all' in condition ? condition.all : condition.any;
    const text = parts.map((c) => formatCondition(c, facts, true)).join('all' in condition ? ' và ' : ' hoặc ');
    return nested && parts.length > 1 ? `(${text})` : text;
  }
  const negated = negatedForm(condition, facts);
  if (negated) return `không phải trường hợp ${formatCondition(negated, facts, true)}`;
  if (!('fact' in condition)) return '';
  if (condition.fact === 'channel') {
    const kinds = (condition.in ?? [condition.equals ?? condition.notEquals]) as ChannelKind[];
    const clause = kinds.map((k) => CHANNEL_CLAUSE_VI[k] ?? String(k)).join(' hoặc ');
    return condition.notEquals !== undefined ? `không ${clause}` : clause;
  }
  const fact = facts.get(condition.fact);
  const label = lowerFirst(fact?.label ?? condition.fact);
  const value = (v: string | number | boolean) => (typeof v === 'number' ? formatNumber(v) : typeof v === 'boolean' ? (v ? 'có' : 'không') : (fact?.values?.find((x) => x.value === v)?.label ?? v));
  if (condition.equals !== undefined) {
    if (fact?.type === 'boolean' || typeof condition.equals === 'boolean') return label;
    return fact?.type === 'integer' ? `${label} bằng ${value(condition.equals)}` : `${label} là ${value(condition.equals)}`;
  }
  if (condition.notEquals !== undefined) {
    if (typeof condition.notEquals === 'boolean') return label;
    return `${label} không phải là ${value(condition.notEquals)}`;
  }
  if (condition.in !== undefined) return `${label} là ${condition.in.map(value).join(' hoặc ')}`;
  if (condition.gte !== undefined) return `${label} từ ${formatNumber(condition.gte)} trở lên`;
  if (condition.lte !== undefined) return `${label} không quá ${formatNumber(condition.lte)}`;
  if (condition.gt !== undefined) return `${label} lớn hơn ${formatNumber(condition.gt)}`;
  if (condition.lt !== undefined) return `${label} nhỏ hơn ${formatNumber(condition.lt)}`;
  return label;
}

/**
 * The lead-in official texts use for a conditional part: "Trường hợp đăng ký khai sinh quá hạn";
 * a negated condition reads "Trừ trường hợp người yêu cầu là sinh viên, học sinh".
 */
export function formatCase(condition: Condition, facts: ReadonlyMap<string, FactDefinition>): string {
  const negated = negatedForm(condition, facts);
  return negated ? `Trừ trường hợp ${formatCondition(negated, facts)}` : `Trường hợp ${formatCondition(condition, facts)}`;
}
