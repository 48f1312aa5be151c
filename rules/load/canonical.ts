import * as crypto from 'node:crypto';

/** Characters JSON.stringify escapes in a string; text without them is quoted as it is. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : '"' + text + '"';
}

/**
 * JSON with object keys sorted at every level: the same data always gives the same text. (A value
 * that JSON cannot hold, such as undefined, is written as null, in arrays and objects alike.)
 * Written with one string per level rather than arrays joined: every published version is hashed
 * through it on every validation.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return out + ']';
  }
  const keys = Object.keys(value).sort();
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    out += (i > 0 ? ',' : '') + quote(key) + ':' + canonicalJson((value as Record<string, unknown>)[key]);
  }
  return out + '}';
}

// crypto.hash (Node 20.12 and later) hashes in one call, without a Hash object: twice as fast for
// the short texts most hashes here are of (a procedure's parts, a unit's inputs). Same digest.
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash;

export function sha256Hex(text: string | Uint8Array): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}

/**
 * The hash recorded in the lock file: of the canonical, NFC-normalised content, so re-indenting or
 * reordering keys is not a change, while any change to a value is.
 */
export function contentHash(data: unknown): string {
  return sha256Hex(canonicalJson(data));
}
