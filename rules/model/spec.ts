import type { Condition, FactComparison, LegalRef, ProcedureVersion } from '../schema/types/procedure-version.generated.js';

/** The part of a procedure a citation or condition belongs to. */
export type Part =
  | 'procedure'
  | 'change'
  | 'correction'
  | 'variant'
  | 'proposal'
  | 'step'
  | 'time-limit'
  | 'time-limit-case'
  | 'document'
  | 'lookup'
  | 'fee'
  | 'exemption'
  | 'form'
  | 'requirement'
  | 'result';

export interface CitedRef {
  ref: LegalRef;
  pointer: string;
  part: Part;
}

/** Every legal citation in a version, with its pointer and the part it supports. */
export function legalRefs(v: ProcedureVersion): CitedRef[] {
  const out: CitedRef[] = [];
  const add = (refs: LegalRef[] | undefined, base: string, part: Part) => refs?.forEach((ref, i) => out.push({ ref, pointer: `${base}/${i}`, part }));
  add(v.legalBasis, '/legalBasis', 'procedure');
  add(v.changedBy?.legalBasis, '/changedBy/legalBasis', 'change');
  add(v.corrects?.legalBasis, '/corrects/legalBasis', 'correction');
  if (v.variant?.commitment) out.push({ ref: v.variant.commitment, pointer: '/variant/commitment', part: 'variant' });
  add(v.proposal?.amends, '/proposal/amends', 'proposal');
  v.steps?.forEach((s, i) => add(s.legalBasis, `/steps/${i}/legalBasis`, 'step'));
  add(v.timeLimit?.legalBasis, '/timeLimit/legalBasis', 'time-limit');
  v.timeLimit?.cases?.forEach((c, i) => add(c.legalBasis, `/timeLimit/cases/${i}/legalBasis`, 'time-limit-case'));
  v.channels?.forEach((c, i) => {
    add(c.timeLimit?.legalBasis, `/channels/${i}/timeLimit/legalBasis`, 'time-limit');
    c.timeLimit?.cases?.forEach((k, j) => add(k.legalBasis, `/channels/${i}/timeLimit/cases/${j}/legalBasis`, 'time-limit-case'));
  });
  v.dossier?.documents.forEach((d, i) => {
    add(d.legalBasis, `/dossier/documents/${i}/legalBasis`, 'document');
    add(d.lookup?.legalBasis, `/dossier/documents/${i}/lookup/legalBasis`, 'lookup');
  });
  v.fees?.forEach((f, i) => {
    add(f.legalBasis, `/fees/${i}/legalBasis`, 'fee');
    f.exemptions?.forEach((e, j) => add(e.legalBasis, `/fees/${i}/exemptions/${j}/legalBasis`, 'exemption'));
  });
  v.forms?.forEach((f, i) => add(f.legalBasis, `/forms/${i}/legalBasis`, 'form'));
  v.requirements?.forEach((r, i) => add(r.legalBasis, `/requirements/${i}/legalBasis`, 'requirement'));
  v.results?.forEach((r, i) => add(r.legalBasis, `/results/${i}/legalBasis`, 'result'));
  return out;
}

export interface PlacedCondition {
  condition: Condition;
  pointer: string;
}

/** Every top-level condition in a version (documents, fees, exemptions, time-limit cases, form fields). */
export function conditions(v: ProcedureVersion): PlacedCondition[] {
  const out: PlacedCondition[] = [];
  v.dossier?.documents.forEach((d, i) => d.when && out.push({ condition: d.when, pointer: `/dossier/documents/${i}/when` }));
  v.fees?.forEach((f, i) => {
    if (f.when) out.push({ condition: f.when, pointer: `/fees/${i}/when` });
    f.exemptions?.forEach((e, j) => out.push({ condition: e.when, pointer: `/fees/${i}/exemptions/${j}/when` }));
  });
  v.timeLimit?.cases?.forEach((c, i) => out.push({ condition: c.when, pointer: `/timeLimit/cases/${i}/when` }));
  v.channels?.forEach((ch, i) => ch.timeLimit?.cases?.forEach((c, j) => out.push({ condition: c.when, pointer: `/channels/${i}/timeLimit/cases/${j}/when` })));
  v.formFields?.forEach((f, i) => f.when && out.push({ condition: f.when, pointer: `/formFields/${i}/when` }));
  return out;
}

/** The comparisons inside a condition, with their pointers. */
export function comparisons(condition: Condition, pointer: string, out: { comparison: FactComparison; pointer: string }[] = []) {
  if ('fact' in condition) out.push({ comparison: condition, pointer });
  else if ('all' in condition) condition.all.forEach((c, i) => comparisons(c, `${pointer}/all/${i}`, out));
  else if ('any' in condition) condition.any.forEach((c, i) => comparisons(c, `${pointer}/any/${i}`, out));
  else comparisons(condition.not, `${pointer}/not`, out);
  return out;
}

export function isLive(v: ProcedureVersion): boolean {
  return v.status === 'published' || v.status === 'repealed';
}

/** Published versions must be exact; drafts and proposals get warnings for the same findings. */
export function severityFor(v: ProcedureVersion): 'error' | 'warning' {
  return isLive(v) ? 'error' : 'warning';
}

/** A kind of registry entry a version can name. */
export type RegistryKind = 'field' | 'level' | 'agency' | 'database' | 'legalDocument';

/**
 * The registry entries a version names, as [kind, id], each once, sorted: its field, levels,
 * agencies (every role, and the steps'), the databases its documents are looked up in, and every
 * legal document it cites. Kept with a version in the catalogue state, so a build can hash them
 * without the data.
 */
export function registryRefs(v: ProcedureVersion): [RegistryKind, string][] {
  const out: [RegistryKind, string][] = [];
  if (v.field !== undefined) out.push(['field', v.field]);
  for (const id of v.levels ?? []) out.push(['level', id]);
  for (const role of ['competent', 'implementing', 'delegated', 'coordinating'] as const) for (const id of v.agencies?.[role] ?? []) out.push(['agency', id]);
  for (const s of v.steps ?? []) if (s.agency !== undefined) out.push(['agency', s.agency]);
  for (const d of v.dossier?.documents ?? []) if (d.lookup) out.push(['database', d.lookup.database]);
  for (const { ref } of legalRefs(v)) out.push(['legalDocument', ref.document]);
  const seen = new Set<string>();
  return out
    .filter(([kind, id]) => {
      const key = `${kind}\u0000${id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(([ka, ia], [kb, ib]) => (ka < kb ? -1 : ka > kb ? 1 : ia < ib ? -1 : ia > ib ? 1 : 0));
}

/** The codes a version's lint rules look at: its own, and the baselines of a variant or proposal. */
export function lintCodes(v: { data: ProcedureVersion }): string[] {
  const codes = [v.data.code];
  if (v.data.variant?.baseline?.code) codes.push(v.data.variant.baseline.code);
  if (v.data.proposal?.baseline?.code) codes.push(v.data.proposal.baseline.code);
  return codes;
}
