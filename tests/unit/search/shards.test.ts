import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_SHARD_SIZE,
  mergeShardResults,
  shardBasePath,
  shardCount,
  shardFolder,
  shardSize,
  splitIntoShards,
  sumFilterCounts,
} from '../../../src/lib/search/shards';

describe('shardSize', () => {
  it('is the default when unset or blank, and the number given otherwise', () => {
    expect(shardSize(undefined)).toBe(DEFAULT_SHARD_SIZE);
    expect(shardSize(' ')).toBe(DEFAULT_SHARD_SIZE);
    expect(shardSize('40')).toBe(40);
  });
  it('refuses anything but a whole number from 1, saying which variable', () => {
    for (const bad of ['0', '-3', '2.5', 'lots']) expect(() => shardSize(bad)).toThrow(/BOOK_SEARCH_SHARD_SIZE/);
  });
});

describe('splitIntoShards', () => {
  it('keeps a book up to the part size in one part, and an empty book too', () => {
    expect(splitIntoShards(['a', 'b', 'c'], 3)).toEqual([['a', 'b', 'c']]);
    expect(splitIntoShards([], 3)).toEqual([[]]);
    expect(shardCount(0, 3)).toBe(1);
  });
  it('makes runs of nearly equal length, in order: 45,000 in parts of 20,000 are three of 15,000', () => {
    const ids = Array.from({ length: 45_000 }, (_, i) => i);
    expect(splitIntoShards(ids, 20_000).map((p) => p.length)).toEqual([15_000, 15_000, 15_000]);
    expect(splitIntoShards([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
  it('loses nothing, repeats nothing, keeps the order, and no part is over the size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 300 }), fc.integer({ min: 1, max: 50 }), (xs, size) => {
        const parts = splitIntoShards(xs, size);
        expect(parts.flat()).toEqual(xs);
        expect(parts.length).toBe(shardCount(xs.length, size));
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(size);
        const lengths = parts.map((p) => p.length);
        expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('shard folders', () => {
  it('are pagefind/ for the first part (where a one-part book has it), then pagefind-2/, pagefind-3/…', () => {
    expect([0, 1, 2].map(shardFolder)).toEqual(['pagefind', 'pagefind-2', 'pagefind-3']);
    expect(shardBasePath(1)).toBe('/pagefind-2/');
  });
});

describe('mergeShardResults', () => {
  const r = (id: string, score: number) => ({ id, score, data: () => id });
  it('orders word searches by score, highest first, across parts', () => {
    const merged = mergeShardResults([[r('a', 3), r('b', 1)], [r('a', 2)], [r('c', 5)]], false);
    expect(merged.map((m) => [m.id, m.score])).toEqual([
      ['2:c', 5],
      ['a', 3],
      ['1:a', 2],
      ['b', 1],
    ]);
  });
  it('keeps the parts in order for a sorted search (the parts are runs of the A to Z order)', () => {
    const merged = mergeShardResults([[r('x', 1), r('y', 9)], [r('z', 5)]], true);
    expect(merged.map((m) => m.id)).toEqual(['x', 'y', '1:z']);
  });
  it('gives the same id in two parts two different ids, and keeps what else a result carries', () => {
    const merged = mergeShardResults([[r('same', 1)], [r('same', 1)]], false);
    expect(new Set(merged.map((m) => m.id)).size).toBe(2);
    expect(merged.map((m) => m.data())).toEqual(['same', 'same']);
  });
  it('on equal scores keeps the parts in order', () => {
    expect(mergeShardResults([[r('a', 1)], [r('b', 1)], [r('c', 1)]], false).map((m) => m.id)).toEqual([
      'a',
      '1:b',
      '2:c',
    ]);
  });
});

describe('sumFilterCounts', () => {
  it('adds up the counts of each value of each filter, with parts that lack a filter or a value', () => {
    expect(sumFilterCounts([{ day: { mon: 2, tue: 1 } }, undefined, { day: { tue: 4 }, free: { yes: 3 } }])).toEqual({
      day: { mon: 2, tue: 5 },
      free: { yes: 3 },
    });
  });
  it('does not change the counts it was given', () => {
    const a = { day: { mon: 1 } };
    sumFilterCounts([a, { day: { mon: 2 } }]);
    expect(a).toEqual({ day: { mon: 1 } });
  });
});
