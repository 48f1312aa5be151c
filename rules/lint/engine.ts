import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { diagnosticAt, relatedAt, type Catalogue, type LoadedVersion } from '../load/catalogue.js';
import type { LintRule, Report, RuleContext } from './rule.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Fills {{name}} placeholders; an unknown name is left visible rather than silently dropped. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole));
}

export function docsUrlFor(ruleId: string): string {
  return `rules/${ruleId}.html`;
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
      url: docsUrlFor(rule.id),
    });
    d.messageId = report.messageId;
    out.push(d);
  };
}

/**
 * Runs lint rules over every loaded version. A rule that throws is a bug in the rule, not in the
 * catalogue: it becomes one diagnostic (lint/rule-failed) and the other rules still run.
 */
export function lintCatalogue(catalogue: Catalogue, rules: readonly LintRule[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const run = (rule: LintRule, version: LoadedVersion | undefined) => {
    const ctx: RuleContext = { catalogue, version: version as LoadedVersion, report: makeReporter(rule, catalogue, version, out) };
    try {
      rule.check(ctx);
    } catch (error) {
      out.push({
        file: version?.file.display ?? catalogue.display,
        line: 1,
        column: 1,
        pointer: '',
        ruleId: 'lint/rule-failed',
        severity: 'error',
        message: `Rule ${rule.id} failed on this file (${error instanceof Error ? error.message : String(error)}); please report it.`,
      });
    }
  };
  const versionRules = rules.filter((r) => r.meta.scope === 'version');
  for (const version of catalogue.versions) for (const rule of versionRules) run(rule, version);
  for (const rule of rules) if (rule.meta.scope === 'catalogue') run(rule, undefined);
  return sortDiagnostics(out);
}
