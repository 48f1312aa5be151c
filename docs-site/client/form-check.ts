/**
 * A JSON Schema 2020-12 checker for the subset the generated form schemas use
 * (generators/form-schemas): type, const, enum, the string, number and array bounds, pattern, the
 * date and email formats (as ajv-formats' "full" mode checks them), properties, required,
 * additionalProperties: false, items, $ref into #/$defs, allOf, anyOf, oneOf, not and if/then/else.
 * The form preview on the procedure page checks with it instead of ajv, which compiles schemas to
 * code and so needs 'unsafe-eval' in the page's Content-Security-Policy; this walks the schema and
 * needs nothing. Errors have ajv's shape and keywords (all errors, as ajv's allErrors gives them),
 * so the preview's messages are the same; tests/site/form-check.test.ts checks it against ajv on
 * every form of the bundled catalogue and a synthetic one. A keyword outside the subset throws,
 * so a new kind of schema cannot be checked wrongly without notice. No imports: it is bundled for
 * the browser.
 */

export interface FormError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

type Schema = boolean | { [key: string]: unknown };

/** Keywords that only annotate, and those this checker handles. */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default', 'examples', '$defs']);
const HANDLED = new Set([
  '$ref', 'type', 'const', 'enum', 'minLength', 'maxLength', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minItems', 'maxItems', 'items', 'properties', 'required', 'additionalProperties', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else',
]);

const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

function isDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]!);
}

const FORMATS: Record<string, (s: string) => boolean> = { date: isDate, email: (s) => EMAIL.test(s) };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a)) return isObject(b) && Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => k in b && sameJson(a[k], b[k]));
  return false;
}

function typeHolds(type: string, v: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(v);
    case 'array':
      return Array.isArray(v);
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'null':
      return v === null;
    default:
      throw new Error(`form check: unknown type ${type}`);
  }
}

/** Length in code points, as JSON Schema (and ajv) count a string's characters. */
function length(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const escapeToken = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

class Checker {
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly root: Schema) {
    Checker.refuseUnknown(root);
  }

  /** Throws on a keyword outside the subset anywhere in the schema, before any value is checked. */
  private static refuseUnknown(s: Schema): void {
    if (typeof s === 'boolean') return;
    for (const key of Object.keys(s)) if (!ANNOTATIONS.has(key) && !HANDLED.has(key)) throw new Error(`form check: unsupported keyword ${key}`);
    const subs: unknown[] = [s.items, s.not, s.if, s.then, s.else, ...Object.values((s.properties ?? {}) as object), ...Object.values((s.$defs ?? {}) as object)];
    for (const list of [s.allOf, s.anyOf, s.oneOf]) if (Array.isArray(list)) subs.push(...list);
    for (const sub of subs) if (sub !== undefined) Checker.refuseUnknown(sub as Schema);
  }

  private regexp(p: string): RegExp {
    let r = this.patterns.get(p);
    if (!r) this.patterns.set(p, (r = new RegExp(p, 'u')));
    return r;
  }

  /** Checks `v` at `at` against `s`, adding every error to `out`; true when valid. */
  check(s: Schema, v: unknown, at: string, out: FormError[]): boolean {
    if (s === true) return true;
    if (s === false) {
      out.push({ keyword: 'false schema', instancePath: at, params: {} });
      return false;
    }
    const before = out.length;
    const fail = (keyword: string, params: Record<string, unknown> = {}) => out.push({ keyword, instancePath: at, params });
    if (typeof s.$ref === 'string') {
      if (!s.$ref.startsWith('#/$defs/')) throw new Error(`form check: unsupported $ref ${s.$ref}`);
      const target = ((this.root as Record<string, unknown>).$defs as Record<string, Schema> | undefined)?.[s.$ref.slice('#/$defs/'.length)];
      if (target === undefined) throw new Error(`form check: unknown $ref ${s.$ref}`);
      this.check(target, v, at, out);
    }
    // As in ajv, a wrong type does not stop the other keywords: each applies to the type it is for.
    if (typeof s.type === 'string' && !typeHolds(s.type, v)) fail('type', { type: s.type });
    if ('const' in s && !sameJson(v, s.const)) fail('const', { allowedValue: s.const });
    if (Array.isArray(s.enum) && !s.enum.some((e) => sameJson(v, e))) fail('enum', { allowedValues: s.enum });
    if (typeof v === 'string') {
      if (typeof s.maxLength === 'number' && length(v) > s.maxLength) fail('maxLength', { limit: s.maxLength });
      if (typeof s.minLength === 'number' && length(v) < s.minLength) fail('minLength', { limit: s.minLength });
      if (typeof s.pattern === 'string' && !this.regexp(s.pattern).test(v)) fail('pattern', { pattern: s.pattern });
      if (typeof s.format === 'string') {
        const format = FORMATS[s.format];
        if (!format) throw new Error(`form check: unsupported format ${s.format}`);
        if (!format(v)) fail('format', { format: s.format });
      }
    }
    if (typeof v === 'number') {
      if (typeof s.maximum === 'number' && !(v <= s.maximum)) fail('maximum', { comparison: '<=', limit: s.maximum });
      if (typeof s.minimum === 'number' && !(v >= s.minimum)) fail('minimum', { comparison: '>=', limit: s.minimum });
      if (typeof s.exclusiveMaximum === 'number' && !(v < s.exclusiveMaximum)) fail('exclusiveMaximum', { comparison: '<', limit: s.exclusiveMaximum });
      if (typeof s.exclusiveMinimum === 'number' && !(v > s.exclusiveMinimum)) fail('exclusiveMinimum', { comparison: '>', limit: s.exclusiveMinimum });
    }
    if (Array.isArray(v)) {
      if (typeof s.maxItems === 'number' && v.length > s.maxItems) fail('maxItems', { limit: s.maxItems });
      if (typeof s.minItems === 'number' && v.length < s.minItems) fail('minItems', { limit: s.minItems });
      if (s.items !== undefined) v.forEach((item, i) => this.check(s.items as Schema, item, `${at}/${i}`, out));
    }
    if (isObject(v)) {
      for (const name of (s.required ?? []) as string[]) if (!(name in v)) fail('required', { missingProperty: name });
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      if (s.additionalProperties === false) {
        for (const name of Object.keys(v)) if (!(name in properties)) fail('additionalProperties', { additionalProperty: name });
      } else if (s.additionalProperties !== undefined && s.additionalProperties !== true) throw new Error('form check: additionalProperties must be false or true');
      for (const [name, p] of Object.entries(properties)) if (name in v) this.check(p, v[name], `${at}/${escapeToken(name)}`, out);
    }
    if (Array.isArray(s.allOf)) for (const sub of s.allOf as Schema[]) this.check(sub, v, at, out);
    if (Array.isArray(s.anyOf)) {
      const errors: FormError[] = [];
      if (!(s.anyOf as Schema[]).map((sub) => this.check(sub, v, at, errors)).some(Boolean)) {
        out.push(...errors);
        fail('anyOf');
      }
    }
    if (Array.isArray(s.oneOf)) {
      const errors: FormError[] = [];
      const passing = (s.oneOf as Schema[]).map((sub, i) => (this.check(sub, v, at, errors) ? i : -1)).filter((i) => i >= 0);
      if (passing.length !== 1) {
        if (passing.length === 0) out.push(...errors);
        fail('oneOf', { passingSchemas: passing.length === 0 ? null : passing.slice(0, 2) });
      }
    }
    if (s.not !== undefined && this.check(s.not as Schema, v, at, [])) fail('not');
    if (s.if !== undefined && (s.then !== undefined || s.else !== undefined)) {
      const branch = this.check(s.if as Schema, v, at, []) ? 'then' : 'else';
      if (s[branch] !== undefined && !this.check(s[branch] as Schema, v, at, out)) fail('if', { failingKeyword: branch });
    }
    return out.length === before;
  }
}

/** Every error of `data` against the form schema `schema`, in ajv's shape; empty when it is valid. */
export function checkForm(schema: Schema, data: unknown): FormError[] {
  const out: FormError[] = [];
  new Checker(schema).check(schema, data, '', out);
  return out;
}
