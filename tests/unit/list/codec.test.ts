import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENTRY_ID, MAX_ID_LENGTH, isEntryId } from '../../../src/schema/ids';
import {
  MAX_LIST,
  decodeFragment,
  encodeFragment,
  merge,
  move,
  normaliseIds,
  shareUrl,
} from '../../../src/lib/list/codec';
import { hashId, shardCount, shardOf, shardPath, shardsFor } from '../../../src/lib/list/data';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `group-${i + 1}`);

describe('list ids', () => {
  it('accepts kebab-case ids and rejects everything else', () => {
    for (const good of ['hindley-health-walks', 'a', '1st-hindley-scouts', 'x'.repeat(MAX_ID_LENGTH)])
      expect(isEntryId(good), good).toBe(true);
    for (const bad of [
      '',
      'Hindley',
      'a b',
      'a--b',
      '-a',
      'a-',
      '../etc',
      'a/b',
      'a,b',
      '<script>',
      'café',
      'a%20b',
      'x'.repeat(MAX_ID_LENGTH + 1),
      42,
      null,
      undefined,
      {},
      ['a'],
    ]) {
      expect(isEntryId(bad), String(bad)).toBe(false);
    }
  });
});

describe('encodeFragment / decodeFragment', () => {
  it('round-trips a list, keeping its order', () => {
    const list = ['leigh-lunch-club', 'hindley-health-walks', 'atherton-carers-cafe'];
    const fragment = encodeFragment(list);
    expect(fragment).toBe('ids=leigh-lunch-club,hindley-health-walks,atherton-carers-cafe');
    expect(decodeFragment(`#${fragment}`)).toEqual(list);
    expect(decodeFragment(fragment)).toEqual(list);
  });

  it('drops repeated ids, keeping the first place', () => {
    expect(decodeFragment('#ids=b,a,b,c,a')).toEqual(['b', 'a', 'c']);
    expect(encodeFragment(['b', 'a', 'b'])).toBe('ids=b,a');
  });

  it('rejects junk ids and keeps the good ones', () => {
    expect(decodeFragment('#ids=good-one,BAD,,../../x,<img>,also-good, spaced ')).toEqual([
      'good-one',
      'also-good',
      'spaced',
    ]);
    expect(decodeFragment('#ids=%3Cscript%3E')).toEqual([]);
    expect(decodeFragment('#ids=%E0%A4%A')).toEqual([]); // broken percent-encoding
  });

  it('reads percent-encoded separators (some apps encode the comma)', () => {
    expect(decodeFragment('#ids=a%2Cb')).toEqual(['a', 'b']);
  });

  it('tells "not a shared list" (null) from "a shared list with nothing usable" ([])', () => {
    expect(decodeFragment('')).toBeNull();
    expect(decodeFragment('#')).toBeNull();
    expect(decodeFragment('#main')).toBeNull();
    expect(decodeFragment('#list=a,b')).toBeNull();
    expect(decodeFragment('#ids=')).toEqual([]);
    expect(decodeFragment('#ids=!!!')).toEqual([]);
  });

  it('ignores other keys, so a later format can add some', () => {
    expect(decodeFragment('#v=2&ids=a,b&x=y')).toEqual(['a', 'b']);
  });

  it(`keeps at most ${MAX_LIST} ids`, () => {
    const many = ids(MAX_LIST + 10);
    expect(decodeFragment(`#ids=${many.join(',')}`)).toEqual(many.slice(0, MAX_LIST));
    expect(encodeFragment(many).split(',')).toHaveLength(MAX_LIST);
    expect(decodeFragment(`#ids=${'a,'.repeat(100_000)}`)).toEqual([]);
  });

  it('gives "" for an empty list', () => {
    expect(encodeFragment([])).toBe('');
    expect(shareUrl('https://book.example.org/', [])).toBe('https://book.example.org/list/');
  });

  it('round-trips any list of valid ids as the list without repeats (property)', () => {
    const id = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/);
    fc.assert(
      fc.property(fc.array(id, { maxLength: 80 }), (list) => {
        const expected = [...new Set(list)].slice(0, MAX_LIST);
        expect(decodeFragment(`#${encodeFragment(list)}`) ?? []).toEqual(expected);
      }),
    );
  });

  it('never lets anything but entry ids through (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (junk) => {
        for (const id of decodeFragment(`#ids=${junk}`) ?? []) expect(ENTRY_ID.test(id)).toBe(true);
      }),
    );
  });
});

describe('share links and list edits', () => {
  it('builds the share link on the list page, ids after the #', () => {
    expect(shareUrl('https://book.example.org', ['a', 'b'])).toBe('https://book.example.org/list/#ids=a,b');
  });

  it('normalises stored values of any shape', () => {
    expect(normaliseIds(['a', 'a', 'B', 3, 'c'])).toEqual(['a', 'c']);
    expect(normaliseIds('a,b')).toEqual([]);
    expect(normaliseIds(null)).toEqual([]);
  });

  it('moves an item up or down, and not off either end', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('merges a shared list after mine, without repeats and within the limit', () => {
    expect(merge(['a', 'b'], ['b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(merge(ids(MAX_LIST), ['extra'])).toHaveLength(MAX_LIST);
  });
});

describe('list-data shards', () => {
  it('hashes with FNV-1a (32 bit), the same in every runtime', () => {
    expect(hashId('')).toBe(0x811c9dc5);
    expect(hashId('a')).toBe(0xe40c292c);
    expect(hashId('foobar')).toBe(0xbf9cf968);
  });

  it('sizes shards to about 32 entries, in powers of two', () => {
    expect(shardCount(0)).toBe(1);
    expect(shardCount(2)).toBe(1);
    expect(shardCount(32)).toBe(1);
    expect(shardCount(33)).toBe(2);
    expect(shardCount(160)).toBe(8);
    expect(shardCount(10_000)).toBe(512);
    expect(shardCount(50_000)).toBe(2048);
  });

  it('spreads ids evenly enough that no shard is much bigger than the target', () => {
    const n = shardCount(10_000);
    const sizes = new Array(n).fill(0);
    for (const id of ids(10_000)) sizes[shardOf(id, n)]++;
    expect(Math.max(...sizes)).toBeLessThan(60);
  });

  it('groups a list by shard file, the shard count in the file name', () => {
    expect(shardPath(3, 8)).toBe('/list-data/8-3.json');
    const groups = shardsFor(['a', 'b', 'c'], 1);
    expect([...groups]).toEqual([['/list-data/1-0.json', ['a', 'b', 'c']]]);
  });
});
