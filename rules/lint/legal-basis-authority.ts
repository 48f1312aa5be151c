import type { LegalDocumentType } from '../schema/types/registry.generated.js';
import { defineRule } from './rule.js';
import { legalRefs, type CitedRef } from '../model/spec.js';

const NORMATIVE: ReadonlySet<LegalDocumentType> = new Set([
  'law',
  'ordinance',
  'na-resolution',
  'decree',
  'government-resolution',
  'pm-decision',
  'circular',
  'joint-circular',
  'provincial-resolution',
  'provincial-decision',
]);

/** Documents that may set requirements and conditions (NĐ 63/2010/NĐ-CP Art. 8(3), as amended by NĐ 92/2017). */
const MAY_SET_CONDITIONS: ReadonlySet<LegalDocumentType> = new Set(['law', 'ordinance', 'na-resolution', 'decree', 'government-resolution', 'pm-decision', 'provincial-resolution']);

export const legalBasisAuthority = defineRule({
  id: 'legal-basis-authority',
  meta: {
    type: 'suggestion',
    description: 'Each part cites a kind of document that may create it: the procedure a legal normative document, requirements and conditions a law, decree, PM decision or provincial resolution.',
    rationale:
      'Only legal normative documents may create a procedure (NĐ 63/2010/NĐ-CP Art. 8(1)); conditions belong in laws, ordinances, Government decrees and resolutions, PM decisions, or provincial People’s Council resolutions where delegated (Art. 8(3)–(4)). A condition that rests only on a circular is a classic finding in simplification reviews. The mapping of document types to parts is a reviewer’s aid, hence a warning.',
    severity: 'warning',
    scope: 'version',
    messages: {
      notNormative: 'The procedure cites no legal normative document; {{cited}} cannot create a procedure (NĐ 63/2010/NĐ-CP, Art. 8(1)).',
      conditionAuthority: 'This requirement cites only {{cited}}; requirements and conditions must be set by a law, ordinance, decree, Government resolution, PM decision or provincial resolution (NĐ 63/2010/NĐ-CP, Art. 8(3)).',
    },
  },
  examples: {
    valid: [
      {
        description: 'A requirement that rests on the Law on Civil Status.',
        patch: { requirements: [{ id: 'dk1', text: 'Trẻ em sinh ra trên lãnh thổ Việt Nam.', legalBasis: [{ document: '60/2014/QH13', article: '13' }] }] },
      },
    ],
    invalid: [
      {
        description: 'A requirement that rests only on a circular.',
        patch: { requirements: [{ id: 'dk1', text: 'Người đi đăng ký phải xuất trình giấy tờ tùy thân.', legalBasis: [{ document: '04/2020/TT-BTP', article: '2' }] }] },
        errors: [{ messageId: 'conditionAuthority', pointer: '/requirements/0/legalBasis' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    if (v.status === 'repealed') return;
    const docs = ctx.catalogue.registry.legalDocuments.byId;
    const typeOf = (c: CitedRef) => docs.get(c.ref.document)?.type;
    const describe = (cited: CitedRef[]) => [...new Set(cited.map((c) => `${c.ref.document} (${typeOf(c)})`))].join(', ');
    const refs = legalRefs(v);
    const procedure = refs.filter((c) => c.part === 'procedure' && typeOf(c) !== undefined);
    if (procedure.length > 0 && !procedure.some((c) => NORMATIVE.has(typeOf(c)!))) {
      ctx.report({ pointer: '/legalBasis', messageId: 'notNormative', data: { cited: describe(procedure) } });
    }
    v.requirements?.forEach((_, i) => {
      const cited = refs.filter((c) => c.part === 'requirement' && c.pointer.startsWith(`/requirements/${i}/`) && typeOf(c) !== undefined);
      if (cited.length > 0 && !cited.some((c) => MAY_SET_CONDITIONS.has(typeOf(c)!))) {
        ctx.report({ pointer: `/requirements/${i}/legalBasis`, messageId: 'conditionAuthority', data: { cited: describe(cited) } });
      }
    });
  },
});
