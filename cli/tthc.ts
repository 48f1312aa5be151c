#!/usr/bin/env node
import './heap.js';
import { Command, CommanderError, Help, type Option, type Argument } from 'commander';
import { chooseLang, m, setLang } from './i18n.js';
import { collect } from './options.js';
import { note } from './output.js';
import { EXIT, runCommand } from './run.js';

// The language is known before the first word is written: help, errors and reports all use it.
const chosen = chooseLang(process.argv.slice(2));
setLang(chosen.lang);
const t = m();

/** Commander's own words (titles, "[options]", "default:") in the chosen language. */
class LocalHelp extends Help {
  override styleTitle(str: string): string {
    return super.styleTitle(t.helpTitles[str] ?? str);
  }
  override commandUsage(cmd: Command): string {
    return super.commandUsage(cmd).replace('[options]', t.helpWords.options).replace('[command]', t.helpWords.command);
  }
  override subcommandTerm(cmd: Command): string {
    return super.subcommandTerm(cmd).replace('[options]', t.helpWords.options).replace('[command]', t.helpWords.command);
  }
  override optionDescription(option: Option): string {
    return super.optionDescription(option).replace(/\(default: /g, `(${t.helpWords.default}: `);
  }
  override argumentDescription(argument: Argument): string {
    return super.argumentDescription(argument).replace(/\(default: /g, `(${t.helpWords.default}: `);
  }
}

// Commands import their modules lazily, so `tthc --help` and quick commands start fast.
const program = new Command('tthc')
  .description(t.programDescription)
  .version('0.1.0', '-V, --version', t.versionOption)
  .helpOption('-h, --help', t.helpOption)
  .helpCommand('help [command]', t.helpCommand)
  .option('--lang <lang>', t.langOption)
  // Usage mistakes are worded below, in the chosen language, in the `tthc:` style of every other error.
  .configureOutput({ outputError: () => {} })
  .exitOverride();
program.createHelp = () => Object.assign(new LocalHelp(), program.configureHelp());

/** Every command gets the translated help option and help texts. */
function command(parent: Command, name: string, description: string): Command {
  const c = parent.command(name).description(description).helpOption('-h, --help', t.helpOption);
  c.createHelp = () => Object.assign(new LocalHelp(), c.configureHelp());
  return c;
}

command(program, 'validate', t.validate.description)
  .argument('[dir]', t.argCatalogue, 'catalogue')
  .option('-f, --format <format>', t.validate.format, 'stylish')
  .option('--strict', t.validate.strict)
  .option('--max-file-size <bytes>', t.optMaxFileSize)
  .option('--cache', t.validate.cache)
  .option('--cache-dir <dir>', t.validate.cacheDir, '.tthc-cache')
  .action((dir: string, flags) => runCommand(async () => (await import('./commands/validate.js')).validateCommand(dir, flags)));

command(program, 'build', t.build.description)
  .argument('[dir]', t.argCatalogue, 'catalogue')
  .option('-o, --out <dir>', t.build.out, 'build')
  .option('--at <date>', t.build.at)
  .option('--no-cache', t.build.noCache)
  .option('--cache-dir <dir>', t.build.cacheDir)
  .option('--base-url <url>', t.build.baseUrl)
  .option('--strict', t.build.strict)
  .option('--preview', t.build.preview)
  .option('-f, --format <format>', t.build.format, 'stylish')
  .option('--max-file-size <bytes>', t.optMaxFileSize)
  .option('--sign <private-key>', t.build.sign)
  .option('-w, --watch', t.build.watch)
  .option('-q, --quiet', t.build.quiet)
  .action((dir: string, flags) => runCommand(async () => (await import('./commands/build.js')).buildCommand(dir, flags)));

command(program, 'serve', t.serve.description)
  .argument('[dir]', t.serve.dir, 'build/site')
  .option('-p, --port <port>', t.serve.port, '8080')
  .option('-w, --watch', t.serve.watch)
  .option('--catalogue <dir>', t.serve.catalogue, 'catalogue')
  .option('--at <date>', t.serve.at)
  .option('--preview', t.serve.preview)
  .option('-q, --quiet', t.build.quiet)
  .action((dir: string, flags) => runCommand(async () => (await import('./commands/serve.js')).serveCommand(dir, flags)));

command(program, 'lock', t.lock.description)
  .argument('[dir]', t.argCatalogue, 'catalogue')
  .option('--init', t.lock.init)
  .action((dir: string, flags: { init?: boolean }) => runCommand(async () => (await import('./commands/lock.js')).lockCommand(dir, flags)));

command(program, 'verify', t.verify.description)
  .argument('[dir]', t.argCatalogue, 'catalogue')
  .option('--against <ref>', t.verify.against)
  .option('--output <dir>', t.verify.output)
  .option('--key <public-key>', t.verify.key)
  .option('-f, --format <format>', t.verify.format, 'text')
  .action((dir: string, flags) => runCommand(async () => (await import('./commands/verify.js')).verifyCommand(dir, flags)));

command(program, 'keygen', t.keygen.description)
  .requiredOption('-o, --out <prefix>', t.keygen.out)
  .action((flags) => runCommand(async () => (await import('./commands/keygen.js')).keygenCommand(flags)));

command(program, 'publish', t.publish.description)
  .argument('<ref>', t.publish.ref)
  .option('-d, --dir <dir>', t.optCatalogueDir, 'catalogue')
  .action((ref: string, flags) => runCommand(async () => (await import('./commands/publish.js')).publishCommand(ref, flags)));

command(program, 'new-version', t.newVersion.description)
  .argument('<code>', t.argCode)
  .argument('<from>', t.newVersion.from)
  .option('-d, --dir <dir>', t.optCatalogueDir, 'catalogue')
  .option('--id <version>', t.newVersion.id)
  .option('--effective <date>', t.newVersion.effective)
  .action((code: string, from: string, flags) => runCommand(async () => (await import('./commands/new-version.js')).newVersionCommand(code, from, flags)));

command(program, 'due', t.due.description)
  .argument('[code]', t.due.code)
  .option('--from <when>', t.due.from)
  .option('--days <N>', t.due.days)
  .option('--unit <unit>', t.due.unit)
  .option('--channel <channel>', t.due.channel)
  .option('--fact <key=value>', t.optFact, collect)
  .option('--supplement <requested/resubmitted>', t.due.supplement, collect)
  .option('--as-recorded <date>', t.applicant.asRecorded)
  .option('--known-at <date>', t.applicant.knownAt)
  .option('--cutoff <HH:MM>', t.due.cutoff)
  .option('--office-hours <spans>', t.due.officeHours)
  .option('-f, --format <format>', t.due.format, 'text')
  .option('-d, --dir <dir>', t.optCatalogueDir, 'catalogue')
  .option('--calendar <file>', t.optCalendar)
  .action((code: string | undefined, flags) => runCommand(async () => (await import('./commands/due.js')).dueCommand(code, flags)));

command(program, 'show', t.show.description)
  .argument('<code>', t.argCode)
  .option('--at <date>', t.show.at)
  .option('--as-recorded <date>', t.applicant.asRecorded)
  .option('--known-at <date>', t.applicant.knownAt)
  .option('-f, --format <format>', t.show.format, 'md')
  .option('-d, --dir <dir>', t.optCatalogueDir, 'catalogue')
  .action((code: string, flags) => runCommand(async () => (await import('./commands/show.js')).showCommand(code, flags)));

for (const [name, description, load] of [
  ['fee', t.fee.description, async () => (await import('./commands/fee.js')).feeCommand],
  ['dossier', t.dossier.description, async () => (await import('./commands/dossier.js')).dossierCommand],
] as const) {
  command(program, name, description)
    .argument('<code>', t.argCode)
    .option('--fact <key=value>', t.optFact, collect)
    .option('--channel <channel>', t.applicant.channel)
    .option('--at <date>', t.applicant.at)
    .option('--as-recorded <date>', t.applicant.asRecorded)
    .option('--known-at <date>', t.applicant.knownAt)
    .option('-f, --format <format>', t.applicant.format, 'text')
    .option('-d, --dir <dir>', t.optCatalogueDir, 'catalogue')
    .action((code: string, flags) => runCommand(async () => (await load())(code, flags)));
}

command(program, 'diff', t.diff.description)
  .argument('<a>', t.diff.a)
  .argument('[b]', t.diff.b)
  .option('-f, --format <format>', t.diff.format, 'md')
  .option('-d, --dir <dir>', t.optCatalogueDir, 'catalogue')
  .action((a: string, b: string | undefined, flags) => runCommand(async () => (await import('./commands/diff.js')).diffCommand(a, b, flags)));

command(program, 'announce', t.announce.description)
  .argument('[dir]', t.argCatalogue, 'catalogue')
  .requiredOption('--effective <date>', t.announce.effective)
  .option('--since <date>', t.announce.since)
  .option('--issuer <agency>', t.announce.issuer)
  .option('-f, --format <format>', t.announce.format, 'md')
  .option('-o, --out <file>', t.announce.out)
  .option('--list-only', t.announce.listOnly)
  .option('--signed <date>', t.announce.signed)
  .option('--deadline-days <N>', t.announce.deadlineDays)
  .option('--department <agency>', t.announce.department)
  .option('--submission <number>', t.announce.submission)
  .option('--submission-date <date>', t.announce.submissionDate)
  .option('--signer <who>', t.announce.signer, 'head')
  .option('--calendar <file>', t.optCalendar)
  .action((dir: string, flags) => runCommand(async () => (await import('./commands/announce.js')).announceCommand(dir, flags)));

command(program, 'rules', t.rules.description)
  .argument('[id]', t.rules.id)
  .action((id: string | undefined) => runCommand(async () => (await import('./commands/rules.js')).rulesCommand(id)));

command(program, 'reconcile', t.reconcile.description)
  .argument('<list>', t.reconcile.list)
  .option('--catalogue <dir>', t.reconcile.catalogue, 'catalogue')
  .option('--province <code>', t.reconcile.province)
  .option('--at <date>', t.reconcile.at)
  .option('-f, --format <format>', t.reconcile.format, 'md')
  .option('--calendar <file>', t.reconcile.calendar)
  .action((list: string, flags) => runCommand(async () => (await import('./commands/reconcile.js')).reconcileCommand(list, flags)));

const report = command(program, 'report', t.report.description).helpCommand('help [command]', t.helpCommand);
command(report, 'simplification', t.report.simplification)
  .argument('[dir]', t.argCatalogue, 'catalogue')
  .option('--agency <id>', t.report.agency)
  .option('--field <id>', t.report.field)
  .option('--level <id>', t.report.level)
  .option('--target-cost-cut <percent>', t.report.target)
  .option('-f, --format <format>', t.report.format, 'md')
  .action((dir: string, flags) => runCommand(async () => (await import('./commands/report.js')).reportSimplificationCommand(dir, flags)));

command(program, 'import', t.import.description)
  .argument('<inputs...>', t.import.inputs)
  .requiredOption('-o, --out <dir>', t.import.out)
  .option('-f, --format <format>', t.import.format, 'auto')
  .option('--report <file>', t.import.report)
  .option('--dry-run', t.import.dryRun)
  .option('--no-validate', t.import.noValidate)
  .action((inputs: string[], flags) => runCommand(async () => (await import('./commands/import.js')).importCommand(inputs, flags)));

/** A usage mistake commander found, in the chosen language and the `tthc:` style. */
function usageMessage(error: CommanderError): string {
  const text = error.message.replace(/^error: /, '');
  const quoted = /'([^']+)'/.exec(text)?.[1] ?? '';
  const suggestion = /\(Did you mean (?:one of )?([^?]+)\?\)/.exec(text)?.[1] ?? '';
  switch (error.code) {
    case 'commander.missingArgument':
      return t.commander.missingArgument(quoted);
    case 'commander.optionMissingArgument':
      return t.commander.optionMissingArgument(quoted);
    case 'commander.missingMandatoryOptionValue':
      return t.commander.missingMandatoryOption(quoted);
    case 'commander.unknownOption':
      return t.commander.unknownOption(quoted, suggestion);
    case 'commander.unknownCommand':
      return t.commander.unknownCommand(quoted, suggestion);
    case 'commander.excessArguments': {
      const [, expected, got] = /Expected (\d+) arguments? but got (\d+)/.exec(text) ?? [];
      return t.commander.excessArguments(Number(expected ?? 0), Number(got ?? 0));
    }
    default:
      return t.commander.other(text);
  }
}

if (chosen.invalid) {
  note(t.opt.badLang(chosen.invalid.from, chosen.invalid.value));
  process.exitCode = EXIT.usage;
} else {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit through here with code 0; usage mistakes get 2, in one line and a hint.
      if (error.exitCode !== 0 && !['commander.help', 'commander.helpDisplayed', 'commander.version'].includes(error.code)) {
        note(`${usageMessage(error)} ${t.run.usageHint}`);
      }
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else {
      note(t.run.internal(error instanceof Error ? error.message : String(error)));
      process.exitCode = EXIT.usage;
    }
  }
}
