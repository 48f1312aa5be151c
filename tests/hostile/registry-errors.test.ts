/**
 * Issue 16, point 11: a registry file of many invalid items is reported in time linear in the file,
 * with the first 100 errors kept and the rest counted. ajv's generated code concatenated each item's
 * errors onto all the errors so far: 40,000 invalid agencies took 23 s, 200,000 took minutes.
 * `npm test` uses 50,000 items; `npm run test:hostile` the issue's 200,000.
 */
import { describe, expect, it } from 'vitest';
import { parseCatalogueFile } from '../../rules/load/parse-file.js';
import { MAX_SCHEMA_ISSUES_PER_FILE } from '../../rules/load/layout.js';
import { getValidator, validateCapped, validateWith } from '../../rules/schema/validators.js';
import { tally } from './tally.js';

const ITEMS = Number(process.env.HOSTILE_REGISTRY_ITEMS ?? 50_000);
/** Generous for a loaded two-core machine; the quadratic code took 35 s at 50,000. */
const BOUND_MS = 10_000 * Math.max(1, ITEMS / 50_000);

const encoder = new TextEncoder();
const where = { display: 'registry/agencies.json', rel: 'registry/agencies.json', abs: '/memory/registry/agencies.json' };

function parse(registry: unknown) {
  const bytes = encoder.encode(JSON.stringify(registry, null, 1));
  const started = performance.now();
  const parsed = parseCatalogueFile(bytes, 'registry', where);
  return { parsed, ms: performance.now() - started };
}

describe('a registry file with many invalid items is reported at once (issue 16 point 11)', () => {
  it(`${ITEMS} invalid agencies: the first 100 errors, one line counting the rest, in bounded time`, () => {
    getValidator('registry'); // loaded outside the clock
    const agencies = Array.from({ length: ITEMS }, (_, i) => ({ id: `co-quan-${i}`, name: 5 }));
    const { parsed, ms } = parse({ agencies });
    tally({ cases: 1, hangs: ms > BOUND_MS ? 1 : 0 });
    expect(ms < BOUND_MS ? 'bounded' : `${Math.round(ms)} ms`).toBe('bounded');
    expect(parsed.data).toBeUndefined();
    const schema = parsed.diagnostics.filter((d) => d.ruleId === 'schema/type');
    expect(schema).toHaveLength(MAX_SCHEMA_ISSUES_PER_FILE);
    expect(schema.map((d) => d.pointer)).toEqual(Array.from({ length: 100 }, (_, i) => `/agencies/${i}/name`));
    expect(schema[0]).toMatchObject({ message: 'Expected string, found integer 5.', severity: 'error', line: 5, column: 12 });
    const more = parsed.diagnostics.filter((d) => d.ruleId === 'schema/more');
    // One error per agency, and one for the list itself past the registry's 100,000 agencies.
    const total = ITEMS + (ITEMS > 100_000 ? 1 : 0);
    expect(more.map((d) => d.message)).toEqual([`${total - 100} more schema errors in this file are not shown; fix the ones above first.`]);
    expect(parsed.diagnostics).toHaveLength(101);
  }, 300_000);

  it('errors past the first chunk of items point at their own item, as ajv alone would', () => {
    const fields = Array.from({ length: 1000 }, (_, i) => ({ id: `linh-vuc-${i}`, name: `Lĩnh vực ${i}` }));
    const bad = structuredClone(fields) as Record<string, unknown>[];
    bad[3]!.name = 7;
    bad[300]!.extra = true;
    bad[511]!.id = 'Không hợp lệ';
    delete bad[999]!.name;
    const registry = { fields: bad, levels: [{ id: 'x' }], bogus: [] };
    const whole = validateWith('registry', registry);
    const capped = validateCapped('registry', registry, Number.POSITIVE_INFINITY);
    const key = (i: { pointer: string; ruleId: string; message: string }) => `${i.pointer} ${i.ruleId} ${i.message}`;
    expect(capped.total).toBe(whole.length);
    expect(capped.issues.map(key).sort()).toEqual(whole.map(key).sort());
    expect(capped.issues.map((i) => i.pointer)).toEqual(expect.arrayContaining(['/fields/3/name', '/fields/300/extra', '/fields/511/id', '/fields/999/name', '/bogus']));
  });

  it("a list's own length limit is still checked on the whole list", () => {
    const fields = Array.from({ length: 10_001 }, (_, i) => ({ id: `linh-vuc-${i}`, name: `Lĩnh vực ${i}` }));
    const whole = validateWith('registry', { fields });
    const capped = validateCapped('registry', { fields }, 100);
    expect(capped.issues).toEqual(whole);
    expect(capped.issues).toEqual([expect.objectContaining({ pointer: '/fields', ruleId: 'schema/max-items', message: 'Must list at most 10000 items, found 10001.' })]);
  });
});
