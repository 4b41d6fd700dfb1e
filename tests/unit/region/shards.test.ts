import { describe, expect, it } from 'vitest';
import yaml from 'js-yaml';
import { chooseShards, planShards, regionYamlFor, shardMatrix, siteYamlFor } from '../../../src/lib/region/shards';
import { shardsSchema, type ShardsConfig } from '../../../src/schema/shards';
import { regionSchema } from '../../../src/schema/region';

const config: ShardsConfig = shardsSchema.parse({
  url: 'https://book.example.org',
  whole_area: 'south',
  shards: [
    { id: 'north', name: 'North', url: 'https://north.example.org', neighbourhoods: ['a', 'b'] },
    { id: 'south', name: 'South', url: 'https://south.example.org', neighbourhoods: ['c'] },
  ],
});
const HOODS = ['a', 'b', 'c', 'd'];
const entries = [
  { id: 'in-a', neighbourhoods: ['a'] },
  { id: 'in-c-and-a', neighbourhoods: ['c', 'a'] },
  { id: 'in-b-and-c', neighbourhoods: ['b', 'c'] },
  { id: 'whole', neighbourhoods: ['borough-wide'] },
  { id: 'in-c', neighbourhoods: ['c'] },
];

describe('planShards (src/lib/region/shards.ts)', () => {
  const book = { neighbourhoods: HOODS.slice(0, 3), entries };

  it('puts each entry in the shard of its first neighbourhood, whole-area ones in whole_area: each exactly once', () => {
    const { shards, problems } = planShards(config, book);
    expect(problems).toEqual([]);
    expect(shards.map((s) => [s.shard.id, s.entries])).toEqual([
      ['north', ['in-a', 'in-b-and-c']],
      ['south', ['in-c-and-a', 'whole', 'in-c']],
    ]);
    const all = shards.flatMap((s) => s.entries).sort();
    expect(all).toEqual(entries.map((e) => e.id).sort());
  });

  it('gives a shard its own neighbourhoods and those its entries name; the whole-area shard every one', () => {
    const { shards } = planShards(config, book);
    expect(shards[0]).toMatchObject({ wholeArea: false, neighbourhoods: ['a', 'b', 'c'] });
    expect(shards[1]).toMatchObject({ wholeArea: true, neighbourhoods: ['a', 'b', 'c'] });
    const other = planShards({ ...config, whole_area: 'north' }, book).shards;
    expect(other[1].neighbourhoods).toEqual(['c', 'a']);
    expect(planShards(config, { ...book, entries: [entries[0]] }).shards[0].neighbourhoods).toEqual(['a', 'b']);
  });

  it('names a neighbourhood in no shard and every entry that would go nowhere', () => {
    const { problems } = planShards(config, {
      neighbourhoods: HOODS,
      entries: [...entries, { id: 'in-d', neighbourhoods: ['d', 'a'] }, { id: 'none', neighbourhoods: [] }],
    });
    expect(problems).toEqual([
      expect.stringContaining('the neighbourhood "d" is in no shard'),
      expect.stringContaining('Entry "in-d": its first neighbourhood "d" is in no shard'),
      expect.stringContaining('Entry "none" has no neighbourhood'),
    ]);
    expect(planShards({ ...config, whole_area: 'east' }, book).problems).toEqual([
      expect.stringContaining('whole_area names "east"'),
      expect.stringContaining('Entry "whole" is for the whole area'),
    ]);
  });
});

describe('the shards’ files', () => {
  const { shards } = planShards(config, { neighbourhoods: ['a', 'b', 'c'], entries });

  it('--only picks shards by id, and names one that is not there', () => {
    expect(chooseShards(shards, undefined).chosen).toHaveLength(2);
    expect(chooseShards(shards, ['south']).chosen.map((s) => s.shard.id)).toEqual(['south']);
    expect(chooseShards(shards, ['south', 'west', 'east']).problem).toBe(
      '--only names "west", "east", which are not in shards.yaml. Fix: use north, south.',
    );
  });

  it("writes a shard's site.yaml with its address and title, the rest as the book's", () => {
    const site = 'title: Book\nurl: https://book.example.org\nplace: Somewhere\nbounds: [[1, 2], [3, 4]]\n';
    expect(yaml.load(siteYamlFor(site, { url: 'https://north.example.org', title: 'North' }))).toEqual({
      title: 'North',
      url: 'https://north.example.org',
      place: 'Somewhere',
      bounds: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(yaml.load(siteYamlFor(site, { url: 'https://r.example.org' }))).toMatchObject({ title: 'Book' });
  });

  it("writes the region's region.yaml with every shard a member, and the matrix with every shard's hash", () => {
    const region = regionSchema.parse(yaml.load(regionYamlFor(config, (id) => `/out/shards/${id}`)));
    expect(region.members).toEqual([
      { id: 'north', name: 'North', url: 'https://north.example.org', path: '/out/shards/north' },
      { id: 'south', name: 'South', url: 'https://south.example.org', path: '/out/shards/south' },
    ]);
    expect(shardMatrix([{ id: 'north', name: 'North', hash: 'abc' }])).toEqual({
      include: [{ shard: 'north', name: 'North', hash: 'abc' }],
    });
  });
});
