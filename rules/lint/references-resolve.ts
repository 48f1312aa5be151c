import { didYouMean } from '../schema/validators.js';
import { defineRule } from './rule.js';

export const referencesResolve = defineRule({
  id: 'references-resolve',
  meta: {
    type: 'problem',
    description: 'Every field, level, agency, database, hourly income and form that a version names exists.',
    rationale: 'A listing groups procedures by level, field and agency, and a dossier entry points at its form; a dangling id silently drops a procedure from a listing or a form from a dossier.',
    severity: 'error',
    scope: 'version',
    messages: {
      unknownRegistryId: 'Unknown {{what}} "{{id}}": it is not in the {{registry}} registry.{{hint}}',
      unknownForm: 'Unknown form "{{id}}": no entry in forms[] has this id.{{hint}}',
    },
  },
  examples: {
    valid: [{ description: 'The base version names registered agencies, field and level.', patch: {} }],
    invalid: [
      {
        description: 'A misspelt field id.',
        patch: { field: 'ho-tch' },
        errors: [{ messageId: 'unknownRegistryId', pointer: '/field' }],
      },
      {
        description: 'A document that points at a form that is not listed.',
        patch: { dossier: { documents: [{ id: 'to-khai', name: 'Tờ khai', originals: 1, copies: 0, form: 'tk-ket-hon', legalBasis: [{ document: '60/2014/QH13' }] }] } },
        errors: [{ messageId: 'unknownForm', pointer: '/dossier/documents/0/form' }],
      },
    ],
  },
  check(ctx) {
    const v = ctx.version.data;
    const r = ctx.catalogue.registry;
    const need = (table: { byId: Map<string, unknown> }, id: string | undefined, pointer: string, what: string, registry: string) => {
      if (id === undefined || table.byId.has(id)) return;
      ctx.report({ pointer, messageId: 'unknownRegistryId', data: { what, id, registry, hint: didYouMean(id, [...table.byId.keys()]) } });
    };
    need(r.fields, v.field, '/field', 'field', 'fields');
    v.levels?.forEach((id, i) => need(r.levels, id, `/levels/${i}`, 'level', 'levels'));
    for (const role of ['competent', 'implementing', 'delegated', 'coordinating'] as const) {
      v.agencies?.[role]?.forEach((id, i) => need(r.agencies, id, `/agencies/${role}/${i}`, 'agency', 'agencies'));
    }
    v.steps?.forEach((s, i) => need(r.agencies, s.agency, `/steps/${i}/agency`, 'agency', 'agencies'));
    v.dossier?.documents.forEach((d, i) => need(r.databases, d.lookup?.database, `/dossier/documents/${i}/lookup/database`, 'database', 'databases'));
    need(r.hourlyIncomes, v.complianceCost?.hourlyIncome, '/complianceCost/hourlyIncome', 'hourly income', 'hourlyIncomes');
    need(r.agencies, v.variant?.agency, '/variant/agency', 'agency', 'agencies');
    need(r.agencies, v.proposal?.proposer, '/proposal/proposer', 'agency', 'agencies');
    const forms = (v.forms ?? []).map((f) => f.id);
    const needForm = (id: string | undefined, pointer: string) => {
      if (id !== undefined && !forms.includes(id)) ctx.report({ pointer, messageId: 'unknownForm', data: { id, hint: didYouMean(id, forms) } });
    };
    v.dossier?.documents.forEach((d, i) => needForm(d.form, `/dossier/documents/${i}/form`));
    v.results?.forEach((res, i) => needForm(res.form, `/results/${i}/form`));
  },
});
