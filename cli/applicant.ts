/**
 * What the applicant's questions (due, fee, dossier) share: the application they describe (procedure
 * version in force, channel, facts) and the two header lines that say which one was used.
 */
import { prepareApplication, type ApplicationSummary } from '../rules/compute/application.js';
import { loadForQuery } from './catalogue.js';
import { m } from './i18n.js';
import { parseDateOption, parseFactOptions, parseRecordedOption } from './options.js';
import { cite } from './output.js';
import { addDays } from '../rules/compute/dates.js';
import type { Catalogue } from '../rules/model/catalogue.js';

export interface ApplicantFlags {
  at?: string;
  asRecorded?: string;
  knownAt?: string;
  channel?: string;
  fact?: string[];
  format: string;
  dir: string;
}

export async function application(code: string, flags: ApplicantFlags) {
  const date = parseDateOption(flags.at, '--at');
  const recordedAt = parseRecordedOption(flags);
  const { catalogue } = await loadForQuery(flags.dir);
  return { catalogue, app: prepareApplication(catalogue, { code, date, recordedAt, channel: flags.channel, facts: parseFactOptions(flags.fact) }) };
}

/**
 * The lines that say a result rests on a correction (đính chính) and how to see the original, or
 * that an as-recorded view predates a correction; none for a version as first recorded.
 */
export function correctionLines(catalogue: Catalogue, app: ApplicationSummary): string[] {
  const t = m().applicant;
  const lines: string[] = [];
  const c = app.correction;
  if (c) {
    lines.push(t.correctionLine(c.record, c.corrects, c.from, c.recorded, c.legalBasis.map((r) => cite(catalogue, r)).join('; '), c.reason));
    lines.push(t.originalLine(addDays(c.recorded, -1)));
  }
  if (app.recordedAt && app.laterCorrections.length > 0) {
    lines.push(t.laterLine(app.recordedAt, app.laterCorrections.map((x) => `${x.record} (${x.recorded})`).join(', ')));
  }
  return lines;
}

export function procedureLine(app: ApplicationSummary): string {
  return m().applicant.procedureLine(`${app.code}@${app.version}`, app.name, app.date, app.inForce.from, app.inForce.until);
}

export function channelLine(app: ApplicationSummary): string {
  const defaulted = app.facts.find((f) => f.id === 'channel')?.source === 'default';
  return m().applicant.channelLine(m().applicant.channelName(app.channel), defaulted, factsText(app));
}

function factsText(app: ApplicationSummary): string {
  const facts = app.facts.filter((f) => f.id !== 'channel');
  return facts.map((f) => `${f.id}=${String(f.value)}${f.source === 'default' ? m().applicant.factDefault : ''}`).join(', ');
}
