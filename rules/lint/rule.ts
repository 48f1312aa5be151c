import type { RelatedPlace, Severity } from '../diagnostics/diagnostic.js';
import type { Catalogue, LoadedVersion, SourceFile } from '../model/catalogue.js';

/**
 * What a rule is about, shown on its docs page and used by the engine. `M` is the rule's message
 * ids: the keys of `messages`, and the only ids its reports and examples may name.
 */
export interface RuleMeta<M extends string = string> {
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
  messages: Record<M, string>;
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

export interface InvalidRuleExample<M extends string = string> extends RuleExample {
  /** The exact reports expected on the version under test, in order. */
  errors: { messageId: M; pointer: string }[];
}

export interface RuleExamples<M extends string = string> {
  valid: RuleExample[];
  invalid: InvalidRuleExample<M>[];
}

export interface Report<M extends string = string> {
  messageId: M;
  pointer: string;
  data?: Record<string, string | number>;
  severity?: Severity;
  /** The pointer names a key rather than its value. */
  atKey?: boolean;
  related?: { file: SourceFile; pointer: string; message: string }[];
  /** Catalogue-scope rules say which file; version-scope rules default to the version's file. */
  file?: SourceFile;
}

export interface RuleContext<M extends string = string> {
  catalogue: Catalogue;
  /** The version under check (version-scope rules only). */
  version: LoadedVersion;
  report(report: Report<M>): void;
}

export interface LintRule<M extends string = string> {
  /** kebab-case id, also the file name, test name and docs page name. */
  id: string;
  meta: RuleMeta<M>;
  examples: RuleExamples<M>;
  check(ctx: RuleContext<M>): void;
}

/**
 * A rule, with its message ids taken from `meta.messages`: a report or an example naming an id the
 * rule does not declare fails to compile (`npx tsc`), instead of throwing when the rule first fires.
 */
export function defineRule<M extends string>(rule: { id: string; meta: RuleMeta<M>; examples: RuleExamples<NoInfer<M>>; check(ctx: RuleContext<NoInfer<M>>): void }): LintRule<M> {
  // The ids are inferred from meta.messages alone (NoInfer elsewhere), so a stray id is an error, not a new id.
  return rule;
}

export type { RelatedPlace };
