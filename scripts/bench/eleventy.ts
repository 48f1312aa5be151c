/**
 * The benchmark's optional reference row (`--reference eleventy`): one HTML page per procedure,
 * rendered by Eleventy 3 (the development dependency @11ty/eleventy, pinned at 3.1.7) from the same
 * synthetic catalogue the tthc steps read. Eleventy reads the specs itself, in a JavaScript data file
 * (this module's default export, re-exported by the project's `_data/procedures.mjs`), and renders
 * one Liquid template paginated over the procedures: each page carries the version in force of one
 * procedure with its name, agencies, dossier, fees and time limit, escaped as tthc's pages are. So
 * the row measures what a usual static-site tool takes for the pages alone, on the same data, in the
 * same run; it writes nothing else (no API, forms, listing, search index or manifest).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ProcedureVersion, TimeUnit } from '../../rules/schema/types/procedure-version.generated.js';

/** The environment variable that names the catalogue to the data file. */
export const CATALOGUE_ENV = 'TTHC_BENCH_CATALOGUE';

/** One page's data: the version in force of one procedure, as the template shows it. */
export interface ReferencePage {
  code: string;
  version: string;
  from: string;
  name: string;
  agencies: { role: string; name: string }[];
  documents: { name: string; originals: number; copies: number }[];
  fees: { name: string; amount: string }[];
  timeLimit: string;
}

const UNITS: Record<TimeUnit, string> = { hours: 'giờ', 'working-days': 'ngày làm việc', days: 'ngày', months: 'tháng' };
const START: Record<string, string> = { 'complete-dossier': 'kể từ ngày nhận đủ hồ sơ hợp lệ', receipt: 'kể từ ngày nhận hồ sơ', other: '' };

/** The pages of a catalogue: for each procedure, its published version that took effect last. */
export function referencePages(catalogue: string): ReferencePage[] {
  const names = new Map<string, string>();
  const registryDir = path.join(catalogue, 'registry');
  for (const file of readdirSync(registryDir)) {
    if (!file.endsWith('.json')) continue;
    const registry = JSON.parse(readFileSync(path.join(registryDir, file), 'utf8')) as { agencies?: { id: string; name: string }[] };
    for (const agency of registry.agencies ?? []) names.set(agency.id, agency.name);
  }
  const money = new Intl.NumberFormat('vi-VN');
  const pages: ReferencePage[] = [];
  const proceduresDir = path.join(catalogue, 'procedures');
  for (const code of readdirSync(proceduresDir).sort()) {
    let latest: ProcedureVersion | undefined;
    for (const file of readdirSync(path.join(proceduresDir, code))) {
      if (!file.endsWith('.json')) continue;
      const version = JSON.parse(readFileSync(path.join(proceduresDir, code, file), 'utf8')) as ProcedureVersion;
      if (version.status !== 'published' || !version.effective) continue;
      if (!latest || version.effective.from > latest.effective!.from) latest = version;
    }
    if (!latest) continue;
    const agencies = [
      ...(latest.agencies?.competent ?? []).map((id) => ({ role: 'Cơ quan có thẩm quyền', name: names.get(id) ?? id })),
      ...(latest.agencies?.implementing ?? []).map((id) => ({ role: 'Cơ quan thực hiện', name: names.get(id) ?? id })),
    ];
    const limit = latest.timeLimit;
    pages.push({
      code: latest.code,
      version: latest.version,
      from: latest.effective!.from,
      name: latest.name.vi,
      agencies,
      documents: (latest.dossier?.documents ?? []).map((d) => ({ name: d.name, originals: d.originals ?? 0, copies: d.copies ?? 0 })),
      fees: (latest.fees ?? []).map((f) => ({ name: f.name, amount: f.amount === undefined ? 'không thu' : `${money.format(f.amount)} ${f.currency ?? 'VND'}` })),
      timeLimit: limit ? `${limit.value} ${UNITS[limit.unit]} ${START[limit.start] ?? ''}`.trim() : 'Không quy định',
    });
  }
  return pages;
}

/** Eleventy's JavaScript data file calls this: the pages of the catalogue named by TTHC_BENCH_CATALOGUE. */
export default function data(): ReferencePage[] {
  const catalogue = process.env[CATALOGUE_ENV];
  if (!catalogue) throw new Error(`${CATALOGUE_ENV} is not set`);
  return referencePages(catalogue);
}

const TEMPLATE = `---
pagination:
  data: procedures
  size: 1
  alias: p
permalink: "procedures/{{ p.code }}.html"
---
<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ p.name | escape }}</title></head>
<body>
<main>
<h1>{{ p.name | escape }}</h1>
<p>Mã thủ tục {{ p.code | escape }}, phiên bản {{ p.version | escape }}, có hiệu lực từ ngày {{ p.from | escape }}.</p>
<h2>Cơ quan</h2>
<ul>
{%- for a in p.agencies %}
<li>{{ a.role }}: {{ a.name | escape }}</li>
{%- endfor %}
</ul>
<h2>Thành phần hồ sơ</h2>
<ol>
{%- for d in p.documents %}
<li>{{ d.name | escape }} ({{ d.originals }} bản chính, {{ d.copies }} bản sao)</li>
{%- endfor %}
</ol>
<h2>Phí, lệ phí</h2>
{%- if p.fees.size > 0 %}
<ul>
{%- for f in p.fees %}
<li>{{ f.name | escape }}: {{ f.amount | escape }}</li>
{%- endfor %}
</ul>
{%- else %}
<p>Không thu phí, lệ phí.</p>
{%- endif %}
<h2>Thời hạn giải quyết</h2>
<p>{{ p.timeLimit | escape }}</p>
</main>
</body>
</html>
`;

/** The folder of the installed development dependency (its package exports neither cmd.cjs nor package.json). */
function eleventyRoot(): string {
  // The CommonJS entry point is src/EleventyCommonJs.cjs under the package's folder.
  return path.dirname(path.dirname(createRequire(import.meta.url).resolve('@11ty/eleventy')));
}

/** Eleventy's command-line entry point. */
export function eleventyCommand(): string {
  return path.join(eleventyRoot(), 'cmd.cjs');
}

/** The installed Eleventy's version. */
export function eleventyVersion(): string {
  return (JSON.parse(readFileSync(path.join(eleventyRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Writes the Eleventy project into `dir` (replacing it): the template, the data file and a
 * configuration of its own (so Eleventy takes none from the folder it runs in) that only stops it
 * honouring .gitignore. Returns the arguments after `node` that render it into `out`.
 */
export function writeEleventyProject(dir: string, out: string): string[] {
  rmSync(dir, { recursive: true, force: true });
  const input = path.join(dir, 'src');
  mkdirSync(path.join(input, '_data'), { recursive: true });
  writeFileSync(path.join(input, 'procedure.liquid'), TEMPLATE);
  // The data file runs in Eleventy's process under plain Node, so it imports the compiled module (this
  // one, or its dist/ copy when this is the TypeScript source, as under vitest).
  const self = fileURLToPath(import.meta.url);
  const compiled = self.endsWith('.ts') ? path.resolve(path.dirname(self), '../../dist/scripts/bench/eleventy.js') : self;
  writeFileSync(path.join(input, '_data', 'procedures.mjs'), `export { default } from ${JSON.stringify(pathToFileURL(compiled).href)};\n`);
  const config = path.join(dir, 'eleventy.config.mjs');
  // The benchmark's work folder (.bench/) is in .gitignore, which Eleventy would otherwise honour and skip the template.
  writeFileSync(config, 'export default function (config) {\n  config.setUseGitIgnore(false);\n}\n');
  return [eleventyCommand(), `--input=${input}`, `--output=${out}`, `--config=${config}`, '--quiet'];
}
