/**
 * The language the CLI speaks: Vietnamese by default (the users are Vietnamese officers), English
 * with `--lang en` or `TTHC_LANG=en`. LANG is not consulted: on Vietnamese machines it is usually
 * en_US.UTF-8 or C, which says nothing about the reader. Rule ids, JSON output and exit codes do
 * not depend on the language; only the words people read do.
 */
import { en } from './messages/en.js';
import { vi } from './messages/vi.js';
import type { Messages } from './messages/en.js';

export type Lang = 'vi' | 'en';

export const LANGS: readonly Lang[] = ['vi', 'en'];

const CATALOGUES: Record<Lang, Messages> = { vi, en };

let current: Lang = 'vi';

/** "en", "EN", "en-US", "en_GB.UTF-8" → en; "vi", "vi-VN" → vi; anything else is not a language we speak. */
export function parseLang(value: string): Lang | undefined {
  const m = /^(vi|en)(?:[-_.].*)?$/i.exec(value.trim());
  return m ? (m[1]!.toLowerCase() as Lang) : undefined;
}

/**
 * The language asked for: the last --lang on the command line, else TTHC_LANG, else Vietnamese. A
 * value we cannot honour is returned as `invalid`, for one clear error (in Vietnamese, the default).
 */
export function chooseLang(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): { lang: Lang; invalid?: { from: string; value: string } } {
  let asked: { from: string; value: string } | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang' && i + 1 < argv.length) asked = { from: '--lang', value: argv[++i]! };
    else if (a.startsWith('--lang=')) asked = { from: '--lang', value: a.slice('--lang='.length) };
  }
  if (!asked && env.TTHC_LANG) asked = { from: 'TTHC_LANG', value: env.TTHC_LANG };
  if (!asked) return { lang: 'vi' };
  const lang = parseLang(asked.value);
  return lang ? { lang } : { lang: 'vi', invalid: asked };
}

export function setLang(lang: Lang): void {
  current = lang;
}

export function lang(): Lang {
  return current;
}

/** The messages of the current language. */
export function m(): Messages {
  return CATALOGUES[current];
}

/** The messages of a given language (tests compare the two). */
export function messagesOf(l: Lang): Messages {
  return CATALOGUES[l];
}
