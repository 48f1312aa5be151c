/**
 * The sequence of steps (trình tự thực hiện): "Bước 1. …; Bước 2. …", "- Bước 1: …\n- Bước 2: …".
 */
import { trimItem } from './text.js';

export interface ParsedSteps {
  /** Text before "Bước 1", if any. */
  preamble: string | undefined;
  steps: string[];
  /** False when the text has no numbered steps; the whole text is then one step. */
  numbered: boolean;
}

/**
 * "Bước N" and what follows it: the number, then a separator or a space before a capital. The
 * pattern starts at the word itself and every repetition is followed by a fixed character, so it
 * runs in one pass; what comes before the word is checked by walking back (see splitSteps).
 */
const MARKER = /Bước\s+(\d{1,2})\s*(?:[.:)–—-]\s*|(?<=\s)(?=\p{Lu}))/giu;
const SPACE = /\s/u;

export function splitSteps(text: string): ParsedSteps {
  const cuts: { at: number; body: number }[] = [];
  let expected = 1;
  let floor = 0;
  for (const m of text.matchAll(MARKER)) {
    if (Number(m[1]) !== expected) continue;
    // A marker counts at the start of the text, of a line, or after a sentence break (". ", "; ",
    // ": "), with an optional bullet before it; "tại Bước 2" inside a step does not split it.
    let p = m.index - 1;
    let newline = false;
    while (p >= floor && SPACE.test(text[p]!)) {
      if (text[p] === '\n') newline = true;
      p--;
    }
    if (p >= floor && '-+*•'.includes(text[p]!)) {
      p--;
      while (p >= floor && SPACE.test(text[p]!)) {
        if (text[p] === '\n') newline = true;
        p--;
      }
    }
    const ok = p < 0 || newline || '.;:'.includes(text[p]!);
    floor = m.index;
    if (!ok) continue;
    cuts.push({ at: p + 1, body: m.index + m[0].length });
    expected++;
  }
  if (cuts.length === 0) {
    const whole = text.trim();
    return { preamble: undefined, steps: whole ? [whole] : [], numbered: false };
  }
  const preamble = trimItem(text.slice(0, cuts[0]!.at)) || undefined;
  const steps = cuts.map((c, i) => trimItem(text.slice(c.body, cuts[i + 1]?.at ?? text.length)).replace(/[;]\s*$/, '').trim());
  return { preamble, steps: steps.filter(Boolean), numbered: true };
}
