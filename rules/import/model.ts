/** Shapes shared by the import formats, the builder and the report. */
import type { ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import type { Agency, Field, LegalDocument, Level } from '../schema/types/registry.generated.js';

export type ImportFormat = 'national-db-export' | 'portal-2025' | 'old-portal' | 'xlsx-list';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['national-db-export', 'portal-2025', 'old-portal', 'xlsx-list'];

/** Why a value was not taken as structured data with confidence. Stable ids: the report groups by them. */
export type WarningKind =
  | 'code-repaired'
  | 'code-from-name'
  | 'code-mismatch'
  | 'time-unparsed'
  | 'time-unit-assumed'
  | 'time-from-description'
  | 'time-contradiction'
  | 'time-ambiguous'
  | 'time-missing'
  | 'time-differs-by-channel'
  | 'fee-unparsed'
  | 'fee-amount-missing'
  | 'fee-letter-o'
  | 'fee-kind-unknown'
  | 'fee-free-with-note'
  | 'fee-split-ambiguous'
  | 'fee-amount-in-thousands'
  | 'fee-currency-contradiction'
  | 'fee-tiers'
  | 'fee-missing'
  | 'document-counts-unparsed'
  | 'document-zero-count'
  | 'form-name-glued'
  | 'dossier-unparsed'
  | 'legal-number-missing'
  | 'legal-number-from-title'
  | 'legal-number-repaired'
  | 'legal-basis-glued'
  | 'legal-issuer-unknown'
  | 'legal-date-unparsed'
  | 'level-unknown'
  | 'level-missing'
  | 'level-inferred'
  | 'name-too-long'
  | 'kind-unknown'
  | 'agency-missing'
  | 'agency-inferred'
  | 'agency-from-steps'
  | 'agency-from-field-level'
  | 'part-not-stated'
  | 'field-inferred'
  | 'channel-unparsed'
  | 'channel-duplicate'
  | 'steps-unparsed'
  | 'result-unparsed'
  | 'raw-text-residue'
  | 'source-field-unknown';

export interface ImportWarning {
  /** The record, as its file (and index for multi-record files). */
  record: string;
  code?: string;
  /** The source field, as a path into the record: `tables.hinh_thuc_nop[0].thoi_han_giai_quyet`. */
  field: string;
  kind: WarningKind;
  message: string;
}

/** Counts behind the report's shares. */
export interface RecordMetrics {
  channels: number;
  /** Channels whose source states a time limit (in the cell or in the description). */
  timeStated: number;
  /** …of which parsed to value and unit (including a unit read from the description). */
  timeParsed: number;
  /** …of which the unit had to be assumed (a bare number); also counted in timeParsed. */
  timeUnitAssumed: number;
  /** Channels whose source says "Không quy định". */
  timeNotRegulated: number;
  /** Channels whose source states a fee (anything but no data). */
  feeStated: number;
  /** …of which every amount parsed (or the channel is free). */
  feeParsed: number;
  /** Documents whose source states copy counts. */
  documentsWithCounts: number;
  /** …of which the counts parsed. */
  countsParsed: number;
  /** Items listed as documents that were turned into notes (`0 bản chính` explanations). */
  notesFromDocuments: number;
}

export function emptyMetrics(): RecordMetrics {
  return { channels: 0, timeStated: 0, timeParsed: 0, timeUnitAssumed: 0, timeNotRegulated: 0, feeStated: 0, feeParsed: 0, documentsWithCounts: 0, countsParsed: 0, notesFromDocuments: 0 };
}

/** A legal document as one record describes it; the registry keeps the best description seen. */
export interface LegalDocumentCandidate {
  entry: LegalDocument;
  /** Higher wins: national export (dated, with issuer) 3, a portal title 2, a title built from the number 1. */
  rank: number;
}

/** What one record needs from the registries. */
export interface RegistryNeeds {
  agencies: Agency[];
  fields: Field[];
  legalDocuments: LegalDocumentCandidate[];
  levels: Level[];
}

/** The outcome of reading one source record. */
export type RecordOutcome =
  | {
      status: 'parsed';
      record: string;
      format: ImportFormat;
      /** The spec without version, status and supersedes, which depend on the catalogue. */
      spec: Omit<ProcedureVersion, 'version' | 'status'>;
      needs: RegistryNeeds;
      warnings: ImportWarning[];
      metrics: RecordMetrics;
      /** The source record (for the coverage check and the JSON report). */
      source: unknown;
    }
  | { status: 'rejected'; record: string; format: ImportFormat; reason: string; name?: string | undefined; source: unknown };

/** A row of an xlsx list export. */
export interface ListRow {
  record: string;
  code: string | undefined;
  rawCode: string;
  name: string;
  issuer: string | undefined;
  agency: string | undefined;
  field: string | undefined;
}
