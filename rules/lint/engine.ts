import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { diagnosticAt, relatedAt } from '../diagnostics/place.js';
import { type Catalogue, type LoadedVersion } from '../model/catalogue.js';
import type { LintRule, Report, RuleContext } from './rule.js';
import { createHash } from 'node:crypto';
import { lintCodes } from '../model/spec.js';
import { ruleDocsPath } from './docs-path.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Fills {{name}} placeholders; an unknown name is left visible rather than silently dropped. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole));
}

function makeReporter(rule: LintRule, catalogue: Catalogue, version: LoadedVersion | undefined, out: Diagnostic[]) {
  return (report: Report): void => {
    const template = rule.meta.messages[report.messageId];
    if (template === undefined) throw new Error(`rule ${rule.id} reported unknown messageId "${report.messageId}"`);
    const file = report.file ?? version?.file;
    if (!file) throw new Error(`rule ${rule.id} reported without a file`);
    const d = diagnosticAt(file, report.pointer, rule.id, report.severity ?? rule.meta.severity, formatMessage(template, report.data), {
      atKey: report.atKey ?? false,
      related: (report.related ?? []).map((r) => relatedAt(r.file, r.pointer, r.message)),
      url: ruleDocsPath(rule.id),
    });
    d.messageId = report.messageId;
    out.push(d);
  };
}

/**
 * What a version-scope rule may read: the version (through ctx.version), the registries, and the
 * versions of its own code and of the baselines it names (findVersion, effectiveWindows), with the
 * files of those codes that failed to load. Every other part of the catalogue throws when read, so
 * a version's findings depend only on what its cache key (versionInputs) covers, by construction.
 */
function versionView(catalogue: Catalogue, codes: readonly string[], rejected: ReadonlySet<string>): Catalogue {
  const byCode = new Map<string, LoadedVersion[]>();
  for (const code of codes) {
    const list = catalogue.byCode.get(code);
    if (list) byCode.set(code, list);
  }
  return restrictedView(catalogue, byCode, rejected);
}

function restrictedView(catalogue: Catalogue, byCode: Map<string, LoadedVersion[]>, rejected: ReadonlySet<string>): Catalogue {
  const off = (what: string) => () => {
    throw new Error(`a version-scope rule may not read catalogue.${what}; give it scope "catalogue"`);
  };
  const view = { root: catalogue.root, display: catalogue.display, registry: catalogue.registry, byCode, rejected } as Partial<Catalogue>;
  for (const key of ['versions', 'lock', 'auxiliary'] as const) Object.defineProperty(view, key, { get: off(key), enumerable: false });
  return view as Catalogue;
}

export { lintCodes };

/** Lint findings to reuse: what a state keeps per version, keyed by the hash of the version's lint inputs. */
export interface LintCache {
  lintOf(rel: string, key: string): Diagnostic[] | undefined;
  recordLint(rel: string, key: string, diagnostics: Diagnostic[]): void;
}

/**
 * Runs lint rules over every loaded version. A rule that throws is a bug in the rule, not in the
 * catalogue: it becomes one diagnostic (lint/rule-failed) and the other rules still run. With a
 * cache, a version whose rules' inputs (the rules, its file, the registries, the versions of the
 * codes it looks at) are unchanged gets its previous findings instead of being checked again.
 * Catalogue-scope rules always run: they look at everything.
 */
export function lintCatalogue(
  catalogue: Catalogue,
  rules: readonly LintRule[],
  options: { cache?: LintCache | undefined; salt?: string; precomputed?: ReadonlyMap<string, readonly Diagnostic[]> } = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const versionRules = rules.filter((r) => r.meta.scope === 'version');
  if (versionRules.length > 0) {
    const linter = versionLinter(catalogue, versionRules);
    const inputs = options.cache ? new LintInputs(catalogue, versionRules, linter.rejectedByCode, options.salt ?? '') : undefined;
    for (const version of catalogue.versions) {
      const key = inputs?.of(version);
      const cached = key !== undefined ? options.cache!.lintOf(version.file.rel, key) : undefined;
      if (cached) {
        out.push(...cached);
        continue;
      }
      const found = [...(options.precomputed?.get(version.file.rel) ?? linter.lint(version))];
      if (key !== undefined) options.cache!.recordLint(version.file.rel, key, found);
      out.push(...found);
    }
  }
  for (const rule of rules) if (rule.meta.scope === 'catalogue') runRule(rule, catalogue, undefined, catalogue, out);
  return sortDiagnostics(out);
}

/** The version-scope rules' findings on every version, by file (for the loader's worker thread). */
export function lintEachVersion(catalogue: Catalogue, rules: readonly LintRule[]): Map<string, Diagnostic[]> {
  const linter = versionLinter(catalogue, rules.filter((r) => r.meta.scope === 'version'));
  return new Map(catalogue.versions.map((v) => [v.file.rel, linter.lint(v)]));
}

/** The version-scope rules' findings on one version (tthc new-version looks at the draft it wrote). */
export function lintVersion(catalogue: Catalogue, rules: readonly LintRule[], version: LoadedVersion): Diagnostic[] {
  return versionLinter(catalogue, rules.filter((r) => r.meta.scope === 'version')).lint(version);
}

/** Runs one rule; a rule that throws is a bug in the rule, reported as lint/rule-failed. */
function runRule(rule: LintRule, catalogue: Catalogue, version: LoadedVersion | undefined, view: Catalogue, into: Diagnostic[]): void {
  const ctx: RuleContext = { catalogue: view, version: version as LoadedVersion, report: makeReporter(rule, catalogue, version, into) };
  try {
    rule.check(ctx);
  } catch (error) {
    into.push({
      file: version?.file.display ?? catalogue.display,
      line: 1,
      column: 1,
      pointer: '',
      ruleId: 'lint/rule-failed',
      severity: 'error',
      message: `Rule ${rule.id} failed on this file (${error instanceof Error ? error.message : String(error)}); please report it.`,
    });
  }
}

/** Runs the version-scope rules on one version at a time, each through its restricted view. */
function versionLinter(catalogue: Catalogue, versionRules: readonly LintRule[]) {
  const rejectedByCode = new Map<string, Set<string>>();
  for (const rel of catalogue.rejected) {
    const code = /^procedures\/([^/]+)\//.exec(rel)?.[1];
    if (code === undefined) continue;
    const set = rejectedByCode.get(code) ?? new Set<string>();
    set.add(rel);
    rejectedByCode.set(code, set);
  }
  return {
    rejectedByCode,
    lint(version: LoadedVersion): Diagnostic[] {
      const codes = lintCodes(version);
      const rejected = new Set<string>();
      for (const code of codes) for (const rel of rejectedByCode.get(code) ?? []) rejected.add(rel);
      const view = versionView(catalogue, codes, rejected);
      const found: Diagnostic[] = [];
      for (const rule of versionRules) runRule(rule, catalogue, version, view, found);
      return [...found, ...publishBlockers(version, versionRules, catalogue, view, found)];
    },
  };
}

/**
 * What `tthc publish` would refuse in a draft or proposal, found while it is still a draft (issue 18,
 * point 12): the version-scope rules are run once more on the version as publish checks it (status
 * published), and each error that only appears then is reported on the draft as a warning marked
 * `blocksPublishing`. Rule ids and pointers are the rule's own, so the fix is the same. A version
 * without an effective date is left alone: publish refuses it for that alone, and says so.
 */
function publishBlockers(version: LoadedVersion, versionRules: readonly LintRule[], catalogue: Catalogue, view: Catalogue, found: readonly Diagnostic[]): Diagnostic[] {
  const v = version.data;
  if ((v.status !== 'draft' && v.status !== 'proposed') || !v.effective) return [];
  const published: LoadedVersion = { ...version, data: { ...v, status: 'published' } };
  // The view holds the published copy in the draft's place, as publish checks it: the rules that
  // look at the other versions of the code (an overlap with a version in force) then see it.
  const byCode = new Map([...view.byCode].map(([code, list]) => [code, list.map((x) => (x === version ? published : x))]));
  const publishedView = restrictedView(catalogue, byCode, view.rejected);
  const asPublished: Diagnostic[] = [];
  for (const rule of versionRules) runRule(rule, catalogue, published, publishedView, asPublished);
  const already = new Set(found.map((d) => `${d.ruleId}\0${d.pointer}\0${d.messageId ?? ''}`));
  return asPublished
    .filter((d) => d.severity === 'error' && d.ruleId !== 'lint/rule-failed' && !already.has(`${d.ruleId}\0${d.pointer}\0${d.messageId ?? ''}`))
    .map((d) => ({ ...d, severity: 'warning' as const, message: `Publishing would be refused: ${d.message}`, blocksPublishing: true as const }));
}

/** The hashes that key a version's lint findings. */
class LintInputs {
  private readonly base: string;
  private readonly groups = new Map<string, string>();
  private readonly keys = new Map<string, string>();

  constructor(
    private readonly catalogue: Catalogue,
    rules: readonly LintRule[],
    private readonly rejectedByCode: ReadonlyMap<string, ReadonlySet<string>>,
    salt: string,
  ) {
    const registryFiles = new Map<string, string>();
    for (const table of Object.values(catalogue.registry)) for (const place of table.places.values()) registryFiles.set(place.file.rel, place.file.sha256);
    this.base = hashParts([salt, catalogue.display, ...rules.map((r) => r.id), ...[...registryFiles].sort(([a], [b]) => (a < b ? -1 : 1)).flat()]);
  }

  /** The versions of a code and its files that failed to load. */
  private group(code: string): string {
    let hash = this.groups.get(code);
    if (hash === undefined) {
      const parts = (this.catalogue.byCode.get(code) ?? []).map((v) => `${v.file.rel}\0${v.file.sha256}`).sort();
      parts.push('rejected', ...[...(this.rejectedByCode.get(code) ?? [])].sort());
      hash = hashParts(parts);
      this.groups.set(code, hash);
    }
    return hash;
  }

  /** The key of a version: its file, and the hash of what it reads besides (one per set of codes). */
  of(v: LoadedVersion): string {
    const codes = lintCodes(v);
    const joined = codes.join('\0');
    let key = this.keys.get(joined);
    if (key === undefined) {
      key = hashParts([this.base, ...codes.map((c) => `${c}\0${this.group(c)}`)]);
      this.keys.set(joined, key);
    }
    return `${key}:${v.file.sha256}`;
  }
}

function hashParts(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(`${p.length}:`).update(p).update('\n');
  return hash.digest('hex');
}
