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
 * A "Bước N" marker at the start of the text, a line, or a sentence. Numbers must run 1, 2, 3 … so
 * a mention such as "tại Bước 2" inside a step does not split it.
 */
const MARKER = /(^|\n|[.;:]\s+|\s)[-+*•]?\s*Bước\s+(\d{1,2})\s*(?:[.:)–—-]\s*|\s+(?=\p{Lu}))/giu;

export function splitSteps(text: string): ParsedSteps {
  const cuts: { at: number; body: number }[] = [];
  let expected = 1;
  for (const m of text.matchAll(MARKER)) {
    if (Number(m[2]) !== expected) continue;
    const lead = m[1] ?? '';
    // Inside a sentence, a marker only counts after a sentence break or at a line start.
    if (lead.trim() === '' && lead !== '' && lead !== '\n' && m.index > 0) {
      const before = text.slice(Math.max(0, m.index - 2), m.index + lead.length);
      if (!/[.;:\n]\s*$/.test(before)) continue;
    }
    cuts.push({ at: m.index + lead.length, body: m.index + m[0].length });
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
