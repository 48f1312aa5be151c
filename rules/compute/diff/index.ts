/**
 * What a version changes against another: documents, steps, time limits, fees, channels and
 * compliance cost, each change typed, classified and tied to its legal basis. The result is data;
 * generators/version-diff renders it.
 */
import { canonicalJson } from '../../load/canonical.js';
import type { Catalogue, LoadedVersion } from '../../model/catalogue.js';
import type { ChannelKind, LegalRef, ProcedureVersion, TimeLimit, TimeUnit } from '../../schema/types/procedure-version.generated.js';
import { complianceCost, compareCosts, CostInputError, feesDue, type ComplianceCost, type ComplianceCostOptions } from '../compliance-cost.js';
import { defaultFacts } from '../conditions.js';
import { exact, percent, sub, toNumber } from '../exact.js';
import { inUnit } from '../durations.js';
import type { IsoDate } from '../dates.js';
import { relationOf, type Relation, type ResolvedReference } from '../references.js';
import { channelChanges, documentChanges, feeChanges, formFieldChanges, requirementChanges, resultChanges, stepChanges, timeLimitChanges, versionWideChanges, type DraftChange } from './changes.js';
import type { Change, ChannelComparison, ChannelState, Classification, CostSide, TimeComparison, VersionDiff, VersionSide } from './types.js';
import { formatVnd } from '../../text/vi/numbers.js';
import { versionLabel } from '../../text/vi/versions.js';
import { upperFirst } from '../../text/vi/words.js';
import { UsageError } from '../../errors.js';

export type * from './types.js';

/** Documents the applicant supplies: every document of the dossier that is not obtained by a database look-up. */
export function requiredDocumentCount(v: ProcedureVersion): number {
  return (v.dossier?.documents ?? []).filter((d) => !d.lookup).length;
}

/**
 * The unit two time limits can both be given in exactly: their own when equal; working days
 * when one is in working hours (8 a working day); none between calendar and working days.
 */
function commonUnit(a: TimeUnit, b: TimeUnit): TimeUnit | undefined {
  if (a === b) return a;
  const pair = new Set([a, b]);
  return pair.has('hours') && pair.has('working-days') ? 'working-days' : undefined;
}

export function compareTimeLimits(scope: TimeComparison['scope'], before: TimeLimit | undefined, after: TimeLimit | undefined): TimeComparison {
  const unit = before && after ? commonUnit(before.unit, after.unit) : (before ?? after)?.unit;
  const beforeValue = before && unit ? inUnit(before, unit) : undefined;
  const afterValue = after && unit ? inUnit(after, unit) : undefined;
  const saved = beforeValue !== undefined && afterValue !== undefined ? toNumber(sub(exact(beforeValue), exact(afterValue))) : undefined;
  return { scope, unit, before: beforeValue, after: afterValue, saved, percent: saved !== undefined && beforeValue ? percent(exact(saved), exact(beforeValue)) : undefined, limits: { before, after } };
}

function channelState(v: ProcedureVersion, kind: ChannelKind): ChannelState | undefined {
  const c = v.channels?.find((x) => x.kind === kind);
  if (!c) return undefined;
  return { onlineService: c.onlineService, onlinePayment: c.onlinePayment ?? false, timeLimit: c.timeLimit ?? v.timeLimit ?? undefined };
}

const CHANNEL_ORDER: readonly ChannelKind[] = ['in-person', 'online', 'postal'];

function channelKinds(...versions: ProcedureVersion[]): ChannelKind[] {
  const present = new Set(versions.flatMap((v) => (v.channels ?? []).map((c) => c.kind)));
  return CHANNEL_ORDER.filter((k) => present.has(k));
}

function feeTotal(v: ProcedureVersion, channel: ChannelKind | undefined): number {
  return feesDue(v, defaultFacts(v, channel)).lines.reduce((n, l) => n + l.amount, 0);
}

/** The document that makes the change, by relation. */
export function changeBasisOf(after: ProcedureVersion, relation: Relation): LegalRef[] {
  const changedBy = after.changedBy?.legalBasis ?? [];
  if (relation === 'proposal') return dedupeProvisions([...(after.proposal?.amends ?? []), ...changedBy]);
  if (relation === 'variant') return dedupeProvisions([...(after.variant?.commitment ? [after.variant.commitment] : []), ...changedBy]);
  return dedupeProvisions(changedBy);
}

/**
 * Each provision once: two refs to the same point, clause and article of the same document cite the
 * same text, whatever their notes say (an item's own basis and the amending document often name the
 * same clause, one with a note), so only the first is kept and a citation never repeats. A whole
 * document beside one of its own provisions is named by that provision only ("khoản 3 Điều 22 Luật
 * Cư trú", not "khoản 3 Điều 22 Luật Cư trú …; Luật Cư trú …"): the law would otherwise be cited twice.
 */
export function dedupeProvisions(refs: readonly LegalRef[]): LegalRef[] {
  const seen = new Set<string>();
  const unique = refs.filter((r) => {
    const key = canonicalJson([r.document, r.article ?? null, r.clause ?? null, r.point ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const whole = (r: LegalRef) => r.article === undefined && r.clause === undefined && r.point === undefined;
  const withProvision = new Set(unique.filter((r) => !whole(r)).map((r) => r.document));
  return unique.filter((r) => !(whole(r) && withProvision.has(r.document)));
}

/**
 * Both sides' compliance cost. Each side keeps its own volumes and takes the other side's where it
 * states none (a simplification does not change how many people are born); a variant is measured
 * with its locality's subjects on both sides, so the saving is what that locality's applicants save.
 */
export function costPair(catalogue: Catalogue, before: ProcedureVersion, after: ProcedureVersion, relation: Relation, options: { channel?: ChannelKind | undefined; date?: IsoDate | undefined } = {}): CostSide {
  try {
    const b = before.complianceCost ?? {};
    const a = after.complianceCost ?? {};
    const localSubjects = relation === 'variant' ? a.subjectsPerYear : undefined;
    const beforeOptions: ComplianceCostOptions = { fallback: { subjectsPerYear: a.subjectsPerYear, timesPerYear: a.timesPerYear }, ...(localSubjects ? { override: { subjectsPerYear: localSubjects } } : {}) };
    const afterOptions: ComplianceCostOptions = { fallback: { subjectsPerYear: b.subjectsPerYear, timesPerYear: b.timesPerYear } };
    // Stated activities on one side and none on the other would compare a survey with an estimate:
    // both sides are then estimated from their specs, alike.
    const mixed = (b.activities === undefined) !== (a.activities === undefined);
    // Both sides on the same day (the after side's), so a temporary fee rate counts alike on both.
    const date = options.date ?? costDate(after);
    const costBefore = complianceCost(before, catalogue.registry, { ...beforeOptions, estimate: mixed, channel: options.channel, date });
    const costAfter = complianceCost(after, catalogue.registry, { ...afterOptions, estimate: mixed, channel: options.channel, date });
    if (mixed) {
      const [stated, missing] = b.activities === undefined ? [after, before] : [before, after];
      // Each side named by its date and amending document, not its id (issue 18 point 11).
      const lookup = (n: string) => catalogue.registry.legalDocuments.byId.get(n);
      const note = `${upperFirst(versionLabel(missing, lookup))} không nêu các hoạt động tuân thủ: để so sánh tương đương, chi phí của cả hai phiên bản được ước tính từ đặc tả; số liệu đã nêu của ${versionLabel(stated, lookup)} không được dùng.`;
      costBefore.caveats.unshift(note);
      costAfter.caveats.unshift(note);
    }
    const perYear = costBefore.perYear !== undefined && costAfter.perYear !== undefined;
    return { basis: perYear ? 'per-year' : 'per-performance', estimated: costBefore.estimated || costAfter.estimated, detail: { before: costBefore, after: costAfter }, unavailable: undefined };
  } catch (error) {
    if (error instanceof CostInputError || error instanceof RangeError) return { basis: 'per-performance', estimated: false, detail: undefined, unavailable: error.message };
    throw error;
  }
}

/** The day a version's cost is for: a proposal's intended date, else the day it takes effect. */
export function costDate(v: ProcedureVersion): IsoDate | undefined {
  return v.proposal?.target ?? v.effective?.from;
}

export function costFigure(cost: ComplianceCost, basis: CostSide['basis']): number {
  return basis === 'per-year' ? cost.perYear! : cost.perPerformance;
}

function side(v: LoadedVersion, reference: string): VersionSide {
  return { code: v.data.code, version: v.data.version, status: v.data.status, name: v.data.name.vi, effective: v.data.effective, reference };
}

/** Compares two versions: `after` against `before` (the baseline). */
export function diffVersions(catalogue: Catalogue, before: ResolvedReference, after: ResolvedReference): VersionDiff {
  const b = before.version.data;
  const a = after.version.data;
  for (const v of [b, a]) {
    // A repeal is a tombstone with no parts: "everything removed" would misstate it item by item.
    if (v.status === 'repealed') {
      throw new UsageError(`${v.code}@${v.version} repeals the procedure from ${v.effective?.from ?? 'its effective date'} (${(v.changedBy?.legalBasis ?? []).map((r) => r.document).join(', ')}): it has no documents, steps or fees to compare. Compare the versions before it.`, { id: 'diff.repeal', params: { ref: `${v.code}@${v.version}`, from: v.effective?.from ?? '', by: (v.changedBy?.legalBasis ?? []).map((r) => r.document).join(', ') } });
    }
  }
  const relation = relationOf(b, a);
  // Two different procedures have no change to show, only two different contents; a variant or a
  // proposal names its baseline, which may have another code (a local variant: 2.000488.H26).
  if (b.code !== a.code && relation === 'other') {
    throw new UsageError(`${b.code}@${b.version} and ${a.code}@${a.version} are two different procedures (${b.name.vi}; ${a.name.vi}): a diff compares two versions of one procedure, or a proposal or variant with its baseline.`, { id: 'diff.different-procedures', params: { before: `${b.code}@${b.version}`, after: `${a.code}@${a.version}`, beforeName: b.name.vi, afterName: a.name.vi } });
  }
  const changeBasis = changeBasisOf(a, relation);

  const names = { agency: (id: string) => catalogue.registry.agencies.byId.get(id)?.name ?? id, level: (id: string) => catalogue.registry.levels.byId.get(id)?.name ?? id };
  const wide = versionWideChanges(b, a, names);
  const drafts: DraftChange[] = [
    ...wide.filter((c) => c.area === 'name'),
    ...documentChanges(b.dossier?.documents ?? [], a.dossier?.documents ?? [], (id) => catalogue.registry.databases.byId.get(id)?.name ?? id),
    ...stepChanges(b.steps ?? [], a.steps ?? []),
    ...timeLimitChanges(b, a),
    ...channelChanges(b, a),
    ...feeChanges(b.fees ?? [], a.fees ?? []),
    ...requirementChanges(b.requirements ?? [], a.requirements ?? []),
    ...resultChanges(b.results ?? [], a.results ?? []),
    ...formFieldChanges(b, a),
    ...wide.filter((c) => c.area !== 'name'),
  ];

  const cost = costPair(catalogue, b, a, relation);
  let costNumbers: Pick<VersionDiff['cost'], 'before' | 'after' | 'saved' | 'percent'> = { before: undefined, after: undefined, saved: undefined, percent: undefined };
  if (cost.detail) {
    costNumbers = compareCosts(costFigure(cost.detail.before, cost.basis), costFigure(cost.detail.after, cost.basis));
    if (costNumbers.saved !== 0) {
      const basisText = cost.basis === 'per-year' ? 'một năm' : 'một lần thực hiện';
      drafts.push({
        area: 'compliance-cost',
        kind: 'changed',
        classification: costNumbers.saved! > 0 ? 'cut' : 'addition',
        id: 'complianceCost',
        label: 'Chi phí tuân thủ',
        summary: `Chi phí tuân thủ ${basisText}${cost.estimated ? ' (ước tính)' : ''}: ${formatVnd(costNumbers.before!)} → ${formatVnd(costNumbers.after!)}.`,
        pointer: { before: '/complianceCost', after: '/complianceCost' },
        before: costNumbers.before,
        after: costNumbers.after,
        // A rise that rests on estimation parameters is for a reviewer to weigh, not a finding.
        ...(cost.estimated ? { review: true } : {}),
      });
    }
  }

  const changes: Change[] = drafts.map(({ itemBasis, ...c }) => ({
    ...c,
    // A variant relieves applicants by binding the administration, not by changing the law.
    classification: relation === 'variant' && c.classification === 'cut' ? 'tightening' : c.classification,
    legalBasis: dedupeProvisions([...(itemBasis ?? []), ...changeBasis]),
  }));
  const counts: Record<Classification, number> = { cut: 0, tightening: 0, addition: 0, editorial: 0 };
  for (const c of changes) counts[c.classification]++;

  const costChannelBefore = cost.detail?.before.channel;
  const costChannelAfter = cost.detail?.after.channel;
  const kinds = channelKinds(b, a);
  const channels: ChannelComparison[] = kinds.map((kind) => ({ kind, before: channelState(b, kind), after: channelState(a, kind) }));
  const documentsBefore = requiredDocumentCount(b);
  const documentsAfter = requiredDocumentCount(a);

  return {
    before: side(before.version, before.how),
    after: side(after.version, after.how),
    relation,
    changeBasis,
    documents: { before: documentsBefore, after: documentsAfter, cut: documentsBefore - documentsAfter },
    steps: { before: b.steps?.length ?? 0, after: a.steps?.length ?? 0 },
    time: {
      ...compareTimeLimits('statutory', b.timeLimit ?? undefined, a.timeLimit ?? undefined),
      channels: kinds.filter((k) => channelState(b, k) && channelState(a, k)).map((k) => compareTimeLimits(k, channelState(b, k)!.timeLimit, channelState(a, k)!.timeLimit)),
    },
    fees: {
      before: feeTotal(b, costChannelBefore ?? b.channels?.[0]?.kind),
      after: feeTotal(a, costChannelAfter ?? a.channels?.[0]?.kind),
      currency: 'VND',
      channels: kinds.map((k) => ({ kind: k, before: channelState(b, k) ? feeTotal(b, k) : undefined, after: channelState(a, k) ? feeTotal(a, k) : undefined })),
    },
    channels,
    cost: { ...cost, ...costNumbers },
    changes,
    counts,
    regression: (relation === 'proposal' || relation === 'variant') && changes.some((c) => c.classification === 'addition' && !(c.area === 'compliance-cost' && cost.estimated)),
  };
}
