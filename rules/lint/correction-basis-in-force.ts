import { defineRule } from './rule.js';
import { severityFor } from '../model/spec.js';

export const correctionBasisInForce = defineRule({
  id: 'correction-basis-in-force',
  meta: {
    type: 'problem',
    description: 'A correction cites, in `corrects.legalBasis`, documents in force on the first day it applies (`corrects.from`), at least one of them with an effective date the registry gives.',
    rationale:
      'A correction rewrites what the catalogue said about days already published: it must rest on law that governed those days. A document that took effect later can only change the procedure from its own date (correct from that day, or make a new version); one whose date is unknown cannot show that the correction is right.',
    severity: 'error',
    scope: 'version',
    messages: {
      notYetInForce: '{{number}} takes effect on {{effective}}, after the correction applies ({{from}}): correct from {{effective}}, or cite the law in force on {{from}}.',
      repealed: '{{number}} is no longer in force from {{repealed}}, on or before the correction applies ({{from}}).',
      unknownEffective: 'Cannot check that {{number}} is in force on {{from}}: the registry does not give its effective date.',
      noneInForce: 'None of the documents this correction cites is known to be in force on {{from}}; cite at least one whose effective date the registry gives.',
    },
  },
  examples: {
    valid: [
      {
        description: 'A correction from 2020-07-16 citing the Law on Civil Status, in force from 2016-01-01.',
        others: [{}],
        patch: { version: 'v1.dc1', corrects: { version: 'v1', from: '2020-07-16', recorded: '2026-12-03', legalBasis: [{ document: '60/2014/QH13', article: '16' }], reason: 'Thiếu giấy tờ.' } },
      },
    ],
    invalid: [
      {
        description: 'A correction citing a circular that takes effect after the day it corrects from, and one whose effective date is unknown.',
        others: [{}],
        patch: { version: 'v1.dc1', corrects: { version: 'v1', from: '2020-07-16', recorded: '2026-12-03', legalBasis: [{ document: '85/2019/TT-BTC' }, { document: '04/2020/TT-BTP' }], reason: 'Thiếu giấy tờ.' } },
        registry: {
          legalDocuments: [
            { number: '85/2019/TT-BTC', type: 'circular', issuer: 'Bộ Tài chính', title: 'Thông tư về phí và lệ phí', issued: '2019-11-29', effective: '2021-01-01' },
            { number: '04/2020/TT-BTP', type: 'circular', issuer: 'Bộ Tư pháp', title: 'Thông tư về hộ tịch', issued: '2020-05-28' },
          ],
        },
        errors: [
          { messageId: 'notYetInForce', pointer: '/corrects/legalBasis/0/document' },
          { messageId: 'unknownEffective', pointer: '/corrects/legalBasis/1/document' },
          { messageId: 'noneInForce', pointer: '/corrects/legalBasis' },
        ],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    const c = v.corrects;
    if (!c) return;
    const severity = severityFor(v);
    const registry = ctx.catalogue.registry.legalDocuments.byId;
    let inForce = 0;
    c.legalBasis.forEach((ref, i) => {
      const pointer = `/corrects/legalBasis/${i}/document`;
      const doc = registry.get(ref.document);
      // legal-basis-resolves reports a document missing from the registry.
      if (!doc) return;
      if (!doc.effective) ctx.report({ pointer, messageId: 'unknownEffective', severity: 'warning', data: { number: doc.number, from: c.from } });
      else if (doc.effective > c.from) ctx.report({ pointer, messageId: 'notYetInForce', data: { number: doc.number, effective: doc.effective, from: c.from }, severity });
      else if (doc.repealed && doc.repealed <= c.from) ctx.report({ pointer, messageId: 'repealed', data: { number: doc.number, repealed: doc.repealed, from: c.from }, severity });
      else inForce++;
    });
    if (inForce === 0) ctx.report({ pointer: '/corrects/legalBasis', messageId: 'noneInForce', data: { from: c.from }, severity });
  },
});
