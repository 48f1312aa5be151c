import { announcementChanges, type AnnouncementSelection } from '../../rules/compute/announcement.js';
import { UsageError } from '../../rules/errors.js';
import { writeFileAtomic } from '../../rules/store/atomic.js';
import { toJson } from '../../rules/text/render/escape.js';
import { draftAnnouncement, renderAnnouncement, type Announcement, type AnnouncementFormat } from '../../generators/announcement/index.js';
import { loadForQuery, workingCalendar } from '../catalogue.js';
import { parseDateOption, parseFormat, parsePositiveInt } from '../options.js';
import { m } from '../i18n.js';
import { formatFindings, note, out, outDocument, useColor } from '../output.js';
import type { WorkingCalendar } from '../../rules/compute/calendar.js';
import { addDays } from '../../rules/compute/dates.js';
import { EXIT } from '../run.js';

export interface AnnounceFlags {
  effective: string;
  since?: string;
  issuer?: string;
  format: string;
  out?: string;
  listOnly?: boolean;
  signed?: string;
  deadlineDays?: string;
  department?: string;
  submission?: string;
  submissionDate?: string;
  signer?: string;
  calendar?: string;
}

function windowText(s: AnnouncementSelection): string {
  return m().announce.window(s.since, s.effective);
}

/**
 * The summary on stderr: what is announced, the deadline and why, what was left out and why. A
 * signing date that is not a working day is said to be so, not "too late" (issue 19).
 */
function summary(a: Announcement, calendar: WorkingCalendar): string[] {
  const t = m().announce;
  const lines: string[] = [];
  const count = (k: string) => a.changes.filter((c) => c.kind === k).length;
  lines.push(t.summary(a.changes.length, windowText(a.selection), count('new'), count('amended'), count('abolished'), a.issuer.agency.id, a.issuer.agency.name));
  const d = a.deadline;
  const offDay = d.signed !== undefined && calendar.isWorkingDay(d.signed) === false ? calendar.day(d.signed) : undefined;
  for (const x of d.dates) {
    lines.push(t.deadline(x.effective, x.codes.join(', '), x.latestSigning, d.workingDays, d.role === 'ministry', d.configured));
    if (d.signed !== undefined && !offDay) {
      lines.push(x.late ? t.late(d.signed, x.effective, x.workingDaysBefore ?? 0, d.workingDays, x.latestSigning) : t.inTime(d.signed, x.workingDaysBefore ?? 0, x.effective));
    }
  }
  if (offDay && d.signed !== undefined) {
    // The working day before: the latest lawful one when that is earlier still.
    let before = d.signed;
    do before = addDays(before, -1);
    while (!calendar.isWorkingDay(before));
    const latest = d.latestSigning !== undefined && d.latestSigning < before ? d.latestSigning : before;
    lines.push(t.signedNotWorking(d.signed, offDay.reason || offDay.kind, latest));
  }
  for (const p of d.provisional) lines.push(t.provisional(p.year, p.reason));
  for (const o of a.outOfScope) lines.push(t.leftOut(o.change.code, o.change.kind, o.reason));
  for (const n of a.selection.notAnnounced) lines.push(t.notAnnounced(notAnnouncedText(n)));
  return lines;
}

function notAnnouncedText(n: AnnouncementSelection['notAnnounced'][number]): string {
  const t = m().announce;
  switch (n.reason) {
    case 'draft':
    case 'proposed':
      return t.notAnnouncedDraft(`${n.code}@${n.version}`, n.reason === 'draft', n.from);
    case 'lapsed':
      return t.notAnnouncedLapsed(`${n.code}@${n.version}`, n.from);
    case 'new-and-abolished':
      return t.notAnnouncedBoth(n.code);
  }
}


/**
 * tthc announce [dir] --effective <date>: the draft announcement decision for the changes taking
 * effect that day (or since --since). Exit 0 with the draft, or when there is nothing to announce;
 * 1 when a change names no legal document for it (the draft is still written, with blanks); 2 on
 * bad input, including an issuer who does not announce these procedures.
 */
export async function announceCommand(dir: string, flags: AnnounceFlags): Promise<number> {
  const format = parseFormat(flags.format, ['md', 'html', 'docx', 'json']) as AnnouncementFormat;
  if (flags.effective === undefined) throw new UsageError(m().announce.needEffective);
  const effective = parseDateOption(flags.effective, '--effective');
  const since = flags.since === undefined ? effective : parseDateOption(flags.since, '--since');
  const signed = flags.signed === undefined ? undefined : parseDateOption(flags.signed, '--signed');
  const deadlineDays = flags.deadlineDays === undefined ? undefined : parsePositiveInt(flags.deadlineDays, '--deadline-days');
  const submissionDate = flags.submissionDate === undefined ? undefined : parseDateOption(flags.submissionDate, '--submission-date');
  if (flags.signer !== undefined && flags.signer !== 'head' && flags.signer !== 'deputy') throw new UsageError(`--signer must be head or deputy, not "${flags.signer}".`);
  if (format === 'docx' && flags.out === undefined && process.stdout.isTTY) throw new UsageError(m().announce.docxNeedsOut);

  const { catalogue, diagnostics } = await loadForQuery(dir);
  const selection = announcementChanges(catalogue, { since, effective });
  if (selection.changes.length === 0) {
    note(m().announce.nothing(windowText(selection)));
    for (const n of selection.notAnnounced) note(m().announce.notAnnounced(notAnnouncedText(n)));
    if (format === 'json') {
      const json = toJson({ effective, since, changes: [], notAnnounced: selection.notAnnounced });
      if (flags.out !== undefined) await writeFileAtomic(flags.out, json);
      else await outDocument(json);
    }
    return EXIT.ok;
  }

  const calendar = await workingCalendar({ file: flags.calendar, catalogue, catalogueDiagnostics: diagnostics, dir });
  const draft = draftAnnouncement(catalogue, calendar, selection, {
    issuer: flags.issuer,
    listOnly: flags.listOnly ?? false,
    signed,
    deadlineDays,
    department: flags.department,
    submission: { number: flags.submission, date: submissionDate },
    signer: flags.signer === 'deputy' ? 'deputy' : 'head',
  });
  const rendered = await renderAnnouncement(draft, format);
  if (flags.out !== undefined) await writeFileAtomic(flags.out, rendered);
  else if (typeof rendered === 'string') await outDocument(rendered);
  else await out(rendered);

  for (const line of summary(draft, calendar)) note(line);
  if (flags.out !== undefined) note(m().announce.wrote(flags.out));
  if (draft.problems.length > 0) {
    process.stderr.write(formatFindings(draft.problems, 'stylish', useColor() && Boolean(process.stderr.isTTY)));
    return EXIT.findings;
  }
  return EXIT.ok;
}
