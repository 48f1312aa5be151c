import { defineRule } from './rule.js';

const MAX_REPORTS_PER_FILE = 10;

export const textNfc = defineRule({
  id: 'text-nfc',
  meta: {
    type: 'suggestion',
    description: 'Text is stored in Unicode NFC (precomposed Vietnamese letters).',
    rationale:
      'Vietnamese typed on some keyboards or copied from PDFs arrives decomposed (a + U+0302 + U+0301 instead of ấ). It looks the same but breaks search, sorting, diffs and hashes. The loader normalises text to NFC, so nothing downstream is affected; the file should still be saved as NFC.',
    severity: 'warning',
    scope: 'version',
    messages: {
      notNfc: 'Text is not in Unicode NFC (decomposed combining marks); it was normalised on load. Save the file as NFC.',
      more: '{{count}} more strings in this file are not in Unicode NFC.',
    },
  },
  examples: { valid: [{ description: 'Text typed with precomposed letters.', patch: {} }], invalid: [] },
  check(ctx) {
    const pointers = ctx.version.file.nonNfc;
    pointers.slice(0, MAX_REPORTS_PER_FILE).forEach((pointer) => ctx.report({ pointer, messageId: 'notNfc' }));
    if (pointers.length > MAX_REPORTS_PER_FILE) ctx.report({ pointer: '', messageId: 'more', data: { count: pointers.length - MAX_REPORTS_PER_FILE } });
  },
});
