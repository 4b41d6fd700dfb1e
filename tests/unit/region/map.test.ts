import { describe, expect, it } from 'vitest';
import { facetValues, FACETS, type Facet } from '../../../src/lib/filters/registry';
import { parseQuery } from '../../../src/lib/filters/state';
import {
  buildVenueFile,
  categoryRecord,
  readVenueFile,
  type BuildInput,
  type VenueFile,
} from '../../../src/lib/map/venue-file';
import { regionFacetBook } from '../../../src/lib/region/vocabulary';
import { entryPage, popupModel } from '../../../src/lib/map/popup';
import { mergeVenueFiles, type MemberVenueFile } from '../../../src/lib/region/map';
import { regionEntryId } from '../../../src/schema/ids';
import { makeEntrySchema } from '../../../src/schema';

type Hood = BuildInput['neighbourhoods'][number];
type Category = BuildInput['categories'][number];

/** A square neighbourhood around `[lat, lng]`, as a book's neighbourhoods/<id>.yaml gives it. */
const square = (id: string, name: string, lat: number, lng: number, size = 0.02): Hood => ({
  id,
  name,
  centre: [lat, lng],
  boundary: {
    coordinates: [
      [
        [lng - size, lat - size],
        [lng + size, lat - size],
        [lng + size, lat + size],
        [lng - size, lat + size],
        [lng - size, lat - size],
      ],
    ],
  },
});
const venue = (name: string, lat: number, lng: number) => ({
  name,
  address: '1 Main Street',
  postcode: 'WN2 3AN',
  lat,
  lng,
});
const base = { join: ['drop-in'], contacts: [{ email: 'a@example.org' }], last_verified: '2026-01-01' };

/** A book's venues file, made the way the build makes it, from entries checked by the real schema. */
function bookFile(opts: {
  categories: Category[];
  neighbourhoods: Hood[];
  costBands: number[];
  entries: Record<string, unknown>[];
  holidays?: BuildInput['holidays'];
}): VenueFile {
  const schema = makeEntrySchema({
    bounds: [
      [53.3, -2.8],
      [53.7, -2.1],
    ],
    categoryIds: new Set(opts.categories.map((c) => c.id)),
    neighbourhoodIds: new Set(opts.neighbourhoods.map((n) => n.id)),
  });
  const entries = opts.entries.map(({ id, ...data }) => ({
    id: id as string,
    data: schema.parse({ ...base, ...data }),
  }));
  const allowed = facetValues({
    categories: opts.categories.map((c) => c.id),
    neighbourhoods: opts.neighbourhoods.map((n) => n.id),
    costBands: opts.costBands,
  });
  // Through JSON, as the region build reads it from the member's built site.
  return JSON.parse(
    JSON.stringify(buildVenueFile({ ...opts, entries, allowed, holidays: opts.holidays ?? 'england-and-wales' })),
  ) as VenueFile;
}

const leigh = square('leigh', 'Leigh', 53.497, -2.52);
const shared = [
  { id: 'health', name: 'Health', synonyms: ['wellbeing'] },
  { id: 'money', name: 'Money', synonyms: [] },
  { id: 'food', name: 'Food banks', parent: 'money', synonyms: ['skint'] },
];

const wigan = bookFile({
  categories: [...shared, { id: 'walking', name: 'Walking groups', parent: 'health', synonyms: ['stroll'] }],
  neighbourhoods: [leigh, square('hindley', 'Hindley', 53.535, -2.575)],
  costBands: [3, 5],
  entries: [
    {
      id: 'walks',
      name: 'Hindley Health Walks',
      summary: 'A gentle walk.',
      categories: ['walking'],
      neighbourhoods: ['hindley'],
      cost: { amounts: [{ amount: 4 }] },
      venues: [venue('Hindley Library', 53.535, -2.575)],
      schedules: [{ weekly: ['tue'], start: '10:00', end: '11:30' }],
    },
    {
      id: 'food-bank',
      name: 'Food Bank',
      summary: 'Food parcels in Leigh.',
      categories: ['food'],
      neighbourhoods: ['leigh'],
      cost: { free: true },
      venues: [venue('Leigh Hall', 53.497, -2.52)],
      schedules: [{ weekly: ['fri'], start: '13:00' }],
    },
    {
      id: 'money-line',
      name: 'Money Helpline',
      summary: 'Phone advice on bills.',
      categories: ['money'],
      neighbourhoods: ['borough-wide'],
      delivery: ['phone'],
      cost: { free: true },
    },
  ],
});

// Bolton: Leigh too (the same neighbourhood file), its own Farnworth, an extra category of its
// own, other cost bands, and an entry called food-bank like Wigan's.
const bolton = bookFile({
  categories: [...shared, { id: 'allotments', name: 'Allotments', synonyms: ['gardening'] }],
  neighbourhoods: [square('farnworth', 'Farnworth', 53.55, -2.4), leigh],
  costBands: [3],
  entries: [
    {
      id: 'food-bank',
      name: 'Food Bank',
      summary: 'Food parcels in Farnworth.',
      categories: ['food'],
      neighbourhoods: ['farnworth'],
      cost: { free: true },
      venues: [venue('Farnworth Church', 53.55, -2.4)],
    },
    {
      id: 'plots',
      name: 'Allotment Friends',
      summary: 'Grow your own.',
      categories: ['allotments', 'health'],
      neighbourhoods: ['farnworth', 'leigh'],
      cost: { amounts: [{ amount: 2 }] },
      venues: [venue('Farnworth Plots', 53.551, -2.401), venue('Leigh Plots', 53.498, -2.519)],
      schedules: [{ weekly: ['sat', 'sun'], start: '09:00', end: '12:00' }],
    },
  ],
});

// Salford: so many needs that the region's need table outgrows one base-36 digit per value.
const many = Array.from({ length: 36 }, (_, i) => ({ id: `need-${i + 1}`, name: `Need ${i + 1}`, synonyms: [] }));
const salford = bookFile({
  categories: [...shared, ...many],
  neighbourhoods: [square('ordsall', 'Ordsall', 53.47, -2.28)],
  costBands: [3, 5],
  entries: [
    {
      id: 'last-need',
      name: 'Ordsall Drop-in',
      summary: 'Help with everything.',
      categories: ['need-36', 'need-2', 'food'],
      neighbourhoods: ['ordsall'],
      cost: { pay_what_you_can: true },
      venues: [venue('Ordsall Hall', 53.47, -2.28)],
    },
  ],
});

const members: MemberVenueFile[] = [
  { id: 'wigan', name: 'Wigan Book', url: 'https://wigan.example.org', file: wigan },
  { id: 'bolton', name: 'Bolton Book', url: 'https://example.github.io/bolton', file: bolton },
  { id: 'salford', name: 'Salford Book', url: 'https://salford.example.org/', file: salford },
];
const merged = mergeVenueFiles(members);
const file = merged.file!;
const region = readVenueFile(JSON.parse(JSON.stringify(file)) as VenueFile);
const memberData = members.map((m) => ({ member: m, data: readVenueFile(m.file) }));
const now = new Date('2026-03-10T09:00:00Z');

describe('one map of every member’s venues (src/lib/region/map.ts)', () => {
  it('merges without problems and holds every entry of every member once, under its region id', () => {
    expect(merged.problems).toEqual([]);
    const ids = region.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(members.flatMap((m) => m.file.e.map(([id]) => regionEntryId(m.id, id))).sort());
    // Both food banks, each its own.
    expect(ids).toContain('wigan.food-bank');
    expect(ids).toContain('bolton.food-bank');
    // One A to Z across the members, as the list beside the map reads it.
    expect(region.entries.map((e) => e.name)).toEqual([
      'Allotment Friends',
      'Food Bank',
      'Food Bank',
      'Hindley Health Walks',
      'Money Helpline',
      'Ordsall Drop-in',
    ]);
    expect(ids.slice(1, 3)).toEqual(['bolton.food-bank', 'wigan.food-bank']);
    expect(region.points).toHaveLength(members.reduce((n, m) => n + m.file.e.flatMap((e) => e[6]).length, 0));
  });

  it('unions the facet tables, and the cost filter offers only the bands every member has', () => {
    FACETS.forEach((facet, i) => {
      if (facet === 'cost') return;
      for (const m of members) for (const v of m.file.f[i]) expect(file.f[i], `${m.id} ${facet} ${v}`).toContain(v);
      expect(new Set(file.f[i]).size).toBe(file.f[i].length);
    });
    expect(region.allowed.cost).toEqual(['free', 'up-to-3']);
    expect(file.b).toEqual([3]);
    expect(region.allowed.category).toContain('allotments');
    expect(region.allowed.category).toContain('need-36');
    expect(file.f[FACETS.indexOf('category')].length).toBeGreaterThan(36);
  });

  it('re-encodes every entry’s facet values into the region’s tables', () => {
    const byId = new Map(region.entries.map((e) => [e.id, e]));
    for (const { member, data } of memberData)
      for (const own of data.entries) {
        const there = byId.get(regionEntryId(member.id, own.id))!;
        for (const facet of FACETS) {
          const expected = facet === 'cost' ? own.facets.cost.filter((b) => b !== 'up-to-5') : own.facets[facet];
          expect(there.facets[facet], `${member.id} ${own.id} ${facet}`).toEqual(expected);
        }
        expect(there.scheduleCode).toBe(own.scheduleCode);
        expect(there.venues).toEqual(own.venues);
      }
    // Spot checks of what that means: Wigan's borough-wide helpline is in Wigan's neighbourhoods only.
    expect(byId.get('wigan.money-line')!.facets.neighbourhood).toEqual(['leigh', 'hindley', 'borough-wide']);
    expect(byId.get('salford.last-need')!.facets.category).toEqual(['need-36', 'need-2', 'food', 'money']);
    // £4 is within Wigan's "up to £5", a band the region does not offer.
    expect(byId.get('wigan.walks')!.facets.cost).toEqual([]);
  });

  it('keeps a member’s extra category, the first member’s record for a shared one', () => {
    expect(region.categories.map((c) => c.id)).toEqual([
      'health',
      'money',
      'food',
      'walking',
      'allotments',
      ...many.map((c) => c.id),
    ]);
    expect(region.categoryWords.get('allotments')).toBe('allotments gardening');
    const plots = region.entries.find((e) => e.id === 'bolton.plots')!;
    expect(plots.facets.category).toEqual(['allotments', 'health']);
  });

  it('puts the region’s own vocabulary first: its names for shared ids, its categories no member has', () => {
    const named = mergeVenueFiles(members, {
      vocabulary: [
        categoryRecord({ id: 'food', name: 'Food and meals', synonyms: ['pantry'] }),
        categoryRecord({ id: 'carers', name: 'Carers' }),
      ],
    });
    const data = readVenueFile(named.file!);
    expect(data.categories.slice(0, 3)).toEqual([
      { id: 'food', name: 'Food and meals', parent: '' },
      { id: 'carers', name: 'Carers', parent: '' },
      { id: 'health', name: region.categories.find((c) => c.id === 'health')!.name, parent: '' },
    ]);
    expect(data.categoryWords.get('food')).toBe('food and meals pantry');
    // Everything else as without a vocabulary: the same entries, the same values.
    expect(data.entries.map((e) => [e.id, e.facets])).toEqual(region.entries.map((e) => [e.id, e.facets]));
    // The region's search offers exactly the map's filters (src/lib/region/vocabulary.ts).
    const book = regionFacetBook({ place: 'Greater Manchester' }, data);
    expect(book.categories.map((c) => c.id)).toEqual(data.categories.map((c) => c.id));
    expect(book.categories[0]).toEqual({ id: 'food', name: 'Food and meals' });
    expect(book.neighbourhoods).toEqual(data.neighbourhoods.map(({ id, name }) => ({ id, name })));
    expect(book.costBands).toEqual(data.costBands);
    expect(book.place).toBe('Greater Manchester');
  });

  it('keeps the boundary of every member’s neighbourhoods, a shared one once', () => {
    for (const m of members)
      for (const n of m.file.n)
        expect(
          file.n.filter((r) => r[0] === n[0]),
          `${m.id} ${n[0]}`,
        ).toEqual([n]);
    expect(region.neighbourhoods.map((n) => n.id)).toEqual(['leigh', 'hindley', 'farnworth', 'ordsall']);
    // Leigh's groups of both members are in Leigh.
    const inLeigh = region.entries.filter((e) => e.facets.neighbourhood.includes('leigh')).map((e) => e.id);
    expect(inLeigh).toEqual(['bolton.plots', 'wigan.food-bank', 'wigan.money-line']);
  });

  it('names each entry’s member book and links to the member’s own entry page', () => {
    const find = (id: string) => region.entries.find((e) => e.id === id)!;
    expect(file.m).toEqual(members.map((m) => [m.id, m.name, m.url]));
    expect(file.o).toHaveLength(file.e.length);
    for (const e of region.entries) expect(e.member?.id).toBe(e.id.split('.')[0]);
    expect(entryPage(find('wigan.food-bank'))).toBe('https://wigan.example.org/entries/food-bank/');
    // A member under a path keeps it, with or without a closing slash in region.yaml.
    expect(entryPage(find('bolton.food-bank'))).toBe('https://example.github.io/bolton/entries/food-bank/');
    expect(entryPage(find('salford.last-need'))).toBe('https://salford.example.org/entries/last-need/');
    const popup = popupModel(find('bolton.plots'), 1, now, region.holidays);
    expect(popup).toMatchObject({
      name: 'Allotment Friends',
      venue: 'Leigh Plots',
      from: 'From Bolton Book',
      href: 'https://example.github.io/bolton/entries/plots/',
    });
  });

  it('filters across members with the same state and URL as one book', () => {
    const q = (s: string) => parseQuery(s, region.allowed);
    expect(q('entry=bolton.food-bank').entry).toBe('bolton.food-bank');
    expect(q('entry=bolton..food-bank').entry).toBe('');
    const state = q('category=money&neighbourhood=leigh');
    const facetsMatch = (f: Record<Facet, string[]>) =>
      f.category.includes('money') && f.neighbourhood.includes('leigh');
    expect(region.entries.filter((e) => facetsMatch(e.facets)).map((e) => e.id)).toEqual([
      'wigan.food-bank',
      'wigan.money-line',
    ]);
    expect(state.facets.neighbourhood).toEqual(['leigh']);
  });

  it('leaves a single book’s file as it was: no members, its own ids and links', () => {
    expect(Object.keys(wigan).sort()).toEqual(['b', 'c', 'e', 'f', 'h', 'n', 'v']);
    const own = memberData[0].data.entries.find((e) => e.id === 'food-bank')!;
    expect(own.member).toBeUndefined();
    expect(entryPage(own)).toBe('/entries/food-bank/');
    expect(popupModel(own, 0, now, 'england-and-wales').from).toBeUndefined();
  });
});

describe('what stops a region’s map', () => {
  it('two members giving one neighbourhood id to two places: names both, the file and the fix', () => {
    const otherLeigh = { ...members[1], file: structuredClone(bolton) };
    otherLeigh.file.n = otherLeigh.file.n.map((n) => (n[0] === 'leigh' ? [n[0], 'Leigh (Bolton)', n[2], n[3]] : n));
    const r = mergeVenueFiles([members[0], otherLeigh]);
    expect(r.file).toBeUndefined();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/Members "wigan" \(Wigan Book\) and "bolton" \(Bolton Book\)/);
    expect(r.problems[0]).toMatch(/neighbourhood "leigh"/);
    expect(r.problems[0]).toContain('members/wigan/map/venues.json');
    expect(r.problems[0]).toContain('members/bolton/map/venues.json');
    expect(r.problems[0]).toMatch(/Fix: .*neighbourhoods\/leigh\.yaml.*leigh-bolton/);
  });

  it('a boundary moved by one member is a clash too', () => {
    const moved = structuredClone(bolton);
    const ring = moved.n.find((n) => n[0] === 'leigh')![3];
    ring[0] = [ring[0][0] + 0.01, ring[0][1]];
    expect(mergeVenueFiles([members[0], { ...members[1], file: moved }]).problems[0]).toMatch(/neighbourhood "leigh"/);
  });

  it('members checking next dates against different bank holidays', () => {
    const scots = { ...members[2], file: { ...salford, h: 'scotland' as const } };
    const r = mergeVenueFiles([members[0], scots]);
    expect(r.file).toBeUndefined();
    expect(r.problems[0]).toMatch(/"wigan".*"salford".*england-and-wales and scotland.*Fix: /);
  });

  it('a member’s file of another version, or a region’s file as a member', () => {
    const old = { ...members[0], file: { ...wigan, v: 2 } as unknown as VenueFile };
    expect(mergeVenueFiles([old, members[1]]).problems).toEqual([
      expect.stringMatching(/Member "wigan" \(Wigan Book\): its map\/venues.json is not map data of version 3.*Fix: /),
    ]);
    const nested = { id: 'gm', name: 'GM', url: 'https://gm.example.org', file };
    expect(mergeVenueFiles([nested]).problems[0]).toMatch(/Member "gm".*a region's map.*Fix: /);
  });
});
