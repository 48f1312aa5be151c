/**
 * Issue 16, points 1–3: a published version's content cannot be laundered through the lock. A lock
 * that exists but cannot be used stops every command that reads or writes it (never "no lock, start
 * a new one"); a deleted lock stops the build and validate --strict; and a lock entry's bytes hash
 * never stands in for the content hash, with or without the catalogue state, with or without --strict.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentHash, sha256Hex } from '../../rules/load/canonical.js';
import { cleanupCatalogues, lockCatalogue, makeCatalogue, version, versionPath } from '../helpers/catalogue.js';
import { runTthc } from '../helpers/cli.js';
import { tally } from './tally.js';

afterAll(cleanupCatalogues);

const PUBLISHED = version();
const DRAFT = version({ code: '1.000002', version: 'v1', status: 'draft', name: { vi: 'Thủ tục dự thảo để công bố' } });
const EDITED = { ...PUBLISHED, timeLimit: { ...PUBLISHED.timeLimit, value: 1 } };

/** A locked catalogue: one published version and one draft ready to publish. */
async function lockedCatalogue(): Promise<{ dir: string; lockFile: string; publishedFile: string; draftFile: string }> {
  const dir = await makeCatalogue({ [versionPath(PUBLISHED)]: PUBLISHED, [versionPath(DRAFT)]: DRAFT });
  const lockFile = await lockCatalogue(dir);
  return { dir, lockFile, publishedFile: path.join(dir, versionPath(PUBLISHED)), draftFile: path.join(dir, versionPath(DRAFT)) };
}

const pretty = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

/** Every command that could rewrite the lock refuses, naming the lock file; nothing is written. */
async function expectLockStops(dir: string, lockFile: string, draftFile: string, reason: RegExp): Promise<void> {
  const lockBefore = await readFile(lockFile, 'utf8').catch(() => undefined);
  const draftBefore = await readFile(draftFile, 'utf8');
  for (const args of [
    ['publish', `${DRAFT.code}@${DRAFT.version}`, '--dir', dir],
    ['lock', dir],
  ]) {
    const r = await runTthc(args);
    tally({ cases: 1 });
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
    expect(r.stderr).toContain(lockFile.replace(`${dir}/`, ''));
    expect(r.stderr).toMatch(reason);
    expect(await readFile(lockFile, 'utf8').catch(() => undefined)).toBe(lockBefore);
    expect(await readFile(draftFile, 'utf8')).toBe(draftBefore);
  }
}

describe('a lock that exists but cannot be used is never treated as absent (point 1)', () => {
  for (const [what, corrupt] of [
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['with a merge-conflict marker', (text: string) => `<<<<<<< HEAD\n${text}=======\n${text}>>>>>>> other\n`],
    ['failing its schema', () => pretty({ lockfileVersion: 1, published: [{ code: PUBLISHED.code }] })],
    ['a folder', undefined],
  ] as const) {
    it(`a lock ${what}: publish and lock refuse, validate and build report it`, async () => {
      const { dir, lockFile, publishedFile, draftFile } = await lockedCatalogue();
      await writeFile(publishedFile, pretty(EDITED));
      if (corrupt) await writeFile(lockFile, corrupt(await readFile(lockFile, 'utf8')));
      else {
        await rm(lockFile);
        await mkdir(lockFile);
      }
      await expectLockStops(dir, lockFile, draftFile, /cannot be read/);

      for (const args of [['validate', dir], ['validate', dir, '--strict'], ['validate', dir, '--cache', '--cache-dir', path.join(dir, '..', `${path.basename(dir)}-state`)]]) {
        const v = await runTthc([...args, '--format', 'json']);
        expect(v.code, v.stderr).toBe(1);
        const findings = JSON.parse(v.stdout) as { file: string; ruleId: string; messageId?: string; severity: string }[];
        expect(findings.filter((d) => d.ruleId === 'published-immutable').map((d) => [d.file, d.messageId, d.severity])).toEqual([[`${dir}/tthc.lock.json`, 'unreadableLock', 'error']]);
      }
      const out = path.join(dir, '..', `${path.basename(dir)}-out`);
      const b = await runTthc(['build', dir, '--out', out, '--at', '2026-01-15']);
      expect(b.code, b.stderr).toBe(1);
      expect(b.stdout).toContain(`${dir}/tthc.lock.json`);
      await expect(readFile(path.join(out, 'manifest.json'))).rejects.toThrow();
    });
  }
});

describe('a deleted lock stops the build and validate --strict (point 2)', () => {
  it('build and validate --strict fail, validate warns, publish and lock refuse; lock --init starts a lock', async () => {
    const { dir, lockFile, publishedFile, draftFile } = await lockedCatalogue();
    await writeFile(publishedFile, pretty(EDITED));
    await rm(lockFile);
    await expectLockStops(dir, lockFile, draftFile, /no lock file/);

    const out = path.join(dir, '..', `${path.basename(dir)}-out`);
    const b = await runTthc(['build', dir, '--out', out, '--at', '2026-01-15', '--format', 'json']);
    expect(b.code, b.stderr).toBe(1);
    const buildFindings = JSON.parse(b.stdout) as { file: string; messageId?: string; severity: string }[];
    expect(buildFindings.filter((d) => d.messageId === 'noLock').map((d) => [d.file, d.severity])).toEqual([[`${dir}/tthc.lock.json`, 'error']]);
    await expect(readFile(path.join(out, 'manifest.json'))).rejects.toThrow();

    const strict = await runTthc(['validate', dir, '--strict', '--format', 'json']);
    expect(strict.code).toBe(1);
    expect((JSON.parse(strict.stdout) as { messageId?: string; severity: string }[]).filter((d) => d.messageId === 'noLock').map((d) => d.severity)).toEqual(['error']);
    const lax = await runTthc(['validate', dir, '--format', 'json']);
    expect(lax.code).toBe(0);
    expect((JSON.parse(lax.stdout) as { messageId?: string; severity: string }[]).filter((d) => d.messageId === 'noLock').map((d) => d.severity)).toEqual(['warning']);

    // Starting a lock is explicit, and records what is there now (here: the edited content).
    const init = await runTthc(['lock', dir, '--init']);
    expect(init.code, init.stderr).toBe(0);
    const lock = JSON.parse(await readFile(lockFile, 'utf8')) as { published: { code: string; sha256: string }[] };
    expect(lock.published.map((e) => [e.code, e.sha256])).toEqual([[PUBLISHED.code, contentHash(EDITED)]]);
  });

  it('a new catalogue with nothing published starts its lock with its first publish', async () => {
    const dir = await makeCatalogue({ [versionPath(DRAFT)]: DRAFT });
    const r = await runTthc(['publish', `${DRAFT.code}@${DRAFT.version}`, '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    const lock = JSON.parse(await readFile(path.join(dir, 'tthc.lock.json'), 'utf8')) as { published: { code: string; version: string; sha256: string }[] };
    expect(lock.published.map((e) => [e.code, e.version, e.sha256])).toEqual([[DRAFT.code, DRAFT.version, contentHash({ ...DRAFT, status: 'published' })]]);
    expect((await runTthc(['validate', dir, '--strict'])).code).toBe(0);
  });
});

describe('a forged bytes hash does not hide an edit (point 3)', () => {
  it('an edit whose lock entry carries the edited bytes hash is found, with and without --strict and the state', async () => {
    const { dir, lockFile, publishedFile } = await lockedCatalogue();
    const stateDir = path.join(dir, '..', `${path.basename(dir)}-state`);
    // A first validation with the state, so the state holds the untouched version.
    expect((await runTthc(['validate', dir, '--cache', '--cache-dir', stateDir])).code).toBe(0);
    const edited = pretty(EDITED);
    await writeFile(publishedFile, edited);
    const lock = JSON.parse(await readFile(lockFile, 'utf8')) as { published: { bytesSha256?: string; sha256: string }[] };
    const recorded = lock.published[0]!.sha256;
    lock.published[0]!.bytesSha256 = sha256Hex(edited);
    await writeFile(lockFile, pretty(lock));
    for (const args of [[], ['--strict'], ['--cache', '--cache-dir', stateDir], ['--cache', '--cache-dir', stateDir], ['--strict', '--cache', '--cache-dir', stateDir]]) {
      const v = await runTthc(['validate', dir, ...args, '--format', 'json']);
      tally({ cases: 1 });
      expect(v.code, args.join(' ')).toBe(1);
      const findings = (JSON.parse(v.stdout) as { file: string; messageId?: string; message: string }[]).filter((d) => d.messageId === 'modified');
      expect(findings.map((d) => d.file)).toEqual([publishedFile]);
      expect(findings[0]!.message).toContain(`recorded sha256 ${recorded.slice(0, 12)}, now ${contentHash(EDITED).slice(0, 12)}`);
    }
    const out = path.join(dir, '..', `${path.basename(dir)}-out`);
    const b = await runTthc(['build', dir, '--out', out, '--at', '2026-01-15']);
    expect(b.code).toBe(1);
    await expect(readFile(path.join(out, 'manifest.json'))).rejects.toThrow();
  });

  it('a lock whose content hash is wrong under the right bytes hash is reported, not trusted', async () => {
    const { dir, lockFile } = await lockedCatalogue();
    const lock = JSON.parse(await readFile(lockFile, 'utf8')) as { published: { sha256: string }[] };
    lock.published[0]!.sha256 = 'f'.repeat(64);
    await writeFile(lockFile, pretty(lock));
    const v = await runTthc(['validate', dir, '--format', 'json']);
    expect(v.code).toBe(1);
    expect((JSON.parse(v.stdout) as { messageId?: string }[]).filter((d) => d.messageId === 'modified')).toHaveLength(1);
  });
});
