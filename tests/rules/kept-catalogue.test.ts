import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeptCatalogue } from '../../rules/validate/kept.js';
import { validateCatalogue, type ValidationResult } from '../../rules/validate/index.js';
import { buildFixture, deathRegistration } from '../helpers/build-fixture.js';
import { cleanupCatalogues, relockCatalogue, versionPath } from '../helpers/catalogue.js';

afterAll(cleanupCatalogues);

/** What a check found, comparable across two loads. */
function seen(r: ValidationResult) {
  return {
    diagnostics: r.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId} ${d.message}`),
    versions: r.catalogue.versions.map((v) => `${v.file.rel} ${v.file.sha256}`),
    byCode: [...r.catalogue.byCode.entries()].map(([code, list]) => `${code}: ${list.map((v) => v.data.version).join(',')}`),
    rejected: [...r.catalogue.rejected].sort(),
    lock: r.catalogue.lock?.file.sha256,
  };
}

describe('KeptCatalogue (tthc build --watch)', () => {
  it('after each saved file, finds exactly what validateCatalogue finds in the folder as it now is', async () => {
    const dir = await buildFixture();
    const options = { requireLock: true };
    const { kept, result } = await KeptCatalogue.open(dir, options);
    expect(seen(result)).toEqual(seen(await validateCatalogue(dir, options)));

    const check = async (files: string[]) => {
      const now = await kept.update(files);
      expect(seen(now)).toEqual(seen(await validateCatalogue(dir, options)));
      return now;
    };
    // A new version, then the lock.
    const v2 = deathRegistration({ version: 'v2', supersedes: 'v1', effective: { from: '2025-01-01' }, changedBy: { legalBasis: [{ document: '60/2014/QH13', article: '62' }] } });
    await writeFile(path.join(dir, versionPath(v2)), JSON.stringify(v2, null, 2));
    expect((await check([versionPath(v2)])).catalogue.byCode.get('1.000656')!.map((v) => v.data.version)).toEqual(['v1', 'v2']);
    await relockCatalogue(dir);
    expect((await check(['tthc.lock.json'])).errors).toBe(0);
    // A broken file, in a new procedure folder's place: rejected, with its parse error.
    await writeFile(path.join(dir, 'procedures/1.000656/v3.json'), '{ "code": ');
    const broken = await check(['procedures/1.000656/v3.json']);
    expect(broken.catalogue.rejected.has('procedures/1.000656/v3.json')).toBe(true);
    // Removed again; and an edit of a published version, which its lock entry catches.
    await rm(path.join(dir, 'procedures/1.000656/v3.json'));
    expect((await check(['procedures/1.000656/v3.json'])).errors).toBe(0);
    await writeFile(path.join(dir, versionPath(v2)), JSON.stringify({ ...v2, name: { vi: 'Đã sửa sau khi công bố' } }, null, 2));
    const edited = await check([versionPath(v2)]);
    expect(edited.diagnostics.some((d) => d.ruleId === 'published-immutable' && d.severity === 'error')).toBe(true);
    // A registry file loads everything again, with the same result.
    await check(['registry/registry.json']);
  }, 120_000);
});
