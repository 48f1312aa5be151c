import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../../rules/load/canonical.js';

/** The definition: sorted keys at every level, JSON.stringify for everything else, null for what JSON cannot hold. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + value.map(reference).join(',') + ']';
  const keys = Object.keys(value).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + reference((value as Record<string, unknown>)[k])).join(',') + '}';
}

describe('canonicalJson', () => {
  it('sorts keys at every level and writes what JSON.stringify writes', () => {
    expect(canonicalJson({ b: [2, { d: 'đ', c: null }], a: 'x"y\\z\n', e: undefined })).toBe('{"a":"x\\"y\\\\z\\n","b":[2,{"c":null,"d":"đ"}],"e":null}');
    expect(canonicalJson(['\ud800', -0, 1e21, undefined])).toBe('["\\ud800",0,1e+21,null]');
  });

  it('is the reference definition for any JSON value, including escapes and lone surrogates', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ế', '"', '\\', '\n', '\u0001', '\u001f', '\ud800', '\udc00', '😀', ' ') });
    const value = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(text, tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }), { numRuns: 2000, seed: 3 });
  });
});

describe('sha256Hex', () => {
  it('gives the FIPS 180-2 digests, of text as UTF-8 and of bytes alike', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    // Vietnamese text is hashed as its UTF-8 bytes, not as UTF-16 code units.
    expect(sha256Hex('Đăng ký khai sinh')).toBe(sha256Hex(new TextEncoder().encode('Đăng ký khai sinh')));
    expect(sha256Hex('Đăng ký khai sinh')).not.toBe(sha256Hex(Buffer.from('Đăng ký khai sinh', 'utf16le')));
  });
});
