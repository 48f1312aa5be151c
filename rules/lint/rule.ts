import type { RelatedPlace, Severity } from '../diagnostics/diagnostic.js';
import type { Catalogue, LoadedVersion, SourceFile } from '../load/catalogue.js';

/** What a rule is about, shown on its docs page and used by the engine. */
export interface RuleMeta {
  /** problem: the spec states something unlawful or inconsistent; suggestion: it could be clearer. */
  type: 'problem' | 'suggestion';
  /** One line: what the rule checks. */
  description: string;
  /** Why a legal reviewer cares, with the legal reference where there is one. */
  rationale: string;
  /** Default severity; a rule may report a lower one for drafts (see its description). */
  severity: Severity;
  /** version: check() runs once per procedure version; catalogue: once for the whole catalogue. */
  scope: 'version' | 'catalogue';
  /** Message templates by id; {{name}} placeholders are filled from the report's data. */
  messages: Record<string, string>;
}

/** A worked example: a JSON merge patch (RFC 7396) applied to the base fixture version. */
export interface RuleExample {
  description: string;
  /** Merge patch for the version under test. */
  patch: Record<string, unknown>;
  /** Further versions in the same catalogue (merge patches on the base), listed before the one under test. */
  others?: Record<string, unknown>[];
  /** Merge patch on the base registries. */
  registry?: Record<string, unknown>;
}

export interface InvalidRuleExample extends RuleExample {
  /** The exact reports expected on the version under test, in order. */
  errors: { messageId: string; pointer: string }[];
}

export interface RuleExamples {
  valid: RuleExample[];
  invalid: InvalidRuleExample[];
}

export interface Report {
  messageId: string;
  pointer: string;
  data?: Record<string, string | number>;
  severity?: Severity;
  /** The pointer names a key rather than its value. */
  atKey?: boolean;
  related?: { file: SourceFile; pointer: string; message: string }[];
  /** Catalogue-scope rules say which file; version-scope rules default to the version's file. */
  file?: SourceFile;
}

export interface RuleContext {
  catalogue: Catalogue;
  /** The version under check (version-scope rules only). */
  version: LoadedVersion;
  report(report: Report): void;
}

export interface LintRule {
  /** kebab-case id, also the file name, test name and docs page name. */
  id: string;
  meta: RuleMeta;
  examples: RuleExamples;
  check(ctx: RuleContext): void;
}

export type { RelatedPlace };
