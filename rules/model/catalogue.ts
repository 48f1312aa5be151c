import type { ProcedureVersion } from '../schema/types/procedure-version.generated.js';
import type { Agency, CostEstimation, Database, FeeRate, Field, HourlyIncome, LegalDocument, Level, SimplificationTarget } from '../schema/types/registry.generated.js';
import type { PublishedLock } from '../schema/types/lock.generated.js';
import type { SourceText } from './source.js';
import type { RegistryKind } from './spec.js';

/** One JSON file of the catalogue, with what is needed to place diagnostics in it. */
export interface SourceFile {
  /** The path shown to people: the catalogue dir as given, joined with rel. */
  display: string;
  /** Path relative to the catalogue root, forward slashes. */
  rel: string;
  abs: string;
  source: SourceText;
  /** Pointers of strings that were not NFC before normalisation. */
  nonNfc: readonly string[];
  /** SHA-256 of the file's bytes: any edit changes it. */
  sha256: string;
  /**
   * The lock's hash of a published or repealed version (contentHash of its NFC data), computed when
   * the file was parsed, or restored from the catalogue state with the bytes it was computed from.
   * Absent for other files and for data made in memory: versionHash then computes it.
   */
  contentSha256?: string;
}

/** A procedure version that parsed and passed the schema; its text is NFC-normalised. */
export interface LoadedVersion {
  file: SourceFile;
  data: ProcedureVersion;
  /** The registry entries it names (spec.ts registryRefs), when known without reading the data. */
  registryRefs?: readonly [RegistryKind, string][];
}

/** Where a registry entry is defined. */
export interface Place {
  file: SourceFile;
  pointer: string;
}

export interface RegistryTable<T> {
  byId: Map<string, T>;
  places: Map<string, Place>;
}

export interface Registries {
  legalDocuments: RegistryTable<LegalDocument>;
  agencies: RegistryTable<Agency>;
  fields: RegistryTable<Field>;
  levels: RegistryTable<Level>;
  databases: RegistryTable<Database>;
  hourlyIncomes: RegistryTable<HourlyIncome>;
  costEstimations: RegistryTable<CostEstimation>;
  simplificationTargets: RegistryTable<SimplificationTarget>;
  feeRates: RegistryTable<FeeRate>;
}

/** The registry's tables, in the order of registry.schema.json. */
export const REGISTRY_KEYS = ['legalDocuments', 'agencies', 'fields', 'levels', 'databases', 'hourlyIncomes', 'costEstimations', 'simplificationTargets', 'feeRates'] as const;

/** A catalogue JSON file outside procedures/ and registry/ (calendars, configuration), parsed and NFC-normalised. */
export interface AuxiliaryFile {
  file: SourceFile;
  data: unknown;
}

export interface Catalogue {
  /** Absolute, resolved root. */
  root: string;
  /** The root as given by the caller, used in displayed paths. */
  display: string;
  /** Every valid version, sorted by code then version. */
  versions: LoadedVersion[];
  /** Versions by procedure code, each list sorted by effective date then version id. */
  byCode: Map<string, LoadedVersion[]>;
  registry: Registries;
  lock: { file: SourceFile; data: PublishedLock } | undefined;
  /**
   * The lock file exists but could not be used (unreadable, too large, not JSON, or failing its
   * schema): its own diagnostics say why. Nothing may then treat the catalogue as having no lock,
   * or a `tthc lock` would rebuild it from the current content and launder every edit.
   */
  lockRejected?: { display: string; rel: string } | undefined;
  /** Other JSON files by relative path: calendars/*.json (schema- and calendar-checked; see calendarsOf), lists/*.json (provincial lists, schema-checked; see listsOf), catalogue.json. */
  auxiliary: Map<string, AuxiliaryFile>;
  /** Relative paths of spec files that failed to load; a lint rule must not mistake them for absent. */
  rejected: Set<string>;
}

export function emptyRegistries(): Registries {
  const table = <T>(): RegistryTable<T> => ({ byId: new Map(), places: new Map() });
  return { legalDocuments: table(), agencies: table(), fields: table(), levels: table(), databases: table(), hourlyIncomes: table(), costEstimations: table(), simplificationTargets: table(), feeRates: table() };
}

/** A catalogue with nothing in it yet, at a root: the loader, its worker thread and catalogueFromObjects fill one. */
export function emptyCatalogue(root: string, display: string): Catalogue {
  return { root, display, versions: [], byCode: new Map(), registry: emptyRegistries(), lock: undefined, auxiliary: new Map(), rejected: new Set() };
}

/** How diagnostics name a file of a catalogue: the catalogue folder as given, joined with the relative path. */
export function displayPath(display: string, rel: string): string {
  return display === '.' ? rel : `${display}/${rel}`;
}
