import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type { Node, ParseError } from 'jsonc-parser';
import { parsePointer, toPointer } from '../diagnostics/pointer.js';
import type { Position, Span, SourceText } from '../model/source.js';

export type { Position, Span };

// jsonc-parser places diagnostics and explains syntax errors: only a file with a problem needs it,
// so it is loaded then (it is CommonJS: required, synchronously).
const require = createRequire(import.meta.url);
let jsonc: typeof import('jsonc-parser') | undefined;
function jsoncParser(): typeof import('jsonc-parser') {
  jsonc ??= require('jsonc-parser') as typeof import('jsonc-parser');
  return jsonc;
}

/** A problem found while decoding or parsing raw bytes, located by offset. */
export interface SourceProblem {
  ruleId: 'json/syntax' | 'json/duplicate-key' | 'json/forbidden-key' | 'json/encoding' | 'json/bom' | 'json/too-deep' | 'json/too-many-values';
  severity: 'error' | 'warning';
  message: string;
  offset: number;
  length: number;
  pointer: string;
  related?: { offset: number; message: string };
}

/** Keys that could reach an object's prototype when a parsed value is copied with assignment. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any legitimate spec; bounds the recursion of every later walk. */
export const MAX_DEPTH = 64;

/** More values than any legitimate file holds (a rich spec has about a thousand); bounds validation time. */
export const MAX_VALUES = 50_000;

/**
 * The text of one JSON file, with positions computed lazily: the fast path is a plain JSON.parse,
 * and the positional parse (jsonc-parser) runs only when a diagnostic needs a line and column.
 */
export class JsonSource implements SourceText {
  private textValue: string | undefined;
  private lineStarts: number[] | undefined;
  private tree: Node | undefined | null;

  /**
   * `reload` reads the text again after `release()`: a national catalogue holds 200,000 files, and
   * their texts (UTF-16 in memory, twice their size on disk) are needed only to place diagnostics.
   */
  constructor(
    text: string | undefined,
    private readonly reload?: () => string,
  ) {
    if (text === undefined && !reload) throw new Error('a JsonSource needs its text or a way to read it');
    this.textValue = text;
  }

  get text(): string {
    this.textValue ??= this.reload!();
    return this.textValue;
  }

  /** Drops the text and what was computed from it, when it can be read again. */
  release(): void {
    if (!this.reload) return;
    this.textValue = undefined;
    this.lineStarts = undefined;
    this.tree = undefined;
  }

  positionAt(offset: number): Position {
    const starts = (this.lineStarts ??= computeLineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  private getTree(): Node | undefined {
    if (this.tree === undefined) {
      try {
        this.tree = jsoncParser().parseTree(this.text, [], { disallowComments: true, allowTrailingComma: false }) ?? null;
      } catch {
        // parseTree recurses; a pathologically deep document must not crash the reporter.
        this.tree = null;
      }
    }
    return this.tree ?? undefined;
  }

  /**
   * The span of the value at a JSON pointer. When the pointer names a key (keyOnly) the key's span
   * is returned instead. A pointer that does not exist falls back to its deepest existing ancestor.
   */
  spanOf(pointer: string, keyOnly = false): Span {
    const root = this.getTree();
    if (!root) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    let tokens: string[];
    try {
      tokens = parsePointer(pointer);
    } catch {
      tokens = [];
    }
    const path: (string | number)[] = [];
    let node: Node | undefined = root;
    for (const token of tokens) {
      const next = childNode(node, token);
      if (!next) break;
      node = next;
      path.push(token);
    }
    const located: Node = node ?? root;
    let target: Node = located;
    if (keyOnly && path.length === tokens.length && located.parent?.type === 'property') {
      target = located.parent.children?.[0] ?? located;
    }
    return { start: this.positionAt(target.offset), end: this.positionAt(target.offset + target.length) };
  }
}

function childNode(node: Node | undefined, token: string): Node | undefined {
  if (!node) return undefined;
  if (node.type === 'array') {
    if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
    return jsoncParser().findNodeAtLocation(node, [Number(token)]);
  }
  if (node.type === 'object') {
    // findNodeAtLocation returns the value of the *last* duplicate key; ours is the first.
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      if (key && key.value === token) return property.children?.[1];
    }
  }
  return undefined;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export type DecodeResult = { ok: true; text: string; problems: SourceProblem[] } | { ok: false; problems: SourceProblem[]; text: string };

/** Decodes UTF-8 bytes strictly. A UTF-8 BOM is dropped with a warning; anything else invalid is an error. */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  const problems: SourceProblem[] = [];
  let start = 0;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return {
      ok: false,
      text: '',
      problems: [
        { ruleId: 'json/encoding', severity: 'error', message: 'File is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8.', offset: 0, length: 0, pointer: '' },
      ],
    };
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    start = 3;
    problems.push({ ruleId: 'json/bom', severity: 'warning', message: 'File starts with a UTF-8 byte-order mark; it was ignored. Save the file as UTF-8 without BOM.', offset: 0, length: 0, pointer: '' });
  }
  const body = bytes.subarray(start);
  if (isUtf8(body)) return { ok: true, text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), problems };
  const bad = firstInvalidUtf8(body);
  const prefix = Buffer.from(body.buffer, body.byteOffset, bad).toString('utf8');
  const byte = body[bad]!.toString(16).toUpperCase().padStart(2, '0');
  problems.push({
    ruleId: 'json/encoding',
    severity: 'error',
    message: `File is not valid UTF-8: byte 0x${byte} at byte offset ${bad + start} does not start or continue a UTF-8 character. Save the file as UTF-8.`,
    offset: prefix.length,
    length: 0,
    pointer: '',
  });
  return { ok: false, text: prefix, problems };
}

/** Byte offset of the first invalid UTF-8 sequence (the input is known to be invalid). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need = 0;
    let min = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}

export type ParseResult = { ok: true; value: unknown; problems: SourceProblem[] } | { ok: false; problems: SourceProblem[] };

/**
 * Parses strict JSON (RFC 8259): no comments, no trailing commas. Beyond JSON.parse it rejects
 * duplicate keys (JSON.parse silently keeps the last one) and keys that could pollute prototypes.
 */
export function parseStrictJson(source: JsonSource, maxValues = MAX_VALUES, pool?: Map<string, string>): ParseResult {
  const text = source.text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(text, error)] };
  }
  const problems: SourceProblem[] = [];
  const shape = measure(value, pool);
  if (shape.values > maxValues) {
    return {
      ok: false,
      problems: [{ ruleId: 'json/too-many-values', severity: 'error', message: `The file holds ${shape.values} values, more than the ${maxValues} a file of this kind needs; it was not checked further.`, offset: 0, length: 0, pointer: '' }],
    };
  }
  if (shape.depth > MAX_DEPTH) {
    return { ok: false, problems: [{ ruleId: 'json/too-deep', severity: 'error', message: `Nesting is more than ${MAX_DEPTH} levels deep; no spec needs more.`, offset: 0, length: 0, pointer: '' }] };
  }
  // An escaped key ("\u005f_proto__") decodes to a forbidden one, so escapes force the walk.
  if (text.includes('__proto__') || text.includes('constructor') || text.includes('prototype') || text.includes('\\u')) {
    findForbiddenKeys(value, [], problems, text);
  }
  if (keyTokenCount(text) !== shape.keys) problems.push(...duplicateKeyProblems(text));
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  return { ok: true, value, problems };
}

function syntaxProblem(text: string, error: unknown): SourceProblem {
  const errors: ParseError[] = [];
  try {
    jsoncParser().parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch {
    // deep nesting overflows the lenient parser's recursion; fall through to V8's message.
  }
  const first = errors[0];
  if (first) {
    return {
      ruleId: 'json/syntax',
      severity: 'error',
      message: `Invalid JSON: ${describeParseError(jsoncParser().printParseErrorCode(first.error), text, first.offset)}.`,
      offset: first.offset,
      length: first.length,
      pointer: '',
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  const offset = at ? Math.min(Number(at[1]), text.length) : 0;
  if (text.trim() === '') return { ruleId: 'json/syntax', severity: 'error', message: 'Invalid JSON: the file is empty.', offset: 0, length: 0, pointer: '' };
  return { ruleId: 'json/syntax', severity: 'error', message: `Invalid JSON: ${message.replace(/\s*\n[\s\S]*$/, '')}.`, offset, length: 0, pointer: '' };
}

function describeParseError(code: string, text: string, offset: number): string {
  const found = offset < text.length ? JSON.stringify(text.slice(offset, offset + 1)) : 'end of file';
  switch (code) {
    case 'InvalidSymbol':
      return `unexpected ${found}`;
    case 'InvalidNumberFormat':
      return 'malformed number';
    case 'PropertyNameExpected':
      return `expected a property name in double quotes, found ${found}` + (text[offset] === '}' ? ' (trailing comma?)' : '');
    case 'ValueExpected':
      return `expected a value, found ${found}` + (text[offset] === ']' || text[offset] === '}' ? ' (trailing comma?)' : '');
    case 'ColonExpected':
      return `expected ':' after the property name, found ${found}`;
    case 'CommaExpected':
      return `expected ',' between values, found ${found}`;
    case 'CloseBraceExpected':
      return `expected '}' to close the object, found ${found}`;
    case 'CloseBracketExpected':
      return `expected ']' to close the array, found ${found}`;
    case 'EndOfFileExpected':
      return `unexpected ${found} after the end of the document`;
    case 'InvalidCommentToken':
      return 'comments are not allowed in JSON';
    case 'UnexpectedEndOfComment':
      return 'unterminated comment (comments are not allowed in JSON)';
    case 'UnexpectedEndOfString':
      return 'unterminated string';
    case 'UnexpectedEndOfNumber':
      return 'unterminated number';
    case 'InvalidUnicode':
      return 'invalid \\u escape';
    case 'InvalidEscapeCharacter':
      return 'invalid escape sequence in a string';
    case 'InvalidCharacter':
      return 'control character in a string (escape it, e.g. \\n)';
    default:
      return code;
  }
}

/**
 * Counts object keys in raw JSON text: string tokens followed (after whitespace) by a colon. Compared
 * with the number of keys JSON.parse produced, it reveals duplicate keys cheaply; only then does the
 * slower positional walk run to find them.
 */
function keyTokenCount(text: string): number {
  // indexOf jumps from quote to quote; the text is valid JSON (JSON.parse accepted it), so a quote
  // preceded by an odd run of backslashes is escaped and every other one opens or closes a string.
  let count = 0;
  let open = text.indexOf('"');
  while (open !== -1) {
    let close = text.indexOf('"', open + 1);
    for (;;) {
      if (close === -1) return count;
      let k = close - 1;
      while (text.charCodeAt(k) === 92) k--;
      if ((close - 1 - k) % 2 === 0) break;
      close = text.indexOf('"', close + 1);
    }
    let j = close + 1;
    for (;;) {
      const w = text.charCodeAt(j);
      if (w === 32 || w === 10 || w === 13 || w === 9) j++;
      else break;
    }
    if (text.charCodeAt(j) === 58) count++;
    open = text.indexOf('"', j);
  }
  return count;
}

/**
 * One walk for the three things the strict parse checks: keys, values and depth (capped at
 * MAX_DEPTH + 1). With a pool, it also interns the strings (see internStrings) on the way.
 */
function measure(root: unknown, pool?: Map<string, string>): { keys: number; values: number; depth: number } {
  let keys = 0;
  let values = 0;
  let depth = 0;
  const walk = (value: unknown, level: number): void => {
    values++;
    if (value === null || typeof value !== 'object') return;
    if (level + 1 > depth) depth = level + 1;
    if (level > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (typeof item === 'string') {
          values++;
          if (pool) value[i] = internOne(item, pool);
        } else walk(item, level + 1);
      }
      return;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      keys++;
      const item = record[key];
      if (typeof item === 'string') {
        values++;
        if (pool) record[key] = internOne(item, pool);
      } else walk(item, level + 1);
    }
  };
  walk(root, 0);
  return { keys, values, depth };
}

function duplicateKeyProblems(text: string): SourceProblem[] {
  const problems: SourceProblem[] = [];
  const frames: Map<string, number>[] = [];
  try {
    jsoncParser().visit(
      text,
      {
        onObjectBegin: () => {
          frames.push(new Map());
        },
        onObjectProperty: (property, offset, length, _line, _column, pathSupplier) => {
          const keys = frames[frames.length - 1];
          if (!keys) return;
          const first = keys.get(property);
          if (first === undefined) {
            keys.set(property, offset);
            return;
          }
          problems.push({
            ruleId: 'json/duplicate-key',
            severity: 'error',
            message: `Duplicate key "${property}": JSON keeps only one of them, so the other would be silently lost.`,
            offset,
            length,
            pointer: toPointer([...pathSupplier(), property]),
            related: { offset: first, message: `"${property}" is first defined here` },
          });
        },
        onObjectEnd: () => {
          frames.pop();
        },
      },
      { disallowComments: true },
    );
  } catch {
    // Too deep to walk: the depth check reports it.
  }
  return problems;
}

function findForbiddenKeys(value: unknown, path: (string | number)[], problems: SourceProblem[], text: string): void {
  if (value === null || typeof value !== 'object' || path.length > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => findForbiddenKeys(item, [...path, i], problems, text));
    return;
  }
  for (const key of Object.keys(value)) {
    const here = [...path, key];
    if (FORBIDDEN_KEYS.has(key)) {
      problems.push({
        ruleId: 'json/forbidden-key',
        severity: 'error',
        message: `The key "${key}" is not allowed anywhere in a catalogue file: it could alter object prototypes.`,
        offset: -1,
        length: 0,
        pointer: toPointer(here),
      });
    }
    findForbiddenKeys((value as Record<string, unknown>)[key], here, problems, text);
  }
}

/** Pointers of every string value or key whose text is not NFC, for the text-nfc rule. */
export function nonNfcPointers(value: unknown, path: (string | number)[] = [], out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.normalize('NFC') !== value) out.push(toPointer(path));
    return out;
  }
  if (value === null || typeof value !== 'object' || path.length > MAX_DEPTH) return out;
  if (Array.isArray(value)) {
    value.forEach((item, i) => nonNfcPointers(item, [...path, i], out));
    return out;
  }
  for (const key of Object.keys(value)) {
    if (key.normalize('NFC') !== key) out.push(toPointer([...path, key]));
    nonNfcPointers((value as Record<string, unknown>)[key], [...path, key], out);
  }
  return out;
}

/** Returns a deep copy with every string and key NFC-normalised. Objects are created without a prototype chain risk. */
export function normalizeNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => normalizeNfc(v)) as T;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key.normalize('NFC'), {
      value: normalizeNfc((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out as T;
}

/** Interns the strings of a parsed value in place (see internOne), as the strict parse does; nesting beyond MAX_DEPTH is left alone. */
export function internAll<T>(value: T, pool: Map<string, string>, level = 0): T {
  if (value === null || typeof value !== 'object' || level > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') value[i] = internOne(item, pool);
      else internAll(item, pool, level + 1);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === 'string') record[key] = internOne(item, pool);
    else internAll(item, pool, level + 1);
  }
  return value;
}

/** Strings longer than this are rarely repeated word for word; interning them would only cost time. */
const INTERN_MAX_LENGTH = 256;

/**
 * The first string equal to `text` seen through `pool`. A national catalogue repeats most of its
 * text (the same document names, steps and agencies in 34 provinces' copies of a procedure);
 * JSON.parse makes a new string each time, and sharing them halves the memory a loaded catalogue
 * takes. The strict parse interns the strings of procedure versions as it walks them.
 */
function internOne(text: string, pool: Map<string, string>): string {
  if (text.length > INTERN_MAX_LENGTH) return text;
  const known = pool.get(text);
  if (known !== undefined) return known;
  pool.set(text, text);
  return text;
}
