import { defineRule } from './rule.js';

const LISTS = ['steps', 'fees', 'forms', 'requirements', 'facts', 'formFields'] as const;

export const uniqueIds = defineRule({
  id: 'unique-ids',
  meta: {
    type: 'problem',
    description: 'Ids of documents, fees, steps, forms, requirements, facts and form fields are unique within a version, and each channel appears once.',
    rationale: 'Diffs, conditions and form references find items by id; a repeated id makes a change report or a fee computation pick the wrong item.',
    severity: 'error',
    scope: 'version',
    messages: {
      duplicateId: 'The id "{{id}}" is used twice in {{list}}.',
      duplicateChannel: 'The {{kind}} channel is listed twice; state each channel once.',
    },
  },
  examples: {
    valid: [{ description: 'Distinct document ids.', patch: {} }],
    invalid: [
      {
        description: 'Two documents share an id.',
        patch: {
          dossier: {
            documents: [
              { id: 'to-khai', name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, legalBasis: [{ document: '60/2014/QH13', article: '16' }] },
              { id: 'to-khai', name: 'Giấy chứng sinh', originals: 1, copies: 0, legalBasis: [{ document: '60/2014/QH13', article: '16' }] },
            ],
          },
        },
        errors: [{ messageId: 'duplicateId', pointer: '/dossier/documents/1/id' }],
      },
      {
        description: 'The in-person channel twice.',
        patch: { channels: [{ kind: 'in-person' }, { kind: 'in-person' }] },
        errors: [{ messageId: 'duplicateChannel', pointer: '/channels/1/kind' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    const check = (items: { id: string }[] | undefined, base: string, list: string) => {
      const seen = new Map<string, number>();
      items?.forEach((item, i) => {
        const first = seen.get(item.id);
        if (first !== undefined) {
          ctx.report({
            pointer: `${base}/${i}/id`,
            messageId: 'duplicateId',
            data: { id: item.id, list },
            related: [{ file: ctx.version.file, pointer: `${base}/${first}/id`, message: 'first used here' }],
          });
        } else seen.set(item.id, i);
      });
    };
    check(v.dossier?.documents, '/dossier/documents', 'dossier.documents');
    for (const list of LISTS) check(v[list] as { id: string }[] | undefined, `/${list}`, list);
    const kinds = new Set<string>();
    v.channels?.forEach((c, i) => {
      if (kinds.has(c.kind)) ctx.report({ pointer: `/channels/${i}/kind`, messageId: 'duplicateChannel', data: { kind: c.kind } });
      kinds.add(c.kind);
    });
  },
});
