/**
 * The hostile-input harness: generates mutated specs (objects and raw bytes) from the example
 * catalogue with fast-check, feeds each through the loader's own parse path and every lint rule,
 * and checks that nothing throws, hangs or leaks, and that rejections point at the right place.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Diagnostic } from '../../rules/diagnostics/diagnostic.js';
import { parseCatalogueFile } from '../../rules/load/parse-file.js';
import { type Catalogue, type LoadedVersion } from '../../rules/model/catalogue.js';
import { catalogueFromObjects } from '../../rules/load/in-memory.js';
import { lintCatalogue } from '../../rules/lint/engine.js';
import { ALL_RULES } from '../../rules/lint/index.js';
import { baseRegistry, baseVersion } from '../../rules/lint/fixture.js';
import type { ProcedureVersion } from '../../rules/schema/types/procedure-version.generated.js';
import type { Registry } from '../../rules/schema/types/registry.generated.js';
import { getValidator } from '../../rules/schema/validators.js';

export const REPO = path.resolve(import.meta.dirname, '../..');

export interface Seed {
  rel: string;
  data: ProcedureVersion;
}

/** The seeds: every version of the bundled catalogue (or the rule fixture when there is none yet). */
export function loadSeeds(): { seeds: Seed[]; registry: Registry } {
  getValidator('procedure-version'); // compile once, outside any timed case
  const root = path.join(REPO, 'catalogue');
  const seeds: Seed[] = [];
  const walk = (dir: string) => {
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const abs = path.join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (name.endsWith('.json')) seeds.push({ rel: path.relative(root, abs).split(path.sep).join('/'), data: JSON.parse(readFileSync(abs, 'utf8')) });
    }
  };
  walk(path.join(root, 'procedures'));
  if (seeds.length === 0) return { seeds: [{ rel: 'procedures/1.001193/v1.json', data: baseVersion() }], registry: baseRegistry() };
  const registry: Registry = {};
  const registryDir = path.join(root, 'registry');
  for (const name of readdirSync(registryDir).sort()) {
    const part = JSON.parse(readFileSync(path.join(registryDir, name), 'utf8')) as Record<string, unknown[]>;
    for (const [key, list] of Object.entries(part)) {
      if (key === '$schema') continue;
      const target = registry as Record<string, unknown[]>;
      target[key] = [...(target[key] ?? []), ...list];
    }
  }
  return { seeds, registry };
}

export interface HostileCase {
  kind: string;
  seed: string;
  /** Pointer of the mutation, where it has one: a rejection must point at, inside or above it. */
  pointer?: string;
  bytes: Uint8Array;
  /** A second file that completes the case (for cycles and duplicates across files). */
  companion?: { rel: string; data: unknown };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object') for (const k of Object.keys(value)) paths(value[k]!, [...prefix, k], out);
  return out;
}

function pointerOf(path: (string | number)[]): string {
  return path.map((t) => '/' + String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function getAt(value: Json, path: (string | number)[]): Json {
  let v: Json = value;
  for (const t of path) v = (v as Record<string, Json>)[t as string]!;
  return v;
}

function setAt(root: Json, path: (string | number)[], next: Json | undefined): Json {
  if (path.length === 0) return next ?? null;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let parent: Record<string | number, Json> = copy;
  for (const t of path.slice(0, -1)) parent = parent[t] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (Array.isArray(parent)) parent[Number(last)] = next;
  else Object.defineProperty(parent, last, { value: next, enumerable: true, writable: true, configurable: true });
  return copy as Json;
}

const encoder = new TextEncoder();
const text = (value: unknown, indent = 2) => encoder.encode(JSON.stringify(value, null, indent) + '\n');

const WEIRD_STRINGS = [
  'Đăng ký khai sinh'.normalize('NFD'),
  'Đăng\u0301 ký', // a stray combining mark
  'khai\u200bsinh\u200d', // zero-width space and joiner
  '\u202eniskiahk\u202c', // right-to-left override
  '\u2066ẩn\u2069',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '=HYPERLINK("http://evil")',
  '../../etc/passwd',
  '/etc/passwd',
  '\u0000\u0007\u001b[31m',
  '\ud800', // a lone surrogate
  '',
  ' ',
  '💥'.repeat(10),
];

/** Value mutations of a parsed spec, each tagged with the pointer it touches. */
function valueMutation(seed: Seed): fc.Arbitrary<HostileCase> {
  const root = seed.data as unknown as Json;
  const all = paths(root);
  const leaves = all.filter((p) => p.length > 0);
  const containers = all.filter((p) => {
    const v = getAt(root, p);
    return v !== null && typeof v === 'object';
  });
  const arrays = all.filter((p) => Array.isArray(getAt(root, p)));
  const strings = all.filter((p) => typeof getAt(root, p) === 'string');
  const numbers = all.filter((p) => typeof getAt(root, p) === 'number');
  const make = (kind: string, p: (string | number)[], next: Json | undefined): HostileCase => ({ kind, seed: seed.rel, pointer: pointerOf(p), bytes: text(setAt(root, p, next)) });
  const other: fc.Arbitrary<Json> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 20 }),
    fc.constant([]),
    fc.constant({}),
    fc.array(fc.integer(), { maxLength: 3 }),
  );
  const pick = (list: (string | number)[][]) => fc.constantFrom(...list);
  const choices: fc.Arbitrary<HostileCase>[] = [
    fc.tuple(pick(leaves), other).map(([p, v]) => make('wrong-type', p, v)),
    pick(leaves).map((p) => make('missing-field', p, undefined)),
    fc
      .tuple(pick(containers), fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'legalbasis', 'khai\u200bsinh', 'Đ'.normalize('NFD')), fc.string({ maxLength: 12 })), other)
      .map(([p, key, v]) => {
        const container = getAt(root, p);
        const q = Array.isArray(container) ? [...p, container.length] : [...p, key];
        return make(Array.isArray(container) ? 'extra-item' : 'extra-field', q, v);
      }),
    fc.tuple(pick(leaves), fc.constantFrom('2025-02-30', '2025-13-01', '20250101', '2025-2-3', '0000-00-00', '2025-02-29T00:00')).map(([p, d]) => make('bad-date', p, d)),
    fc.tuple(pick(leaves), fc.integer({ min: 70, max: 400 })).map(([p, depth]) => {
      let v: Json = getAt(root, p);
      for (let i = 0; i < depth; i++) v = [v];
      return make('deep-nesting', p, v);
    }),
  ];
  if (strings.length > 0) {
    choices.push(
      fc.tuple(pick(strings), fc.constantFrom(...WEIRD_STRINGS)).map(([p, s]) => make('unicode', p, s)),
      fc.tuple(pick(strings), fc.integer({ min: 20_000, max: 120_000 })).map(([p, n]) => make('long-string', p, 'Đ'.repeat(n))),
    );
  }
  if (numbers.length > 0) {
    choices.push(
      pick(numbers).map((p) => make('number-as-string', p, String(getAt(root, p)))),
      fc.tuple(pick(numbers), fc.constantFrom(-1, -1000000, 1.5, 1e308, -0, 2 ** 53 + 1)).map(([p, n]) => make('bad-number', p, n)),
    );
  }
  if (arrays.length > 0) {
    choices.push(
      fc.tuple(fc.constantFrom(...arrays), fc.integer({ min: 300, max: 3000 })).map(([p, n]) => {
        const arr = getAt(root, p) as Json[];
        const item = arr[0] ?? 'x';
        return make('huge-array', p, Array.from({ length: n }, () => item));
      }),
    );
    const withIds = arrays.filter((p) => {
      const a = getAt(root, p) as Json[];
      return a.length > 0 && typeof a[0] === 'object' && a[0] !== null && 'id' in (a[0] as object);
    });
    if (withIds.length > 0) {
      choices.push(
        fc.constantFrom(...withIds).map((p) => {
          const arr = getAt(root, p) as Json[];
          return make('duplicate-id', [...p, arr.length], structuredClone(arr[0]!));
        }),
      );
    }
  }
  return fc.oneof(...choices);
}

/** Raw-byte mutations of the serialised spec. */
function byteMutation(seed: Seed): fc.Arbitrary<HostileCase> {
  const pretty = JSON.stringify(seed.data, null, 2) + '\n';
  const bytes = encoder.encode(pretty);
  const make = (kind: string, b: Uint8Array): HostileCase => ({ kind, seed: seed.rel, bytes: b });
  const splice = (at: number, insert: Uint8Array, remove = 0) => {
    const out = new Uint8Array(bytes.length - remove + insert.length);
    out.set(bytes.subarray(0, at), 0);
    out.set(insert, at);
    out.set(bytes.subarray(at + remove), at + insert.length);
    return out;
  };
  return fc.oneof(
    fc.integer({ min: 0, max: bytes.length - 1 }).map((n) => make('truncated', bytes.subarray(0, n))),
    fc.tuple(fc.integer({ min: 0, max: bytes.length }), fc.constantFrom([0xff], [0xc0, 0x80], [0xe1, 0xba], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0x80])).map(([at, b]) =>
      make('invalid-utf8', splice(at, Uint8Array.from(b))),
    ),
    fc.constant(make('bom', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))),
    fc.constant(make('crlf', encoder.encode(pretty.replace(/\n/g, '\r\n')))),
    fc.integer({ min: 1, max: pretty.length - 1 }).map((at) => {
      const nl = pretty.indexOf('\n', at);
      const pos = nl < 0 ? pretty.length : nl;
      return make('comment', encoder.encode(pretty.slice(0, pos) + ' // ghi chú' + pretty.slice(pos)));
    }),
    fc.constant(make('trailing-comma', encoder.encode(pretty.replace(/\n(\s*)([}\]])/, ',\n$1$2')))),
    fc.tuple(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, b]) => {
      const out = Uint8Array.from(bytes);
      out[at] = b;
      return make('byte-flip', out);
    }),
    fc.constant(make('duplicate-key', encoder.encode(pretty.replace('{\n', '{\n  "status": "draft",\n')))),
    fc.constant(make('utf16', Uint8Array.from([0xff, 0xfe, ...Buffer.from(pretty, 'utf16le')]))),
  );
}

/** Catalogue-level cases: two versions that supersede each other, and two files with one version id. */
function catalogueMutation(seed: Seed): fc.Arbitrary<HostileCase> {
  const v = seed.data;
  const a = { ...v, version: 'cycle-a', status: 'draft', supersedes: 'cycle-b' };
  const b = { ...v, version: 'cycle-b', status: 'draft', supersedes: 'cycle-a' };
  return fc.constantFrom<HostileCase>(
    { kind: 'supersedes-cycle', seed: seed.rel, pointer: '/supersedes', bytes: text(a), companion: { rel: `procedures/${v.code}/cycle-b.json`, data: b } },
    { kind: 'duplicate-version', seed: seed.rel, pointer: '/version', bytes: text({ ...v }), companion: { rel: `procedures/${v.code}/${v.version}-copy.json`, data: { ...v } } },
  );
}

export function hostileCases(seeds: readonly Seed[]): fc.Arbitrary<HostileCase> {
  return fc.constantFrom(...seeds).chain((seed) => fc.oneof({ arbitrary: valueMutation(seed), weight: 6 }, { arbitrary: byteMutation(seed), weight: 3 }, { arbitrary: catalogueMutation(seed), weight: 1 }));
}

export interface CaseResult {
  accepted: boolean;
  diagnostics: Diagnostic[];
  ms: number;
  problems: string[];
}

const withoutSeed = new Map<string, Catalogue>();

/** The catalogue of every other seed (plus the case's companion file), built once per seed. */
function cataloguesWithout(c: HostileCase, seeds: readonly Seed[], registry: Registry): Catalogue {
  let base = withoutSeed.get(c.seed);
  if (!base) {
    base = catalogueFromObjects({ versions: seeds.filter((s) => s.rel !== c.seed).map((s) => s.data), registry }).catalogue;
    withoutSeed.set(c.seed, base);
  }
  if (!c.companion) return base;
  const extra = catalogueFromObjects({ versions: [c.companion.data as ProcedureVersion], registry: {} }).catalogue.versions;
  const byCode = new Map(base.byCode);
  for (const v of extra) byCode.set(v.data.code, [...(byCode.get(v.data.code) ?? []), v]);
  return { ...base, versions: [...base.versions, ...extra], byCode };
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/**
 * Rules that relate two places: a dangling reference is reported where the reference is made, a
 * shortened time limit where the steps or channels now exceed it, a lost `supersedes` or changed
 * date where versions, citations or levels now clash. Either place is the right one.
 */
const RELATIONAL_RULES = new Set([
  'references-resolve',
  'condition-facts',
  'legal-basis-resolves',
  'supersedes-valid',
  'proposal-baseline',
  'variant-within-baseline',
  'unique-ids',
  'step-time-within-limit',
  'channel-time-within-limit',
  'no-overlapping-versions',
  'legal-basis-in-force',
  'level-in-force',
  'repeal-valid',
]);

function related(a: string, b: string): boolean {
  return a === b || a.startsWith(b + '/') || b.startsWith(a + '/') || a === '' || b === '';
}

/**
 * Runs one case through the loader's parse path and every lint rule, against a catalogue of the
 * other seeds, and lists what went wrong (empty = the tool behaved).
 */
export function runCase(c: HostileCase, seeds: readonly Seed[], registry: Registry): CaseResult {
  // The surrounding catalogue is built (and cached) before the clock starts: only the case is timed.
  const catalogue = cataloguesWithout(c, seeds, registry);
  const started = performance.now();
  const problems: string[] = [];
  let diagnostics: Diagnostic[] = [];
  let accepted = false;
  try {
    const rel = c.seed;
    const parsed = parseCatalogueFile(c.bytes, 'version', { display: rel, rel, abs: `/memory/${rel}` });
    diagnostics = [...parsed.diagnostics];
    if (parsed.file && parsed.data !== undefined) {
      const mine: LoadedVersion = { file: parsed.file, data: parsed.data as ProcedureVersion };
      const withMine: Catalogue = { ...catalogue, versions: [...catalogue.versions, mine], byCode: new Map(catalogue.byCode) };
      withMine.byCode.set(mine.data.code, [...(withMine.byCode.get(mine.data.code) ?? []), mine]);
      diagnostics.push(...lintCatalogue(withMine, ALL_RULES).filter((d) => d.file === rel));
    }
    accepted = parsed.data !== undefined && !diagnostics.some((d) => d.severity === 'error');
    for (const d of diagnostics) {
      if (!(d.line >= 1 && d.column >= 1)) problems.push(`bad position ${d.line}:${d.column} for ${d.ruleId}`);
      if (!d.ruleId || !d.message) problems.push('diagnostic without rule id or message');
      if (d.pointer !== '' && !d.pointer.startsWith('/')) problems.push(`bad pointer ${d.pointer}`);
      if (/\n\s+at .+:\d+:\d+/.test(d.message)) problems.push('stack trace in a message');
      if (d.ruleId === 'lint/rule-failed') problems.push(`a rule crashed: ${d.message}`);
    }
    if (!accepted && c.pointer !== undefined && parsed.data !== undefined) {
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (!errors.some((d) => related(d.pointer, c.pointer!) || RELATIONAL_RULES.has(d.ruleId) || d.related?.some((r) => related(r.pointer, c.pointer!)))) {
        problems.push(`rejected at ${errors.map((d) => `${d.ruleId} ${d.pointer}`).join('; ')}, not at or around ${c.pointer}`);
      }
    }
  } catch (error) {
    problems.push(`threw: ${error instanceof Error ? error.stack : String(error)}`);
  }
  if (Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== PROTOTYPE_KEYS) problems.push('Object.prototype was polluted');
  return { accepted, diagnostics, ms: performance.now() - started, problems };
}
