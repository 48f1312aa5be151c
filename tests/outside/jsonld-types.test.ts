/**
 * The JSON-LD of every page of the bundled build, typed against schema.org by schema-dts (Google's
 * TypeScript types for schema.org): each block is written out as an object literal assigned to
 * `WithContext<GovernmentService>` and type-checked, so a property schema.org does not have on that
 * type, or a value of the wrong kind, fails (issue 19). A deliberately wrong block proves the check bites.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundled, filesEndingIn } from '../helpers/bundled-output.js';
import { REPO } from '../helpers/cli.js';
import { cleanupOutputs } from '../helpers/output.js';

let out: string;
const blocks: { page: string; data: Record<string, unknown> }[] = [];

beforeAll(async () => {
  out = await buildBundled();
  for (const page of await filesEndingIn(out, '.html')) {
    const html = await readFile(path.join(out, page), 'utf8');
    for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) blocks.push({ page, data: JSON.parse(m[1]!) as Record<string, unknown> });
  }
}, 60_000);
afterAll(cleanupOutputs);

/** Type-checks `source` as a module inside the repository (so `schema-dts` resolves from node_modules); returns its errors. */
function typeErrors(source: string): { line: number; text: string }[] {
  const file = path.join(REPO, 'tests/outside/__jsonld-check.ts');
  const options: ts.CompilerOptions = { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [] };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile: read } = host;
  host.getSourceFile = (name, version, ...rest) => (name === file ? ts.createSourceFile(name, source, version) : getSourceFile.call(host, name, version, ...rest));
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : read.call(host, name));
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === file)
    .map((d) => ({ line: d.file!.getLineAndCharacterOfPosition(d.start!).line + 1, text: ts.flattenDiagnosticMessageText(d.messageText, '\n').split('\n')[0]! }));
}

describe('the JSON-LD against schema.org (schema-dts)', () => {
  it('is on every procedure page, one GovernmentService each, and every block type-checks', () => {
    const procedurePages = blocks.filter((b) => /^site\/procedures\/[^/]+\.html$/.test(b.page)).map((b) => b.page);
    expect(procedurePages).toContain('site/procedures/2.002043.html');
    expect(new Set(procedurePages).size).toBe(procedurePages.length);
    expect(blocks.length).toBeGreaterThan(10);
    expect(new Set(blocks.map((b) => b.data['@type']))).toEqual(new Set(['GovernmentService']));
    const source = [
      "import type { GovernmentService, WithContext } from 'schema-dts';",
      ...blocks.map((b, i) => `// ${b.page}\nexport const block${i}: WithContext<GovernmentService> = ${JSON.stringify(b.data)};`),
    ].join('\n');
    expect(typeErrors(source)).toEqual([]);
  });

  it('fails on a property schema.org does not have (the check is not vacuous)', () => {
    const wrong = { '@context': 'https://schema.org', '@type': 'GovernmentService', name: 'x', availableChannel: [{ '@type': 'ServiceChannel', name: 'Trực tiếp', workingDays: 3 }] };
    const errors = typeErrors(`import type { GovernmentService, WithContext } from 'schema-dts';\nexport const wrong: WithContext<GovernmentService> = ${JSON.stringify(wrong)};`);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.text).toMatch(/^Object literal may only specify known properties/);
    expect(errors[0]!.line).toBe(2);
  });

  it('gives processingTime only for calendar time: a limit in working days is stated in the description', () => {
    const service = blocks.find((b) => b.page === 'site/procedures/2.002043.html')!.data as { availableChannel: Record<string, unknown>[] };
    // 2.002043: 03 working days on every channel. P3D would read as three calendar days.
    expect(service.availableChannel.map((c) => [c.name, c.processingTime, c.description])).toEqual([
      ['Trực tiếp', undefined, '03 ngày làm việc kể từ ngày nhận hồ sơ'],
      ['Dịch vụ bưu chính', undefined, '03 ngày làm việc kể từ ngày nhận hồ sơ'],
      ['Trực tuyến', undefined, '03 ngày làm việc kể từ ngày nhận hồ sơ'],
    ]);
    const durations = blocks.flatMap((b) => ((b.data.availableChannel ?? []) as Record<string, unknown>[]).map((c) => [c.processingTime, c.description] as const)).filter(([d]) => d !== undefined);
    // Every processingTime left is zero or calendar days/months, and its description says so.
    for (const [d, text] of durations) {
      if (d === 'P0D' || d === 'PT0H') continue;
      expect(String(text)).not.toContain('làm việc');
      expect(d).toMatch(/^P\d+[DM]$/);
    }
  });
});
