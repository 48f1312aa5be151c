import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { lockCatalogue } from '../helpers/catalogue.js';
import { hasStackTrace, runTthc } from '../helpers/cli.js';
import { portalAjv } from '../helpers/ajv.js';
import { hostileCases, loadSeeds, runCase, type HostileCase } from './harness.js';
import { tally } from './tally.js';
import { csvCells, files, htmlFindings, markdownFindings } from './scanners.js';

const CASES = Number(process.env.HOSTILE_CLI_CASES ?? 18);
const work = mkdtempSync(path.join(tmpdir(), 'tthc-hostile-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every JSON file of the portal API validates against the schema it names in "$schema". */
function apiFindings(out: string): string[] {
  const ajv = portalAjv();
  const schemaDir = path.join(out, 'api/v1/schemas');
  for (const name of readdirSync(schemaDir)) ajv.addSchema(JSON.parse(readFileSync(path.join(schemaDir, name), 'utf8')));
  const findings: string[] = [];
  for (const file of files(path.join(out, 'api/v1')).filter((f) => f.endsWith('.json') && !f.includes('/schemas/'))) {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    const schema = JSON.parse(readFileSync(path.resolve(path.dirname(file), data.$schema), 'utf8'));
    const validate = ajv.getSchema(schema.$id)!;
    if (!validate(data)) findings.push(`${path.relative(out, file)}: ${ajv.errorsText(validate.errors)}`);
  }
  return findings;
}

/** A run that died or printed a stack trace, rather than exiting 0, 1 or 2 with a message. */
function crashed(r: { code: number | null; stdout: string; stderr: string }): boolean {
  return ![0, 1, 2].includes(r.code ?? -1) || hasStackTrace(r.stdout + r.stderr);
}

describe('hostile cases through the real CLI', () => {
  it(`${CASES} generated catalogues: exit 0, 1 or 2, no stack trace; accepted ones build valid, safe output`, async () => {
    const { seeds, registry } = loadSeeds();
    // Both kinds matter: rejected cases must stop before any generator, accepted ones must build safely.
    const pool = fc.sample(hostileCases(seeds), { numRuns: 400, seed: 4242 }).map((c) => ({ c, accepted: runCase(c, seeds, registry).accepted }));
    const wantAccepted = Math.ceil(CASES / 3);
    const sample = [...pool.filter((x) => x.accepted).slice(0, wantAccepted), ...pool.filter((x) => !x.accepted).slice(0, CASES - wantAccepted)].map((x) => x.c);
    let built = 0;
    for (const [i, c] of sample.entries()) {
      const dir = path.join(work, `case-${i}`);
      const write = (rel: string, content: Uint8Array | string) => {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        writeFileSync(path.join(dir, rel), content);
      };
      write('registry/registry.json', JSON.stringify(registry));
      write(c.seed, c.bytes);
      if (c.companion) write(c.companion.rel, JSON.stringify(c.companion.data));
      const label = `${c.kind} on ${c.seed}`;
      const validate = await runTthc(['validate', dir, '--format', 'json']);
      tally({ cases: 1, crashes: crashed(validate) ? 1 : 0 });
      expect([0, 1, 2], label).toContain(validate.code);
      expect(hasStackTrace(validate.stdout + validate.stderr), label).toBe(false);
      if (validate.code === 2) continue;
      const diagnostics = JSON.parse(validate.stdout) as { line: number; column: number; ruleId: string }[];
      for (const d of diagnostics) expect(d.line >= 1 && d.column >= 1 && d.ruleId.length > 0, label).toBe(true);
      const accepted = pool.find((x) => x.c === c)!.accepted;
      const out = path.join(work, `out-${i}`);
      // A case that validates has its published versions locked, as a catalogue has (a build refuses them without).
      if (validate.code === 0) await lockCatalogue(dir);
      const build = await runTthc(['build', dir, '--out', out, '--at', '2026-01-15']);
      tally({ crashes: crashed(build) ? 1 : 0 });
      expect([0, 1, 2], label).toContain(build.code);
      expect(hasStackTrace(build.stdout + build.stderr), label).toBe(false);
      if (validate.code === 1) {
        // A catalogue with errors never reaches a generator.
        expect(build.code, label).toBe(1);
        expect(() => statSync(out), label).toThrow();
        continue;
      }
      expect(build.code, `${label}: ${build.stderr}`).toBe(0);
      if (accepted) built++;
      const all = files(out);
      const findings = [
        ...all.filter((f) => f.endsWith('.html')).flatMap((f) => htmlFindings(readFileSync(f, 'utf8'))),
        ...all.filter((f) => f.endsWith('.md')).flatMap((f) => markdownFindings(readFileSync(f, 'utf8'))),
        ...all.filter((f) => f.endsWith('.csv')).flatMap((f) => csvCells(readFileSync(f, 'utf8')).filter((x) => /^[=+\-@\t\r]/.test(x))),
        ...apiFindings(out),
      ];
      tally({ leaks: findings.length });
      expect(findings, label).toEqual([]);
    }
    expect(built, 'some hostile cases are accepted and built').toBeGreaterThan(0);
  }, 600_000);
});

export type { HostileCase };
