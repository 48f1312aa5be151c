/**
 * A structural diff between two JSON values, as JSON pointers: what an import would change in a
 * procedure that is already in the catalogue.
 */

export interface Change {
  pointer: string;
  op: 'add' | 'remove' | 'replace';
  before?: unknown;
  after?: unknown;
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Changes from `before` to `after`; arrays are compared item by item, then by length. */
export function diffJson(before: unknown, after: unknown, pointer = ''): Change[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: Change[] = [];
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      if (i >= before.length) out.push({ pointer: `${pointer}/${i}`, op: 'add', after: after[i] });
      else if (i >= after.length) out.push({ pointer: `${pointer}/${i}`, op: 'remove', before: before[i] });
      else out.push(...diffJson(before[i], after[i], `${pointer}/${i}`));
    }
    return out;
  }
  if (isObject(before) && isObject(after)) {
    const out: Change[] = [];
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      const p = `${pointer}/${escape(key)}`;
      if (!(key in after)) out.push({ pointer: p, op: 'remove', before: before[key] });
      else if (!(key in before)) out.push({ pointer: p, op: 'add', after: after[key] });
      else out.push(...diffJson(before[key], after[key], p));
    }
    return out;
  }
  return [{ pointer: pointer || '/', op: 'replace', before, after }];
}

function short(v: unknown): string {
  const text = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? 'undefined';
  return text.length > 70 ? `${text.slice(0, 67)}…` : text;
}

export function formatChange(c: Change): string {
  if (c.op === 'add') return `+ ${c.pointer}: ${short(c.after)}`;
  if (c.op === 'remove') return `- ${c.pointer}: ${short(c.before)}`;
  return `~ ${c.pointer}: ${short(c.before)} → ${short(c.after)}`;
}
