/**
 * spanOf places a diagnostic by scanning the text to its pointer (locate) before it builds the whole
 * tree: the scan must give the tree's place for every pointer, existing or not, key or value.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JsonSource, locate } from '../../../rules/load/json-source.js';
import { parsePointer, toPointer } from '../../../rules/diagnostics/pointer.js';

const ROOT = fileURLToPath(new URL('../../../catalogue', import.meta.url));

function jsonFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) jsonFiles(abs, out);
    else if (name.endsWith('.json')) out.push(abs);
  }
  return out;
}

/** Every pointer in a value, and pointers just beside them that do not exist. */
function pointers(value: unknown, at: string[] = [], out: string[][] = []): string[][] {
  out.push(at, [...at, 'no-such-key'], [...at, '999'], [...at, '01']);
  if (Array.isArray(value)) value.forEach((v, i) => pointers(v, [...at, String(i)], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pointers(v, [...at, k], out);
  return out;
}

describe('locate: spanOf by scanning', () => {
  const texts = [
    // Every 8th file of the bundled catalogue (versions, registries, lock, calendar).
    ...jsonFiles(ROOT).filter((_f, i) => i % 8 === 0).map((f) => readFileSync(f, 'utf8')),
    '{"a":1,"a":2,"b":{"c\\"d":[1, {"e":"x\\\\"}],"c\\u0041":true}}',
    ' \n [ {"k": [ ]}, "s", -1.5e3, null ] \n',
    '{"":{"~/":0}}',
    '"just a string"',
  ];

  it('gives the tree’s place for every pointer of the catalogue’s files and of awkward JSON', () => {
    let compared = 0;
    for (const text of texts) {
      const value = JSON.parse(text) as unknown;
      const source = new JsonSource(text);
      for (const tokens of pointers(value)) {
        const pointer = toPointer(tokens);
        for (const keyOnly of [false, true]) {
          const found = locate(text, parsePointer(pointer), keyOnly);
          expect(found, pointer).toBeDefined();
          const scanned = { start: source.positionAt(found!.offset), end: source.positionAt(found!.offset + found!.length) };
          expect(scanned, `${pointer} ${keyOnly}`).toEqual(source.spanOfByTree(pointer, keyOnly));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(5_000);
    // spanOf itself takes the scan first.
    const source = new JsonSource('{"a":1,"a":2,"b":{"c\\"d":[1, {"e":"x\\\\"}],"c\\u0041":true}}');
    expect(source.spanOf('/b/c"d/1/e')).toEqual(source.spanOfByTree('/b/c"d/1/e'));
    expect(source.spanOf('/a', true)).toEqual({ start: { line: 1, column: 2 }, end: { line: 1, column: 5 } });
  });
});
