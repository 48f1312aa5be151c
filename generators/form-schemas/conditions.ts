import { evaluateCondition } from '../../rules/compute/conditions.js';
import type { Condition, FactComparison, FactDefinition } from '../../rules/schema/types/procedure-version.generated.js';

type Value = string | number | boolean;

/** Whether one comparison holds for a value of its fact. */
function holds(c: FactComparison, value: Value): boolean {
  return evaluateCondition(c, new Map([[c.fact, value]])) === true;
}

/**
 * Evaluates what is known of a condition ahead of time. A form schema is for online filing, so the
 * built-in fact `channel` is "online": comparisons on it become true or false, and what remains is
 * a condition on the applicant's declared facts (or just true or false).
 */
export function specialise(condition: Condition, known: ReadonlyMap<string, Value>): Condition | boolean {
  if ('fact' in condition) {
    const value = known.get(condition.fact);
    return value === undefined ? condition : holds(condition, value);
  }
  if ('not' in condition) {
    const inner = specialise(condition.not, known);
    return typeof inner === 'boolean' ? !inner : { not: inner };
  }
  const isAll = 'all' in condition;
  const parts: Condition[] = [];
  for (const part of isAll ? condition.all : condition.any) {
    const s = specialise(part, known);
    if (s === !isAll) return !isAll; // false in an all, true in an any, decides it
    if (typeof s !== 'boolean') parts.push(s);
  }
  if (parts.length === 0) return isAll;
  if (parts.length === 1) return parts[0]!;
  return isAll ? { all: parts } : { any: parts };
}

/** The JSON Schema keywords that test one comparison on a value. */
function comparisonKeywords(c: FactComparison, fact: FactDefinition | undefined): Record<string, unknown> {
  const numeric = fact?.type === 'integer' ? { type: 'integer' } : {};
  if (c.equals !== undefined) return { const: c.equals };
  if (c.notEquals !== undefined) return { not: { const: c.notEquals } };
  if (c.in !== undefined) return { enum: c.in };
  if (c.gte !== undefined) return { ...numeric, minimum: c.gte };
  if (c.lte !== undefined) return { ...numeric, maximum: c.lte };
  if (c.gt !== undefined) return { ...numeric, exclusiveMinimum: c.gt };
  if (c.lt !== undefined) return { ...numeric, exclusiveMaximum: c.lt };
  return {};
}

/**
 * A JSON Schema that a submission satisfies exactly when the condition holds on its `facts`. A fact
 * left out takes its default: when the default satisfies the comparison, absence passes; otherwise
 * the fact must be present and match.
 */
export function conditionSchema(condition: Condition, facts: ReadonlyMap<string, FactDefinition>): Record<string, unknown> {
  if ('all' in condition) return { allOf: condition.all.map((c) => conditionSchema(c, facts)) };
  if ('any' in condition) return { anyOf: condition.any.map((c) => conditionSchema(c, facts)) };
  if ('not' in condition) return { not: conditionSchema(condition.not, facts) };
  const fact = facts.get(condition.fact);
  const fallback = fact?.default;
  const absentHolds = fallback !== undefined && holds(condition, fallback);
  const inner: Record<string, unknown> = { type: 'object', properties: { [condition.fact]: comparisonKeywords(condition, fact) } };
  if (!absentHolds) inner.required = [condition.fact];
  const schema: Record<string, unknown> = { type: 'object', properties: { facts: inner } };
  if (!absentHolds) schema.required = ['facts'];
  return schema;
}
