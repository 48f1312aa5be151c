import { compareDurations, describeDuration } from '../compute/durations.js';
import type { Document, ProcedureVersion, TimeLimit } from '../schema/types/procedure-version.generated.js';
import { findVersion } from '../compute/resolve.js';
import { defineRule } from './rule.js';

function channelLimit(v: ProcedureVersion, kind: string): TimeLimit | undefined {
  // A null statutory limit (none stated) gives nothing to compare against.
  return v.channels?.find((c) => c.kind === kind)?.timeLimit ?? v.timeLimit ?? undefined;
}

function matchDocument(doc: Document, baseline: Document[]): Document | undefined {
  return baseline.find((b) => b.id === doc.id) ?? baseline.find((b) => b.name === doc.name);
}

export const variantWithinBaseline = defineRule({
  id: 'variant-within-baseline',
  meta: {
    type: 'problem',
    description: 'A local variant only tightens its legal baseline: no longer time, no extra or stricter documents, no higher or extra fees, no dropped channel.',
    rationale:
      'A province or commune may commit to serve faster or ask for less than the national procedure, never more: a local authority cannot add burdens the law does not impose (NĐ 63/2010/NĐ-CP Art. 8(4); Luật Ban hành VBQPPL).',
    severity: 'error',
    scope: 'version',
    messages: {
      missingBaseline: 'The baseline {{ref}} does not exist in the catalogue.',
      baselineNotPublished: 'The baseline {{ref}} is {{status}}; a variant must rest on a published version.',
      longerTime: 'The variant allows {{variant}} for {{what}}, longer than the baseline’s {{baseline}}.',
      extraDocument: 'The document "{{name}}" is not in the baseline {{ref}}; a variant cannot add documents.',
      moreCopies: 'The variant asks for {{variant}} of "{{name}}", more than the baseline’s {{baseline}}.',
      stricterCopy: 'The variant requires certified copies of "{{name}}"; the baseline does not.',
      lostCondition: 'The baseline requires "{{name}}" only in some cases; the variant requires it always.',
      lostLookup: 'The baseline obtains "{{name}}" from a database; the variant asks the applicant for it.',
      higherFee: 'The fee "{{name}}" is {{variant}} đồng, more than the baseline’s {{baseline}} đồng.',
      extraFee: 'The fee "{{name}}" is not in the baseline {{ref}}; a variant cannot add fees.',
      droppedChannel: 'The baseline can be filed {{kind}}; the variant drops that channel.',
    },
  },
  examples: {
    valid: [
      {
        description: 'A commune that commits to 3 working days where the law allows 5.',
        others: [{ timeLimit: { value: 5, unit: 'working-days', start: 'complete-dossier', legalBasis: [{ document: '60/2014/QH13', article: '16' }] } }],
        patch: {
          code: '1.001193.H01',
          variant: { baseline: { code: '1.001193', version: 'v1' }, agency: 'ubnd-ha-noi' },
          timeLimit: { value: 3, unit: 'working-days', start: 'complete-dossier', legalBasis: [{ document: '60/2014/QH13', article: '16' }] },
        },
      },
    ],
    invalid: [
      {
        description: 'A variant that asks for an extra paper.',
        others: [{}],
        patch: {
          code: '1.001193.H01',
          variant: { baseline: { code: '1.001193', version: 'v1' }, agency: 'ubnd-ha-noi' },
          dossier: {
            documents: [
              { id: 'to-khai', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, legalBasis: [{ document: '60/2014/QH13', article: '16' }] },
              { id: 'giay-chung-sinh', name: 'Giấy chứng sinh', originals: 1, copies: 0, legalBasis: [{ document: '60/2014/QH13', article: '16' }] },
              { id: 'so-ho-khau', name: 'Sổ hộ khẩu', originals: 0, copies: 1, legalBasis: [{ document: '60/2014/QH13', article: '16' }] },
            ],
          },
        },
        errors: [{ messageId: 'extraDocument', pointer: '/dossier/documents/2' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    if (!v.variant) return;
    const ref = `${v.variant.baseline.code}@${v.variant.baseline.version}`;
    const baseline = findVersion(ctx.catalogue, v.variant.baseline.code, v.variant.baseline.version)?.data;
    if (!baseline) {
      ctx.report({ pointer: '/variant/baseline', messageId: 'missingBaseline', data: { ref } });
      return;
    }
    if (baseline.status !== 'published') {
      ctx.report({ pointer: '/variant/baseline', messageId: 'baselineNotPublished', data: { ref, status: baseline.status } });
    }
    if (v.timeLimit && baseline.timeLimit && compareDurations(v.timeLimit, baseline.timeLimit) === 1) {
      ctx.report({ pointer: '/timeLimit', messageId: 'longerTime', data: { what: 'the statutory limit', variant: describeDuration(v.timeLimit), baseline: describeDuration(baseline.timeLimit) } });
    }
    v.channels?.forEach((channel, i) => {
      const mine = channel.timeLimit;
      const theirs = channelLimit(baseline, channel.kind);
      if (mine && theirs && compareDurations(mine, theirs) === 1) {
        ctx.report({ pointer: `/channels/${i}/timeLimit`, messageId: 'longerTime', data: { what: `the ${channel.kind} channel`, variant: describeDuration(mine), baseline: describeDuration(theirs) } });
      }
    });
    for (const channel of baseline.channels ?? []) {
      if (!v.channels?.some((c) => c.kind === channel.kind)) ctx.report({ pointer: '/channels', messageId: 'droppedChannel', data: { kind: channel.kind } });
    }
    const baseDocs = baseline.dossier?.documents ?? [];
    v.dossier?.documents.forEach((doc, i) => {
      const at = `/dossier/documents/${i}`;
      const match = matchDocument(doc, baseDocs);
      if (!match) {
        if (!doc.lookup) ctx.report({ pointer: at, messageId: 'extraDocument', data: { name: doc.name, ref } });
        return;
      }
      if (match.lookup && !doc.lookup) ctx.report({ pointer: at, messageId: 'lostLookup', data: { name: doc.name } });
      if (match.when && !doc.when) ctx.report({ pointer: at, messageId: 'lostCondition', data: { name: doc.name } });
      if (doc.originals + doc.copies > match.originals + match.copies || doc.originals > match.originals) {
        ctx.report({ pointer: at, messageId: 'moreCopies', data: { name: doc.name, variant: `${doc.originals} bản chính, ${doc.copies} bản sao`, baseline: `${match.originals} bản chính, ${match.copies} bản sao` } });
      }
      if (doc.certifiedCopy && !match.certifiedCopy) ctx.report({ pointer: `${at}/certifiedCopy`, messageId: 'stricterCopy', data: { name: doc.name } });
    });
    const baseFees = baseline.fees ?? [];
    v.fees?.forEach((fee, i) => {
      const match = baseFees.find((b) => b.id === fee.id) ?? baseFees.find((b) => b.name === fee.name);
      if (!match) {
        if (fee.variable || (fee.amount ?? 0) > 0) ctx.report({ pointer: `/fees/${i}`, messageId: 'extraFee', data: { name: fee.name, ref } });
        return;
      }
      // A province fixing an amount the national procedure leaves to provinces is what variants are for.
      if (fee.amount !== undefined && match.amount !== undefined && fee.amount > match.amount) {
        ctx.report({ pointer: `/fees/${i}/amount`, messageId: 'higherFee', data: { name: fee.name, variant: fee.amount, baseline: match.amount } });
      }
    });
  },
});
