import { announcementChanges, type AnnouncementSelection } from '../../rules/compute/announcement.js';
import { formatStylish } from '../../rules/diagnostics/format.js';
import { UsageError } from '../../rules/errors.js';
import { writeFileAtomic } from '../../rules/store/atomic.js';
import { toJson } from '../../rules/text/markup.js';
import { draftAnnouncement, renderAnnouncement, type Announcement, type AnnouncementFormat } from '../../generators/announcement/index.js';
import { EXIT, out, parsePositiveInt, useColor } from '../run.js';
import { loadForQuery, parseDateOption, workingCalendar } from './query.js';
import { parseFormat } from './validate.js';

export interface AnnounceFlags {
  effective: string;
  since?: string;
  issuer?: string;
  format: string;
  out?: string;
  listOnly?: boolean;
  signed?: string;
  deadlineDays?: string;
  calendar?: string;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function windowText(s: AnnouncementSelection): string {
  return s.since === s.effective ? `on ${s.effective}` : `from ${s.since} to ${s.effective}`;
}

/** The summary on stderr: what is announced, the deadline and why, what was left out and why. */
function summary(a: Announcement): string {
  const lines: string[] = [];
  const count = (k: string) => a.changes.filter((c) => c.kind === k).length;
  lines.push(`${plural(a.changes.length, 'procedure')} to announce ${windowText(a.selection)}: ${count('new')} new, ${count('amended')} amended, ${count('abolished')} abolished; issuer ${a.issuer.agency.id} (${a.issuer.agency.name}).`);
  const d = a.deadline;
  const who = d.role === 'ministry' ? 'a ministry' : 'a province';
  for (const x of d.dates) {
    lines.push(
      `deadline: the changes taking effect on ${x.effective} (${x.codes.join(', ')}) are announced by ${x.latestSigning} at the latest, the ${ordinal(d.workingDays)} working day before (${who}: ${d.workingDays} working days${d.configured ? ', as --deadline-days says' : ''}; Nghị định 63/2010/NĐ-CP Art. 15, as amended by Nghị định 92/2017/NĐ-CP).`,
    );
    if (d.signed !== undefined) {
      lines.push(
        x.late
          ? `warning: signed on ${d.signed}, the decision comes too late for ${x.effective}: ${x.workingDaysBefore} working day${x.workingDaysBefore === 1 ? '' : 's'} before it, ${d.workingDays} required (latest lawful signing date ${x.latestSigning}).`
          : `signed on ${d.signed}: ${x.workingDaysBefore} working days before ${x.effective}, in time.`,
      );
    }
  }
  for (const p of d.provisional) lines.push(`note: the working calendar for ${p.year} is provisional: ${p.reason}`);
  for (const o of a.outOfScope) lines.push(`left out: ${o.change.code} (${o.change.kind}) is ${o.reason}; its issuer announces it.`);
  for (const n of a.selection.notAnnounced) lines.push(`not announced: ${notAnnouncedText(n)}`);
  return lines.map((l) => `tthc: ${l}\n`).join('');
}

function notAnnouncedText(n: AnnouncementSelection['notAnnounced'][number]): string {
  switch (n.reason) {
    case 'draft':
    case 'proposed':
      return `${n.code}@${n.version} is ${n.reason === 'draft' ? 'a draft' : 'a proposal'} taking effect on ${n.from}; publish it to announce it.`;
    case 'lapsed':
      return `${n.code}@${n.version} ends on the day before ${n.from} with no repeal naming the abolishing document; add a repealed version to announce the abolition.`;
    case 'new-and-abolished':
      return `${n.code} takes effect and is repealed within the window.`;
  }
}

async function writeBytes(data: Uint8Array): Promise<void> {
  await new Promise<void>((resolve) => process.stdout.write(data, () => resolve()));
}

/**
 * tthc announce [dir] --effective <date>: the draft announcement decision for the changes taking
 * effect that day (or since --since). Exit 0 with the draft, or when there is nothing to announce;
 * 1 when a change names no legal document for it (the draft is still written, with blanks); 2 on
 * bad input, including an issuer who does not announce these procedures.
 */
export async function announceCommand(dir: string, flags: AnnounceFlags): Promise<number> {
  const format = parseFormat(flags.format, ['md', 'html', 'docx', 'json']) as AnnouncementFormat;
  if (flags.effective === undefined) throw new UsageError('Give the date the changes take effect: --effective YYYY-MM-DD.');
  const effective = parseDateOption(flags.effective, '--effective');
  const since = flags.since === undefined ? effective : parseDateOption(flags.since, '--since');
  const signed = flags.signed === undefined ? undefined : parseDateOption(flags.signed, '--signed');
  const deadlineDays = flags.deadlineDays === undefined ? undefined : parsePositiveInt(flags.deadlineDays, '--deadline-days');
  if (format === 'docx' && flags.out === undefined && process.stdout.isTTY) throw new UsageError('A DOCX file is binary: give --out <file>.docx, or redirect the output to a file.');

  const { catalogue, diagnostics } = await loadForQuery(dir);
  const selection = announcementChanges(catalogue, { since, effective });
  if (selection.changes.length === 0) {
    process.stderr.write(`tthc: nothing to announce: no published procedure becomes new, amended or abolished ${windowText(selection)}.\n`);
    for (const n of selection.notAnnounced) process.stderr.write(`tthc: not announced: ${notAnnouncedText(n)}\n`);
    if (format === 'json') {
      const json = toJson({ effective, since, changes: [], notAnnounced: selection.notAnnounced });
      if (flags.out !== undefined) await writeFileAtomic(flags.out, json);
      else await out(json);
    }
    return EXIT.ok;
  }

  const calendar = await workingCalendar({ file: flags.calendar, catalogue, catalogueDiagnostics: diagnostics, dir });
  const draft = draftAnnouncement(catalogue, calendar, selection, { issuer: flags.issuer, listOnly: flags.listOnly ?? false, signed, deadlineDays });
  const rendered = await renderAnnouncement(draft, format);
  if (flags.out !== undefined) await writeFileAtomic(flags.out, rendered);
  else if (typeof rendered === 'string') await out(rendered);
  else await writeBytes(rendered);

  process.stderr.write(summary(draft));
  if (flags.out !== undefined) process.stderr.write(`tthc: wrote ${flags.out}.\n`);
  if (draft.problems.length > 0) {
    process.stderr.write(formatStylish(draft.problems, { color: useColor() && Boolean(process.stderr.isTTY) }));
    return EXIT.findings;
  }
  return EXIT.ok;
}
