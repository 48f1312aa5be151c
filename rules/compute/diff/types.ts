import type { ChannelKind, LegalRef, TimeLimit, TimeUnit, VersionStatus } from '../../schema/types/procedure-version.generated.js';
import type { TextChange } from '../../text/word-diff.js';
import type { ComplianceCost, CostComparison } from '../compliance-cost.js';
import type { Relation } from '../references.js';

/**
 * How a change weighs on the applicant, against the baseline:
 * - cut: less to supply, do, pay or wait for (the law or plan itself is simplified);
 * - tightening: the same relief made by a local variant, which binds the administration more tightly
 *   than its baseline while the law stays as it is;
 * - addition: more burden; a regression when the version is a proposal or variant of the baseline;
 * - editorial: wording, citations and organisation, with no effect on the burden the engine can measure.
 */
export type Classification = 'cut' | 'tightening' | 'addition' | 'editorial';

export type ChangeArea =
  | 'name'
  | 'document'
  | 'step'
  | 'time-limit'
  | 'channel'
  | 'fee'
  | 'requirement'
  | 'result'
  | 'form-fields'
  | 'subjects'
  | 'agencies'
  | 'levels'
  | 'legal-basis'
  | 'compliance-cost';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'replaced-by-lookup';

/** One typed change between two versions. */
export interface Change {
  area: ChangeArea;
  kind: ChangeKind;
  classification: Classification;
  /** The item's id (document, step, fee…) or, for version-wide parts, the area. */
  id: string;
  /** The item's name as a reader knows it. */
  label: string;
  /** The changed property, when one property of a kept item changed (copies, certifiedCopy, when, text…). */
  property?: string;
  before?: unknown;
  after?: unknown;
  /** One Vietnamese sentence saying what changed. */
  summary: string;
  /** Where the item is in each version. */
  pointer: { before?: string; after?: string };
  /** Word-level diff of a changed text, on NFC text. */
  textDiff?: TextChange[];
  /** The legal basis of the change: the item's own citations, then the amending document. */
  legalBasis: LegalRef[];
  /** The engine cannot weigh this change (a reworded condition or requirement): a reviewer should read it. */
  review?: boolean;
}

export interface TimeComparison {
  /** 'statutory' for the procedure's time limit, else the channel. */
  scope: 'statutory' | ChannelKind;
  /** The unit both values are given in; undefined when they cannot be put in one unit exactly. */
  unit: TimeUnit | undefined;
  /** The limit before, in unit. */
  before: number | undefined;
  /** The limit after, in unit. */
  after: number | undefined;
  /** before − after, in unit. */
  saved: number | undefined;
  /** saved / before × 100, 2 decimals; undefined when before is 0 or the units differ. */
  percent: number | undefined;
  /** The limits as the specs state them. */
  limits: { before: TimeLimit | undefined; after: TimeLimit | undefined };
}

export interface ChannelState {
  onlineService: 'full' | 'partial' | undefined;
  onlinePayment: boolean;
  timeLimit: TimeLimit | undefined;
}

export interface ChannelComparison {
  kind: ChannelKind;
  before: ChannelState | undefined;
  after: ChannelState | undefined;
}

export interface VersionSide {
  code: string;
  version: string;
  status: VersionStatus;
  name: string;
  effective: { from: string; until?: string | null } | undefined;
  /** How the command line named it. */
  reference: string;
}

export interface CostSide {
  /** The figures compared: per year when both sides know their subjects, else per performance. */
  basis: 'per-year' | 'per-performance';
  /** True when either side rests on an estimation parameter. */
  estimated: boolean;
  /** Both sides in full, with inputs, sources and assumptions; undefined when unavailable. */
  detail: { before: ComplianceCost; after: ComplianceCost } | undefined;
  /** Why the cost could not be computed, when it could not. */
  unavailable: string | undefined;
}

export interface VersionDiff {
  before: VersionSide;
  after: VersionSide;
  relation: Relation;
  /** The document that makes the change: the proposal's amended documents, the variant's commitment, or changedBy. */
  changeBasis: LegalRef[];
  /** Counts of documents the applicant must supply (database look-ups not counted). */
  documents: { before: number; after: number; cut: number };
  steps: { before: number; after: number };
  time: TimeComparison & { channels: TimeComparison[] };
  /** Fees due in VND for one performance, on the channel the cost assumes, each fact at its default. */
  fees: { before: number; after: number; currency: 'VND'; channels: { kind: ChannelKind; before: number | undefined; after: number | undefined }[] };
  channels: ChannelComparison[];
  /** Whole đồng: before, after, saved (before − after) and percent cut, plus the details. */
  cost: CostSide & { [K in keyof CostComparison]: CostComparison[K] | undefined };
  changes: Change[];
  counts: Record<Classification, number>;
  /**
   * True when a proposal or variant adds burden beyond its baseline: any addition, except a rise in
   * compliance cost that rests on estimates (flagged for review instead).
   */
  regression: boolean;
}
