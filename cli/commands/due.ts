import { computeDueDate, dateWithWeekday, dueDateForApplication, parseMoment, type DueDateResult } from '../../rules/compute/deadlines.js';
import { prepareApplication, type ApplicationSummary } from '../../rules/compute/application.js';
import type { TimeUnit } from '../../rules/schema/types/procedure-version.js';
import { UsageError } from '../../rules/errors.js';
import { EXIT, out, parseFormat } from '../run.js';
import { cite, json, loadForQuery, parseFactOptions, parseOfficeHours, parseSupplements, workingCalendar } from './query.js';

export interface DueFlags {
  from?: string;
  days?: string;
  unit?: string;
  channel?: string;
  fact?: string[];
  supplement?: string[];
  cutoff?: string;
  officeHours?: string;
  format: string;
  dir: string;
  calendar?: string;
}

const UNITS: Record<string, TimeUnit> = { working: 'working-days', calendar: 'days', hours: 'hours', months: 'months' };

function parseCount(text: string): number {
  if (!/^-?[0-9]+(?:\.[0-9]+)?$/.test(text.trim())) throw new UsageError(`--days expects a number, got "${text}".`);
  const n = Number(text);
  if (n < 0) throw new UsageError(`--days must be zero or more, got ${text}.`);
  if (n > 10000) throw new UsageError(`--days must be at most 10000, got ${text}.`);
  return n;
}

/** tthc due: a due date from a number of days, or from the time limit of a procedure. */
export async function dueCommand(code: string | undefined, flags: DueFlags): Promise<number> {
  const format = parseFormat(flags.format, ['text', 'json']);
  if (flags.from === undefined) throw new UsageError('Give the submission date: --from YYYY-MM-DD or --from YYYY-MM-DDTHH:MM.');
  const office = { cutoff: flags.cutoff, hours: parseOfficeHours(flags.officeHours) };
  const supplements = parseSupplements(flags.supplement);

  if (code === undefined) {
    if (flags.days === undefined) throw new UsageError('Give --days <N> (with --unit working|calendar|hours|months), or a procedure code whose time limit to use.');
    if (flags.channel !== undefined || (flags.fact ?? []).length > 0) throw new UsageError('--channel and --fact apply to a procedure: give its code, e.g. tthc due 1.001193 --from 2025-01-24.');
    const unitName = flags.unit ?? 'working';
    const unit = UNITS[unitName];
    if (!unit) throw new UsageError(`Unknown unit "${unitName}": use working, calendar, hours or months.`);
    const value = parseCount(flags.days);
    const calendar = await workingCalendar({ file: flags.calendar, dir: flags.dir });
    const result = computeDueDate(calendar, { from: flags.from, value, unit, supplements, office });
    await out(format === 'json' ? json(result) : formatText(result));
    return EXIT.ok;
  }

  if (flags.days !== undefined || flags.unit !== undefined) throw new UsageError(`Give either a procedure code or --days, not both: ${code} brings its own time limit.`);
  const submitted = parseMoment(flags.from, 'The submission date');
  const { catalogue, diagnostics } = await loadForQuery(flags.dir);
  const app = prepareApplication(catalogue, { code, date: submitted.date, channel: flags.channel, facts: parseFactOptions(flags.fact) });
  const calendar = await workingCalendar({ file: flags.calendar, catalogue, catalogueDiagnostics: diagnostics, dir: flags.dir });
  const answer = dueDateForApplication(calendar, app, { from: flags.from, supplements, office });
  if (format === 'json') {
    await out(json({ procedure: answer.application, applicableTimeLimit: answer.timeLimit, startNote: answer.startNote, ...answer.result }));
    return EXIT.ok;
  }
  const t = answer.timeLimit;
  const head = [
    procedureLine(answer.application),
    channelLine(answer.application),
    `Time limit: ${t.text}${t.case ? ` (case: ${t.case})` : ''}, ${t.from === 'channel' ? 'this channel’s own limit' : 'the procedure’s limit'}${t.legalBasis.length > 0 ? `; ${t.legalBasis.map((r) => cite(catalogue, r)).join('; ')}` : ''}`,
    ...(answer.startNote ? [answer.startNote] : []),
    '',
  ];
  await out(head.join('\n') + '\n' + formatText(answer.result));
  return EXIT.ok;
}

export function procedureLine(app: ApplicationSummary): string {
  return `${app.code}@${app.version} ${app.name}: in force on ${app.date} (from ${app.inForce.from}${app.inForce.until ? ` until ${app.inForce.until}` : ''})`;
}

export function channelLine(app: ApplicationSummary): string {
  const defaulted = app.facts.find((f) => f.id === 'channel')?.source === 'default';
  return `Channel: ${app.channel}${defaulted ? ' (default; --channel to choose)' : ''}${factsText(app)}`;
}

function factsText(app: ApplicationSummary): string {
  const facts = app.facts.filter((f) => f.id !== 'channel');
  return facts.length > 0 ? `; facts: ${facts.map((f) => `${f.id}=${String(f.value)}${f.source === 'default' ? ' (default)' : ''}`).join(', ')}` : '';
}

function formatText(r: DueDateResult): string {
  const lines: string[] = [];
  lines.push(`Due: ${dateWithWeekday(r.due)}${r.dueAt ? ` at ${r.dueAt}` : ''}${r.provisional ? '  (provisional)' : ''}`);
  lines.push(`Received: ${dateWithWeekday(r.received)}${r.receivedAt ? ` at ${r.receivedAt}` : ''}. ${r.receipt.reason}`);
  for (const d of r.receipt.passedOver) lines.push(`  passed over ${d.date}: ${d.reason}`);
  lines.push(`Rule: ${r.rule}`);
  if (r.counted.length > 0) lines.push(`Counted: ${r.counted.length <= 12 ? r.counted.join(', ') : `${r.counted.slice(0, 5).join(', ')} … ${r.counted.slice(-3).join(', ')}`}`);
  if (r.skipped.length > 0) {
    lines.push(`Skipped (${r.skipped.length} day${r.skipped.length === 1 ? '' : 's'}):`);
    for (const d of r.skipped) lines.push(`  ${d.date}: ${d.reason}${d.source === 'derived' ? ' (derived from the rules)' : d.source === 'assumed' ? ' (assumed, not yet confirmed)' : ''}`);
  } else {
    lines.push('Skipped: none');
  }
  for (const p of r.pauses) lines.push(`Paused: supplement requested ${p.requested}, handed in ${p.resubmitted}; counting resumed after ${p.resumed}${r.receivedAt ? ` at ${p.resumedAt}` : ''}.`);
  for (const f of r.flags) lines.push(`Warning: ${f.message}`);
  for (const b of r.legalBasis) lines.push(`Basis: ${b}`);
  lines.push(`Calendar: ${r.calendar.id}; office hours ${r.calendar.officeHours}; cut-off ${r.calendar.cutoff}.${r.provisional ? '' : ' Every day looked at is covered by a confirmed official schedule: the result is not provisional.'}`);
  for (const reason of r.provisionalReasons) lines.push(`Provisional: ${reason}`);
  return lines.join('\n') + '\n';
}
