/**
 * The site's three scripts, bundled at build time with esbuild from docs-site/client/*.ts: search
 * (MiniSearch), the due-date calculator (the library's deadlines and calendar code, with its
 * table of lunar months) and the form preview (form-check.ts, a walker of the form schemas' JSON Schema subset). Bundling at build time rather than committing the
 * bundles keeps one source of truth: the calculator is always the code `tthc due` runs. esbuild's
 * output is deterministic for the same sources and version, and the unit is cached like any other.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const SCRIPTS = ['search', 'calculator', 'form'] as const;
export type ScriptName = (typeof SCRIPTS)[number];

const require = createRequire(import.meta.url);

/**
 * The entry file: docs-site/client/<name>.js compiled beside the generators in dist/, or the .ts
 * source under vitest (dist/docs-site and docs-site sit at the same depth as dist/generators and
 * generators, so one relative URL serves both).
 */
function entry(name: ScriptName): string {
  const js = fileURLToPath(new URL(`../../docs-site/client/${name}.js`, import.meta.url));
  return existsSync(js) ? js : js.replace(/\.js$/, '.ts');
}

/** What the bundles depend on beyond the project's own code (which the generator's salt covers). */
export function bundleInputs(): string {
  const versions = ['esbuild', 'minisearch'].map((pkg) => {
    try {
      const file = require.resolve(`${pkg}/package.json`);
      return `${pkg}@${(JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version}`;
    } catch {
      return `${pkg}@?`;
    }
  });
  return versions.join(' ');
}

export async function bundle(name: ScriptName): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry(name)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  return `/* tthc site: ${name}. Bundled from docs-site/client/${name}.ts; see the README. */\n${result.outputFiles[0]!.text}`;
}
