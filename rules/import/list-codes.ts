/**
 * The codes of provincial lists and one-stop exports. A national code is `d.dddddd` (domain.md §2);
 * a province writes it with its own suffix (`1.003695.000.00.00.H36`, `1.012275.H36`), and copies
 * it with typos: a missing first dot (`1001193.000.00.00.H37`), stray spaces (`1.001193 .000…`), a
 * trailing dot. One-stop systems also keep their own internal codes (`CCCX_01`, `2020STTTT_XBI05`,
 * `2018.NCC.19`) which must never be read as national codes: a national code has one digit before
 * its first dot, and an internal code is anything else.
 */
import { foldVietnamese } from '../text/vi/words.js';
import { normaliseCode } from './codes.js';

export type ListCode =
  | {
      kind: 'national';
      /** The code as normalised, suffix included: 1.003695.000.00.00.H36. */
      code: string;
      /** The national baseline: 1.003695. */
      baseline: string;
      /** What follows the baseline, without its leading dot: 000.00.00.H36. */
      suffix?: string;
      /** The province code the suffix ends with (H36), when it does. */
      province?: string;
      /** Each repair made to the code as written, for a warning. */
      repairs: string[];
    }
  | { kind: 'internal'; code: string; repairs: string[] }
  | { kind: 'none' };

const NATIONAL = /^([0-9])\.([0-9]{6})((?:\.[0-9A-Z]{2,6}){0,6})$/;

/** Reads one code cell. */
export function classifyListCode(raw: string): ListCode {
  const written = raw.normalize('NFC').replace(/[\u00a0\u200b\ufeff]/g, ' ').trim();
  if (written === '') return { kind: 'none' };
  const repairs: string[] = [];
  let text = written;
  if (/\s/.test(text)) {
    text = text.replace(/\s+/g, '');
    repairs.push('stray spaces removed');
  }
  if (/[.,;]+$/.test(text)) {
    text = text.replace(/[.,;]+$/, '');
    repairs.push('trailing dot removed');
  }
  const upper = text.toUpperCase();
  // Seven digits where the code starts: the first dot was lost (1001193 for 1.001193).
  const lostDot = /^([0-9])([0-9]{6})((?:\.[0-9A-Za-z]{2,6}){0,6})$/.exec(text);
  if (lostDot) {
    text = `${lostDot[1]}.${lostDot[2]}${lostDot[3]}`;
    repairs.push(`missing first dot (${lostDot[1]}${lostDot[2]} → ${lostDot[1]}.${lostDot[2]})`);
  } else if (!NATIONAL.test(upper)) {
    // The older typos of the annexes (1,010817; 1.01417): codes.ts repairs them.
    const fixed = normaliseCode(text);
    if (fixed.code && fixed.repair) {
      text = fixed.code;
      repairs.push(fixed.repair.replace(/^.* → [^:]*: /, ''));
    }
  }
  const m = NATIONAL.exec(text.toUpperCase());
  if (!m) return { kind: 'internal', code: written.replace(/\s+/g, ' '), repairs: [] };
  const code = text.toUpperCase();
  const suffix = m[3] ? m[3].slice(1) : undefined;
  const province = suffix ? /(?:^|\.)(H[0-9]{2})$/.exec(suffix)?.[1] : undefined;
  return { kind: 'national', code, baseline: `${m[1]}.${m[2]}`, ...(suffix ? { suffix } : {}), ...(province ? { province } : {}), repairs };
}

/**
 * A test row that a system left in its list ("Thủ tục test", "Thủ tục thử"): never a procedure.
 * "Thử nghiệm" is not a sign: real procedures are about trials (vận hành thử nghiệm).
 */
export function isTestRow(name: string, code = ''): boolean {
  const folded = foldVietnamese(`${name} ${code}`);
  return /(?:^|[^a-z])(test|testing|demo)(?:[^a-z]|$)/.test(folded) || /^(?:thu tuc\s+)?(?:thu|xxx+|abc)$/.test(foldVietnamese(name).trim());
}
