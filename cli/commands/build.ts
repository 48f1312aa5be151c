import path from 'node:path';
import type { FormatName } from '../../rules/diagnostics/format.js';
import { buildCatalogue, type BuildOptions, type BuildResult } from '../../generators/build.js';
import { progressReporter } from '../progress.js';
import { installInterruptHandlers } from '../../generators/engine/interrupt.js';
import { parseFormat, parsePositiveInt } from '../options.js';
import { finishPublishIfInterrupted } from '../catalogue.js';
import { m } from '../i18n.js';
import { formatFindings, note, say, out, useColor } from '../output.js';
import { EXIT } from '../run.js';
import { formatSummary, refusedLine, shownOut } from '../build-summary.js';
import { readSigningKey, SIGNATURE } from '../../generators/engine/sign.js';

export interface BuildFlags {
  out: string;
  at?: string;
  cache: boolean;
  cacheDir?: string;
  baseUrl?: string;
  strict?: boolean;
  preview?: boolean;
  format: string;
  maxFileSize?: string;
  sign?: string;
  watch?: boolean;
  quiet?: boolean;
}

/** The build options the flags give (the key read already). */
function buildOptions(flags: BuildFlags, signingKey: ReturnType<typeof readSigningKey> | undefined): BuildOptions {
  return {
    out: flags.out,
    ...(flags.at !== undefined ? { at: flags.at } : {}),
    cache: flags.cache,
    ...(flags.cacheDir !== undefined ? { cacheDir: flags.cacheDir } : {}),
    ...(flags.baseUrl !== undefined ? { baseUrl: flags.baseUrl } : {}),
    strict: flags.strict ?? false,
    preview: flags.preview ?? false,
    ...(flags.maxFileSize ? { maxFileBytes: parsePositiveInt(flags.maxFileSize, '--max-file-size') } : {}),
    ...(signingKey ? { signingKey } : {}),
  };
}

export async function buildCommand(dir: string, flags: BuildFlags): Promise<number> {
  const format = parseFormat(flags.format, ['stylish', 'json']) as FormatName;
  // The key is read before anything is built: a bad key file is a usage error, not a wasted build.
  const signingKey = flags.sign !== undefined ? readSigningKey(flags.sign) : undefined;
  await finishPublishIfInterrupted(dir, 'tthc build');
  const options = buildOptions(flags, signingKey);
  if (flags.watch) {
    const { watchBuild } = await import('../watch.js');
    return watchBuild(dir, options, { format, quiet: flags.quiet === true, signed: signingKey !== undefined });
  }
  const progress = progressReporter(process.stderr, { quiet: flags.quiet === true });
  // Ctrl+C or a SIGTERM: the staging folder and the output's lock are removed, one line says so,
  // and the exit code is 128 + the signal's number; the previous output stays as it was.
  const uninstall = installInterruptHandlers((signal) => {
    progress.done();
    note(m().build.interrupted(signal));
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
  let result: BuildResult;
  try {
    result = await buildCatalogue(dir, { ...options, onProgress: progress.report });
  } finally {
    progress.done();
    uninstall();
  }
  if (!result.built) {
    await out(formatFindings(result.validation.diagnostics, format, useColor()));
    note(refusedLine(result, dir, flags.preview === true));
    return EXIT.findings;
  }
  const shown = shownOut(flags.out);
  if (!flags.quiet) {
    await say(formatSummary(result, shown));
    if (signingKey) await say(m().build.signed(path.join(shown, SIGNATURE)) + '\n');
  }
  // The output is whole; what failed after it was swapped in is said, and is not a failed build.
  for (const w of result.warnings) note(m().build.afterSwap[w.id](w.path, w.detail));
  return EXIT.ok;
}

