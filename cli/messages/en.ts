/**
 * The CLI's English messages (`--lang en`, `TTHC_LANG=en`). Every message a person reads in the
 * terminal is here or in vi.ts, which must have the same keys and parameters (the type checks it).
 * Documents the commands print (Markdown, HTML, DOCX, JSON) are not messages: they are Vietnamese
 * administrative text whatever the language of the terminal.
 */

import { describeResolution, type Resolution } from '../../rules/compute/resolve.js';

const s = (n: number, word: string, plural = `${word}s`) => `${n} ${n === 1 ? word : plural}`;

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export const en = {
  // ------------------------------------------------------------------ help: the program
  programDescription: 'Rules-as-code for Vietnamese administrative procedures (thủ tục hành chính): validate, compute, generate.',
  langOption: 'language of messages: vi (default) or en; also TTHC_LANG=en',
  versionOption: 'output the version number',
  helpOption: 'display help for command',
  helpCommand: 'display help for command',
  helpTitles: { 'Usage:': 'Usage:', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Arguments:': 'Arguments:', 'Global Options:': 'Global Options:' } as Record<string, string>,
  helpWords: { options: '[options]', command: '[command]', default: 'default' },
  argCatalogue: 'catalogue folder',
  optCatalogueDir: 'catalogue folder',
  optFormat: (formats: string) => `${formats}`,
  optMaxFileSize: 'largest procedure-version file to read',
  optFact: 'a fact about the applicant or filing (repeatable)',
  optCalendar: 'working calendar file (default: <dir>/calendars/vn.json)',
  guess: (x: string) => ` Did you mean "${x}"?`,
  argCode: 'procedure code',
  statusName: (status: string) => status,

  validate: {
    description: 'Check a catalogue: JSON, schema, and every lint rule. Exit 0 when there are no errors, 1 when there are, 2 on usage or I/O problems.',
    format: 'stylish (for people) or json (for machines)',
    strict: 'treat warnings about problems as errors (CI)',
    cache: 'keep what was checked, so the next run reads and lints only the files that changed (the results are the same)',
    cacheDir: 'where --cache keeps it',
  },
  build: {
    description: 'Validate the catalogue, then generate the public listing, the public site (one page per procedure), online form schemas and the portal JSON API into --out (replaced as a whole when the build succeeds).',
    out: 'output folder',
    at: 'show the catalogue as in force on this date, YYYY-MM-DD (default: today in Vietnam)',
    noCache: 'render everything instead of reusing unchanged output of the previous build',
    cacheDir: 'build cache folder (default: .<out>.tthc-cache beside the output)',
    baseUrl: 'absolute URL the output is served from, for links in JSON-LD',
    strict: 'treat warnings about problems as errors',
    preview:
      'a preview for review, not for publishing: procedures with no published version are shown from their latest draft, marked as drafts; version files with errors are left out and listed (errors in registries, the lock or calendars still refuse the build)',
    format: 'how to print diagnostics when the build is refused: stylish or json',
    sign: 'sign manifest.json with this Ed25519 private key (PEM), into manifest.json.sig beside it (make one with tthc keygen)',
    signed: (file: string) => `Signed: ${file} (Ed25519 signature of manifest.json; check with tthc verify --output <dir> --key <public key>)`,
    // progress and summary
    valid: (counts: string) => `tthc build: catalogue valid (${counts})`,
    counts: (versions: number, procedures: number, warnings: number) => `${s(versions, 'version')} of ${s(procedures, 'procedure')}${warnings > 0 ? `, ${s(warnings, 'warning')}` : ''}`,
    previewLeftOut: (errors: number, files: number, counts: string) => `tthc build: preview: ${s(errors, 'error')} in ${s(files, 'version file')}, which are left out (${counts})`,
    generatorDone: (id: string, files: number, rendered: number, reused: number, seconds: string) => `tthc build: ${id}: ${files} files (${rendered} rendered, ${reused} unchanged) in ${seconds} s`,
    finishing: 'tthc build: writing the manifest and swapping the output in',
    builtHead: (preview: boolean, procedures: number, inForce: number, at: string, drafts: number, out: string, seconds: string) =>
      `Built ${preview ? 'a preview of ' : ''}${s(procedures, 'procedure')} (${inForce} in force on ${at}${drafts > 0 ? `, ${drafts} shown from a draft` : ''}) into ${out}/ in ${seconds} s:`,
    tableHeader: ['output', 'files', 'size', 'rendered', 'unchanged'],
    manifestRow: 'manifest',
    totalRow: 'total',
    output: (out: string) => `Output: ${out}`,
    manifestWhat: 'the SHA-256 of every file, for incremental sync',
    /** What each output holds; English uses the generator's own description. */
    outputs: {} as Record<string, string>,
    leftOutHead: (files: number, errors: number) => `Left out of this preview: ${s(files, 'version file')} with ${s(errors, 'error')} (\`tthc validate\` lists them):`,
    leftOutMore: (n: number) => `  … and ${n} more`,
    previewNote: 'This is a preview: drafts are not law. Publish versions (tthc publish) before building the public catalogue.',
    warnings: (n: number) => `The catalogue has ${s(n, 'warning')}: run \`tthc validate\` to see them.`,
    refusedPreview: (errors: number) => `${s(errors, 'error')} (listed above), some outside procedure version files (registries, the lock, calendars), which a preview cannot leave out`,
    interrupted: (signal: string) => `build interrupted (${signal}): its staging folder was removed and the output folder is as it was before this build.`,
    afterSwap: {
      'cache-not-saved': (path: string, detail: string) => `warning: the new output is in place, but the build cache ${path} could not be saved (${detail}); the next build renders more than it needs to.`,
      'old-not-removed': (path: string, detail: string) => `warning: the new output is in place, but the previous one, moved aside to ${path}, could not be removed (${detail}); the next build removes it.`,
    },
    refused: (errors: number) => `the catalogue has ${s(errors, 'error')} (listed above)`,
    refusedHint: ' To review a catalogue that is not ready to publish (a fresh import), build a preview with --preview.',
    refusedLine: (why: string, dir: string, hint: string) => `build refused: ${why}; nothing was written. Fix them, or check with \`tthc validate ${dir}\`.${hint}`,
    watch: 'keep the catalogue loaded and build again each time a file in it is saved (Ctrl+C stops); a catalogue with errors prints them and keeps the last good output',
    quiet: 'print nothing but errors (no progress, no summary)',
    watching: (dir: string) => `tthc build: watching ${dir}: each saved file is built again. Press Ctrl+C to stop.`,
    savedFiles: (files: readonly string[]) => (files.length === 0 ? 'the catalogue' : files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`),
    rebuilt: (files: string, seconds: string, rendered: number, reused: number) => `tthc build: ${files}: built again in ${seconds} s (${rendered} rendered, ${reused} unchanged)`,
    watchRefused: (errors: number, out: string) => `tthc build: the catalogue has ${s(errors, 'error')} (listed above): nothing was written, the last good output in ${out} stays; watching goes on.`,
    watchFailed: (detail: string) => `tthc build: the build failed (${detail}); the last good output stays; watching goes on.`,
    watchStopped: 'tthc build: stopped watching; the output folder is whole.',
  },
  progress: {
    seconds: (n: number) => `${n} s`,
    elapsed: (t: string) => t,
    left: (t: string) => `, ${t} left`,
  },
  serve: {
    description: 'Serve the built site on localhost (http://127.0.0.1:<port>/) to look at it in a browser; Ctrl+C stops it.',
    dir: 'the site folder, or a build output holding site/',
    port: 'port to listen on (0 picks a free one)',
    badPort: (port: string) => `--port must be a whole number from 0 to 65535, got "${port}".`,
    notFolder: (dir: string) => `${dir} is not a folder. Build the site first (npm start, or tthc build --out build), then run tthc serve build/site.`,
    inUse: (port: number) => `Port ${port} is already in use: choose another with --port.`,
    serving: (root: string, url: string) => `Serving ${root} at ${url}index.html (localhost only). Press Ctrl+C to stop.`,
    watch: 'build the catalogue into this output first, rebuild it each time a file is saved, and reload the open pages after each rebuild',
    catalogue: 'with --watch: the catalogue folder to build and watch',
    at: 'with --watch: show the catalogue as in force on this date, YYYY-MM-DD (default: today in Vietnam)',
    preview: 'with --watch: build a preview, showing drafts (see tthc build --preview), to look at a draft as it is edited',
    noSite: (dir: string) => `the build did not produce ${dir}; fix the catalogue (the errors are listed above) and run tthc serve --watch again.`,
  },
  lock: {
    description: 'Record the SHA-256 of every published version in tthc.lock.json, so later edits are detected.',
    init: 'start the lock of a new catalogue (refused without it where versions are published and there is no lock)',
    notUpdated: 'the lock was not updated: restore the published versions above first.',
    upToDate: (n: number) => `Lock file is up to date: ${n} published versions recorded.`,
    recorded: (n: number, path: string) => `Recorded ${s(n, 'published version')} in ${path}:`,
  },
  verify: {
    description:
      'Check the catalogue against an outside anchor: its lock against the lock at a git ref (default: the upstream branch, else the most recent tag); with --output, a built output against its signed manifest. Exit 0 when all agrees, 1 on findings, 2 on bad input.',
    against: 'git ref whose lock to compare with (branch, tag or commit; default: @{upstream}, else the most recent tag)',
    output: 'a build output to check against its signed manifest (needs --key)',
    key: 'the Ed25519 public key (PEM) the release was signed with',
    format: 'text or json',
    needKey: '--output needs --key <public key file>: the manifest is trusted only once its signature is checked.',
    lockHead: (lock: string, ref: string, commit: string) => `tthc verify: ${lock} compared with ${ref} (commit ${commit})`,
    anchorNoLock: (ref: string) => `  ${ref} has no lock: every entry is new since then.`,
    lockMissing: (lock: string) => `  ${lock} is missing: every entry of the ref has vanished.`,
    changed: 'changed',
    moved: 'moved',
    vanished: 'vanished',
    added: 'new',
    lockClean: (ref: string, unchanged: number, added: number) => `✔ The lock agrees with ${ref}: ${s(unchanged, 'published version')} unchanged${added > 0 ? `, ${added} published since (new entries)` : ''}.`,
    lockFindings: (n: number, ref: string) =>
      `✖ ${s(n, 'published version')} changed or vanished since ${ref}: a published version is immutable. Restore it from ${ref} (git checkout ${ref} -- <file> tthc.lock.json), or publish the change as a new version (tthc new-version).`,
    outputHead: (out: string, key: string) => `tthc verify: ${out} against its signed manifest, key ${key}`,
    signatureMissing: (file: string) => `✖ ${file} is missing: the output is not signed (tthc build --sign <private key>). No file was checked.`,
    signatureInvalid: (sig: string, manifest: string, key: string) => `✖ ${sig} is not a signature of ${manifest} under ${key}: the manifest was changed, or signed with another key. No file was checked.`,
    missing: 'missing',
    differs: 'changed',
    unlisted: 'unlisted',
    badPath: 'bad path',
    notRegular: 'not a regular file',
    bytes: (a: number, b: number) => `${a} → ${b} bytes`,
    outputClean: (checked: number) => `✔ Signature valid; all ${s(checked, 'file')} of the manifest match (SHA-256 and size), and no other file is present.`,
    outputFindings: (missing: number, changed: number, unlisted: number) =>
      `✖ The output is not the signed build: ${s(missing, 'file')} missing, ${changed} changed, ${unlisted} not in the manifest.`,
  },
  keygen: {
    description: 'Make an Ed25519 key pair for signing releases (tthc build --sign): <prefix>.private.pem (keep it secret) and <prefix>.public.pem (publish it).',
    out: 'where to write the keys: <prefix>.private.pem and <prefix>.public.pem',
    exists: (file: string) => `${file} already exists: keys are never overwritten. Choose another --out, or remove it.`,
    written: (priv: string, pub: string) => `Wrote the private key ${priv} (readable by you only; keep it out of the repository) and the public key ${pub} (publish it beside the releases).`,
  },
  publish: {
    description: 'Publish a draft or proposed version (sets status published and records it in the lock) if it has no errors.',
    ref: 'the version, as <code>@<version>',
    notPublished: (ref: string) => `${ref} was not published: fix the errors above first.`,
    published: (ref: string, path: string, lock: string) => `Published ${ref} (${path}) and recorded it in ${lock}.`,
  },
  newVersion: {
    description: 'Start a new draft version of a procedure from an existing one; it supersedes that version.',
    from: 'the version to start from',
    id: 'id of the new version (default: the next vN)',
    effective: 'effective date of the new version (YYYY-MM-DD)',
    created: (ref: string, path: string, from: string) => `Created draft ${ref} at ${path}, superseding ${from}. Edit it, then run: tthc publish ${ref}`,
    noSource: (code: string, from: string, versions: string) => `There is no version ${code}@${from} to start from. ${versions ? `Versions of ${code}: ${versions}.` : `The catalogue has no version of ${code}.`}`,
    blockersHead: (n: number, ref: string, from: string) => `Copied into ${ref} and refused by tthc publish as it stands (effective ${from}): ${s(n, 'problem')}; edit the draft before publishing:`,
    noEffective: (ref: string) => `${ref} has no effective date yet: set effective.from (or use --effective); tthc validate then says what tthc publish would refuse.`,
  },
  due: {
    description: 'Compute a due date over the Vietnamese working calendar, explained: from a number of days, or from the time limit of the procedure version in force on the submission day.',
    code: 'procedure code (uses its time limit for the channel and facts)',
    from: 'submission date, YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time, UTC+7)',
    days: 'the time limit, when no code is given',
    unit: 'unit of --days: working, calendar, hours or months (default working)',
    channel: 'in-person, online or postal (with a code; default in-person)',
    supplement: 'a supplement request and its resubmission, e.g. 2025-03-04T10:00/2025-03-10 (repeatable)',
    cutoff: 'cut-off hour for same-day receipt (default from the calendar: 15:00)',
    officeHours: 'office hours, e.g. 08:00-12:00,13:00-17:00 (default from the calendar)',
    format: 'text or json',
    needFrom: 'Give the submission date: --from YYYY-MM-DD or --from YYYY-MM-DDTHH:MM.',
    needDays: 'Give --days <N> (with --unit working|calendar|hours|months), or a procedure code whose time limit to use.',
    channelNeedsCode: '--channel and --fact apply to a procedure: give its code, e.g. tthc due 1.001193 --from 2025-01-24.',
    unknownUnit: (unit: string) => `Unknown unit "${unit}": use working, calendar, hours or months.`,
    codeAndDays: (code: string) => `Give either a procedure code or --days, not both: ${code} brings its own time limit.`,
    daysNumber: (text: string) => `--days expects a number, got "${text}".`,
    daysNegative: (text: string) => `--days must be zero or more, got ${text}.`,
    daysTooMany: (text: string) => `--days must be at most 10000, got ${text}.`,
    timeLimit: (text: string, kase: string | null | undefined, ownChannel: boolean, basis: string) =>
      `Time limit: ${text}${kase ? ` (case: ${kase})` : ''}, ${ownChannel ? 'this channel’s own limit' : 'the procedure’s limit'}${basis ? `; ${basis}` : ''}`,
    dueLine: (date: string, at: string | null, provisional: boolean) => `Due: ${date}${at ? ` at ${at}` : ''}${provisional ? '  (provisional)' : ''}`,
    receivedLine: (date: string, at: string | null, reason: string) => `Received: ${date}${at ? ` at ${at}` : ''}. ${reason}`,
    passedOver: (date: string, reason: string) => `  passed over ${date}: ${reason}`,
    rule: (rule: string) => `Rule: ${rule}`,
    counted: (days: string) => `Counted: ${days}`,
    skippedHead: (n: number) => `Skipped (${s(n, 'day')}):`,
    skippedDay: (date: string, reason: string, source: string) => `  ${date}: ${reason}${source === 'derived' ? ' (derived from the rules)' : source === 'assumed' ? ' (assumed, not yet confirmed)' : ''}`,
    skippedNone: 'Skipped: none',
    paused: (requested: string, resubmitted: string, resumed: string, at: string | null) => `Paused: supplement requested ${requested}, handed in ${resubmitted}; counting resumed after ${resumed}${at ? ` at ${at}` : ''}.`,
    warning: (message: string) => `Warning: ${message}`,
    basis: (basis: string) => `Basis: ${basis}`,
    calendarLine: (id: string, hours: string, cutoff: string, provisional: boolean) =>
      `Calendar: ${id}; office hours ${hours}; cut-off ${cutoff}.${provisional ? '' : ' Every day looked at is covered by a confirmed official schedule: the result is not provisional.'}`,
    provisionalLine: (reason: string) => `Provisional: ${reason}`,
  },
  show: {
    description: 'Show the version of a procedure in force on a date; says clearly when none is (not yet in force, repealed), with the dates. Exit 1 when none is in force.',
    at: 'the date, YYYY-MM-DD (default: today in Vietnam)',
    format: 'md or json',
    lastInForce: (version: string, from: string, until: string | null) => `The last version in force was ${version}, from ${from} until ${until ?? 'the repeal'}.`,
  },
  applicant: {
    at: 'filing date, YYYY-MM-DD: the version in force that day applies (default: today in Vietnam)',
    channel: 'in-person, online or postal (default in-person)',
    format: 'text or json',
    procedureLine: (ref: string, name: string, date: string, from: string, until: string | null) => `${ref} ${name}: in force on ${date} (from ${from}${until ? ` until ${until}` : ''})`,
    channelLine: (channel: string, defaulted: boolean, facts: string) => `Channel: ${channel}${defaulted ? ' (default; --channel to choose)' : ''}${facts ? `; facts: ${facts}` : ''}`,
    channelName: (kind: string) => kind,
    factDefault: ' (default)',
    notesHead: 'Not modelled or not confirmed (from the spec’s notes):',
    asRecorded: 'the catalogue as recorded on this day, YYYY-MM-DD (transaction time): corrections (đính chính) recorded later are left out (default: as it stands)',
    knownAt: 'the same as --as-recorded',
    correctionLine: (record: string, corrects: string, from: string, recorded: string, basis: string, reason: string) =>
      `Corrected (${record}, recorded on ${recorded}): replaces the content recorded for ${corrects} from ${from}; basis: ${basis}. ${reason}`,
    originalLine: (recorded: string) => `The content as first recorded is shown with --as-recorded ${recorded}.`,
    laterLine: (at: string, later: string) => `As recorded on ${at}: later corrected by ${later}; without --as-recorded the correction applies.`,
  },
  fee: {
    description: 'The fees and charges due for an applicant (phí, lệ phí), with exemptions applied and their legal basis.',
    free: 'No fees or charges: the procedure is free (miễn phí).',
    variable: 'due, amount set locally',
    notRecorded: 'due, amount not recorded in the catalogue',
    exempt: 'exempt (miễn)',
    notApplicable: 'not applicable',
    exemptionBasis: (cite: string) => `  Exemption basis: ${cite}`,
    basis: (cites: string) => `  Basis: ${cites}`,
    total: (sum: string, left: false | 'local' | 'unrecorded' | 'both') =>
      `Total: ${sum}${left === 'local' ? ', plus the locally set amounts above' : left === 'unrecorded' ? ', plus the amounts above not recorded in the catalogue' : left === 'both' ? ', plus the amounts above that are set locally or not recorded in the catalogue' : ''}`,
  },
  dossier: {
    description: 'The documents an applicant must bring (thành phần hồ sơ), those looked up in a database instead, and why.',
    sets: (n: number) => `Sets: ${n}`,
    bring: (n: number) => (n > 0 ? `Bring (${n}):` : 'Nothing to bring.'),
    status: { submit: 'hand in', present: 'show (xuất trình)', 'looked-up': 'not needed: looked up', 'not-required': 'not required' } as Record<'submit' | 'present' | 'looked-up' | 'not-required', string>,
    notNeeded: 'Not needed:',
    basis: (cites: string) => `     Basis: ${cites}`,
  },
  diff: {
    description:
      'What a version changes against another: documents, steps, time limits, fees, online service, compliance cost, each change classified (cut, tightening, addition, editorial) with its legal basis. A reference is a file, <code>@<version>, <code>@<YYYY-MM-DD> (the version in force that day) or a proposal id; given one, it is compared with its baseline. Exit 1 when a proposal or variant adds burden beyond its baseline.',
    a: 'the baseline (or, alone, the version to compare with its baseline)',
    b: 'the version compared with a',
    format: 'md, html or json',
    regression: (after: string, before: string, n: number) => `regression: ${after} adds burden beyond its baseline ${before} (${s(n, 'addition')}).`,
  },
  announce: {
    description:
      'Draft the announcement decision (Quyết định công bố thủ tục hành chính) for the procedures that become new, amended or abolished on --effective (or from --since to --effective): the decision in Vietnamese administrative style, Phần I (the lists, by level) and Phần II (every part of each new or amended procedure), or the provincial list-only variant; with the latest lawful signing date. Exit 1 when a change names no legal document for it.',
    effective: 'the day the changes take effect, YYYY-MM-DD',
    since: 'announce every change from this day to --effective, YYYY-MM-DD',
    issuer: 'the ministry or provincial People’s Committee that announces (agency id; inferred when one ministry’s sector covers every change)',
    format: 'md, html, docx or json',
    out: 'write the draft to this file (needed for docx on a terminal)',
    listOnly: 'the provincial list-only variant: the list with time limit, place, fees, legal basis and agency; no Phần II',
    signed: 'the signing date, YYYY-MM-DD: fills the date line and is checked against the deadline',
    deadlineDays: 'working days the decision must precede the effective date (default 20 for a ministry, 5 for a province)',
    department: 'a province: the proposing department (agency id, e.g. so-tu-phap), named in the proposal line and tasked in a list-only decision',
    submission: "a province: the number of the department's submission (tờ trình), e.g. 125/TTr-STP",
    submissionDate: "a province: the date of the department's submission, YYYY-MM-DD",
    signer: 'who signs: head (BỘ TRƯỞNG, CHỦ TỊCH) or deputy (KT. BỘ TRƯỞNG / THỨ TRƯỞNG, KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)',
    needEffective: 'Give the date the changes take effect: --effective YYYY-MM-DD.',
    docxNeedsOut: 'A DOCX file is binary: give --out <file>.docx, or redirect the output to a file.',
    window: (since: string, effective: string) => (since === effective ? `on ${effective}` : `from ${since} to ${effective}`),
    nothing: (window: string) => `nothing to announce: no published procedure becomes new, amended or abolished ${window}.`,
    notAnnounced: (text: string) => `not announced: ${text}`,
    notAnnouncedDraft: (ref: string, draft: boolean, from: string) => `${ref} is ${draft ? 'a draft' : 'a proposal'} taking effect on ${from}; publish it to announce it.`,
    notAnnouncedLapsed: (ref: string, from: string) => `${ref} ends on the day before ${from} with no repeal naming the abolishing document; add a repealed version to announce the abolition.`,
    notAnnouncedBoth: (code: string) => `${code} takes effect and is repealed within the window.`,
    summary: (n: number, window: string, created: number, amended: number, abolished: number, issuer: string, issuerName: string) =>
      `${s(n, 'procedure')} to announce ${window}: ${created} new, ${amended} amended, ${abolished} abolished; issuer ${issuer} (${issuerName}).`,
    deadline: (effective: string, codes: string, latest: string, days: number, ministry: boolean, configured: boolean) =>
      `deadline: the changes taking effect on ${effective} (${codes}) are announced by ${latest} at the latest, the ${ordinal(days)} working day before (${ministry ? 'a ministry' : 'a province'}: ${days} working days${configured ? ', as --deadline-days says' : ''}; Nghị định 63/2010/NĐ-CP Art. 15, as amended by Nghị định 92/2017/NĐ-CP).`,
    late: (signed: string, effective: string, before: number, days: number, latest: string) =>
      `warning: signed on ${signed}, the decision comes too late for ${effective}: ${s(before, 'working day')} before it, ${days} required (latest lawful signing date ${latest}).`,
    inTime: (signed: string, before: number, effective: string) => `signed on ${signed}: ${before} working days before ${effective}, in time.`,
    signedNotWorking: (signed: string, why: string, next: string) => `--signed ${signed} is not a working day (${why}): a decision is signed on a working day, e.g. ${next}.`,
    provisional: (year: number, reason: string) => `note: the working calendar for ${year} is provisional: ${reason}`,
    leftOut: (code: string, kind: string, reason: string) => `left out: ${code} (${kind}) is ${reason}; its issuer announces it.`,
    wrote: (file: string) => `wrote ${file}.`,
  },
  rules: {
    description: 'List the lint rules, or show one rule’s documentation.',
    id: 'rule id',
    unknown: (id: string, hint: string) => `There is no lint rule "${id}".${hint}`,
  },
  report: {
    description: 'Reports over the catalogue.',
    simplification:
      'Simplification proposals: per proposal the compliance cost before, after, saved and percent cut, with documents and days cut; totals; a verdict against the target in force on each proposal’s date for its scope (registry simplificationTargets), or none; the share of procedures fully online and with online payment, before and after. Exit 1 when the selection misses the target or a proposal adds burden.',
    agency: 'only proposals involving this agency',
    field: 'only proposals in this field (lĩnh vực)',
    level: 'only proposals performed at this level',
    target: 'judge every proposal against this cut instead of the registry\'s targets in force on its date (simplificationTargets)',
    format: 'md, html or json',
    percent: (what: string, value: string) => `${what} must be a percent such as 20 or 12.5, got "${value}".`,
    percentMax: (what: string, value: string) => `${what} must be at most 100, got ${value}.`,
    regression: (ref: string, baseline: string) => `regression: ${ref} adds burden beyond its baseline ${baseline}.`,
    short: (proposals: string, percent: number, target: number, document: string) => `${proposals} cut compliance cost by ${percent}%, short of the ${target}% target (${document}).`,
    noTarget: (proposals: string) => `${proposals}: no compliance-cost target in force on the proposal's date for its scope; not judged.`,
  },
  reconcile: {
    description: "Check a province's published list (a lists/<province>.json file, or the .csv/.xlsx itself) against the catalogue on a date: rows with no national procedure or one no longer in force, national procedures the province performs that are missing (with the ministry's announcement and the days late), differing names, fields and online levels, rows with no announcing decision, duplicates. Exit 0 when complete and current, 1 with findings.",
    list: 'the list: lists/<province>.json, or a .csv or .xlsx list',
    catalogue: 'the catalogue folder to compare with',
    province: 'the province code (H36, H44); default: the one the list codes end with',
    at: 'the date, YYYY-MM-DD (default: today in Vietnam)',
    format: 'md, html, csv or json',
    calendar: 'working calendar file (default: the catalogue\'s calendars/vn.json)',
    unknownInput: (file: string) => `${file}: give a provincial list (.json under lists/) or a .csv or .xlsx list.`,
    unreadable: (file: string, detail: string) => `Cannot read the list ${file}: ${detail}`,
    noRows: (file: string) => `${file} has no procedure rows: no header naming the code or name columns, and no columns of codes and names.`,
    badProvince: (value: string) => `--province takes a province code such as H36 or H44, not "${value}".`,
    summary: (rows: number, missing: number, differences: number, noDecision: number, duplicates: number, apart: number) =>
      `The list is not complete and current: ${rows} rows not in force, ${missing} procedures missing, ${differences} differences, ${noDecision} rows with no announcing decision, ${duplicates} duplicated codes, ${apart} rows kept apart.`,
  },
  import: {
    description: 'Import published records (national database exports, portal pages, list exports) as draft specs with the registries they need, and report what parsed.',
    inputs: 'files or folders to import',
    out: 'catalogue folder to write into (created when missing)',
    format: 'auto, national-db-export, portal-2025, old-portal, xlsx-list or provincial-list (provincial lists and one-stop exports: .csv, .xlsx)',
    report: 'where to write the JSON report (default: <out>/.tthc-import-report.json)',
    dryRun: 'parse and report, but write nothing',
    noValidate: 'skip validating the written catalogue in the report',
    needInput: 'Give at least one file or folder to import.',
    unknownFormat: (format: string, formats: string) => `Unknown format "${format}": use auto, ${formats}.`,
    dryRunDone: 'Dry run: nothing was written.',
    reportWritten: (path: string) => `Report written to ${path}.`,
  },
  validateSummary: {
    error: 'error',
    warning: 'warning',
    blocksPublishing: 'Publishing would be refused: ',
    summary: (errors: number, warnings: number) => `${s(errors + warnings, 'problem')} (${s(errors, 'error')}, ${s(warnings, 'warning')})`,
  },

  // ------------------------------------------------------------------ options, shared
  opt: {
    factPair: (pair: string) => `--fact expects key=value (e.g. --fact soBan=3), got "${pair}".`,
    factTwice: (key: string, a: string, b: string) => `The fact "${key}" is given twice, as "${a}" and "${b}".`,
    supplement: (v: string) => `--supplement expects <requested>/<resubmitted>, e.g. 2025-03-04T10:00/2025-03-10; got "${v}".`,
    officeHours: (v: string) => `--office-hours expects spans like 08:00-12:00,13:00-17:00; got "${v}".`,
    wholeNumber: (what: string, v: string) => `${what} must be a whole number, got "${v}".`,
    positive: (what: string, v: string) => `${what} must be a positive number, got "${v}".`,
    format: (v: string, allowed: string) => `Unknown format "${v}": use ${allowed}.`,
    versionRef: (ref: string) => `Expected <code>@<version>, e.g. 1.001193@v2; got "${ref}".`,
    badLang: (from: string, value: string) => `${from} "${value}" is not a language tthc speaks: use vi or en.`,
    or: ' or ',
    recordedTwice: (a: string, b: string) => `--as-recorded ${a} and --known-at ${b} name two different days; give one.`,
  },
  catalogue: {
    finishedPublish: (ref: string) => `finished the interrupted publish of ${ref}: its file and the lock are written now.`,
    errorsInCatalogue: (n: number, dir: string) => `warning: ${s(n, 'error')} in the catalogue ${dir} (run tthc validate ${dir}); answers ignore the files affected.`,
    calendarInvalid: (file: string, first: string) => `The working calendar ${file} is invalid: ${first}`,
    unknownProblem: 'unknown problem',
  },
  run: {
    internal: (message: string) => `internal error: ${message} (set TTHC_DEBUG=1 for details)`,
    usageHint: '(run tthc --help for usage)',
  },
  commander: {
    missingArgument: (name: string) => `missing required argument '${name}'.`,
    optionMissingArgument: (flags: string) => `option '${flags}' needs a value.`,
    missingMandatoryOption: (flags: string) => `required option '${flags}' not given.`,
    unknownOption: (flag: string, suggestion: string) => `unknown option '${flag}'.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
    unknownCommand: (name: string, suggestion: string) => `unknown command '${name}'.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
    excessArguments: (expected: number, got: number) => `too many arguments: expected ${expected}, got ${got}.`,
    other: (message: string) => message,
  },

  explain: {
    /** Which version is in force on a day, or why none is. */
    resolution: (r: Resolution) => describeResolution(r),
  },

  /**
   * Errors the library raises with an id (UsageError.id), worded from their values. English needs
   * none: the library's own message is English. vi.ts words every id the library raises.
   */
  error: {} as ErrorMessages,
};

/** A library error's wording from its values (UsageError.params). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ErrorMessages = Record<string, ((p: any) => string) | undefined>;

export type Messages = typeof en;
