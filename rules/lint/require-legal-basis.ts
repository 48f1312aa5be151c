import { defineRule } from './rule.js';
import { severityFor } from '../model/spec.js';

export const requireLegalBasis = defineRule({
  id: 'require-legal-basis',
  meta: {
    type: 'problem',
    description: 'The procedure, its time limit, and every document, fee, step and requirement cite a legal basis. An error for published versions, a warning for drafts and proposals.',
    rationale:
      'Only legal normative documents may create a procedure or any of its parts (Nghị định 63/2010/NĐ-CP, Art. 8). A document, fee or step with no citation is a burden the law may not impose, and an announcement must state the legal basis of each part.',
    severity: 'error',
    scope: 'version',
    messages: {
      missingProcedure: 'The procedure cites no legal basis (căn cứ pháp lý).',
      missingPart: 'This {{part}} cites no legal basis; add legalBasis with the document and article that require it.',
    },
  },
  examples: {
    valid: [{ description: 'Every part of the base version cites the Law on Civil Status.', patch: {} }],
    invalid: [
      {
        description: 'A fee with no legal basis.',
        patch: { fees: [{ id: 'le-phi', kind: 'le-phi', name: 'Lệ phí đăng ký khai sinh', amount: 8000 }] },
        errors: [{ messageId: 'missingPart', pointer: '/fees/0' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    if (v.status === 'repealed') return;
    const severity = severityFor(v);
    if (!v.legalBasis || v.legalBasis.length === 0) ctx.report({ pointer: '/legalBasis', messageId: 'missingProcedure', severity });
    const need = (refs: unknown[] | undefined, pointer: string, part: string) => {
      if (!refs || refs.length === 0) ctx.report({ pointer, messageId: 'missingPart', data: { part }, severity });
    };
    if (v.timeLimit) need(v.timeLimit.legalBasis, '/timeLimit', 'time limit');
    v.dossier?.documents.forEach((d, i) => need(d.legalBasis, `/dossier/documents/${i}`, 'document'));
    v.fees?.forEach((f, i) => need(f.legalBasis, `/fees/${i}`, 'fee'));
    v.steps?.forEach((s, i) => need(s.legalBasis, `/steps/${i}`, 'step'));
    v.requirements?.forEach((r, i) => need(r.legalBasis, `/requirements/${i}`, 'requirement'));
  },
});
