/**
 * The one structural diff of JSON values in the project, as JSON Pointer operations (RFC 6901,
 * RFC 6902). Used for the portal API's version diffs (generators/api), for what an import would
 * change in a procedure already in the catalogue (rules/import), and, through `sameJson`, for the
 * item comparisons of the version diff (rules/compute/diff).
 */
import { canonicalJson } from '../../load/canonical.js';
import { escapeToken, parsePointer } from '../../diagnostics/pointer.js';

/** One change between two values: add and update carry the new value, remove and update the old one. */
export type Operation =
  | { op: 'add'; path: string; to: unknown }
  | { op: 'remove'; path: string; from: unknown }
  | { op: 'update'; path: string; from: unknown; to: unknown };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Deep equality of JSON values, key order ignored; no serialising, so the recursive diff stays
 * linear. Absent values (undefined) count as null, as in the JSON they stand for.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The identity of an array item: its id when it has one (documents, steps, fees), else its content. */
function identity(item: unknown): string {
  if (isObject(item) && typeof item.id === 'string') return `id:${item.id}`;
  return `json:${canonicalJson(item)}`;
}

/**
 * The operations that turn `from` into `to`, in order. Applied one after another with JSON Pointer
 * semantics (RFC 6901; add inserts into arrays, as in RFC 6902), they give exactly `to`. Objects
 * are compared key by key. Array items are matched by id (else by content), so removing the second
 * of five documents is one remove, not four updates; an item whose id is kept but whose content
 * changed is updated in place. When kept items change order, the whole array is one update.
 */
export function diffJson(from: unknown, to: unknown, path = ''): Operation[] {
  if (sameJson(from, to)) return [];
  if (isObject(from) && isObject(to)) {
    const ops: Operation[] = [];
    for (const key of Object.keys(from).sort()) {
      if (!(key in to)) ops.push({ op: 'remove', path: `${path}/${escapeToken(key)}`, from: from[key] });
    }
    for (const key of Object.keys(to).sort()) {
      const p = `${path}/${escapeToken(key)}`;
      if (!(key in from)) ops.push({ op: 'add', path: p, to: to[key] });
      else ops.push(...diffJson(from[key], to[key], p));
    }
    return ops;
  }
  if (Array.isArray(from) && Array.isArray(to)) return diffArrays(from, to, path);
  return [{ op: 'update', path, from, to }];
}

function diffArrays(from: unknown[], to: unknown[], path: string): Operation[] {
  const fromIds = from.map(identity);
  const toIds = to.map(identity);
  const wanted = new Set(toIds);
  // Items kept by identity must keep their relative order for item-wise operations.
  const kept = fromIds.filter((id) => wanted.has(id));
  const keptSet = new Set(kept);
  const keptInTo = toIds.filter((id) => keptSet.has(id));
  const unique = new Set(fromIds).size === fromIds.length && new Set(toIds).size === toIds.length;
  if (!unique || kept.join('\n') !== keptInTo.join('\n')) return [{ op: 'update', path, from, to }];

  // Items without ids that changed content look removed and added at the same place: pair them as updates.
  const ops: Operation[] = [];
  for (let i = from.length - 1; i >= 0; i--) {
    if (!wanted.has(fromIds[i]!)) ops.push({ op: 'remove', path: `${path}/${i}`, from: from[i] });
  }
  const working = from.filter((_, i) => wanted.has(fromIds[i]!));
  for (let i = 0; i < to.length; i++) {
    if (keptSet.has(toIds[i]!)) ops.push(...diffJson(working[i], to[i], `${path}/${i}`));
    else {
      ops.push({ op: 'add', path: `${path}/${i}`, to: to[i] });
      working.splice(i, 0, to[i]);
    }
  }
  return pairReplacements(ops, path);
}

/**
 * A single remove at /p/i that an add at the same /p/i refills is one slot with new content (an
 * item without an id that was reworded): it is reported as one update. Merged only when no other
 * add at this array level comes in between, so applying the operations in order gives the same.
 */
function pairReplacements(ops: Operation[], arrayPath: string): Operation[] {
  const atLevel = (o: Operation) => o.path.startsWith(`${arrayPath}/`) && !o.path.slice(arrayPath.length + 1).includes('/');
  const removes = ops.filter((o) => o.op === 'remove' && atLevel(o));
  if (removes.length !== 1) return ops;
  const removed = removes[0] as Extract<Operation, { op: 'remove' }>;
  const rest = ops.filter((o) => o !== removed);
  const at = rest.findIndex((o) => o.op === 'add' && atLevel(o));
  if (at < 0 || rest[at]!.path !== removed.path) return ops;
  const added = rest[at] as Extract<Operation, { op: 'add' }>;
  return [...rest.slice(0, at), { op: 'update', path: added.path, from: removed.from, to: added.to }, ...rest.slice(at + 1)];
}

/** Applies operations to a copy of a value: the inverse check of `diffJson`, used by tests and by portals that patch. */
export function applyOperations(value: unknown, ops: readonly Operation[]): unknown {
  let root = structuredClone(value) as Json;
  for (const op of ops) {
    const tokens = parsePointer(op.path);
    if (tokens.length === 0) {
      if (op.op === 'remove') throw new Error('cannot remove the root');
      root = structuredClone(op.to) as Json;
      continue;
    }
    let parent: Json = root;
    for (const t of tokens.slice(0, -1)) parent = (Array.isArray(parent) ? parent[Number(t)] : (parent as Record<string, Json>)[t]) as Json;
    const last = tokens[tokens.length - 1]!;
    if (Array.isArray(parent)) {
      const i = Number(last);
      if (op.op === 'add') parent.splice(i, 0, structuredClone(op.to) as Json);
      else if (op.op === 'remove') parent.splice(i, 1);
      else parent[i] = structuredClone(op.to) as Json;
    } else {
      const obj = parent as Record<string, Json>;
      if (op.op === 'remove') delete obj[last];
      else obj[last] = structuredClone(op.to) as Json;
    }
  }
  return root;
}

function short(v: unknown): string {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}

/** One operation on one line, for reports: "+ /fees/1: {…}", "- /steps/0: …", "~ /timeLimit/value: 35 → 30". */
export function formatOperation(o: Operation): string {
  const path = o.path || '/';
  if (o.op === 'add') return `+ ${path}: ${short(o.to)}`;
  if (o.op === 'remove') return `- ${path}: ${short(o.from)}`;
  return `~ ${path}: ${short(o.from)} → ${short(o.to)}`;
}
