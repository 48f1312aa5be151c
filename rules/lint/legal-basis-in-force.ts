import { defineRule } from './rule.js';
import { legalRefs } from '../model/spec.js';

export const legalBasisInForce = defineRule({
  id: 'legal-basis-in-force',
  meta: {
    type: 'problem',
    description: 'A published version cites only documents in force on the day it takes effect (a correction: on the first day it applies).',
    rationale:
      'A procedure cannot rest on a document that has not yet taken effect or has been repealed: the announcement would publish a requirement with no legal force. The abolishing document of a repeal must likewise be in force.',
    severity: 'error',
    scope: 'version',
    messages: {
      notYetInForce: '{{number}} takes effect on {{effective}}, after this version takes effect ({{from}}).',
      repealed: '{{number}} is no longer in force from {{repealed}}{{by}}, on or before this version takes effect ({{from}}).',
      unknownEffective: 'Cannot check that {{number}} is in force on {{from}}: the registry does not give its effective date.',
    },
  },
  examples: {
    valid: [{ description: 'The Law on Civil Status is in force from 2016-01-01, before the version takes effect.', patch: {} }],
    invalid: [
      {
        description: 'A version that takes effect before the law it cites.',
        patch: { effective: { from: '2015-06-01' }, forms: [{ id: 'tk-khai-sinh', name: 'Tờ khai đăng ký khai sinh' }], legalBasis: [{ document: '60/2014/QH13', article: '13' }] },
        errors: [
          { messageId: 'notYetInForce', pointer: '/legalBasis/0/document' },
          { messageId: 'notYetInForce', pointer: '/steps/0/legalBasis/0/document' },
          { messageId: 'notYetInForce', pointer: '/steps/1/legalBasis/0/document' },
          { messageId: 'notYetInForce', pointer: '/timeLimit/legalBasis/0/document' },
          { messageId: 'notYetInForce', pointer: '/dossier/documents/0/legalBasis/0/document' },
          { messageId: 'notYetInForce', pointer: '/dossier/documents/1/legalBasis/0/document' },
        ],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    if ((v.status !== 'published' && v.status !== 'repealed') || !v.effective) return;
    // A correction's content applies from its own first day (corrects.from), not the version's.
    const from = v.corrects?.from ?? v.effective.from;
    const registry = ctx.catalogue.registry.legalDocuments.byId;
    for (const { ref, pointer, part } of legalRefs(v)) {
      // A proposal's amends list names documents still to be changed; they need not be in force.
      if (part === 'proposal') continue;
      // A correction's own basis is checked by correction-basis-in-force.
      if (part === 'correction') continue;
      const doc = registry.get(ref.document);
      if (!doc) continue;
      if (!doc.effective) {
        ctx.report({ pointer: `${pointer}/document`, messageId: 'unknownEffective', severity: 'warning', data: { number: doc.number, from } });
      } else if (doc.effective > from) {
        ctx.report({ pointer: `${pointer}/document`, messageId: 'notYetInForce', data: { number: doc.number, effective: doc.effective, from } });
      } else if (doc.repealed && doc.repealed <= from) {
        ctx.report({ pointer: `${pointer}/document`, messageId: 'repealed', data: { number: doc.number, repealed: doc.repealed, from, by: doc.repealedBy ? ` (replaced by ${doc.repealedBy})` : '' } });
      }
    }
  },
});
