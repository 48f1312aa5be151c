import type { Diagnostic } from './diagnostics/diagnostic.js';
import { countBySeverity, sortDiagnostics } from './diagnostics/diagnostic.js';
import { loadCatalogue, type Catalogue, type LoadOptions } from './load/catalogue.js';
import { ALL_RULES } from './lint/index.js';
import { lintCatalogue } from './lint/engine.js';
import type { LintRule } from './lint/rule.js';
import { rulesSalt, type CatalogueState } from './load/state.js';

export interface ValidateOptions extends LoadOptions {
  /** Escalate warnings to errors, except suggestions (rules of type "suggestion"). CI uses it. */
  strict?: boolean;
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
  return diagnostics.map((d) => (d.severity === 'warning' && !suggestions.has(d.ruleId) ? { ...d, severity: 'error' } : d));
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
  const { errors, warnings } = countBySeverity(diagnostics);
  return { catalogue, diagnostics, errors, warnings };
}

/** Loads and checks a catalogue folder: parse, schema, normalise, then every lint rule. */
export async function validateCatalogue(dir: string, options: ValidateOptions = {}): Promise<ValidationResult> {
  const rules = options.rules ?? ALL_RULES;
  const { catalogue, diagnostics, state, precomputed } = await loadCatalogue(dir, { ...options, lintRules: rules });
  const result = checkCatalogue(catalogue, diagnostics, { ...options, state, precomputed });
  await state?.save();
  return result;
}
