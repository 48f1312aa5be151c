#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { EXIT, runCommand } from './run.js';

// Commands import their modules lazily, so `tthc --help` and quick commands start fast.
const program = new Command('tthc')
  .description('Rules-as-code for Vietnamese administrative procedures (thủ tục hành chính): validate, compute, generate.')
  .version('0.1.0', '-V, --version')
  .showHelpAfterError('(run tthc --help for usage)')
  .exitOverride();

program
  .command('validate')
  .description('Check a catalogue: JSON, schema, and every lint rule. Exit 0 when there are no errors, 1 when there are, 2 on usage or I/O problems.')
  .argument('[dir]', 'catalogue folder', 'catalogue')
  .option('-f, --format <format>', 'stylish (for people) or json (for machines)', 'stylish')
  .option('--strict', 'treat warnings about problems as errors (CI)')
  .option('--max-file-size <bytes>', 'largest procedure-version file to read')
  .option('--cache', 'keep what was checked, so the next run reads and lints only the files that changed (the results are the same)')
  .option('--cache-dir <dir>', 'where --cache keeps it', '.tthc-cache')
  .action((dir: string, flags) => runCommand(async () => (await import('./commands/validate.js')).validateCommand(dir, flags)));

program
  .command('build')
  .description('Validate the catalogue, then generate the public listing, detail pages, online form schemas and the portal JSON API into --out (replaced as a whole when the build succeeds).')
  .argument('[dir]', 'catalogue folder', 'catalogue')
  .option('-o, --out <dir>', 'output folder', 'build')
  .option('--at <date>', 'show the catalogue as in force on this date, YYYY-MM-DD (default: today in Vietnam)')
  .option('--no-cache', 'render everything instead of reusing unchanged output of the previous build')
  .option('--cache-dir <dir>', 'build cache folder (default: .<out>.tthc-cache beside the output)')
  .option('--base-url <url>', 'absolute URL the output is served from, for links in JSON-LD')
  .option('--strict', 'treat warnings about problems as errors')
  .option('--preview', 'a preview for review, not for publishing: procedures with no published version are shown from their latest draft, marked as drafts; version files with errors are left out and listed (errors in registries, the lock or calendars still refuse the build)')
  .option('-f, --format <format>', 'how to print diagnostics when the build is refused: stylish or json', 'stylish')
  .option('--max-file-size <bytes>', 'largest procedure-version file to read')
  .action((dir: string, flags) => runCommand(async () => (await import('./commands/build.js')).buildCommand(dir, flags)));

program
  .command('serve')
  .description('Serve the built site on localhost (http://127.0.0.1:<port>/) to look at it in a browser; Ctrl+C stops it.')
  .argument('[dir]', 'the site folder, or a build output holding site/', 'build/site')
  .option('-p, --port <port>', 'port to listen on (0 picks a free one)', '8080')
  .action((dir: string, flags) => runCommand(async () => (await import('./commands/serve.js')).serveCommand(dir, flags)));

program
  .command('lock')
  .description('Record the SHA-256 of every published version in tthc.lock.json, so later edits are detected.')
  .argument('[dir]', 'catalogue folder', 'catalogue')
  .action((dir: string) => runCommand(async () => (await import('./commands/lock.js')).lockCommand(dir)));

program
  .command('publish')
  .description('Publish a draft or proposed version (sets status published and records it in the lock) if it has no errors.')
  .argument('<ref>', 'the version, as <code>@<version>')
  .option('-d, --dir <dir>', 'catalogue folder', 'catalogue')
  .action((ref: string, flags) => runCommand(async () => (await import('./commands/lock.js')).publishCommand(ref, flags)));

program
  .command('new-version')
  .description('Start a new draft version of a procedure from an existing one; it supersedes that version.')
  .argument('<code>', 'procedure code')
  .argument('<from>', 'the version to start from')
  .option('-d, --dir <dir>', 'catalogue folder', 'catalogue')
  .option('--id <version>', 'id of the new version (default: the next vN)')
  .option('--effective <date>', 'effective date of the new version (YYYY-MM-DD)')
  .action((code: string, from: string, flags) => runCommand(async () => (await import('./commands/lock.js')).newVersionCommand(code, from, flags)));

const collect = (value: string, previous: string[] = []) => [...previous, value];

program
  .command('due')
  .description('Compute a due date over the Vietnamese working calendar, explained: from a number of days, or from the time limit of the procedure version in force on the submission day.')
  .argument('[code]', 'procedure code (uses its time limit for the channel and facts)')
  .option('--from <when>', 'submission date, YYYY-MM-DD or YYYY-MM-DDTHH:MM (local time, UTC+7)')
  .option('--days <N>', 'the time limit, when no code is given')
  .option('--unit <unit>', 'unit of --days: working, calendar, hours or months (default working)')
  .option('--channel <channel>', 'in-person, online or postal (with a code; default in-person)')
  .option('--fact <key=value>', 'a fact about the applicant or filing (repeatable)', collect)
  .option('--supplement <requested/resubmitted>', 'a supplement request and its resubmission, e.g. 2025-03-04T10:00/2025-03-10 (repeatable)', collect)
  .option('--cutoff <HH:MM>', 'cut-off hour for same-day receipt (default from the calendar: 15:00)')
  .option('--office-hours <spans>', 'office hours, e.g. 08:00-12:00,13:00-17:00 (default from the calendar)')
  .option('-f, --format <format>', 'text or json', 'text')
  .option('-d, --dir <dir>', 'catalogue folder', 'catalogue')
  .option('--calendar <file>', 'working calendar file (default: <dir>/calendars/vn.json)')
  .action((code: string | undefined, flags) => runCommand(async () => (await import('./commands/due.js')).dueCommand(code, flags)));

program
  .command('show')
  .description('Show the version of a procedure in force on a date; says clearly when none is (not yet in force, repealed), with the dates. Exit 1 when none is in force.')
  .argument('<code>', 'procedure code')
  .option('--at <date>', 'the date, YYYY-MM-DD (default: today in Vietnam)')
  .option('-f, --format <format>', 'md or json', 'md')
  .option('-d, --dir <dir>', 'catalogue folder', 'catalogue')
  .action((code: string, flags) => runCommand(async () => (await import('./commands/show.js')).showCommand(code, flags)));

for (const [name, description, command] of [
  ['fee', 'The fees and charges due for an applicant (phí, lệ phí), with exemptions applied and their legal basis.', 'feeCommand'],
  ['dossier', 'The documents an applicant must bring (thành phần hồ sơ), those looked up in a database instead, and why.', 'dossierCommand'],
] as const) {
  program
    .command(name)
    .description(description)
    .argument('<code>', 'procedure code')
    .option('--fact <key=value>', 'a fact about the applicant or filing (repeatable)', collect)
    .option('--channel <channel>', 'in-person, online or postal (default in-person)')
    .option('--at <date>', 'filing date, YYYY-MM-DD: the version in force that day applies (default: today in Vietnam)')
    .option('-f, --format <format>', 'text or json', 'text')
    .option('-d, --dir <dir>', 'catalogue folder', 'catalogue')
    .action((code: string, flags) => runCommand(async () => (await import('./commands/fee.js'))[command](code, flags)));
}

program
  .command('diff')
  .description(
    'What a version changes against another: documents, steps, time limits, fees, online service, compliance cost, each change classified (cut, tightening, addition, editorial) with its legal basis. A reference is a file, <code>@<version>, <code>@<YYYY-MM-DD> (the version in force that day) or a proposal id; given one, it is compared with its baseline. Exit 1 when a proposal or variant adds burden beyond its baseline.',
  )
  .argument('<a>', 'the baseline (or, alone, the version to compare with its baseline)')
  .argument('[b]', 'the version compared with a')
  .option('-f, --format <format>', 'md, html or json', 'md')
  .option('-d, --dir <dir>', 'catalogue folder', 'catalogue')
  .action((a: string, b: string | undefined, flags) => runCommand(async () => (await import('./commands/diff.js')).diffCommand(a, b, flags)));

program
  .command('announce')
  .description(
    'Draft the announcement decision (Quyết định công bố thủ tục hành chính) for the procedures that become new, amended or abolished on --effective (or from --since to --effective): the decision in Vietnamese administrative style, Phần I (the lists, by level) and Phần II (every part of each new or amended procedure), or the provincial list-only variant; with the latest lawful signing date. Exit 1 when a change names no legal document for it.',
  )
  .argument('[dir]', 'catalogue folder', 'catalogue')
  .requiredOption('--effective <date>', 'the day the changes take effect, YYYY-MM-DD')
  .option('--since <date>', 'announce every change from this day to --effective, YYYY-MM-DD')
  .option('--issuer <agency>', 'the ministry or provincial People’s Committee that announces (agency id; inferred when one ministry’s sector covers every change)')
  .option('-f, --format <format>', 'md, html, docx or json', 'md')
  .option('-o, --out <file>', 'write the draft to this file (needed for docx on a terminal)')
  .option('--list-only', 'the provincial list-only variant: the list with time limit, place, fees, legal basis and agency; no Phần II')
  .option('--signed <date>', 'the signing date, YYYY-MM-DD: fills the date line and is checked against the deadline')
  .option('--deadline-days <N>', 'working days the decision must precede the effective date (default 20 for a ministry, 5 for a province)')
  .option('--calendar <file>', 'working calendar file (default: <dir>/calendars/vn.json)')
  .action((dir: string, flags) => runCommand(async () => (await import('./commands/announce.js')).announceCommand(dir, flags)));

program
  .command('rules')
  .description('List the lint rules, or show one rule’s documentation.')
  .argument('[id]', 'rule id')
  .action((id: string | undefined) => runCommand(async () => (await import('./commands/rules.js')).rulesCommand(id)));

const report = program.command('report').description('Reports over the catalogue.');
report
  .command('simplification')
  .description(
    'Simplification proposals: per proposal the compliance cost before, after, saved and percent cut, with documents and days cut; totals; a verdict against the target; the share of procedures fully online and with online payment, before and after. Exit 1 when the selection misses the target or a proposal adds burden.',
  )
  .argument('[dir]', 'catalogue folder', 'catalogue')
  .option('--agency <id>', 'only proposals involving this agency')
  .option('--field <id>', 'only proposals in this field (lĩnh vực)')
  .option('--level <id>', 'only proposals performed at this level')
  .option('--target-cost-cut <percent>', 'the compliance-cost cut to reach (Nghị quyết 68/NQ-CP: 20)', '20')
  .option('-f, --format <format>', 'md, html or json', 'md')
  .action((dir: string, flags) => runCommand(async () => (await import('./commands/report.js')).reportSimplificationCommand(dir, flags)));

program
  .command('import')
  .description('Import published records (national database exports, portal pages, list exports) as draft specs with the registries they need, and report what parsed.')
  .argument('<inputs...>', 'files or folders to import')
  .requiredOption('-o, --out <dir>', 'catalogue folder to write into (created when missing)')
  .option('-f, --format <format>', 'auto, national-db-export, portal-2025, old-portal or xlsx-list', 'auto')
  .option('--report <file>', 'where to write the JSON report (default: <out>/.tthc-import-report.json)')
  .option('--dry-run', 'parse and report, but write nothing')
  .option('--no-validate', 'skip validating the written catalogue in the report')
  .action((inputs: string[], flags) => runCommand(async () => (await import('./commands/import.js')).importCommand(inputs, flags)));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version exit through here with code 0; usage mistakes get 2.
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    process.stderr.write(`tthc: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.usage;
  }
}
