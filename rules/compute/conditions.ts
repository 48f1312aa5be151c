import type { ChannelKind, Condition, FactComparison, ProcedureVersion } from '../schema/types/procedure-version.js';

export type FactValue = string | number | boolean;
export type Facts = ReadonlyMap<string, FactValue>;

/**
 * Evaluates a condition on facts in three values: true, false, or undefined when a fact it needs
 * is not known. all/any/not follow Kleene logic, so a known false in an all() is still false.
 */
export function evaluateCondition(condition: Condition, facts: Facts): boolean | undefined {
  if ('all' in condition && Array.isArray(condition.all)) {
    const results = condition.all.map((c) => evaluateCondition(c, facts));
    if (results.includes(false)) return false;
    return results.includes(undefined) ? undefined : true;
  }
  if ('any' in condition && Array.isArray(condition.any)) {
    const results = condition.any.map((c) => evaluateCondition(c, facts));
    if (results.includes(true)) return true;
    return results.includes(undefined) ? undefined : false;
  }
  if ('not' in condition && condition.not) {
    const inner = evaluateCondition(condition.not as Condition, facts);
    return inner === undefined ? undefined : !inner;
  }
  return compare(condition as FactComparison, facts);
}

function compare(c: FactComparison, facts: Facts): boolean | undefined {
  const value = facts.get(c.fact);
  if (value === undefined) return undefined;
  if (c.equals !== undefined) return value === c.equals;
  if (c.notEquals !== undefined) return value !== c.notEquals;
  if (c.in !== undefined) return (c.in as FactValue[]).includes(value);
  if (typeof value !== 'number') return undefined;
  if (c.gte !== undefined) return value >= c.gte;
  if (c.lte !== undefined) return value <= c.lte;
  if (c.gt !== undefined) return value > c.gt;
  if (c.lt !== undefined) return value < c.lt;
  return undefined;
}

/** The facts a typical applicant has: each declared fact's default, and the channel used. */
export function defaultFacts(version: ProcedureVersion, channel: ChannelKind | undefined): Map<string, FactValue> {
  const facts = new Map<string, FactValue>();
  for (const f of version.facts ?? []) if (f.default !== undefined) facts.set(f.id, f.default);
  if (channel) facts.set('channel', channel);
  return facts;
}
