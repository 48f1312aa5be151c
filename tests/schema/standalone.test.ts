import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { getAjv, schemasHash, SCHEMAS, standaloneFile, standaloneName, type SchemaName } from '../../rules/schema/validators.js';
import { baseRegistry, baseVersion } from '../../rules/lint/fixture.js';
import { REPO } from '../helpers/cli.js';

const require = createRequire(import.meta.url);

/** Documents with every kind of schema error the loader explains, and valid ones. */
function documents(): [SchemaName, unknown][] {
  const v = baseVersion() as unknown as Record<string, unknown>;
  return [
    ['procedure-version', v],
    ['procedure-version', { ...v, status: 'publishd', extra: 1, effective: { from: '2025-02-30' } }],
    ['procedure-version', { ...v, code: 12, steps: [{ id: 'x' }], channels: [{ kind: 'online', onlineService: 'total' }] }],
    ['procedure-version', { ...v, fees: [{ id: 'f', kind: 'le-phi', name: 'x', amount: -1, when: { fact: 'a', equals: 1, in: [1] } }] }],
    ['procedure-version', { ...v, timeLimit: { value: 'five', unit: 'days' }, dossier: { documents: [{ id: 'd', name: '', originals: 1.5 }] } }],
    ['registry', baseRegistry()],
    ['registry', { agencies: [{ id: 'A B', name: 1 }], legalDocuments: [{ number: 'x' }] }],
    ['lock', { lockfileVersion: 1, published: [{ code: 'x', version: 'v1', path: 'p', sha256: 'zz' }] }],
    ['calendar', { id: 'vn' }],
  ];
}

describe('precompiled validators (dist/rules/schema/*.validator.generated.cjs)', () => {
  const load = (name: SchemaName) => require(path.join(REPO, 'dist/rules/schema', standaloneFile(name))) as { schemasHash: string } & Record<string, ValidateFunction>;

  it('were made from the current schemas', () => {
    for (const name of Object.keys(SCHEMAS) as SchemaName[]) expect(load(name).schemasHash, name).toBe(schemasHash());
  });

  it('accept and reject exactly what ajv compiling at run time does, with the same errors', () => {
    for (const [name, data] of documents()) {
      const fast = load(name)[standaloneName(name)]!;
      const slow = getAjv().getSchema(SCHEMAS[name].$id)!;
      const ok = slow(data);
      expect(fast(data), name).toBe(ok);
      const strip = (errors: typeof slow.errors) => (errors ?? []).map(({ parentSchema: _p, schema: _s, ...rest }) => rest);
      expect(strip(fast.errors)).toEqual(strip(slow.errors));
    }
  });
});
