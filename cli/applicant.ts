/**
 * What the applicant's questions (due, fee, dossier) share: the application they describe (procedure
 * version in force, channel, facts) and the two header lines that say which one was used.
 */
import { prepareApplication, type ApplicationSummary } from '../rules/compute/application.js';
import { loadForQuery } from './catalogue.js';
import { m } from './i18n.js';
import { parseDateOption, parseFactOptions } from './options.js';

export interface ApplicantFlags {
  at?: string;
  channel?: string;
  fact?: string[];
  format: string;
  dir: string;
}

export async function application(code: string, flags: ApplicantFlags) {
  const date = parseDateOption(flags.at, '--at');
  const { catalogue } = await loadForQuery(flags.dir);
  return { catalogue, app: prepareApplication(catalogue, { code, date, channel: flags.channel, facts: parseFactOptions(flags.fact) }) };
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
