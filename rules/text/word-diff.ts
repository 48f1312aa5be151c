import fastDiff from 'fast-diff';

/** One run of a word-level diff: kept, removed (only in the old text) or added (only in the new). */
export interface TextChange {
  op: 'equal' | 'delete' | 'insert';
  text: string;
}

// Words (letters with their combining marks, digits), runs of spaces, and single punctuation marks.
const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;
const FIRST = 0xe000; // Private Use Area: one BMP code unit per distinct token.
const LAST = 0xf8ff;

/**
 * A word-level diff of two texts, on their NFC forms, so a reviewer sees which words were
 * reworded rather than which letters. Each distinct token becomes one private-use character and
 * fast-diff compares those; a text with more distinct tokens than the area holds falls back to a
 * character diff.
 */
export function wordDiff(before: string, after: string): TextChange[] {
  const a = before.normalize('NFC');
  const b = after.normalize('NFC');
  const codes = new Map<string, string>();
  const tokens: string[] = [];
  const encode = (text: string): string | undefined => {
    let out = '';
    for (const token of text.match(TOKEN) ?? []) {
      let code = codes.get(token);
      if (code === undefined) {
        if (FIRST + tokens.length > LAST) return undefined;
        code = String.fromCharCode(FIRST + tokens.length);
        codes.set(token, code);
        tokens.push(token);
      }
      out += code;
    }
    return out;
  };
  const ea = encode(a);
  const eb = ea === undefined ? undefined : encode(b);
  const raw = ea === undefined || eb === undefined || /[\ue000-\uf8ff]/.test(a + b) ? fastDiff(a, b, undefined, true) : fastDiff(ea, eb, undefined, true).map(([op, text]) => [op, [...text].map((c) => tokens[c.charCodeAt(0) - FIRST]).join('')] as const);
  const result: TextChange[] = [];
  for (const [op, text] of raw) {
    const kind: TextChange['op'] = op === 0 ? 'equal' : op === -1 ? 'delete' : 'insert';
    const last = result[result.length - 1];
    if (last && last.op === kind) last.text += text;
    else if (text !== '') result.push({ op: kind, text });
  }
  return result;
}
