/**
 * Issue 16, point 9: `tthc serve` attacked as a visitor (or a careless build) would. The real
 * command runs as a child process (as an unprivileged user when the tests run as root, so that a
 * file with mode 000 is really unreadable); after every attack it must still be alive, print no
 * stack trace, and keep serving the home page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, TTHC } from '../helpers/cli.js';
import { tally } from './tally.js';

const work = mkdtempSync(path.join(tmpdir(), 'tthc-hostile-serve-'));
const site = path.join(work, 'site');
const HOME = '<!DOCTYPE html><html lang="vi"><title>Trang chủ</title><p>Trang chủ</p></html>';

let child: ChildProcess;
let base: URL;
let stderr = '';
let exited: string | undefined;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with the path sent exactly as given (fetch would normalise it); undefined after `ms`. */
function get(rawPath: string, method = 'GET', ms = 3000): Promise<Answer | undefined> {
  return new Promise((resolve) => {
    const req = request({ host: base.hostname, port: base.port, path: rawPath, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: `${body}<cut>` }));
    });
    req.setTimeout(ms, () => {
      req.destroy();
      resolve(undefined);
    });
    req.on('error', () => resolve(undefined));
    req.end();
  });
}

/** The server still answers its home page, and has printed no stack trace. */
async function stillServing(): Promise<boolean> {
  const home = await get('/index.html');
  return exited === undefined && home?.status === 200 && home.body === HOME && !hasStackTrace(stderr);
}

/** An attack's verdict, counted: no answer is a hang, a dead server (or a stack trace) a crash. */
async function attack(what: string, rawPath: string, method = 'GET'): Promise<Answer | undefined> {
  const answer = await get(rawPath, method);
  const alive = await stillServing();
  tally({ cases: 1, hangs: answer === undefined ? 1 : 0, crashes: alive ? 0 : 1 });
  expect({ what, answered: answer !== undefined, alive, stderr: hasStackTrace(stderr) ? stderr : '' }).toEqual({ what, answered: true, alive: true, stderr: '' });
  return answer;
}

/** Runs as nobody when the tests run as root, so that mode 000 means unreadable. */
function serverCommand(): [string, string[]] {
  const args = [TTHC, 'serve', site, '--port', '0'];
  if (process.getuid?.() !== 0) return [process.execPath, args];
  const probe = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', '0']);
  return probe.status === 0 ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args]] : [process.execPath, args];
}

beforeAll(async () => {
  chmodSync(work, 0o755);
  mkdirSync(path.join(site, 'procedures'), { recursive: true });
  writeFileSync(path.join(site, 'index.html'), HOME);
  writeFileSync(path.join(site, 'procedures', 'index.html'), 'danh sách');
  writeFileSync(path.join(site, 'procedures', '1.001193.html'), 'khai sinh');
  writeFileSync(path.join(site, 'secret.html'), 'không đọc được');
  chmodSync(path.join(site, 'secret.html'), 0o000);
  writeFileSync(path.join(work, 'outside.txt'), 'ngoài thư mục trang');
  symlinkSync('/', path.join(site, 'r'));
  symlinkSync(path.join(work, 'outside.txt'), path.join(site, 'outside.html'));
  symlinkSync(path.join(site, 'procedures', '1.001193.html'), path.join(site, 'inside.html'));
  spawnSync('mkfifo', [path.join(site, 'fifo.html')]);
  const [command, args] = serverCommand();
  child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TTHC_LANG: '' } });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  child.on('exit', (code, signal) => (exited = `${code ?? signal}`));
  base = await new Promise<URL>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolve(new URL(m[0]));
    });
    child.on('exit', () => reject(new Error(`tthc serve exited: ${stderr}`)));
  });
}, 30_000);

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

describe('tthc serve under attack keeps serving, and serves only the site', () => {
  it('an unreadable file answers a Vietnamese 500 page, with one line on stderr and no stack trace', async () => {
    const r = await attack('unreadable', '/secret.html');
    expect(r?.status).toBe(500);
    expect(r?.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r?.body).toContain('<html lang="vi">');
    expect(r?.body).toContain('Lỗi máy chủ (500)');
    expect(r?.body).not.toContain('không đọc được');
    expect(stderr).toMatch(/^tthc: .*secret\.html: EACCES/m);
  });

  it('a FIFO in the site folder is never opened: 404 at once, however many times', async () => {
    // Five at once: more than libuv's four threads, which a blocking open of a FIFO would all hold.
    const answers = await Promise.all(Array.from({ length: 5 }, () => get('/fifo.html')));
    const alive = await stillServing();
    tally({ cases: 5, hangs: answers.filter((a) => a === undefined).length, crashes: alive ? 0 : 1 });
    expect(answers.map((a) => a?.status)).toEqual([404, 404, 404, 404, 404]);
    expect(alive).toBe(true);
  });

  it('symlinks out of the site folder answer 404 (site/r -> /), symlinks inside it are served', async () => {
    for (const p of ['/r/etc/passwd', '/r/etc/hostname', '/r/', '/r', '/outside.html', '/r/proc/self/environ']) {
      const r = await attack(`symlink ${p}`, p);
      tally({ leaks: r?.status === 200 ? 1 : 0 });
      expect([p, r?.status]).toEqual([p, 404]);
      expect(r?.body).toContain('Không tìm thấy trang (404)');
    }
    const inside = await attack('symlink inside', '/inside.html');
    expect([inside?.status, inside?.body]).toEqual([200, 'khai sinh']);
  });

  it('paths that climb out, or carry NUL or broken escapes, never leave the site', async () => {
    for (const [p, status] of [
      ['/../../etc/passwd', 404],
      ['/%2e%2e/%2e%2e/etc/passwd', 404],
      ['/procedures/..%2f..%2f..%2fetc%2fpasswd', 404],
      ['/a%00b', 400],
      ['/%E0%A4%A', 400],
    ] as const) {
      const r = await attack(`path ${p}`, p);
      expect([p, r?.status]).toEqual([p, status]);
    }
  });

  it('redirects stay on the same origin: //evil.example/.. and its cousins get a path, never another host', async () => {
    for (const p of ['//evil.example/..', '///evil.example/..', '/\\evil.example/..', '//evil.example/%2e%2e', '/%2fevil.example/..', '//procedures', '/procedures?x=1']) {
      const r = await attack(`redirect ${p}`, p);
      const location = String(r?.headers.location ?? '');
      if (r?.status === 301) {
        expect(location, p).toMatch(/^\/(?![/\\])/);
        expect(new URL(location, base).origin, p).toBe(base.origin);
      } else expect([p, r?.status]).toEqual([p, 404]);
    }
    expect((await get('//evil.example/..'))?.headers.location).toBe('/');
    expect((await get('/procedures?x=1'))?.headers.location).toBe('/procedures/?x=1');
    expect((await get('//procedures'))?.headers.location).toBe('/procedures/');
  });

  it('every answer carries the security headers; other methods get 405 with Allow', async () => {
    for (const [p, method, status] of [
      ['/index.html', 'GET', 200],
      ['/index.html', 'HEAD', 200],
      ['/nothing.html', 'GET', 404],
      ['/procedures', 'GET', 301],
      ['/index.html', 'POST', 405],
      ['/index.html', 'DELETE', 405],
      ['/a%00b', 'GET', 400],
    ] as const) {
      const r = await attack(`${method} ${p}`, p, method);
      expect([method, p, r?.status]).toEqual([method, p, status]);
      const csp = String(r?.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(r?.headers['x-frame-options']).toBe('DENY');
      expect(r?.headers['x-content-type-options']).toBe('nosniff');
      expect(r?.headers['referrer-policy']).toBe('no-referrer');
      if (status === 405) {
        expect(r?.headers.allow).toBe('GET, HEAD');
        expect(r?.body).toContain('Phương thức không được hỗ trợ (405)');
      }
    }
  });

  it('pages replaced and removed by builds while they are served: each answer is whole or a 404, and the server lives', async () => {
    const page = path.join(site, 'procedures', '1.001193.html');
    const text = 'khai sinh '.repeat(5000);
    writeFileSync(page, text);
    let stop = false;
    const churn = (async () => {
      for (let i = 0; !stop; i++) {
        if (i % 2 === 0) rmSync(page, { force: true });
        else {
          writeFileSync(`${page}.tmp`, text);
          renameSync(`${page}.tmp`, page);
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    const answers: (Answer | undefined)[] = [];
    for (let i = 0; i < 300; i++) answers.push(await get('/procedures/1.001193.html'));
    stop = true;
    await churn;
    const alive = await stillServing();
    const bad = answers.filter((a) => !(a && ((a.status === 200 && a.body === text) || a.status === 404)));
    tally({ cases: answers.length, hangs: answers.filter((a) => a === undefined).length, crashes: alive ? 0 : 1 });
    expect(bad.map((a) => a && `${a.status} ${a.body.length}`)).toEqual([]);
    expect(alive).toBe(true);
    expect(new Set(answers.map((a) => a?.status))).toContain(200);
  }, 60_000);
});
