import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsPages } from '../../generators/site/docs.js';
import { buildFixture, deathRegistration } from '../helpers/build-fixture.js';
import { cleanupCatalogues, makeCatalogue, versionPath } from '../helpers/catalogue.js';
import { hasStackTrace, runTthc, TTHC } from '../helpers/cli.js';
import { cleanupOutputs, makeOutputRoot, readTree } from '../helpers/output.js';

let catalogue: string;
let root: string;

beforeAll(async () => {
  catalogue = await buildFixture();
  root = await makeOutputRoot();
});
afterAll(async () => {
  await cleanupCatalogues();
  await cleanupOutputs();
});

describe('tthc build (CLI)', () => {
  it('builds, then says what it wrote, where, and how long it took', async () => {
    const out = path.join(root, 'site');
    const r = await runTthc(['build', catalogue, '--out', out, '--at', '2025-06-01'], { env: { CI: 'true' } });
    expect(r.stderr).toContain('tthc build: catalogue valid (8 versions of 6 procedures)\n');
    expect(r.stderr).toMatch(/tthc build: form-schemas: 2 files \(2 rendered, 0 unchanged\) in \d+\.\d\d s/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Built 5 procedures \\(3 in force on 2025-06-01\\) into ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/ in \\d+\\.\\d\\d s:`));
    expect(r.stdout).toMatch(/ {2}form-schemas +2 +[\d.]+ KiB +2 +0\n/);
    expect(r.stdout).not.toMatch(/ {2}detail /);
    expect(r.stdout).toContain(`Output: ${out}\n`);
    expect(r.stdout).toMatch(new RegExp(`\n  ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/listing/danh-muc.html +the public listing \\(danh mục TTHC\\) in force on the build date`));
    // The fixture is locked, so the catalogue has no warning to mention.
    expect(r.stdout).not.toContain('warning');
    const again = await runTthc(['build', catalogue, '--out', out, '--at', '2025-06-01'], { env: { CI: 'true' } });
    // No file per API version (7 fewer files and units); forms: the types' index and shard in 2 units (the 3 form schemas are inside the API documents).
    // The API's schemas include those of the calendar and the simplification report (2 files, 2 schema pages on the site).
    expect(again.stdout).toMatch(/ {2}api +24 +[\d.]+ KiB +0 +13\n/);
    expect(again.stdout).toMatch(/ {2}form-schemas +2 +[\d.]+ KiB +0 +2\n/);
    // No detail page (5 files and units), no history page (5) and no diff page (1 change, 1.001193 v1 → v2): they are the site's procedure page.
    // The documentation pages: one file and one unit per page of docs-site/docs/, and the spec reference.
    const docs = docsPages().length + 1;
    expect(docs).toBe(18);
    // No form preview page either (2: 1.001193 v1 and 2.000488 v1): it is a section of the procedure page.
    // One page on how costs are estimated (site/uoc-tinh.html, 1 file and 1 unit), which every procedure page links to.
    // The 3 correction-* lint rules have their pages (developers/rules/), written by the one rules unit.
    expect(again.stdout).toMatch(new RegExp(` {2}total +${127 + docs} +[\\d.]+ [KM]iB +0 +${72 + docs}\n`));
  });

  it('refuses a catalogue with errors, printing what tthc validate prints', async () => {
    const bad = await buildFixture({ [versionPath(deathRegistration())]: deathRegistration({ field: 'ho-tch' }) });
    const out = path.join(root, 'refused');
    const r = await runTthc(['build', bad, '--out', out]);
    const v = await runTthc(['validate', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(v.stdout);
    expect(r.stdout).toContain('Unknown field "ho-tch"');
    expect(r.stderr).toBe(`tthc: build refused: the catalogue has 1 error (listed above); nothing was written. Fix them, or check with \`tthc validate ${bad}\`. To review a catalogue that is not ready to publish (a fresh import), build a preview with --preview.\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('--preview builds the same catalogue, leaving out the file with errors and saying what it left out', async () => {
    const bad = await buildFixture({ [versionPath(deathRegistration())]: deathRegistration({ field: 'ho-tch' }) });
    const out = path.join(root, 'preview');
    const r = await runTthc(['build', bad, '--out', out, '--at', '2025-06-01', '--preview'], { env: { CI: 'true' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('tthc build: preview: 1 error in 1 version file, which are left out (8 versions of 6 procedures)\n');
    // The fixture's death registration is left out; its draft 1.888888 is shown.
    expect(r.stdout).toMatch(/^Built a preview of 5 procedures \(2 in force on 2025-06-01, 1 shown from a draft\) into /);
    expect(r.stdout).toContain(`Left out of this preview: 1 version file with 1 error (\`tthc validate\` lists them):\n  ${bad}/procedures/1.000656/v1.json  references-resolve\n`);
    expect(r.stdout).toContain('This is a preview: drafts are not law.');
    expect(existsSync(path.join(out, 'site/procedures/1.888888.html'))).toBe(true);
    expect(existsSync(path.join(out, 'site/procedures/1.000656.html'))).toBe(false);
  });

  it('--preview still refuses a catalogue whose registry has errors, and says why', async () => {
    const bad = await buildFixture({ 'registry/registry.json': '{ "agencies": [ }' });
    const r = await runTthc(['build', bad, '--out', path.join(root, 'preview-refused'), '--preview']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('left out (');
    expect(r.stderr).toMatch(/^tthc: build refused: \d+ errors? \(listed above\), some outside procedure version files \(registries, the lock, calendars\), which a preview cannot leave out; nothing was written\./);
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false);
  });

  it('fails with one clear line on a missing or empty catalogue and on bad options', async () => {
    const missing = await runTthc(['build', path.join(root, 'no-such-catalogue'), '--out', path.join(root, 'o1')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^tthc: Cannot open catalogue folder .*no-such-catalogue: no such file or folder\.\n$/);
    const empty = await makeCatalogue({});
    const none = await runTthc(['build', empty, '--out', path.join(root, 'o2')]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('No procedure versions found: a catalogue keeps them at procedures/<code>/<version>.json');
    const badDate = await runTthc(['build', catalogue, '--out', path.join(root, 'o3'), '--at', '2025-13-01']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toBe('tthc: --at 2025-13-01 is not a real date: a month is 01 to 12.\n');
    for (const r of [missing, none, badDate]) expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('leaves the previous output untouched when killed mid-build, and recovers on the next build', async () => {
    // Enough procedures that the build takes a moment.
    const files: Record<string, object> = {};
    for (let i = 0; i < 250; i++) {
      const code = `1.${String(100000 + i).padStart(6, '0')}`;
      const v = deathRegistration({ code, name: { vi: `Thủ tục thử nghiệm số ${i}` } });
      files[versionPath(v)] = v;
    }
    const big = await buildFixture(files);
    const out = path.join(root, 'killed');
    const first = await runTthc(['build', big, '--out', out, '--at', '2025-06-01'], { timeoutMs: 120_000 });
    expect(first.code).toBe(0);
    const before = await readTree(out);

    const child = spawn(process.execPath, [TTHC, 'build', big, '--out', out, '--at', '2026-02-01', '--no-cache'], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let temp: string | undefined;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const name = (await readdir(root)).find((n) => n.startsWith('.killed.tmp-'));
      const procedures = name ? path.join(root, name, 'api/v1/procedures') : undefined;
      if (procedures && existsSync(procedures) && (await readdir(procedures)).length >= 30) {
        temp = name;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await exited;
    expect(temp, 'the build was killed while writing its temporary folder').toBeDefined();
    expect((await readdir(root)).filter((n) => n.startsWith('.killed.tmp-'))).toEqual([temp]);
    const after = await readTree(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [rel, bytes] of before) expect(after.get(rel)!.equals(bytes), rel).toBe(true);

    const next = await runTthc(['build', big, '--out', out, '--at', '2026-02-01'], { timeoutMs: 120_000 });
    expect(next.code).toBe(0);
    expect((await readdir(root)).filter((n) => n.startsWith('.killed.tmp-') || n.startsWith('.killed.old-'))).toEqual([]);
    expect((await readTree(out)).get('listing/danh-muc.md')!.toString()).toContain('có hiệu lực ngày 01/02/2026');
  }, 180_000);

  it('is listed in the help', async () => {
    const r = await runTthc(['--help']);
    expect(r.stdout).toMatch(/build \[options\] \[dir\] +Validate the catalogue, then generate/);
  });
});
