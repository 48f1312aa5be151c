import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, deathRegistration } from '../helpers/build-fixture.js';
import { cleanupCatalogues, relockCatalogue, versionPath } from '../helpers/catalogue.js';
import { REPO, TTHC } from '../helpers/cli.js';
import { cleanupOutputs, makeOutputRoot } from '../helpers/output.js';

/** A running `tthc …` with what it printed so far. */
interface Running {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: Running[] = [];

function start(args: string[], env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn(process.execPath, [TTHC, ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '1', TTHC_DEBUG: '', TTHC_LANG: 'en', CI: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const r: Running = { child, stdout: '', stderr: '', exit: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal }))) };
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (r.stdout += c));
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (r.stderr += c));
  running.push(r);
  return r;
}

/** Polls until `test` holds (a loaded machine builds slowly: no fixed sleeps), failing with what was printed. */
async function until(what: string, test: () => boolean, r?: Running, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${r ? `\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}` : ''}`);
    if (r && r.child.exitCode !== null) throw new Error(`tthc exited (${r.child.exitCode}) before ${what}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

function readIf(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

let root: string;
beforeAll(async () => {
  root = await makeOutputRoot();
});
afterEach(() => {
  for (const r of running.splice(0)) if (r.child.exitCode === null) r.child.kill('SIGKILL');
});
afterAll(async () => {
  await cleanupCatalogues();
  await cleanupOutputs();
});

const AMENDED = 'Thủ tục đăng ký khai tử (đã sửa đổi)';

/** Death registration v2, published from 2025-01-01 with a new name. */
function deathV2(): ReturnType<typeof deathRegistration> {
  return deathRegistration({ version: 'v2', supersedes: 'v1', effective: { from: '2025-01-01' }, name: { vi: AMENDED, en: 'Death registration (amended)' }, changedBy: { legalBasis: [{ document: '60/2014/QH13', article: '62' }] } });
}

describe('tthc build --watch', () => {
  it('builds, rebuilds what a saved file changes, keeps the last good output on bad input, and stops cleanly on Ctrl+C', async () => {
    const catalogue = await buildFixture();
    const out = path.join(root, 'watched');
    const api = path.join(out, 'api/v1/procedures/1.000656.json');
    const w = start(['build', catalogue, '--out', out, '--at', '2025-06-01', '--watch']);
    await until('the first build', () => w.stderr.includes('tthc build: watching'), w);
    expect(w.stdout).toMatch(/^Built 5 procedures \(3 in force on 2025-06-01\) into /);
    type Doc = { name: string; current: { version: string }; versions: { version: string }[] };
    const first = JSON.parse(readFileSync(api, 'utf8')) as Doc;
    expect([first.name, first.current.version, first.versions.map((v) => v.version)]).toEqual(['Thủ tục đăng ký khai tử', 'v1', ['v1']]);

    // A new version published: its file and the lock are saved, and the API document is rebuilt.
    await writeFile(path.join(catalogue, versionPath(deathV2())), JSON.stringify(deathV2(), null, 2) + '\n');
    await relockCatalogue(catalogue);
    await until('the amended API document', () => readIf(api).includes(AMENDED), w);
    const amended = JSON.parse(readFileSync(api, 'utf8')) as Doc;
    expect([amended.name, amended.current.version, amended.versions.map((v) => v.version)]).toEqual([AMENDED, 'v2', ['v1', 'v2']]);
    await until('the rebuilt line', () => /tthc build: procedures\/1\.000656\/v2\.json.*: built again in \d+\.\d\d s \(\d+ rendered, \d+ unchanged\)/.test(w.stderr), w);
    // The manifest lists the new document with its hash: the output is whole, as after a build.
    const manifest = readFileSync(path.join(out, 'manifest.json'), 'utf8');
    expect(manifest).toContain('"generator"');
    const page = readFileSync(path.join(out, 'site/procedures/1.000656.html'), 'utf8');
    expect(page).toContain(AMENDED);

    // A broken file: the diagnostics are printed, nothing is written, the output stays the last good one.
    const before = readFileSync(api, 'utf8');
    const stdoutBefore = w.stdout.length;
    const refusals = count(w.stderr, 'nothing was written, the last good output in');
    await writeFile(path.join(catalogue, 'procedures/1.000656/v3.json'), '{ "code": "1.000656", "version": ');
    await until('the refusal', () => count(w.stderr, 'nothing was written, the last good output in') > refusals && w.stdout.slice(stdoutBefore).includes('v3.json'), w);
    const printed = w.stdout.slice(stdoutBefore);
    expect(printed).toContain('procedures/1.000656/v3.json');
    expect(printed).toMatch(/\d+:\d+ +error +/);
    expect(w.stderr).toMatch(/tthc build: the catalogue has 1 error \(listed above\): nothing was written, the last good output in .* stays; watching goes on\./);
    expect(readFileSync(api, 'utf8')).toBe(before);

    // Fixed: built again, and watching went on all along.
    const rebuilds = count(w.stderr, 'built again in');
    await writeFile(path.join(catalogue, 'procedures/1.000656/v3.json'), JSON.stringify(deathRegistration({ version: 'v3', status: 'draft', supersedes: 'v2', effective: { from: '2026-01-01' } }), null, 2) + '\n');
    await until('the rebuild after the fix', () => count(w.stderr, 'built again in') > rebuilds, w);

    w.child.kill('SIGINT');
    const exit = await w.exit;
    expect(exit.code).toBe(0);
    expect(w.stderr).toContain('tthc build: stopped watching; the output folder is whole.');
    // Nothing left beside the output: no staging folder, no lock.
    expect(readdirSync(root).filter((n) => n.startsWith('.watched.') && !n.endsWith('.tthc-cache'))).toEqual([]);
    expect(existsSync(api)).toBe(true);
  }, 400_000);

  it('speaks Vietnamese by default, and --quiet prints nothing but errors', async () => {
    const catalogue = await buildFixture();
    const out = path.join(root, 'quiet');
    const w = start(['build', catalogue, '--out', out, '--at', '2025-06-01', '--watch', '--quiet'], { TTHC_LANG: '' });
    await until('the first build', () => existsSync(path.join(out, 'manifest.json')), w);
    await writeFile(path.join(catalogue, 'procedures/1.000656/v3.json'), '{ "code": ');
    await until('the refusal', () => w.stderr.includes('tiếp tục theo dõi'), w);
    expect(w.stderr).toMatch(/^tthc build: danh mục có 1 lỗi \(liệt kê ở trên\): chưa ghi gì, kết quả đúng gần nhất trong .* được giữ nguyên; tiếp tục theo dõi\.\n$/);
    expect(w.stdout).toContain('procedures/1.000656/v3.json');
    expect(w.stdout).not.toContain('Built');
    w.child.kill('SIGINT');
    expect((await w.exit).code).toBe(0);
  }, 400_000);

  it('serve --watch builds, serves the site with the reload script, and sends a reload event after a rebuild', async () => {
    const catalogue = await buildFixture();
    const out = path.join(root, 'served');
    const w = start(['serve', out, '--watch', '--catalogue', catalogue, '--at', '2025-06-01', '--port', '0']);
    await until('the server', () => /Serving .* at http:\/\/127\.0\.0\.1:\d+\/index\.html/.test(w.stdout), w);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/)index\.html/.exec(w.stdout)![1]!;
    const page = await fetch(`${url}procedures/1.000656.html`);
    const html = await page.text();
    expect(html).toContain('<script src="/_tthc/reload.js" defer></script></body>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    // The built page itself has no such script.
    expect(readFileSync(path.join(out, 'site/procedures/1.000656.html'), 'utf8')).not.toContain('_tthc');

    const events = await fetch(`${url}_tthc/events`);
    const reader = events.body!.getReader();
    let received = '';
    const reading = (async () => {
      const decoder = new TextDecoder();
      while (!received.includes('event: reload')) {
        const { value, done } = await reader.read();
        if (done) break;
        received += decoder.decode(value, { stream: true });
      }
    })();
    await until('the stream to open', () => received.startsWith('retry:'), w);
    await writeFile(path.join(catalogue, versionPath(deathV2())), JSON.stringify(deathV2(), null, 2) + '\n');
    await relockCatalogue(catalogue);
    await until('the reload event', () => received.includes('event: reload'), w);
    await reading;
    await reader.cancel();
    const data = JSON.parse(/event: reload\ndata: (.*)\n/.exec(received)![1]!) as { files: string[] };
    expect(data.files).toContain('procedures/1.000656/v2.json');
    expect(await (await fetch(`${url}procedures/1.000656.html`)).text()).toContain(AMENDED);
    w.child.kill('SIGINT');
    expect((await w.exit).code).toBe(0);
  }, 400_000);
});
