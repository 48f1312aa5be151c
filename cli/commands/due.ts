import { computeDueDate, dateWithWeekday, dueDateForApplication, parseMoment, type DueDateResult } from '../../rules/compute/deadlines.js';
import { prepareApplication } from '../../rules/compute/application.js';
import type { TimeUnit } from '../../rules/schema/types/procedure-version.generated.js';
import { UsageError } from '../../rules/errors.js';
import { channelLine, correctionLines, procedureLine } from '../applicant.js';
import { loadForQuery, workingCalendar } from '../catalogue.js';
import { parseFactOptions, parseFormat, parseOfficeHours, parseRecordedOption, parseSupplements } from '../options.js';
import { lang, m } from '../i18n.js';
import { cite, json, out, outDocument, say } from '../output.js';
import { explainDueDate } from '../../rules/text/vi/due-dates.js';
import { EXIT } from '../run.js';

export interface DueFlags {
  from?: string;
  asRecorded?: string;
  knownAt?: string;
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
  if (!/^-?[0-9]+(?:\.[0-9]+)?$/.test(text.trim())) throw new UsageError(m().due.daysNumber(text));
  const n = Number(text);
  if (n < 0) throw new UsageError(m().due.daysNegative(text));
  if (n > 10000) throw new UsageError(m().due.daysTooMany(text));
  return n;
}

/** tthc due: a due date from a number of days, or from the time limit of a procedure. */
export async function dueCommand(code: string | undefined, flags: DueFlags): Promise<number> {
  const format = parseFormat(flags.format, ['text', 'json']);
  if (flags.from === undefined) throw new UsageError(m().due.needFrom);
  const office = { cutoff: flags.cutoff, hours: parseOfficeHours(flags.officeHours) };
  const supplements = parseSupplements(flags.supplement);

  if (code === undefined) {
    if (flags.days === undefined) throw new UsageError(m().due.needDays);
    if (flags.channel !== undefined || (flags.fact ?? []).length > 0) throw new UsageError(m().due.channelNeedsCode);
    const unitName = flags.unit ?? 'working';
    const unit = UNITS[unitName];
    if (!unit) throw new UsageError(m().due.unknownUnit(unitName));
    const value = parseCount(flags.days);
    const calendar = await workingCalendar({ file: flags.calendar, dir: flags.dir });
    const result = computeDueDate(calendar, { from: flags.from, value, unit, supplements, office });
    if (format === 'json') await outDocument(json(result));
    else await say(formatText(result));
    return EXIT.ok;
  }

  if (flags.days !== undefined || flags.unit !== undefined) throw new UsageError(m().due.codeAndDays(code));
  const submitted = parseMoment(flags.from, 'The submission date');
  const { catalogue, diagnostics } = await loadForQuery(flags.dir);
  const app = prepareApplication(catalogue, { code, date: submitted.date, recordedAt: parseRecordedOption(flags), channel: flags.channel, facts: parseFactOptions(flags.fact) });
  const calendar = await workingCalendar({ file: flags.calendar, catalogue, catalogueDiagnostics: diagnostics, dir: flags.dir });
  const answer = dueDateForApplication(calendar, app, { from: flags.from, supplements, office });
  if (format === 'json') {
    await outDocument(json({ procedure: answer.application, applicableTimeLimit: answer.timeLimit, startNote: answer.startNote, ...answer.result }));
    return EXIT.ok;
  }
  const t = answer.timeLimit;
  const head = [
    procedureLine(answer.application),
    channelLine(answer.application),
    ...correctionLines(catalogue, answer.application),
    m().due.timeLimit(t.text, t.case, t.from === 'channel', t.legalBasis.map((r) => cite(catalogue, r)).join('; ')),
    // The start note is the library's English; the Vietnamese reader has the time limit's own wording above.
    ...(answer.startNote && lang() === 'en' ? [answer.startNote] : []),
    '',
  ];
  await say(head.join('\n') + '\n' + formatText(answer.result));
  return EXIT.ok;
}

/**
 * The result as lines for people. In Vietnamese the receipt, the counting rule and the provisional
 * note come from rules/text/vi/due-dates.ts (the site's calculator says the same); in English from
 * the library's own sentences.
 */
function formatText(r: DueDateResult): string {
  const t = m().due;
  const vi = lang() === 'vi' ? explainDueDate(r) : undefined;
  const lines: string[] = [];
  lines.push(t.dueLine(dateWithWeekday(r.due), r.dueAt, r.provisional));
  lines.push(t.receivedLine(dateWithWeekday(r.received), r.receivedAt, vi ? vi.receipt : r.receipt.reason));
  for (const d of r.receipt.passedOver) lines.push(t.passedOver(d.date, d.reason));
  lines.push(t.rule(vi ? vi.rule : r.rule));
  if (r.counted.length > 0) lines.push(t.counted(r.counted.length <= 12 ? r.counted.join(', ') : `${r.counted.slice(0, 5).join(', ')} … ${r.counted.slice(-3).join(', ')}`));
  if (r.skipped.length > 0) {
    lines.push(t.skippedHead(r.skipped.length));
    for (const d of r.skipped) lines.push(t.skippedDay(d.date, d.reason, d.source));
  } else {
    lines.push(t.skippedNone);
  }
  for (const p of r.pauses) lines.push(t.paused(p.requested, p.resubmitted, p.resumed, r.receivedAt ? p.resumedAt : null));
  for (const f of r.flags) lines.push(t.warning(vi ? flagVi(f) : f.message));
  // The Vietnamese rule sentence names its article of the Civil Code; the English basis lines do.
  if (!vi) for (const b of r.legalBasis) lines.push(t.basis(b));
  lines.push(t.calendarLine(r.calendar.id, r.calendar.officeHours, r.calendar.cutoff, r.provisional));
  if (vi) {
    if (vi.provisional) lines.push(t.provisionalLine(vi.provisional));
  } else {
    for (const reason of r.provisionalReasons) lines.push(t.provisionalLine(reason));
  }
  return lines.join('\n') + '\n';
}

/** The due-date warnings in Vietnamese, by id. */
function flagVi(f: DueDateResult['flags'][number]): string {
  if (f.id === 'multiple-supplement-requests') return 'hồ sơ bị yêu cầu bổ sung quá 01 lần: theo chỉ số 766 của Văn phòng Chính phủ, hồ sơ này được tính là giải quyết quá hạn, dù hạn giải quyết là ngày nào.';
  return 'yêu cầu bổ sung hồ sơ được đưa ra sau khi thời hạn giải quyết đã hết: không làm tạm dừng việc tính thời hạn.';
}

