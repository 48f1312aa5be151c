/** The tthc library API. The CLI is a thin layer over these functions. */
export type { Diagnostic, RelatedPlace, Severity } from './diagnostics/diagnostic.js';
export { sortDiagnostics, countBySeverity } from './diagnostics/diagnostic.js';
export { formatDiagnostics, formatJson, formatStylish } from './diagnostics/format.js';
export type { Catalogue, LoadedVersion, SourceFile, Registries } from './model/catalogue.js';
export type { LoadOptions, LoadResult } from './load/catalogue.js';
export { loadCatalogue } from './load/catalogue.js';
export { loadCalendarFile, calendarsOf } from './load/calendar-file.js';
export { DEFAULT_MAX_FILE_BYTES, LOCK_FILE } from './load/layout.js';
export { checkCalendar, type CalendarIssue } from './load/calendar.js';
export { catalogueFromObjects } from './load/in-memory.js';
export { validateCatalogue, checkCatalogue, applyStrict, type ValidateOptions, type ValidationResult } from './validate/index.js';
export { RULES, ALL_RULES } from './lint/index.js';
export type { LintRule, RuleMeta, RuleContext } from './lint/rule.js';
export { resolve, versionInForce, effectiveWindows, findVersion, describeResolution, type Resolution, type EffectiveWindow } from './compute/resolve.js';
export { WorkingCalendar, createWorkingCalendar, resolveOffice, type CalendarDay, type DayKind, type DaySource, type ProvisionalNote, type YearStatus, type Office } from './compute/calendar.js';
export { lunarToSolar, solarToLunar, lunarNewYear, LUNAR_RANGE, type LunarDate } from './compute/lunar.js';
export {
  computeDueDate,
  dueDateForApplication,
  parseMoment,
  receiptOf,
  type DueDateRequest,
  type DueDateResult,
  type DueDateFlag,
  type SkippedDay,
  type Supplement,
  type Pause,
  type Moment,
  type ApplicationDueDate,
} from './compute/deadlines.js';
export { prepareApplication, applicableTimeLimit, summarize, type Application, type ApplicationRequest, type ApplicationSummary, type ApplicableTimeLimit } from './compute/application.js';
export {
  BUILT_IN_FACTS,
  factsOf,
  resolveFacts,
  parseFactValue,
  evaluateCondition,
  defaultFacts,
  describeCondition,
  missingFacts,
  type Facts,
  type ResolvedFacts,
  type FactSetting,
  type FactValue,
  type Truth,
} from './compute/conditions.js';
export { computeFees, type FeeLine, type FeeResult } from './compute/fees.js';
export { requiredDocuments, type DossierLine, type DossierResult } from './compute/dossier.js';
export { complianceCost, compareCosts, feesDue, hourlyIncomeFor, CostInputError, type ComplianceCost, type ComplianceCostOptions, type CostComparison, type AssumptionUsed } from './compute/compliance-cost.js';
export { diffVersions, compareTimeLimits, requiredDocumentCount, type VersionDiff, type Change, type Classification, type ChangeArea, type TimeComparison } from './compute/diff/index.js';
export { resolveReference, baselineOf, relationOf, type ResolvedReference, type Relation } from './compute/references.js';
export {
  announcementChanges,
  announcementDeadline,
  resolveIssuer,
  inferIssuer,
  outsideScope,
  sectorMinistry,
  DEFAULT_DEADLINE_DAYS,
  type AnnouncedChange,
  type AnnouncementKind,
  type AnnouncementSelection,
  type AnnouncementDeadline,
  type DeadlineForDate,
  type Issuer,
  type IssuerRole,
  type NotAnnounced,
} from './compute/announcement.js';
export { percent, exact, type Exact } from './compute/exact.js';
export { wordDiff, type TextChange } from './text/word-diff.js';
export { assertLockUsable, updatedLock, writeLock } from './store/lock.js';
export { publishVersion } from './store/publish.js';
export { createNextVersion } from './store/versions.js';
export { writeFileAtomic } from './store/atomic.js';
export { UsageError, CatalogueAccessError, CatalogueOperationError } from './errors.js';
export type * from './schema/types/procedure-version.generated.js';
export type { Registry, LegalDocument, Agency, Field, Level, Database, HourlyIncome, LegalDocumentType, CostEstimation, EstimationParameter } from './schema/types/registry.generated.js';
export type { PublishedLock, LockEntry } from './schema/types/lock.generated.js';
export { importSources, readRecords, type ImportOptions, type ImportRun, type VersionOutcome } from './import/importer.js';
export { buildReport, formatReport, type ImportReport } from './import/report.js';
export { checkCoverage, countsMatchSource } from './import/coverage.js';
export type { ImportFormat, ImportWarning, WarningKind } from './import/model.js';
export type { WorkingCalendar as CalendarData, HolidayRule, Announcement, AnnouncedDay, PendingItem, OfficeHours, TimeSpan } from './schema/types/calendar.generated.js';
