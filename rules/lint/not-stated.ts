import { defineRule } from './rule.js';

/**
 * The wording of a part the source does not state. An import writes it where the schema needs a
 * value and nothing in the record gives one, so the draft is valid, says plainly what is missing
 * (the preview shows "Chưa xác định"), and cannot be published until someone fills it in.
 */
export const NOT_STATED_VI = 'Chưa xác định';
/** The id of the registry entries (agency, field, level) that stand for "not stated in the source". */
export const NOT_STATED_ID = 'chua-xac-dinh';

/** True for a subject label, result name or document name that is the "not stated" marker. */
export function isNotStatedText(text: string | undefined): boolean {
  return text !== undefined && (text === NOT_STATED_VI || text.startsWith(`${NOT_STATED_VI} (`));
}

export const notStated = defineRule({
  id: 'not-stated',
  meta: {
    type: 'problem',
    description: 'A published version names no part as "Chưa xác định" (not stated in the source): every agency, field, level, subject, result and document is filled in.',
    rationale:
      'Imports mark the parts a source leaves out as "Chưa xác định" so that drafts stay valid and the gap shows. A published version is what citizens and agencies rely on: it must state who performs the procedure, for whom, with which papers and with what result (Nghị định 63/2010/NĐ-CP Art. 8(2)).',
    severity: 'error',
    scope: 'version',
    messages: {
      registry: 'The {{what}} is "Chưa xác định" (not stated in the source); fill it in before publishing.',
      text: 'The {{what}} is "Chưa xác định" (not stated in the source); fill it in before publishing.',
    },
  },
  examples: {
    valid: [{ description: 'A published version whose every part is stated.', patch: {} }],
    invalid: [
      {
        description: 'A published version whose implementing agency and result are not stated.',
        patch: { agencies: { implementing: ['chua-xac-dinh'] }, results: [{ name: 'Chưa xác định (nguồn không ghi kết quả thực hiện)' }] },
        registry: { agencies: [{ id: 'chua-xac-dinh', name: 'Chưa xác định', notStated: true }] },
        errors: [
          { messageId: 'registry', pointer: '/agencies/implementing/0' },
          { messageId: 'text', pointer: '/results/0/name' },
        ],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    if (v.status !== 'published') return;
    const reg = ctx.catalogue.registry;
    const flagged = (entry: { notStated?: boolean } | undefined, id: string) => entry?.notStated === true || (entry === undefined && id === NOT_STATED_ID);
    if (v.field && flagged(reg.fields.byId.get(v.field), v.field)) ctx.report({ pointer: '/field', messageId: 'registry', data: { what: 'field (lĩnh vực)' } });
    v.levels?.forEach((id, i) => {
      if (flagged(reg.levels.byId.get(id), id)) ctx.report({ pointer: `/levels/${i}`, messageId: 'registry', data: { what: 'level (cấp thực hiện)' } });
    });
    for (const role of ['implementing', 'competent', 'delegated', 'coordinating'] as const) {
      v.agencies?.[role]?.forEach((id, i) => {
        if (flagged(reg.agencies.byId.get(id), id)) ctx.report({ pointer: `/agencies/${role}/${i}`, messageId: 'registry', data: { what: 'agency (cơ quan)' } });
      });
    }
    v.subjects?.forEach((s, i) => {
      if (isNotStatedText(s.label)) ctx.report({ pointer: `/subjects/${i}/label`, messageId: 'text', data: { what: 'subject (đối tượng thực hiện)' } });
    });
    v.results?.forEach((r, i) => {
      if (isNotStatedText(r.name)) ctx.report({ pointer: `/results/${i}/name`, messageId: 'text', data: { what: 'result (kết quả thực hiện)' } });
    });
    v.dossier?.documents.forEach((d, i) => {
      if (isNotStatedText(d.name)) ctx.report({ pointer: `/dossier/documents/${i}/name`, messageId: 'text', data: { what: 'dossier document (thành phần hồ sơ)' } });
    });
  },
});
