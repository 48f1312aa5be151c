import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTthc } from '../helpers/cli.js';
import { cleanupCatalogues, lockCatalogue, makeCatalogue, version } from '../helpers/catalogue.js';
import { baseRegistry } from '../../rules/lint/fixture.js';

const PRELOAD = path.join(import.meta.dirname, 'fixtures', 'no-network.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'tthc-net-'));
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await cleanupCatalogues();
});

function offline(name: string) {
  const log = path.join(work, `${name}.log`);
  writeFileSync(log, '');
  return { env: { NODE_OPTIONS: `--import=${PRELOAD}`, TTHC_NETWORK_LOG: log }, attempts: () => readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

describe('no remote $ref or URL is ever fetched', () => {
  it('the blocker works: a fetch is recorded and fails (positive control)', async () => {
    const { env, attempts } = offline('control');
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, ['-e', "fetch('https://example.invalid/').catch(() => process.exit(3))"], { env: { ...process.env, ...env } });
    expect(r.status).not.toBe(0);
    expect(attempts()).toEqual([expect.stringMatching(/^fetch /)]);
  });

  it('validate and build with remote $schema, $ref-looking values and registry URLs try no connection', async () => {
    const registry = baseRegistry();
    registry.legalDocuments![0]!.url = 'https://thuvienphapluat.example/luat-ho-tich';
    const lure = { $schema: 'https://evil.example/procedure-version.schema.json', ...version({ notes: [{ kind: 'info', text: 'Xem {"$ref": "https://evil.example/x.json"} và http://evil.example/' }] }) };
    const dir = await makeCatalogue({ 'registry/registry.json': registry, 'procedures/1.001193/v1.json': lure, 'catalogue.json': { $schema: 'https://evil.example/catalogue.json' } });
    await lockCatalogue(dir);
    const { env, attempts } = offline('build');
    const validate = await runTthc(['validate', dir], { env });
    expect(validate.code, validate.stderr).toBe(0);
    const build = await runTthc(['build', dir, '--out', path.join(work, 'out'), '--at', '2026-01-15'], { env });
    expect(build.code, build.stderr + build.stdout).toBe(0);
    expect(attempts()).toEqual([]);
  });
});
