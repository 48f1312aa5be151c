import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import type Ajv2020Module from 'ajv/dist/2020.js';
import procedureVersionSchema from './procedure-version.schema.json' with { type: 'json' };
import registrySchema from './registry.schema.json' with { type: 'json' };
import lockSchema from './lock.schema.json' with { type: 'json' };
import calendarSchema from './calendar.schema.json' with { type: 'json' };
import provincialListSchema from './provincial-list.schema.json' with { type: 'json' };
import { getAtPointer, joinPointer } from '../diagnostics/pointer.js';
import { didYouMean } from '../text/suggest.js';

export { didYouMean, levenshtein } from '../text/suggest.js';

// ajv and the precompiled validators are CommonJS, loaded on first use: a command that validates
// nothing (tthc --help, tthc due) never pays for them.
const require = createRequire(import.meta.url);

export const SCHEMAS = {
  'procedure-version': procedureVersionSchema,
  registry: registrySchema,
  lock: lockSchema,
  calendar: calendarSchema,
  'provincial-list': provincialListSchema,
} as const;

export type SchemaName = keyof typeof SCHEMAS;

/** Strict mode with every error collected; schemas are never fetched (no loadSchema). */
export const AJV_OPTIONS: Options = { strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true, verbose: true };

type Ajv2020 = typeof Ajv2020Module.default;
type AjvInstance = InstanceType<Ajv2020>;
let ajv: AjvInstance | undefined;
const compiled = new Map<string, ValidateFunction>();

/** A new ajv instance with our options, formats and schemas (scripts/gen-validators.mjs builds the precompiled code from one). */
export function createAjv(extra: Options = {}): AjvInstance {
  const Ajv2020 = (require('ajv/dist/2020.js') as { default: Ajv2020 }).default;
  const addFormats = (require('ajv-formats') as { default: (ajv: AjvInstance, formats: string[]) => void }).default;
  const instance = new Ajv2020({ ...AJV_OPTIONS, ...extra });
  addFormats(instance, ['date']);
  for (const schema of Object.values(SCHEMAS)) instance.addSchema(schema);
  return instance;
}

/** The ajv instance that compiles at run time: for error explanations, and when no precompiled code fits. */
export function getAjv(): AjvInstance {
  ajv ??= createAjv();
  return ajv;
}

/** The hash of the schemas, recorded in the precompiled validators, so stale code is never used. */
export function schemasHash(): string {
  return createHash('sha256').update(JSON.stringify(SCHEMAS)).update(JSON.stringify(AJV_OPTIONS)).digest('hex');
}

/** The file scripts/gen-validators.mjs writes beside the compiled module (dist/rules/schema/) for a schema. */
export function standaloneFile(name: SchemaName): string {
  return `${name}.validator.generated.cjs`;
}

const standalone = new Map<SchemaName, ValidateFunction | null>();

/**
 * A validator precompiled by ajv's standalone code (`npm run build:ts` writes them): compiling the
 * schemas takes ~150 ms at every start, more than a small command's whole run. Null when there is
 * none, or it was made from other schemas.
 */
function precompiled(name: SchemaName): ValidateFunction | null {
  let fast = standalone.get(name);
  if (fast === undefined) {
    try {
      const mod = require(`./${standaloneFile(name)}`) as { schemasHash?: string } & Record<string, ValidateFunction>;
      fast = mod.schemasHash === schemasHash() ? (mod[standaloneName(name)] ?? null) : null;
    } catch {
      fast = null;
    }
    standalone.set(name, fast);
  }
  return fast;
}

/** The export name of a schema's precompiled validator. */
export function standaloneName(name: SchemaName): string {
  return name.replace(/-/g, '_');
}

export function getValidator(name: SchemaName): ValidateFunction {
  return precompiled(name) ?? getValidatorById(SCHEMAS[name].$id);
}

function getValidatorById(id: string): ValidateFunction {
  let validate = compiled.get(id);
  if (!validate) {
    const found = getAjv().getSchema(id);
    if (!found) throw new Error(`schema ${id} is not registered`);
    compiled.set(id, found);
    return found;
  }
  return validate;
}

/** A schema error reduced to what a reader needs: where, which keyword, and a sentence. */
export interface SchemaIssue {
  pointer: string;
  keyword: string;
  /** schema/<keyword in kebab-case>: the diagnostic rule id. */
  ruleId: string;
  message: string;
  /** The pointer names a key (unknown property) rather than a value. */
  atKey: boolean;
}

type RawIssue = Omit<SchemaIssue, 'ruleId'>;

/** Validates and returns readable issues; an empty list means valid. */
export function validateWith(name: SchemaName, data: unknown): SchemaIssue[] {
  const validate = getValidator(name);
  if (validate(data)) return [];
  return explainErrors(validate.errors ?? [], data, SCHEMAS[name].$id).map((issue) => ({ ...issue, ruleId: `schema/${issue.keyword.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}` }));
}

/** Items validated at once when a file's top-level list is long (see validateCapped). */
const CHUNK_ITEMS = 256;

/**
 * Validates like validateWith, keeping the first `keep` issues and counting all of them, in time
 * linear in the file. ajv's generated code concatenates each item's error array onto the errors so
 * far, so a list of 200,000 invalid items took minutes: a long top-level list (registry entries,
 * lock entries, list rows) is validated CHUNK_ITEMS items at a time instead, with the rest of the
 * file, and its own length limits (maxItems, minItems) checked on the whole list.
 */
export function validateCapped(name: SchemaName, data: unknown, keep: number): { issues: SchemaIssue[]; total: number } {
  const root = SCHEMAS[name] as { properties?: Record<string, Record<string, unknown>> };
  const long = data !== null && typeof data === 'object' && !Array.isArray(data) ? Object.entries(data as Record<string, unknown>).filter(([key, value]) => Array.isArray(value) && value.length > CHUNK_ITEMS && chunkable(root.properties?.[key])) : [];
  if (long.length === 0) {
    const issues = validateWith(name, data);
    return { issues: issues.slice(0, keep), total: issues.length };
  }
  const issues: SchemaIssue[] = [];
  let total = 0;
  const add = (found: SchemaIssue[]) => {
    total += found.length;
    for (const issue of found) if (issues.length < keep) issues.push(issue);
  };
  // The file with each long list cut to its first chunk; then each list's length, then its other chunks.
  const head: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const [key, value] of long) head[key] = (value as unknown[]).slice(0, CHUNK_ITEMS);
  add(validateWith(name, head));
  for (const [key, value] of long) {
    const list = value as unknown[];
    const property = root.properties![key]!;
    const at = `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (typeof property.maxItems === 'number' && list.length > property.maxItems) {
      add([{ pointer: at, keyword: 'maxItems', ruleId: 'schema/max-items', atKey: false, message: `Must list at most ${property.maxItems} items, found ${list.length}.` }]);
    }
    const prefix = `${at}/`;
    for (let start = CHUNK_ITEMS; start < list.length; start += CHUNK_ITEMS) {
      const part = { ...head, [key]: list.slice(start, start + CHUNK_ITEMS) };
      const found = validateWith(name, part).filter((i) => i.pointer.startsWith(prefix));
      add(
        found.map((i) => {
          const rest = i.pointer.slice(prefix.length);
          const slash = rest.indexOf('/');
          const index = Number(slash < 0 ? rest : rest.slice(0, slash)) + start;
          return { ...i, pointer: `${prefix}${index}${slash < 0 ? '' : rest.slice(slash)}` };
        }),
      );
    }
  }
  return { issues, total };
}

/** A top-level list whose schema is only its items and length limits: its chunks can be checked apart. */
function chunkable(property: Record<string, unknown> | undefined): boolean {
  if (!property || property.type !== 'array' || property.items === undefined) return false;
  const limits = new Set(['type', 'items', 'maxItems', 'title', 'description']);
  return Object.keys(property).every((k) => limits.has(k));
}

/**
 * Turns ajv's raw errors into one issue per real problem. For `anyOf`, ajv reports every failed
 * branch; we re-validate the value against the branch it was evidently meant to be, and report
 * only that branch's errors (or a single "expected X or Y" when no branch fits its type).
 */
export function explainErrors(errors: readonly ErrorObject[], data: unknown, rootId: string): RawIssue[] {
  const anyOfErrors = new Map<string, ErrorObject>();
  for (const e of errors) if (e.keyword === 'anyOf' && !anyOfErrors.has(e.instancePath)) anyOfErrors.set(e.instancePath, e);
  const anyOfPaths = new Set(anyOfErrors.keys());
  // Linear in the number of errors (times the depth): a file with thousands of bad items must stay fast.
  const outermost = new Set([...anyOfPaths].filter((p) => !ancestorsOf(p).some((a) => anyOfPaths.has(a))));
  const issues: RawIssue[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (outermost.has(error.instancePath) || ancestorsOf(error.instancePath).some((a) => outermost.has(a))) continue;
    issues.push(toIssue(error));
  }
  for (const path of outermost) {
    issues.push(...explainAnyOf(anyOfErrors.get(path)!, getAtPointer(data, path), path, rootId));
  }
  return dedupe(issues);
}

/** The proper ancestors of a JSON pointer: "/a/b/c" → "", "/a", "/a/b". */
function ancestorsOf(pointer: string): string[] {
  const out: string[] = [];
  for (let i = pointer.lastIndexOf('/'); i >= 0; i = pointer.lastIndexOf('/', i - 1)) {
    out.push(pointer.slice(0, i));
    if (i === 0) break;
  }
  return out;
}

function explainAnyOf(error: ErrorObject, value: unknown, path: string, rootId: string): RawIssue[] {
  const branches = ((error.parentSchema as { anyOf?: unknown[] } | undefined)?.anyOf ?? []).map((b) => resolveRef(b, rootId));
  const valueType = jsonType(value);
  const fitting = branches.filter((b) => branchAcceptsType(b.schema, valueType));
  if (fitting.length === 0) {
    const expected = [...new Set(branches.map((b) => describeBranch(b.schema)))].join(' or ');
    return [{ pointer: path, keyword: 'type', atKey: false, message: `Expected ${expected}, found ${describeValue(value)}.` }];
  }
  const best = fitting.length === 1 ? fitting[0]! : pickObjectBranch(fitting, value);
  const validate = best.id ? getValidatorById(best.id) : inlineBranchValidator(best.schema, rootId);
  if (validate(value)) return [];
  return explainErrors(validate.errors ?? [], value, best.id?.split('#')[0] ?? rootId).map((issue) => ({ ...issue, pointer: path + issue.pointer }));
}

const inlineValidators = new WeakMap<object, ValidateFunction>();

/**
 * An inline anyOf branch refers to its root's definitions ("#/$defs/Condition"); compiled on its own
 * those references would not resolve, so it is compiled with the root's $defs attached.
 */
function inlineBranchValidator(branch: Record<string, unknown>, rootId: string): ValidateFunction {
  let validate = inlineValidators.get(branch);
  if (!validate) {
    const root = getAjv().getSchema(rootId)?.schema as { $defs?: unknown } | undefined;
    validate = getAjv().compile({ ...branch, $defs: root?.$defs ?? {} });
    inlineValidators.set(branch, validate);
  }
  return validate;
}

interface Branch {
  schema: Record<string, unknown>;
  id: string | undefined;
}

function resolveRef(schema: unknown, rootId: string): Branch {
  const s = (schema ?? {}) as Record<string, unknown>;
  if (typeof s.$ref === 'string') {
    const id = s.$ref.startsWith('#') ? rootId + s.$ref : s.$ref;
    const target = getAjv().getSchema(id)?.schema as Record<string, unknown> | undefined;
    if (target) return { schema: target, id };
  }
  return { schema: s, id: undefined };
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function branchAcceptsType(schema: Record<string, unknown>, valueType: string): boolean {
  if ('const' in schema) return jsonType(schema.const) === valueType || (valueType === 'integer' && jsonType(schema.const) === 'number');
  if (Array.isArray(schema.anyOf)) return true;
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  if (types.length === 0) return true;
  return types.includes(valueType) || (valueType === 'integer' && types.includes('number'));
}

function describeBranch(schema: Record<string, unknown>): string {
  if ('const' in schema) return JSON.stringify(schema.const);
  const title = typeof schema.title === 'string' ? schema.title : undefined;
  const types = Array.isArray(schema.type) ? (schema.type as string[]).join(' or ') : typeof schema.type === 'string' ? schema.type : 'a value';
  if (types === 'null') return 'null';
  return title ? `${articleFor(types)} ${types} (${title})` : `${articleFor(types)} ${types}`;
}

function articleFor(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function pickObjectBranch(branches: Branch[], value: unknown): Branch {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return branches[0]!;
  const keys = Object.keys(value);
  let best = branches[0]!;
  let bestScore = -1;
  for (const branch of branches) {
    const properties = Object.keys((branch.schema.properties as Record<string, unknown> | undefined) ?? {});
    const required = (branch.schema.required as string[] | undefined) ?? [];
    const score = keys.filter((k) => properties.includes(k)).length * 2 + required.filter((k) => keys.includes(k)).length * 3;
    if (score > bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

function dedupe(issues: RawIssue[]): RawIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.pointer}\u0000${i.keyword}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const type = jsonType(value);
  if (type === 'object') return 'an object';
  if (type === 'array') return `an array of ${(value as unknown[]).length}`;
  if (type === 'null') return 'null';
  const shown = JSON.stringify(value);
  const clipped = shown.length > 60 ? shown.slice(0, 57) + '…"' : shown;
  return `${type} ${clipped}`;
}

function toIssue(error: ErrorObject): RawIssue {
  const params = error.params as Record<string, unknown>;
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  const found = describeValue(error.data);
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { pointer: joinPointer(error.instancePath, missing), keyword: 'required', atKey: false, message: `Missing required property "${missing}".` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {});
      return {
        pointer: joinPointer(error.instancePath, extra),
        keyword: 'additionalProperties',
        atKey: true,
        message: `Unknown property "${extra}".${didYouMean(extra, allowed)}`,
      };
    }
    case 'type':
      return { pointer: error.instancePath, keyword: 'type', atKey: false, message: `Expected ${String(params.type).replace(/,/g, ' or ')}, found ${found}.` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const hint = typeof error.data === 'string' ? didYouMean(error.data, (params.allowedValues as unknown[]).map(String)) : '';
      return { pointer: error.instancePath, keyword: 'enum', atKey: false, message: `Expected one of ${allowed.join(', ')}, found ${found}.${hint}` };
    }
    case 'const':
      return { pointer: error.instancePath, keyword: 'const', atKey: false, message: `Expected ${JSON.stringify(params.allowedValue)}, found ${found}.` };
    case 'pattern': {
      const what = typeof schema.title === 'string' ? `a valid ${schema.title}` : `text matching ${String(params.pattern)}`;
      const about = typeof schema.description === 'string' ? ` ${schema.description}` : '';
      return { pointer: error.instancePath, keyword: 'pattern', atKey: false, message: `Expected ${what}, found ${found}.${about}` };
    }
    case 'format':
      return {
        pointer: error.instancePath,
        keyword: 'format',
        atKey: false,
        message: params.format === 'date' ? `Expected a real calendar date as YYYY-MM-DD, found ${found}.` : `Expected format ${String(params.format)}, found ${found}.`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { pointer: error.instancePath, keyword: error.keyword, atKey: false, message: `Must be ${String(params.comparison)} ${String(params.limit)}, found ${found}.` };
    case 'minLength':
      return { pointer: error.instancePath, keyword: 'minLength', atKey: false, message: Number(params.limit) === 1 ? 'Must not be empty.' : `Must be at least ${String(params.limit)} characters long.` };
    case 'maxLength':
      return { pointer: error.instancePath, keyword: 'maxLength', atKey: false, message: `Must be at most ${String(params.limit)} characters long, found ${(error.data as string).length}.` };
    case 'minItems':
      return { pointer: error.instancePath, keyword: 'minItems', atKey: false, message: `Must list at least ${String(params.limit)} item${Number(params.limit) === 1 ? '' : 's'}.` };
    case 'maxItems':
      return { pointer: error.instancePath, keyword: 'maxItems', atKey: false, message: `Must list at most ${String(params.limit)} items, found ${(error.data as unknown[]).length}.` };
    case 'uniqueItems':
      return { pointer: `${error.instancePath}/${String(params.j)}`, keyword: 'uniqueItems', atKey: false, message: `Duplicate item: items ${String(params.i)} and ${String(params.j)} are identical.` };
    case 'minProperties':
    case 'maxProperties':
      if (schema.title === 'FactComparison') {
        return { pointer: error.instancePath, keyword: error.keyword, atKey: false, message: 'A fact comparison needs "fact" and exactly one operator: equals, notEquals, in, gte, lte, gt or lt.' };
      }
      return { pointer: error.instancePath, keyword: error.keyword, atKey: false, message: `Must have ${error.keyword === 'minProperties' ? 'at least' : 'at most'} ${String(params.limit)} properties.` };
    default:
      return { pointer: error.instancePath, keyword: error.keyword, atKey: false, message: `${error.message ?? 'is invalid'}.` };
  }
}
