import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { countBySeverity, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { Catalogue } from '../model/catalogue.js';
import { lintCodes } from '../model/spec.js';
import { loadCatalogue, type LoadOptions } from '../load/catalogue.js';
import { rulesSalt, type CatalogueState } from '../load/state.js';
import { ALL_RULES, RULES } from '../lint/index.js';
import { lintCatalogue } from '../lint/engine.js';
import type { LintRule } from '../lint/rule.js';
import type { LintWorkerData } from './lint-worker.js';

export interface ValidateOptions extends Omit<LoadOptions, 'shardWorker'> {
  /** Escalate warnings to errors, except suggestions (rules of type "suggestion"). CI uses it. */
  strict?: boolean;
  /**
   * A catalogue with published versions must have its lock (build sets it; --strict implies it):
   * without one, nothing shows the published versions are the ones published (issue 16, point 2).
   */
  requireLock?: boolean;
  rules?: readonly LintRule[];
}

export interface ValidationResult {
  catalogue: Catalogue;
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
}

/** Applies --strict: warnings about problems become errors; suggestions stay warnings. */
export function applyStrict(diagnostics: Diagnostic[], rules: readonly LintRule[] = ALL_RULES): Diagnostic[] {
  const suggestions = new Set(rules.filter((r) => r.meta.type === 'suggestion').map((r) => r.id));
  return diagnostics.map((d) => (d.severity === 'warning' && !suggestions.has(d.ruleId) && !d.blocksPublishing ? { ...d, severity: 'error' } : d));
}

/**
 * Makes a missing lock an error rather than a warning (see ValidateOptions.requireLock). --strict
 * makes it one too, like every warning about a problem; build refuses it without --strict.
 */
export function requireLock(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.ruleId === 'published-immutable' && d.messageId === 'noLock' && d.severity !== 'error' ? { ...d, severity: 'error' } : d));
}

/** Lints an already-loaded catalogue and combines the result with the load diagnostics. */
export function checkCatalogue(
  catalogue: Catalogue,
  loadDiagnostics: Diagnostic[],
  options: ValidateOptions & { state?: CatalogueState | undefined; precomputed?: ReadonlyMap<string, readonly Diagnostic[]> } = {},
): ValidationResult {
  const rules = options.rules ?? ALL_RULES;
  const lint = lintCatalogue(catalogue, rules, { ...(options.state ? { cache: options.state, salt: rulesSalt() } : {}), ...(options.precomputed ? { precomputed: options.precomputed } : {}) });
  let diagnostics = sortDiagnostics([...loadDiagnostics, ...lint]);
  if (options.strict) diagnostics = applyStrict(diagnostics, rules);
  if (options.requireLock || options.strict) diagnostics = requireLock(diagnostics);
  const { errors, warnings } = countBySeverity(diagnostics);
  return { catalogue, diagnostics, errors, warnings };
}

/**
 * The loader's second thread lints the versions it checks, when every rule is a registered one (the
 * worker loads them by id): their version-scope rules run there (lint-worker.ts).
 */
export function lintWorker(rules: readonly LintRule[]): LoadOptions['shardWorker'] {
  const versionRules = rules.filter((r) => r.meta.scope === 'version');
  if (!versionRules.every((r) => RULES.get(r.id) === r)) return undefined;
  const data: LintWorkerData = { ruleIds: versionRules.map((r) => r.id) };
  return { script: new URL('./lint-worker.js', import.meta.url), data };
}

/**
 * The worker's findings hold only where it saw every version it could have looked at: the versions
 * of each code the version names all sit in that code's folder, and the worker read that folder.
 */
export function wholeFindings(catalogue: Catalogue, findings: ReadonlyMap<string, Diagnostic[]>, folders: ReadonlySet<string>): Map<string, Diagnostic[]> {
  const byRel = new Map(catalogue.versions.map((v) => [v.file.rel, v]));
  const out = new Map<string, Diagnostic[]>();
  for (const [rel, list] of findings) {
    const v = byRel.get(rel);
    const whole = v !== undefined && lintCodes(v).every((c) => folders.has(c) && (catalogue.byCode.get(c) ?? []).every((x) => x.file.rel.startsWith(`procedures/${c}/`)));
    if (whole) out.set(rel, list);
  }
  return out;
}

/** Loads and checks a catalogue folder: parse, schema, normalise, then every lint rule. */
export async function validateCatalogue(dir: string, options: ValidateOptions = {}): Promise<ValidationResult> {
  const rules = options.rules ?? ALL_RULES;
  const shardWorker = lintWorker(rules);
  // --strict trusts nothing kept from an earlier run: every file is read, every hash computed again
  // (the state is still saved fresh, for the next run without --strict).
  const load = { ...options, ...(options.strict ? { readState: false } : {}), ...(shardWorker ? { shardWorker } : {}) };
  const { catalogue, diagnostics, state, shardFindings, shardFolders } = await loadCatalogue(dir, load);
  const precomputed = wholeFindings(catalogue, shardFindings, shardFolders);
  const result = checkCatalogue(catalogue, diagnostics, { ...options, state, precomputed });
  await state?.save();
  return result;
}
