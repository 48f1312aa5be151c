/**
 * Facts about an applicant or a filing, and the declarative conditions that test them (the schema's
 * $defs/Condition). Conditions are evaluated in three-valued logic: a condition on a fact nobody gave
 * (and that has no default) is unknown, and only an unknown answer that matters is an error.
 */
import type { ChannelKind, Condition, FactDefinition, ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import { UsageError } from '../usage-error.js';
import { closest, didYouMean } from '../text/suggest.js';
import { foldVietnamese } from '../text/vi/words.js';

/** Facts every procedure has: how the dossier is filed. */
export const BUILT_IN_FACTS: readonly FactDefinition[] = [
  {
    id: 'channel',
    type: 'enum',
    label: 'Cách thức nộp hồ sơ',
    values: [
      { value: 'in-person', label: 'Trực tiếp' },
      { value: 'online', label: 'Trực tuyến' },
      { value: 'postal', label: 'Qua dịch vụ bưu chính công ích' },
    ],
  },
];

export const CHANNEL_KINDS: readonly ChannelKind[] = ['in-person', 'online', 'postal'];

/** The facts a version's conditions may test: the built-in ones and those it declares. */
export function factsOf(declared: readonly FactDefinition[] | undefined): Map<string, FactDefinition> {
  const map = new Map<string, FactDefinition>();
  for (const f of BUILT_IN_FACTS) map.set(f.id, f);
  for (const f of declared ?? []) map.set(f.id, f);
  return map;
}

export type FactValue = boolean | number | string;

/** Fact values by id, as conditions read them. */
export type Facts = ReadonlyMap<string, FactValue>;

/** The facts a typical applicant has: each declared fact's default, and the channel used. */
export function defaultFacts(version: ProcedureVersion, channel: ChannelKind | undefined): Map<string, FactValue> {
  const facts = new Map<string, FactValue>();
  for (const f of version.facts ?? []) if (f.default !== undefined) facts.set(f.id, f.default);
  if (channel) facts.set('channel', channel);
  return facts;
}

/** One fact as used in a computation, and where its value came from. */
export interface FactSetting {
  id: string;
  label: string;
  value: FactValue;
  source: 'given' | 'default';
}

/** The facts of one application: checked values, their definitions, and where each value came from. */
export interface ResolvedFacts {
  definitions: Map<string, FactDefinition>;
  values: Map<string, FactValue>;
  /** Every fact with a value, in declaration order (channel first). */
  settings: FactSetting[];
}

const TRUE_WORDS = new Set(['true', 'yes', '1', 'co', 'dung']);
const FALSE_WORDS = new Set(['false', 'no', '0', 'khong', 'sai']);

/** What values a fact takes, in words: "true or false", "a whole number from 1 to 100", "student, beneficiary". */
export function describeFactValues(def: FactDefinition): string {
  switch (def.type) {
    case 'boolean':
      return 'true or false';
    case 'integer':
      if (def.minimum !== undefined && def.maximum !== undefined) return `a whole number from ${def.minimum} to ${def.maximum}`;
      if (def.minimum !== undefined) return `a whole number, at least ${def.minimum}`;
      if (def.maximum !== undefined) return `a whole number, at most ${def.maximum}`;
      return 'a whole number';
    case 'enum':
      return (def.values ?? []).map((v) => v.value).join(', ');
  }
}

/** Reads a fact's value from text (a command line) or checks a typed value. */
export function parseFactValue(def: FactDefinition, raw: FactValue): FactValue {
  const text = String(raw).trim();
  const wrong = () => new UsageError(`The fact "${def.id}" (${def.label}) takes ${describeFactValues(def)}, got "${text}".`, { id: 'fact.bad-value', params: { fact: def.id, label: def.label, type: def.type, minimum: def.minimum ?? '', maximum: def.maximum ?? '', values: (def.values ?? []).map((v) => v.value).join(', '), value: text } });
  switch (def.type) {
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const word = foldVietnamese(text);
      if (TRUE_WORDS.has(word)) return true;
      if (FALSE_WORDS.has(word)) return false;
      throw wrong();
    }
    case 'integer': {
      if (!/^-?[0-9]{1,15}$/.test(text)) throw wrong();
      const n = Number(text);
      if ((def.minimum !== undefined && n < def.minimum) || (def.maximum !== undefined && n > def.maximum)) throw wrong();
      return n;
    }
    case 'enum': {
      const allowed = (def.values ?? []).map((v) => v.value);
      if (allowed.includes(text)) return text;
      throw new UsageError(`The fact "${def.id}" (${def.label}) takes one of ${allowed.join(', ')}, got "${text}".${didYouMean(text, allowed)}`, { id: 'fact.bad-value', params: { fact: def.id, label: def.label, type: def.type, minimum: '', maximum: '', values: allowed.join(', '), value: text, suggestion: closest(text, allowed) ?? '' } });
    }
  }
}

/**
 * The facts for one computation: the given values checked against the version's declarations,
 * then the declared defaults. Unknown facts and wrong values raise a UsageError.
 */
export function resolveFacts(version: ProcedureVersion, given: Readonly<Record<string, FactValue>>, channel: ChannelKind | undefined): ResolvedFacts {
  const definitions = factsOf(version.facts);
  const values = new Map<string, FactValue>();
  const sources = new Map<string, FactSetting['source']>();
  const ids = [...definitions.keys()];
  for (const [id, raw] of Object.entries(given)) {
    const def = definitions.get(id);
    if (!def) {
      const declared = (version.facts ?? []).map((f) => f.id);
      const known = declared.length > 0 ? ` Its facts are: ${declared.join(', ')}.` : ' It declares no facts (only the channel).';
      throw new UsageError(`${version.code}@${version.version} has no fact "${id}".${didYouMean(id, ids)}${known}`, { id: 'fact.unknown', params: { ref: `${version.code}@${version.version}`, fact: id, suggestion: closest(id, ids) ?? '', facts: declared.join(', ') } });
    }
    values.set(id, parseFactValue(def, raw));
    sources.set(id, 'given');
  }
  if (channel !== undefined) {
    const given = values.get('channel');
    if (given !== undefined && given !== channel) throw new UsageError(`The channel is given twice, as ${channel} and as ${String(given)}.`, { id: 'channel.twice', params: { a: channel, b: String(given) } });
    values.set('channel', channel);
    sources.set('channel', 'given');
  }
  for (const def of version.facts ?? []) {
    if (values.has(def.id) || def.default === undefined) continue;
    values.set(def.id, def.default);
    sources.set(def.id, 'default');
  }
  const settings: FactSetting[] = [];
  for (const [id, def] of definitions) {
    const value = values.get(id);
    if (value !== undefined) settings.push({ id, label: def.label, value, source: sources.get(id)! });
  }
  return { definitions, values, settings };
}

/** true, false, or undefined when a fact it needs has no value. */
export type Truth = boolean | undefined;

/**
 * Evaluates a condition on facts in three values: true, false, or undefined when a fact it needs
 * is not known. all/any/not follow Kleene logic, so a known false in an all() is still false. A
 * numeric comparison of a value that is not a number is false (condition-facts reports it).
 */
export function evaluateCondition(condition: Condition, values: Facts): Truth {
  if ('all' in condition) {
    let result: Truth = true;
    for (const c of condition.all) {
      const t = evaluateCondition(c, values);
      if (t === false) return false;
      if (t === undefined) result = undefined;
    }
    return result;
  }
  if ('any' in condition) {
    let result: Truth = false;
    for (const c of condition.any) {
      const t = evaluateCondition(c, values);
      if (t === true) return true;
      if (t === undefined) result = undefined;
    }
    return result;
  }
  if ('not' in condition) {
    const t = evaluateCondition(condition.not, values);
    return t === undefined ? undefined : !t;
  }
  const value = values.get(condition.fact);
  if (value === undefined) return undefined;
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.notEquals !== undefined) return value !== condition.notEquals;
  if (condition.in !== undefined) return (condition.in as FactValue[]).includes(value);
  if (typeof value !== 'number') return false;
  if (condition.gte !== undefined) return value >= condition.gte;
  if (condition.lte !== undefined) return value <= condition.lte;
  if (condition.gt !== undefined) return value > condition.gt;
  if (condition.lt !== undefined) return value < condition.lt;
  return undefined;
}

/** The facts a condition tests that have no value. */
export function missingFacts(condition: Condition, values: Facts, out: Set<string> = new Set()): Set<string> {
  if ('all' in condition) condition.all.forEach((c) => missingFacts(c, values, out));
  else if ('any' in condition) condition.any.forEach((c) => missingFacts(c, values, out));
  else if ('not' in condition) missingFacts(condition.not, values, out);
  else if (!values.has(condition.fact)) out.add(condition.fact);
  return out;
}

/** A condition in words, for explanations: `hocSinh = true`, `soBan ≥ 3`, `channel in online, postal`. */
export function describeCondition(condition: Condition): string {
  if ('all' in condition) return condition.all.map((c) => wrap(c)).join(' and ');
  if ('any' in condition) return condition.any.map((c) => wrap(c)).join(' or ');
  if ('not' in condition) return `not ${wrap(condition.not)}`;
  const f = condition.fact;
  if (condition.equals !== undefined) return `${f} = ${String(condition.equals)}`;
  if (condition.notEquals !== undefined) return `${f} ≠ ${String(condition.notEquals)}`;
  if (condition.in !== undefined) return `${f} in ${condition.in.join(', ')}`;
  if (condition.gte !== undefined) return `${f} ≥ ${condition.gte}`;
  if (condition.lte !== undefined) return `${f} ≤ ${condition.lte}`;
  if (condition.gt !== undefined) return `${f} > ${condition.gt}`;
  if (condition.lt !== undefined) return `${f} < ${condition.lt}`;
  return f;
}

function wrap(c: Condition): string {
  const text = describeCondition(c);
  return 'fact' in c ? text : `(${text})`;
}

/**
 * Collects the facts that several conditions need but nobody gave, then reports them all at once:
 * one UsageError naming each fact, its label and the values it takes.
 */
export class MissingFacts {
  private readonly missing = new Map<string, Set<string>>();

  constructor(private readonly facts: ResolvedFacts) {}

  /** Evaluates a condition; when it cannot be decided, remembers what it needed, for `what`. */
  check(condition: Condition, what: string): Truth {
    const t = evaluateCondition(condition, this.facts.values);
    if (t === undefined) for (const id of missingFacts(condition, this.facts.values)) this.add(id, what);
    return t;
  }

  add(id: string, what: string): void {
    const set = this.missing.get(id) ?? new Set();
    set.add(what);
    this.missing.set(id, set);
  }

  /** Throws when anything was missing. */
  throwIfAny(subject: string): void {
    if (this.missing.size === 0) return;
    const parts = [...this.missing].map(([id, whats]) => {
      const def = this.facts.definitions.get(id);
      const about = def ? `${id} (${def.label}: ${describeFactValues(def)})` : id;
      return `${about}, needed for ${[...whats].join(', ')}`;
    });
    const missing = [...this.missing.keys()].map((id) => ({ id, label: this.facts.definitions.get(id)?.label ?? id }));
    throw new UsageError(`${subject} depends on facts that were not given and have no default: ${parts.join('; ')}. Give each as --fact <id>=<value>.`, { id: 'facts.missing', params: { missing } });
  }
}
