import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../rules/load/catalogue.js';
import { updatedLock, writeLock } from '../../../rules/store/lock.js';
import { validateCatalogue } from '../../../rules/validate/index.js';
import { contentHash, sha256Hex } from '../../../rules/load/canonical.js';
import { cleanupCatalogues, makeCatalogue, version } from '../../helpers/catalogue.js';

afterAll(cleanupCatalogues);

const V0 = version({ version: 'v0', effective: { from: '2016-01-01' }, legalBasis: [{ document: '60/2014/QH13', article: '13' }], forms: [{ id: 'tk-khai-sinh', name: 'Tờ khai đăng ký khai sinh' }] });
const V1 = version({ supersedes: 'v0', changedBy: { legalBasis: [{ document: '04/2020/TT-BTP' }] } });

async function lockedCatalogue() {
  const dir = await makeCatalogue({ 'procedures/1.001193/v0.json': V0, 'procedures/1.001193/v1.json': V1 });
  const { catalogue } = await loadCatalogue(dir);
  await writeLock(catalogue, updatedLock(catalogue, { init: true }).lock);
  return dir;
}

describe('published versions are immutable', () => {
  it('the lock records the canonical content hash of each published version, and the hash of its bytes, sorted', async () => {
    const dir = await lockedCatalogue();
    const lock = JSON.parse(await readFile(path.join(dir, 'tthc.lock.json'), 'utf8'));
    const bytes = async (rel: string) => sha256Hex(await readFile(path.join(dir, rel)));
    expect(lock).toEqual({
      lockfileVersion: 1,
      published: [
        { code: '1.001193', version: 'v0', path: 'procedures/1.001193/v0.json', sha256: contentHash(V0), bytesSha256: await bytes('procedures/1.001193/v0.json') },
        { code: '1.001193', version: 'v1', path: 'procedures/1.001193/v1.json', sha256: contentHash(V1), bytesSha256: await bytes('procedures/1.001193/v1.json') },
      ],
    });
    const r = await validateCatalogue(dir, { strict: true });
    expect(r.errors).toBe(0);
  });

  it('re-indenting a published file is not a change; editing a value is, with how to fix it', async () => {
    const dir = await lockedCatalogue();
    const file = path.join(dir, 'procedures/1.001193/v1.json');
    await writeFile(file, JSON.stringify(V1));
    expect((await validateCatalogue(dir)).errors).toBe(0);
    await writeFile(file, JSON.stringify({ ...V1, timeLimit: { ...V1.timeLimit, value: 1 } }, null, 2));
    const r = await validateCatalogue(dir);
    const d = r.diagnostics.filter((x) => x.ruleId === 'published-immutable');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ file: `${dir}/procedures/1.001193/v1.json`, line: 1, column: 1, severity: 'error', messageId: 'modified' });
    expect(d[0]!.message).toBe(
      `1.001193@v1 was changed after it was published (recorded sha256 ${contentHash(V1).slice(0, 12)}, now ${contentHash({ ...V1, timeLimit: { ...V1.timeLimit, value: 1 } }).slice(0, 12)}). Published versions are immutable: restore the file (git checkout -- ${dir}/procedures/1.001193/v1.json) and make the change in a new version that supersedes v1 (tthc new-version 1.001193 v1).`,
    );
    expect(d[0]!.related?.[0]).toMatchObject({ file: `${dir}/tthc.lock.json`, pointer: '/published/1', message: 'recorded here' });
  });

  it('the content hash decides, never the bytes hash: a wrong content hash under the right bytes is reported; re-indenting is fine, editing is not', async () => {
    const dir = await lockedCatalogue();
    const lockFile = path.join(dir, 'tthc.lock.json');
    const lock = JSON.parse(await readFile(lockFile, 'utf8'));
    // The bytes hash matching the file says nothing about the content hash beside it (issue 16, point 3).
    const wrong = { ...lock, published: lock.published.map((e: { version: string }) => (e.version === 'v1' ? { ...e, sha256: 'f'.repeat(64) } : e)) };
    await writeFile(lockFile, JSON.stringify(wrong, null, 2));
    expect((await validateCatalogue(dir)).diagnostics.filter((x) => x.ruleId === 'published-immutable').map((x) => x.messageId)).toEqual(['modified']);
    await writeFile(lockFile, JSON.stringify(lock, null, 2));
    const file = path.join(dir, 'procedures/1.001193/v1.json');
    await writeFile(file, JSON.stringify(V1));
    expect((await validateCatalogue(dir)).errors).toBe(0);
    await writeFile(file, JSON.stringify({ ...V1, name: { vi: 'Đổi tên' } }));
    expect((await validateCatalogue(dir)).diagnostics.filter((x) => x.ruleId === 'published-immutable').map((x) => x.messageId)).toEqual(['modified']);
  });

  it('deleting a published version is an error on the lock entry', async () => {
    const dir = await lockedCatalogue();
    await rm(path.join(dir, 'procedures/1.001193/v1.json'));
    const d = (await validateCatalogue(dir)).diagnostics.filter((x) => x.ruleId === 'published-immutable');
    expect(d.map((x) => [x.file, x.pointer, x.messageId])).toEqual([[`${dir}/tthc.lock.json`, '/published/1', 'deleted']]);
    expect(d[0]!.message).toBe('The published version 1.001193@v1 (procedures/1.001193/v1.json) has been deleted. Published versions are immutable: restore the file; to abolish the procedure, publish a repealed version that supersedes it.');
  });

  it('renaming a published version is an error', async () => {
    const dir = await lockedCatalogue();
    await rename(path.join(dir, 'procedures/1.001193/v1.json'), path.join(dir, 'procedures/1.001193/v1-renamed.json'));
    const d = (await validateCatalogue(dir)).diagnostics.filter((x) => x.ruleId === 'published-immutable');
    expect(d.map((x) => [x.file, x.messageId, x.message])).toEqual([
      [`${dir}/procedures/1.001193/v1-renamed.json`, 'renamed', 'The published version 1.001193@v1 was moved or renamed from procedures/1.001193/v1.json to procedures/1.001193/v1-renamed.json. Published versions are immutable: move it back.'],
    ]);
  });

  it('a published version missing from the lock is a warning, and an error with --strict', async () => {
    const dir = await lockedCatalogue();
    const v2 = version({ version: 'v2', supersedes: 'v1', effective: { from: '2026-01-01' }, changedBy: { legalBasis: [{ document: '04/2020/TT-BTP' }] } });
    await writeFile(path.join(dir, 'procedures/1.001193/v2.json'), JSON.stringify(v2, null, 2));
    const lax = (await validateCatalogue(dir)).diagnostics.filter((x) => x.ruleId === 'published-immutable');
    expect(lax.map((x) => [x.pointer, x.severity, x.message])).toEqual([['/status', 'warning', '1.001193@v2 is published but not recorded in the lock file; run `tthc lock` to record it.']]);
    const strict = await validateCatalogue(dir, { strict: true });
    expect(strict.diagnostics.filter((x) => x.ruleId === 'published-immutable').map((x) => x.severity)).toEqual(['error']);
    expect(strict.errors).toBe(1);
  });

  it('updating the lock never rewrites an existing entry', async () => {
    const dir = await lockedCatalogue();
    await writeFile(path.join(dir, 'procedures/1.001193/v1.json'), JSON.stringify({ ...V1, name: { vi: 'Đổi tên' } }, null, 2));
    const { catalogue } = await loadCatalogue(dir);
    const { lock, added } = updatedLock(catalogue);
    expect(added).toEqual([]);
    expect(lock.published.find((e) => e.version === 'v1')!.sha256).toBe(contentHash(V1));
  });
});
