/**
 * Issue 16, point 4: the lock attests itself. Editing a published file and its lock entry together
 * passes `tthc validate`; `tthc verify --against <ref>` compares the lock with the lock at a git ref
 * and reports it. Releases are signed: `tthc build --sign` writes a detached Ed25519 signature of
 * the manifest, and `tthc verify --output --key` catches a tampered, added or removed file, a
 * tampered manifest or shard, and a wrong key.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, verify as verifySignature } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, sha256Hex } from '../../rules/load/canonical.js';
import { hasStackTrace, REPO, runTthc, type CliResult } from '../helpers/cli.js';
import { tally } from './tally.js';

const CATALOGUE = path.join(REPO, 'catalogue');
const AT = '2026-01-15';

interface LockEntry {
  code: string;
  version: string;
  path: string;
  sha256: string;
  bytesSha256?: string;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=tthc test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' },
  }).trim();
}

const readLock = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'tthc.lock.json'), 'utf8')) as { lockfileVersion: 1; published: LockEntry[] };
const writeLock = (dir: string, lock: { published: LockEntry[] }) => writeFileSync(path.join(dir, 'tthc.lock.json'), JSON.stringify(lock, null, 2) + '\n');

/** Edits the first published version and rewrites its lock entry to match: the lock then attests the edit. */
function launder(dir: string): { entry: LockEntry; before: string; after: string } {
  const lock = readLock(dir);
  const entry = lock.published[0]!;
  const before = entry.sha256;
  const file = path.join(dir, entry.path);
  const data = JSON.parse(readFileSync(file, 'utf8')) as { name: { vi: string } };
  data.name.vi += ' (đã sửa)';
  const text = JSON.stringify(data, null, 2) + '\n';
  writeFileSync(file, text);
  entry.sha256 = contentHash(data);
  if (entry.bytesSha256 !== undefined) entry.bytesSha256 = sha256Hex(text);
  writeLock(dir, lock);
  return { entry, before, after: entry.sha256 };
}

describe('tthc verify --against: the lock compared with the lock at a git ref', () => {
  let work: string;
  let repo: string;
  let catalogue: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'tthc-verify-git-'));
    repo = path.join(work, 'repo');
    catalogue = path.join(repo, 'catalogue');
    cpSync(CATALOGUE, catalogue, { recursive: true });
    git(work, 'init', '-q', '-b', 'main', repo);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'the published catalogue');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('has no default ref without an upstream or a tag: a clear error naming --against, exit 2', async () => {
    const r = await runTthc(['verify', catalogue]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('tthc: There is nothing to compare the lock with: the branch has no upstream and the repository no tag. Name a ref with --against, e.g. --against origin/main or --against v1.0.\n');
  });

  it('reports a published file and its lock entry edited together, which validate cannot see', async () => {
    const published = readLock(catalogue).published.length;
    const { entry, before, after } = launder(catalogue);
    expect(after).not.toBe(before);
    git(repo, 'commit', '-q', '-am', 'an edit of a published version, with its lock entry');
    // The lock attests the edit: validate finds nothing wrong.
    const validate = await runTthc(['validate', catalogue, '--format', 'json']);
    expect(validate.code).toBe(0);
    expect((JSON.parse(validate.stdout) as { severity: string }[]).filter((d) => d.severity === 'error')).toEqual([]);

    const text = await runTthc(['verify', catalogue, '--against', 'HEAD~1']);
    expect(text.code).toBe(1);
    const first = git(repo, 'rev-parse', 'HEAD~1');
    expect(text.stdout.split('\n')[0]).toBe(`tthc verify: ${path.join(catalogue, 'tthc.lock.json')} compared with HEAD~1 (commit ${first.slice(0, 12)})`);
    expect(text.stdout).toContain(`  changed  ${entry.code}@${entry.version}  ${entry.path}  sha256 ${before.slice(0, 12)} → ${after.slice(0, 12)}\n`);
    expect(text.stdout).toContain('✖ 1 published version changed or vanished since HEAD~1');

    const json = await runTthc(['verify', catalogue, '--against', 'HEAD~1', '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { findings: number; lock: { against: { commit: string; source: string }; changed: unknown[]; vanished: unknown[]; added: unknown[]; unchanged: number } };
    expect(report.findings).toBe(1);
    expect(report.lock.against).toMatchObject({ commit: first, source: 'given' });
    expect(report.lock.changed).toEqual([{ code: entry.code, version: entry.version, path: entry.path, kind: 'changed', before: { path: entry.path, sha256: before }, after: { path: entry.path, sha256: after } }]);
    expect(report.lock.vanished).toEqual([]);
    expect(report.lock.added).toEqual([]);
    expect(report.lock.unchanged).toBe(published - 1);

    // Against the commit that made the edit, the lock agrees with itself.
    const same = await runTthc(['verify', catalogue, '--against', 'HEAD']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain(`✔ The lock agrees with HEAD: ${published} published versions unchanged.`);
  });

  it('reports a vanished entry, a moved one, and lists entries new since the ref as information', async () => {
    const lock = readLock(catalogue);
    const [gone, moved] = [lock.published[1]!, lock.published[2]!];
    const added: LockEntry = { ...lock.published[3]!, version: 'v99', path: `procedures/${lock.published[3]!.code}/v99.json` };
    const edited = { ...lock, published: [...lock.published.filter((e) => e !== gone).map((e) => (e === moved ? { ...e, path: 'procedures/elsewhere.json' } : e)), added] };
    writeLock(catalogue, edited);
    try {
      const r = await runTthc(['verify', catalogue, '--against', 'HEAD', '--format', 'json']);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout) as { findings: number; lock: { changed: { code: string; kind: string; after: { path: string } }[]; vanished: LockEntry[]; added: LockEntry[] } };
      expect(report.findings).toBe(2);
      expect(report.lock.vanished).toEqual([gone]);
      expect(report.lock.changed.map((c) => [c.code, c.kind, c.after.path])).toEqual([[moved.code, 'moved', 'procedures/elsewhere.json']]);
      expect(report.lock.added).toEqual([added]);

      // A version published since the ref alone is no finding.
      writeLock(catalogue, { ...lock, published: [...lock.published, added] });
      const onlyNew = await runTthc(['verify', catalogue, '--against', 'HEAD']);
      expect(onlyNew.code).toBe(0);
      expect(onlyNew.stdout).toContain(`  new  ${added.code}@v99  ${added.path}\n`);
      expect(onlyNew.stdout).toContain(`✔ The lock agrees with HEAD: ${lock.published.length} published versions unchanged, 1 published since (new entries).`);

      // A deleted lock: every entry of the ref vanished.
      unlinkSync(path.join(catalogue, 'tthc.lock.json'));
      const deleted = await runTthc(['verify', catalogue, '--against', 'HEAD', '--format', 'json']);
      expect(deleted.code).toBe(1);
      const d = JSON.parse(deleted.stdout) as { lock: { missing: boolean; vanished: LockEntry[] } };
      expect(d.lock.missing).toBe(true);
      expect(d.lock.vanished.length).toBe(lock.published.length);

      // A corrupt lock is bad input naming the file, never "no lock".
      writeFileSync(path.join(catalogue, 'tthc.lock.json'), '<<<<<<< HEAD\n');
      const corrupt = await runTthc(['verify', catalogue, '--against', 'HEAD']);
      expect(corrupt.code).toBe(2);
      expect(corrupt.stderr).toMatch(new RegExp(`^tthc: The lock ${path.join(catalogue, 'tthc.lock.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be read: 1:1: `));
    } finally {
      git(repo, 'checkout', '-q', '--', 'catalogue/tthc.lock.json');
    }
  });

  it('defaults to the most recent tag, then to the upstream branch', async () => {
    git(repo, 'tag', 'v1.0', 'HEAD~1');
    const tagged = await runTthc(['verify', catalogue, '--format', 'json']);
    expect(tagged.code).toBe(1);
    const t = JSON.parse(tagged.stdout) as { lock: { against: { ref: string; source: string; commit: string }; changed: unknown[] } };
    expect(t.lock.against).toEqual({ ref: 'v1.0', source: 'tag', commit: git(repo, 'rev-parse', 'v1.0^{commit}'), hasLock: true });
    expect(t.lock.changed.length).toBe(1);

    const clone = path.join(work, 'clone');
    git(work, 'clone', '-q', repo, clone);
    const fromClone = await runTthc(['verify', path.join(clone, 'catalogue'), '--format', 'json']);
    expect(fromClone.code).toBe(0);
    const u = JSON.parse(fromClone.stdout) as { lock: { against: { ref: string; source: string } } };
    expect(u.lock.against).toMatchObject({ ref: 'origin/main', source: 'upstream' });
  });

  it('bad input is exit 2 with one line, in Vietnamese by default: an unknown ref, a folder outside git', async () => {
    const unknown = await runTthc(['verify', catalogue, '--against', 'no-such-ref'], { env: { TTHC_LANG: '' } });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('tthc: "no-such-ref" không phải là commit, nhánh hay thẻ nào của kho này.\n');
    const option = await runTthc(['verify', catalogue, '--against', '--output=/etc']);
    expect(option.code).toBe(2);
    const outside = mkdtempSync(path.join(tmpdir(), 'tthc-verify-nogit-'));
    try {
      cpSync(path.join(CATALOGUE, 'tthc.lock.json'), path.join(outside, 'tthc.lock.json'));
      const r = await runTthc(['verify', outside, '--against', 'HEAD'], { env: { GIT_CEILING_DIRECTORIES: path.dirname(outside) } });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`tthc: ${outside} is not in a git repository, so there is no ref to compare its lock with.\n`);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

/** The hostile suite's tally: tampered inputs tried, and runs that crashed (a stack trace, or an exit code other than 0, 1, 2). */
function count(runs: CliResult[], cases: number): void {
  tally({ cases, crashes: runs.filter((r) => hasStackTrace(r.stderr) || r.code === null || r.code > 2).length });
}

/** Changes the build date a manifest states, keeping its formatting, and checks the text did change. */
function forgeManifest(file: string): void {
  const before = readFileSync(file, 'utf8');
  const after = before.replace(AT, '2099-01-01');
  expect(after).not.toBe(before);
  writeFileSync(file, after);
}

/** Every file under a folder, relative, with forward slashes. */
function filesUnder(root: string): string[] {
  return (execFileSync('find', ['.', '-type', 'f'], { cwd: root, encoding: 'utf8' }) as string)
    .split('\n')
    .filter(Boolean)
    .map((p) => p.slice(2))
    .sort();
}

describe('signed builds: tthc build --sign, then tthc verify --output --key', () => {
  let work: string;
  let catalogue: string;
  let out: string;
  let key: string;
  let pub: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'tthc-verify-sign-'));
    catalogue = path.join(work, 'catalogue');
    cpSync(CATALOGUE, catalogue, { recursive: true });
    const keygen = await runTthc(['keygen', '--out', path.join(work, 'release')]);
    expect(keygen.code, keygen.stderr).toBe(0);
    key = path.join(work, 'release.private.pem');
    pub = path.join(work, 'release.public.pem');
    out = path.join(work, 'out');
    const build = await runTthc(['build', catalogue, '--out', out, '--at', AT, '--sign', key], { timeoutMs: 240_000 });
    expect(build.code, build.stderr).toBe(0);
    expect(build.stdout).toContain(`Signed: ${path.join(out, 'manifest.json.sig')}`);
  }, 300_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** A copy of the signed output to tamper with. */
  const copy = (name: string) => {
    const target = path.join(work, name);
    cpSync(out, target, { recursive: true });
    return target;
  };

  it('keygen writes an Ed25519 pair, the private key readable by its owner only, and never overwrites', async () => {
    expect(createPublicKey(readFileSync(pub)).asymmetricKeyType).toBe('ed25519');
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const again = await runTthc(['keygen', '--out', path.join(work, 'release')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`tthc: ${key} already exists: keys are never overwritten. Choose another --out, or remove it.\n`);
  });

  it('a signed build verifies: the signature over manifest.json, then every file (as a portal checks it)', async () => {
    const manifest = readFileSync(path.join(out, 'manifest.json'));
    const signature = Buffer.from(readFileSync(path.join(out, 'manifest.json.sig'), 'utf8').trim(), 'base64');
    expect(signature.length).toBe(64);
    // The portal's check, as docs-site describes it, with node:crypto.
    expect(verifySignature(null, manifest, createPublicKey(readFileSync(pub)), signature)).toBe(true);
    const root = JSON.parse(manifest.toString('utf8')) as { files: number; shards: { path: string; sha256: string }[] };
    const listed = new Map<string, { sha256: string; bytes: number }>();
    for (const shard of root.shards) {
      const bytes = readFileSync(path.join(out, shard.path));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(shard.sha256);
      for (const [p, e] of Object.entries((JSON.parse(bytes.toString('utf8')) as { files: Record<string, { sha256: string; bytes: number }> }).files)) listed.set(p, e);
    }
    expect(listed.size).toBe(root.files);
    for (const [p, e] of listed) expect(sha256Hex(readFileSync(path.join(out, p))), p).toBe(e.sha256);
    // Every file of the output is listed, the manifest and its signature aside.
    const extra = filesUnder(out).filter((p) => !listed.has(p) && !root.shards.some((s) => s.path === p));
    expect(extra).toEqual(['manifest.json', 'manifest.json.sig']);

    const r = await runTthc(['verify', '--output', out, '--key', pub, '--format', 'json']);
    expect(r.code, r.stdout).toBe(0);
    const report = JSON.parse(r.stdout) as { output: { signature: string; checked: number; missing: unknown[]; changed: unknown[]; unlisted: unknown[] }; lock?: unknown };
    expect(report.lock).toBeUndefined();
    expect(report.output).toMatchObject({ signature: 'valid', checked: listed.size + root.shards.length, missing: [], changed: [], unlisted: [] });
    const text = await runTthc(['verify', '--output', out, '--key', pub]);
    expect(text.stdout).toContain(`✔ Signature valid; all ${listed.size + root.shards.length} files of the manifest match (SHA-256 and size), and no other file is present.`);
  });

  it.skipIf(spawnSync('openssl', ['version']).status !== 0)('openssl pkeyutl verifies the signature too (the command the README gives)', () => {
    const bin = path.join(work, 'manifest.json.sig.bin');
    writeFileSync(bin, Buffer.from(readFileSync(path.join(out, 'manifest.json.sig'), 'utf8'), 'base64'));
    const ok = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', pub, '-rawin', '-in', path.join(out, 'manifest.json'), '-sigfile', bin], { encoding: 'utf8' });
    expect(ok.stdout.trim()).toBe('Signature Verified Successfully');
    expect(ok.status).toBe(0);
  });

  it.skipIf(['openssl', 'jq', 'sha256sum', 'base64'].some((c) => spawnSync(c, ['--version']).error !== undefined))(
    'the portal guide on the site shows shell commands that verify this output, and catch a tampered file and a forged manifest',
    () => {
      const page = readFileSync(path.join(out, 'site/docs/guides/portal.html'), 'utf8');
      const block = [...page.matchAll(/<pre[^>]*><code class="language-sh">([\s\S]*?)<\/code><\/pre>/g)].map((m) => m[1]!).find((b) => b.includes('pkeyutl'));
      expect(block).toBeDefined();
      // The API page for developers points to it.
      const anchor = 'kiểm-tra-dữ-liệu-tải-về';
      expect(page).toContain(`id="${anchor}"`);
      expect(readFileSync(path.join(out, 'site/developers/index.html'), 'utf8')).toContain(`href="../docs/guides/portal.html#${encodeURI(anchor)}"`);
      const script = block!.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      expect(script).toContain('openssl pkeyutl -verify -pubin -inkey release.public.pem -rawin -in manifest.json -sigfile manifest.json.sig.bin');
      expect(page).toContain('verify(null, manifest, key, signature)');
      const dir = copy('portal-download');
      cpSync(pub, path.join(dir, 'release.public.pem'));
      const run = () => spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd: dir, encoding: 'utf8' });
      const ok = run();
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout.trim()).toBe('Signature Verified Successfully');
      appendFileSync(path.join(dir, 'listing/danh-muc.md'), 'x');
      const bad = run();
      expect(bad.status).not.toBe(0);
      expect(bad.stdout).toContain('listing/danh-muc.md: FAILED');
      forgeManifest(path.join(dir, 'manifest.json'));
      const forged = run();
      expect(forged.status).not.toBe(0);
      expect(forged.stdout.trim()).toBe('Signature Verification Failure');
    },
  );

  it('is deterministic: the same catalogue built again signs to the same bytes', async () => {
    const second = path.join(work, 'second');
    const r = await runTthc(['build', catalogue, '--out', second, '--at', AT, '--sign', key, '--no-cache'], { timeoutMs: 240_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(second, 'manifest.json'))).toEqual(readFileSync(path.join(out, 'manifest.json')));
    expect(readFileSync(path.join(second, 'manifest.json.sig'), 'utf8')).toBe(readFileSync(path.join(out, 'manifest.json.sig'), 'utf8'));
  }, 300_000);

  it('catches a tampered file, an added file, a removed file and a symlink planted in the output', async () => {
    const dir = copy('tampered');
    const page = 'site/index.html';
    const before = readFileSync(path.join(dir, page));
    appendFileSync(path.join(dir, page), '<script>alert(1)</script>');
    writeFileSync(path.join(dir, 'site/added.html'), '<p>not in the manifest</p>');
    const removed = filesUnder(dir).find((p) => p.startsWith('api/'))!;
    const removedBytes = readFileSync(path.join(dir, removed));
    unlinkSync(path.join(dir, removed));
    execFileSync('ln', ['-s', '/', path.join(dir, 'site/root')]);
    const r = await runTthc(['verify', '--output', dir, '--key', pub, '--format', 'json']);
    count([r], 4);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: number; output: { signature: string; missing: unknown[]; changed: unknown[]; unlisted: unknown[] } };
    expect(report.output.signature).toBe('valid');
    expect(report.output.changed).toEqual([{ path: page, expected: { sha256: sha256Hex(before), bytes: before.length }, actual: { sha256: sha256Hex(readFileSync(path.join(dir, page))), bytes: before.length + 25 } }]);
    expect(report.output.missing).toEqual([{ path: removed, expected: { sha256: sha256Hex(removedBytes), bytes: removedBytes.length } }]);
    expect(report.output.unlisted).toEqual([{ path: 'site/added.html' }, { path: 'site/root' }]);
    expect(report.findings).toBe(4);
    const text = await runTthc(['verify', '--output', dir, '--key', pub]);
    expect(text.stdout).toContain(`  changed   ${page}  sha256 ${sha256Hex(before).slice(0, 12)} → `);
    expect(text.stdout).toContain(`  missing   ${removed}\n`);
    expect(text.stdout).toContain('  unlisted  site/added.html\n');
    expect(text.stdout).toContain('✖ The output is not the signed build: 1 file missing, 1 changed, 2 not in the manifest.');
  });

  it('catches a tampered manifest, a tampered shard and a wrong key', async () => {
    const dir = copy('manifest-tampered');
    const manifestFile = path.join(dir, 'manifest.json');
    forgeManifest(manifestFile);
    const m = await runTthc(['verify', '--output', dir, '--key', pub, '--format', 'json']);
    expect(m.code).toBe(1);
    expect(JSON.parse(m.stdout).output).toMatchObject({ signature: 'invalid', checked: 0 });

    // A shard edited to match a tampered file: the signed manifest still names the shard's hash.
    const shardDir = copy('shard-tampered');
    const shardPath = (JSON.parse(readFileSync(path.join(shardDir, 'manifest.json'), 'utf8')) as { shards: { path: string }[] }).shards[0]!.path;
    const shard = JSON.parse(readFileSync(path.join(shardDir, shardPath), 'utf8')) as { files: Record<string, { sha256: string; bytes: number }> };
    const [victim] = Object.keys(shard.files);
    const evil = Buffer.from('tampered\n');
    writeFileSync(path.join(shardDir, victim!), evil);
    shard.files[victim!] = { sha256: sha256Hex(evil), bytes: evil.length };
    writeFileSync(path.join(shardDir, shardPath), JSON.stringify(shard) + '\n');
    const s = await runTthc(['verify', '--output', shardDir, '--key', pub, '--format', 'json']);
    expect(s.code).toBe(1);
    const sr = JSON.parse(s.stdout) as { output: { signature: string; changed: { path: string }[] } };
    expect(sr.output.signature).toBe('valid');
    expect(sr.output.changed.map((c) => c.path)).toEqual([shardPath]);

    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    writeFileSync(path.join(work, 'other.public.pem'), other);
    const w = await runTthc(['verify', '--output', out, '--key', path.join(work, 'other.public.pem')]);
    count([m, s, w], 3);
    expect(w.code).toBe(1);
    expect(w.stdout).toContain(`✖ ${path.join(out, 'manifest.json.sig')} is not a signature of ${path.join(out, 'manifest.json')} under ${path.join(work, 'other.public.pem')}: the manifest was changed, or signed with another key. No file was checked.`);
  });

  it('refuses bad keys and a missing --key before doing anything (exit 2)', async () => {
    const notKey = path.join(work, 'not-a-key.pem');
    writeFileSync(notKey, 'hello\n');
    const refusedOut = path.join(work, 'never-built');
    const b = await runTthc(['build', catalogue, '--out', refusedOut, '--sign', notKey]);
    expect(b.code).toBe(2);
    expect(b.stderr).toBe(`tthc: ${notKey} is not a PEM private key. Make a key pair with tthc keygen --out <prefix>, or openssl genpkey -algorithm ed25519 -out release.private.pem.\n`);
    expect(existsSync(refusedOut)).toBe(false);
    const rsa = path.join(work, 'rsa.pem');
    writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const r = await runTthc(['build', catalogue, '--out', refusedOut, '--sign', rsa]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`tthc: ${rsa} is a rsa key; tthc signs with Ed25519 keys only.\n`);
    const noKey = await runTthc(['verify', '--output', out]);
    count([b, r, noKey], 3);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toBe('tthc: --output needs --key <public key file>: the manifest is trusted only once its signature is checked.\n');
  });

  it('a rebuild without --sign removes the old signature rather than leave it stale', async () => {
    const dir = copy('rebuilt');
    const cacheDir = path.join(work, 'rebuilt-cache');
    const first = await runTthc(['build', catalogue, '--out', dir, '--at', AT, '--sign', key, '--cache-dir', cacheDir], { timeoutMs: 240_000 });
    expect(first.code, first.stderr).toBe(0);
    const unsigned = await runTthc(['build', catalogue, '--out', dir, '--at', AT, '--cache-dir', cacheDir], { timeoutMs: 240_000 });
    expect(unsigned.code, unsigned.stderr).toBe(0);
    expect(existsSync(path.join(dir, 'manifest.json.sig'))).toBe(false);
    const r = await runTthc(['verify', '--output', dir, '--key', pub]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`✖ ${path.join(dir, 'manifest.json.sig')} is missing: the output is not signed (tthc build --sign <private key>). No file was checked.`);
  }, 300_000);
});
