import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../rules/load/catalogue.js';
import { createNextVersion } from '../../../rules/store/versions.js';
import { cleanupCatalogues, makeCatalogue, version } from '../../helpers/catalogue.js';

afterAll(cleanupCatalogues);

const V1 = version({ version: 'v1', effective: { from: '2016-01-01' }, legalBasis: [{ document: '60/2014/QH13', article: '13' }] });
const V1_DC1 = version({
  version: 'v1.dc1',
  effective: { from: '2016-01-01' },
  legalBasis: [{ document: '60/2014/QH13', article: '13' }],
  name: { vi: 'Đăng ký khai sinh (đã đính chính)' },
  corrects: { version: 'v1', from: '2016-01-01', legalBasis: [{ document: '60/2014/QH13', article: '13' }], reason: 'Tên thủ tục ghi sai.', recorded: '2026-12-04' },
});

describe('tthc new-version', () => {
  it('from a correction: the corrected content, superseding the corrected version, and not itself a correction', async () => {
    const dir = await makeCatalogue({ 'procedures/1.001193/v1.json': V1, 'procedures/1.001193/v1.dc1.json': V1_DC1 });
    const { catalogue } = await loadCatalogue(dir);
    const created = await createNextVersion(catalogue, '1.001193', 'v1.dc1', { id: 'v2', effectiveFrom: '2023-02-05' });
    expect(created.path).toBe(path.join(dir, 'procedures/1.001193/v2.json'));
    const written = JSON.parse(await readFile(created.path, 'utf8'));
    expect([written.version, written.status, written.supersedes, written.effective, written.name.vi, 'corrects' in written]).toEqual(['v2', 'draft', 'v1', { from: '2023-02-05' }, 'Đăng ký khai sinh (đã đính chính)', false]);
  });

  it('from a plain version: supersedes it; the next id follows the highest vN', async () => {
    const dir = await makeCatalogue({ 'procedures/1.001193/v1.json': V1 });
    const { catalogue } = await loadCatalogue(dir);
    const created = await createNextVersion(catalogue, '1.001193', 'v1');
    expect([created.data.version, created.data.supersedes, created.data.effective]).toEqual(['v2', 'v1', undefined]);
  });
});
