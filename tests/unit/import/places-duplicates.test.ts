/** Point in polygon for neighbourhoods, the postcode file, and duplicate detection. */
import { describe, expect, it } from 'vitest';
import { isPostcode, neighbourhoodsAt, normalisePostcode, postcodeLookup } from '../../../src/lib/import/places';
import fc from 'fast-check';
import { editsWithin, findDuplicates, normaliseName } from '../../../src/lib/import/duplicates';
import { editDistance } from '../../../src/lib/text/edit-distance';
import { importBook } from '../../helpers/import-book';

describe('neighbourhoods by point in polygon', () => {
  const { neighbourhoods } = importBook();
  it('finds the neighbourhood whose boundary holds a venue', () => {
    expect(neighbourhoodsAt(53.5048, -2.5878, neighbourhoods)).toEqual(['hindley-and-abram']);
    expect(neighbourhoodsAt(53.4975, -2.519, neighbourhoods)).toEqual(['leigh']);
  });
  it('finds none outside every boundary', () => {
    expect(neighbourhoodsAt(51.5, -0.12, neighbourhoods)).toEqual([]);
  });
  it('works on a square with a hole', () => {
    const ring = (a: number, b: number): [number, number][] => [
      [a, a],
      [b, a],
      [b, b],
      [a, b],
      [a, a],
    ];
    const hoods = [
      { id: 'ring', name: 'Ring', boundary: { type: 'Polygon' as const, coordinates: [ring(0, 10), ring(4, 6)] } },
    ];
    expect(neighbourhoodsAt(2, 2, hoods)).toEqual(['ring']);
    expect(neighbourhoodsAt(5, 5, hoods)).toEqual([]);
    expect(neighbourhoodsAt(11, 5, hoods)).toEqual([]);
  });
});

describe('the postcode file', () => {
  it('reads the ONS Postcode Directory columns, whatever the spacing of the postcode', () => {
    const lookup = postcodeLookup([
      ['pcd', 'pcds', 'lat', 'long'],
      ['WN2 3AN', 'WN2 3AN', '53.542', '-2.58'],
      ['WN7 1DY', 'WN7 1DY', '53.4975', '-2.519'],
      ['ZZ9 9ZZ', 'ZZ9 9ZZ', '99.999999', '0.000000'],
    ]);
    expect(lookup.get(normalisePostcode('wn23an'))).toEqual({ lat: 53.542, lng: -2.58 });
    expect(lookup.get('WN7 1DY')).toEqual({ lat: 53.4975, lng: -2.519 });
    expect(lookup.has('ZZ9 9ZZ')).toBe(false);
  });
  it('reads an extract with other headings', () => {
    const lookup = postcodeLookup([
      ['Postcode', 'Latitude', 'Longitude'],
      ['wn1 1dq', '53.5455', '-2.631'],
    ]);
    expect(lookup.get('WN1 1DQ')).toEqual({ lat: 53.5455, lng: -2.631 });
  });
  it('says which columns are missing', () => {
    expect(() => postcodeLookup([['code', 'x', 'y']])).toThrow(/no postcode \(pcds\), lat, long column/);
  });
  it('tells postcodes from other text', () => {
    expect(normalisePostcode(' wn2  3an ')).toBe('WN2 3AN');
    expect(isPostcode('M29 8WR')).toBe(true);
    expect(isPostcode('ABC 1234')).toBe(false);
  });
});

describe('duplicate detection', () => {
  const hall = { name: 'Hindley Library', postcode: 'WN2 3AN' };
  const rec = (key: string, name: string, venues = [hall], phones: string[] = []) => ({ key, name, venues, phones });
  it('pairs the same normalised name and postcode', () => {
    expect(findDuplicates([rec('a', 'The Knit & Natter Group'), rec('b', 'knit and natter')])).toEqual([
      { a: 'a', b: 'b', evidence: 'same name "knit and natter" and postcode WN2 3AN' },
    ]);
  });
  it('pairs the same phone at the same venue, whatever the names', () => {
    const pairs = findDuplicates([
      rec('a', 'Coffee morning', [hall], ['01942123456']),
      rec('b', 'Friday cuppa', [hall], ['01942123456']),
    ]);
    expect(pairs).toEqual([{ a: 'a', b: 'b', evidence: 'same phone 01942123456 at the same venue (Hindley Library)' }]);
  });
  it('pairs names a small edit apart at the same venue, not elsewhere', () => {
    expect(findDuplicates([rec('a', 'Tai Chi Club'), rec('b', 'Tai Chii')])).toHaveLength(1);
    expect(
      findDuplicates([rec('a', 'Tai Chi'), rec('b', 'Tai Chi', [{ name: 'Elsewhere', postcode: 'WN7 1DY' }])]),
    ).toEqual([]);
    expect(findDuplicates([rec('a', 'Yoga'), rec('b', 'Judo')])).toEqual([]);
  });
  it('pairs two letters swapped (one slip) at the same venue', () => {
    expect(findDuplicates([rec('a', 'Lonely Hearts'), rec('b', 'Lonley Hearts')])).toHaveLength(1);
  });
  it('compares names with a banded distance that agrees with the full one up to the tolerance', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 14 }),
        fc.string({ maxLength: 14 }),
        fc.integer({ min: 0, max: 3 }),
        (a, b, k) => {
          expect(editsWithin(a, b, k)).toBe(Math.min(editDistance(a, b), k + 1));
        },
      ),
      { numRuns: 2000 },
    );
    // Near misses of the kind a sheet has: swaps, a dropped letter, digits.
    for (const [a, b] of [
      ['knit natter 123', 'knit nattre 123'],
      ['knit natter 123', 'knit natter 12'],
      ['knit natter 123', 'knit natter 456'],
      ['lonely hearts', 'lonley haerts'],
    ])
      for (const k of [1, 2, 3]) expect(editsWithin(a, b, k)).toBe(Math.min(editDistance(a, b), k + 1));
  });
  it('normalises names', () => expect(normaliseName("St Mary's Café & Lunch Club")).toBe('st mary s cafe lunch'));
});
