import { defineRule } from './rule.js';

export const unresolvedUncertainty = defineRule({
  id: 'unresolved-uncertainty',
  meta: {
    type: 'suggestion',
    description: 'A published version carries no note of kind "uncertain".',
    rationale: 'An uncertain note marks a fact that still has to be checked against the legal text. Publishing it states as law something no one has verified; resolve the note, or keep the version a draft.',
    severity: 'warning',
    scope: 'version',
    messages: {
      uncertain: 'This published version still has an unresolved uncertainty: “{{text}}”.',
    },
  },
  examples: {
    valid: [{ description: 'A draft may carry uncertain notes.', patch: { status: 'draft', notes: [{ kind: 'uncertain', text: 'Kiểm tra lại mức lệ phí.' }] } }],
    invalid: [
      {
        description: 'A published version with an uncertain note.',
        patch: { notes: [{ kind: 'uncertain', text: 'Kiểm tra lại mức lệ phí.' }] },
        errors: [{ messageId: 'uncertain', pointer: '/notes/0' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    if (v.status !== 'published') return;
    v.notes?.forEach((note, i) => {
      if (note.kind === 'uncertain') ctx.report({ pointer: `/notes/${i}`, messageId: 'uncertain', data: { text: note.text.length > 120 ? note.text.slice(0, 117) + '…' : note.text } });
    });
  },
});
