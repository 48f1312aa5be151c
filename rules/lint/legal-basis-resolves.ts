import { didYouMean } from '../schema/validators.js';
import { defineRule } from './rule.js';
import { legalRefs } from '../model/spec.js';

export const legalBasisResolves = defineRule({
  id: 'legal-basis-resolves',
  meta: {
    type: 'problem',
    description: 'Every cited legal document is in the legal-documents registry.',
    rationale: 'A citation is only checkable when the document it names is registered with its type, issuer and dates; an unregistered number is usually a typo (ND for NĐ, a wrong year).',
    severity: 'error',
    scope: 'version',
    messages: {
      unknownDocument: 'The legal document "{{number}}" is not in the registry (registry/legal-documents.json).{{hint}}',
    },
  },
  examples: {
    valid: [{ description: 'All citations of the base version are registered.', patch: {} }],
    invalid: [
      {
        description: 'A decree number typed with D instead of Đ.',
        patch: { legalBasis: [{ document: '60/2014/QH13' }, { document: '123/2015/ND-CP', article: '9' }] },
        registry: {
          legalDocuments: [
            { number: '60/2014/QH13', type: 'law', issuer: 'Quốc hội', title: 'Luật Hộ tịch', issued: '2014-11-20', effective: '2016-01-01' },
            { number: '04/2020/TT-BTP', type: 'circular', issuer: 'Bộ Tư pháp', title: 'Thông tư 04/2020/TT-BTP', issued: '2020-05-28', effective: '2020-07-16' },
            { number: '123/2015/NĐ-CP', type: 'decree', issuer: 'Chính phủ', title: 'Nghị định quy định chi tiết Luật Hộ tịch', issued: '2015-11-15', effective: '2016-01-01' },
          ],
        },
        errors: [{ messageId: 'unknownDocument', pointer: '/legalBasis/1/document' }],
      },
    ],
  },
  check(ctx) {
    const registry = ctx.catalogue.registry.legalDocuments.byId;
    for (const { ref, pointer } of legalRefs(ctx.version.data)) {
      if (registry.has(ref.document)) continue;
      ctx.report({ pointer: `${pointer}/document`, messageId: 'unknownDocument', data: { number: ref.document, hint: didYouMean(ref.document, [...registry.keys()]) } });
    }
  },
});
