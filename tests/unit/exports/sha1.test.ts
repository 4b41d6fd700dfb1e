import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha1 } from '../../../src/lib/exports/sha1';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('sha1', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(hex(sha1(new Uint8Array(), 'abc'))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(new Uint8Array(), ''))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(hex(sha1(new Uint8Array(), 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    );
  });

  it("agrees with Node's crypto for any prefix and any text, across block boundaries (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 200 }), (prefix, text) => {
        const want = createHash('sha1').update(prefix).update(text, 'utf8').digest('hex');
        expect(hex(sha1(prefix, text))).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });
});
