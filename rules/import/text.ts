/**
 * Text clean-up shared by every import format: Unicode NFC, ordinary spaces, and the ways the
 * sources write "no data".
 */
import { foldVietnamese } from '../text/vi/words.js';

/**
 * NFC, U+00A0 and other odd spaces as plain spaces, CRLF as LF, no trailing spaces on a line.
 * About 20% of the published files carry decomposed marks, sometimes mixed (â + U+0323).
 */
export function cleanText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\u200b\ufeff]/g, (c) => (c === '\u200b' || c === '\ufeff' ? '' : ' '))
    .split('\n')
    .map(trimSpacesEnd)
    .join('\n')
    .trim();
}

/**
 * A line without its trailing spaces and tabs, scanned from the end: /[ \t]+\n/g retried from every
 * space of a long run that no newline ends, so a 100,000-space cell took minutes (issue 16, point 10).
 */
function trimSpacesEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/** Collapses every run of whitespace to one space: for comparing and for one-line values. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const STARTS_AS_DATA = /^\s*[0-9a-jl-zA-JL-Z]/;
const NO_DATA = new Set(['khong co thong tin', 'khong co', '--', '-', '']);

/** True for the ways the sources say "no data": empty, `Không có thông tin`, a lone dash. */
export function isNoData(text: string | undefined | null): boolean {
  if (text === undefined || text === null) return true;
  // Every "no data" wording is a few characters long: a longer text is data, without folding it (whole pages pass here).
  if (text.length > 256 && text.trim().length > 256) return false;
  // Every wording folds to one starting with k or -, or to nothing: a text that starts with another
  // ASCII letter or a digit folds to one that starts with it, so it is data (most values, unfolded).
  if (STARTS_AS_DATA.test(text)) return false;
  return NO_DATA.has(foldVietnamese(oneLine(text)).replace(/[.:]+$/, ''));
}

/** The cleaned text, or undefined when the source says there is none. */
export function valueOf(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const text = cleanText(raw);
  return isNoData(text) ? undefined : text;
}

/** `Không quy định` (not regulated): the law sets nothing, which is a statement, not missing data. */
export function isNotRegulated(text: string): boolean {
  return /^khong quy dinh\b/.test(foldVietnamese(oneLine(text)));
}

/** Strips list bullets and closing separators that the sources leave at the ends of items. */
export function trimItem(text: string): string {
  return text
    .trim()
    .replace(/^(?:[-–+*•]\s*)+/, '')
    .replace(/[;,]\s*$/, '')
    .trim();
}

/**
 * An id made from text: folded, lower-case, hyphenated, at most 64 characters. Long names keep their
 * first words and a short hash, so different long names never share an id.
 */
export function slugId(text: string, maxLength = 64): string {
  const slug = foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug || 'x';
  const hash = shortHash(slug);
  return `${slug.slice(0, maxLength - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}

/** FNV-1a, 32 bits, as 7 base-36 characters: deterministic and dependency-free. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}

/** Splits a comma list, but never inside parentheses: `Tổ chức (không bao gồm doanh nghiệp, HTX)`. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    if (c === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}
