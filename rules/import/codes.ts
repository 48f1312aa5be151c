/**
 * Procedure codes as the sources write them, typos included. A code is a digit, a dot and six
 * digits, optionally with local suffixes (domain.md §2). Official annexes contain `1,010817`
 * (comma for dot) and `1.01417` (a lost trailing zero).
 */

export const CODE_PATTERN = /^[0-9]\.[0-9]{6}(?:\.[0-9A-Z]{2,6}){0,6}$/;

export interface NormalisedCode {
  code: string | undefined;
  /** What was repaired, for the warning; absent when the code was already well formed. */
  repair?: string;
}

export function normaliseCode(raw: string): NormalisedCode {
  const text = raw.normalize('NFC').replace(/\s+/g, '').toUpperCase();
  if (CODE_PATTERN.test(text)) return { code: text };
  let fixed = text;
  const repairs: string[] = [];
  if (/^[0-9],[0-9]/.test(fixed)) {
    fixed = fixed.replace(',', '.');
    repairs.push('comma instead of the dot');
  }
  const m = /^([0-9])\.([0-9]{1,6})((?:\.[0-9A-Z]{2,6}){0,6})$/.exec(fixed);
  if (m && m[2]!.length === 5) {
    // Five digits: the annexes drop a trailing zero (1.01417 for 1.014170), never a leading one.
    fixed = `${m[1]}.${m[2]}0${m[3]}`;
    repairs.push(`a lost trailing zero (${m[1]}.${m[2]} → ${m[1]}.${m[2]}0)`);
  }
  if (CODE_PATTERN.test(fixed) && repairs.length > 0) return { code: fixed, repair: `${raw.trim()} → ${fixed}: ${repairs.join(', ')}` };
  return { code: undefined };
}
