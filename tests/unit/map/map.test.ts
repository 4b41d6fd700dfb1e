import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { entryFacets } from '../../../src/lib/filters/facets';
import { facetValues } from '../../../src/lib/filters/registry';
import { parseQuery } from '../../../src/lib/filters/state';
import { boundsOf, formatDistance, haversineKm, inBounds, toPixel, type Bounds } from '../../../src/lib/map/geometry';
import {
  buildVenueFile,
  decodeFacets,
  encodeFacets,
  readVenueFile,
  withSearchText,
  type MapPoint,
} from '../../../src/lib/map/venue-file';
import { clusterIndex, declutter, markerLabel, markerSize, markerTotal } from '../../../src/lib/map/cluster';
import { filterEntries, matchesWords, pointsOf, queryWords } from '../../../src/lib/map/filter';
import { listInView } from '../../../src/lib/map/in-view';
import { toCard } from '../../../src/lib/search/results';
import { popupModel } from '../../../src/lib/map/popup';
import { makeEntrySchema } from '../../../src/schema';

const hoods = ['leigh', 'hindley'];
const schema = makeEntrySchema({
  bounds: [
    [53.42, -2.76],
    [53.63, -2.4],
  ],
  categoryIds: new Set(['health', 'walking', 'money', 'food']),
  neighbourhoodIds: new Set(hoods),
});
const categories = [
  { id: 'health', name: 'Health', synonyms: ['wellbeing'] },
  { id: 'walking', name: 'Walking groups', parent: 'health', synonyms: ['rambling', 'stroll'] },
  { id: 'money', name: 'Money', synonyms: [] },
  { id: 'food', name: 'Food banks', parent: 'money', synonyms: ['skint'] },
];
const neighbourhoods = [
  {
    id: 'leigh',
    name: 'Leigh',
    centre: [53.495, -2.515] as [number, number],
    boundary: {
      coordinates: [
        [
          [-2.55, 53.47],
          [-2.48, 53.47],
          [-2.48, 53.52],
          [-2.55, 53.47],
        ],
      ] as [number, number][][],
    },
  },
  {
    id: 'hindley',
    name: 'Hindley',
    centre: [53.53, -2.57] as [number, number],
    boundary: {
      coordinates: [
        [
          [-2.6, 53.51],
          [-2.55, 53.51],
          [-2.55, 53.55],
          [-2.6, 53.51],
        ],
      ] as [number, number][][],
    },
  },
];
const venue = (name: string, lat: number, lng: number) => ({
  name,
  address: '1 Main Street',
  postcode: 'WN2 3AN',
  lat,
  lng,
});
const base = { join: ['drop-in'], contacts: [{ email: 'a@example.org' }], last_verified: '2026-01-01' };
const raw = [
  {
    id: 'walks',
    name: 'Hindley Health Walks',
    summary: 'A gentle walk and a brew.',
    categories: ['walking'],
    neighbourhoods: ['hindley'],
    cost: { free: true },
    venues: [venue('Hindley Library', 53.535, -2.575), venue('Borsdane Wood', 53.54123456, -2.56)],
    schedules: [{ weekly: ['tue'], start: '10:00', end: '11:30' }],
  },
  {
    id: 'pantry',
    name: 'Leigh Pantry',
    summary: 'Low-cost food for members.',
    categories: ['food'],
    neighbourhoods: ['leigh'],
    cost: { amounts: [{ amount: 3.5 }] },
    venues: [venue('Leigh Hall', 53.497, -2.52)],
    schedules: [{ monthly: ['2nd sat', 'last fri'], start: '13:30' }],
  },
  {
    id: 'money-line',
    name: 'Money Helpline',
    summary: 'Phone advice on bills.',
    categories: ['money'],
    neighbourhoods: ['borough-wide'],
    delivery: ['phone'],
    cost: { free: true },
    schedules: [{ weekly: ['mon', 'wed'], start: '09:00', end: '17:00' }],
  },
  {
    id: 'closed-club',
    name: 'Old Club',
    summary: 'It used to meet here.',
    categories: ['health'],
    neighbourhoods: ['leigh'],
    status: 'closed',
    cost: { free: true },
    venues: [venue('Leigh Hall', 53.497, -2.52)],
  },
];
const entries = raw.map(({ id, ...data }) => ({ id, data: schema.parse({ ...base, ...data }) }));
const costBands = [3, 5];
const allowed = facetValues({ categories: categories.map((c) => c.id), neighbourhoods: hoods, costBands });
const file = buildVenueFile({ entries, categories, neighbourhoods, allowed, costBands });
const data = readVenueFile(JSON.parse(JSON.stringify(file)));
// Tuesday 10 March 2026, 09:00 in London.
const now = new Date('2026-03-10T09:00:00Z');
const q = (s: string) => parseQuery(s, data.allowed);

describe('the venues file', () => {
  it('keeps every entry, one point per venue, and entries without a venue off the map', () => {
    // A to Z by name, whatever order the book gave them in.
    expect(data.entries.map((e) => e.id)).toEqual(['walks', 'pantry', 'money-line', 'closed-club']);
    const reversed = buildVenueFile({
      entries: [...entries].reverse(),
      categories,
      neighbourhoods,
      allowed,
      costBands,
    });
    expect(reversed.e.map((e) => e[0])).toEqual(['walks', 'pantry', 'money-line', 'closed-club']);
    expect(data.points).toHaveLength(4);
    expect(data.entries[2].venues).toEqual([]);
    expect(data.points.filter((p) => p.entry === 0).map((p) => p.venue)).toEqual([0, 1]);
  });
  it('rounds coordinates to about a metre and turns boundaries into [lat, lng]', () => {
    expect(data.entries[0].venues[1]).toEqual({ name: 'Borsdane Wood', lat: 53.54123, lng: -2.56 });
    expect(data.neighbourhoods[0].ring[0]).toEqual([53.47, -2.55]);
  });
  it('carries exactly the facet values entryFacets gives the search index', () => {
    const parentOf = (c: string) => categories.find((x) => x.id === c)?.parent;
    entries.forEach((e, i) => {
      const expected = entryFacets(e.data, { parentOf, neighbourhoods: hoods, costBands });
      for (const f of Object.keys(expected) as (keyof typeof expected)[])
        expect([...data.entries[i].facets[f]].sort()).toEqual([...expected[f]].sort());
    });
  });
  it('keeps status, cost and the words the map searches', () => {
    expect(data.entries[3].status).toBe('closed');
    expect(data.entries.map((e) => e.facets.cost.includes('free'))).toEqual([true, false, true, true]);
    expect(data.costBands).toEqual(costBands);
    withSearchText(data);
    expect(data.entries[0].text).toContain('rambling');
    expect(data.entries[0].text).toContain('wellbeing');
  });
  it('stays compact: no key names repeated per entry', () => {
    const json = JSON.stringify(file);
    expect(json).not.toContain('"name"');
    expect(json).not.toContain('"lat"');
  });
});

describe('facet codes', () => {
  it('packs indexes in base 36, two digits for tables over 36 values', () => {
    const tables = [Array(40).fill(0), Array(5).fill(0), Array(3).fill(0)];
    expect(encodeFacets([[0, 39], [], [2, 1]], tables)).toBe('0013||21');
    expect(decodeFacets('0013||21', tables)).toEqual([[0, 39], [], [2, 1]]);
  });
  it('round-trips any lists of indexes', () => {
    const tables = [Array(80).fill(0), Array(36).fill(0), Array(7).fill(0), Array(1).fill(0)];
    const lists = fc.tuple(
      ...tables.map((t) => fc.array(fc.integer({ min: 0, max: t.length - 1 }), { maxLength: 12 })),
    );
    fc.assert(
      fc.property(lists, (l) => {
        expect(decodeFacets(encodeFacets(l, tables), tables)).toEqual(l);
      }),
    );
  });
});

describe('filtering like search', () => {
  const ids = (s: string) => filterEntries(data, q(s), now).map((e) => e.id);
  it('uses the same facets, free and parent categories', () => {
    expect(ids('')).toHaveLength(4);
    expect(ids('category=health')).toEqual(['walks', 'closed-club']);
    expect(ids('category=money&free=1')).toEqual(['money-line']);
    expect(ids('neighbourhood=leigh')).toEqual(['pantry', 'money-line', 'closed-club']);
    expect(ids('day=sat')).toEqual(['pantry']);
  });
  it('matches every word of q in names, summaries and category words', () => {
    expect(queryWords('  Brew, WALK! ')).toEqual(['brew', 'walk']);
    expect(ids('q=brew')).toEqual(['walks']);
    expect(ids('q=stroll')).toEqual(['walks']);
    expect(ids('q=skint')).toEqual(['pantry']);
    expect(ids('q=brew+pantry')).toEqual([]);
    expect(matchesWords({ text: 'abc' }, [])).toBe(true);
  });
  it('keeps the entries with a session on the days the "when" plan covers', () => {
    expect(ids('when=today')).toEqual(['walks']);
    // 14 March is the 2nd Saturday; Monday and Wednesday are in the week.
    expect(ids('when=week')).toEqual(['walks', 'pantry', 'money-line']);
  });
  it('puts only entries with venues on the map', () => {
    expect(pointsOf(filterEntries(data, q('category=money'), now))).toHaveLength(1);
  });
});

describe('distances', () => {
  it('measures great-circle distances', () => {
    expect(haversineKm({ lat: 51.5007, lng: -0.1246 }, { lat: 40.6892, lng: -74.0445 })).toBeCloseTo(5574.8, 0);
    expect(haversineKm({ lat: 53.5, lng: -2.5 }, { lat: 53.5, lng: -2.5 })).toBe(0);
    // One degree of latitude is about 111.2 km.
    expect(haversineKm({ lat: 53, lng: -2 }, { lat: 54, lng: -2 })).toBeCloseTo(111.2, 1);
  });
  it('is symmetric and never negative', () => {
    const p = fc.record({
      lat: fc.double({ min: -89, max: 89, noNaN: true }),
      lng: fc.double({ min: -179, max: 179, noNaN: true }),
    });
    fc.assert(
      fc.property(p, p, (a, b) => Math.abs(haversineKm(a, b) - haversineKm(b, a)) < 1e-9 && haversineKm(a, b) >= 0),
    );
  });
  it('says distances in miles', () => {
    expect(formatDistance(0.05)).toBe('less than 0.1 miles');
    expect(formatDistance(1.609344)).toBe('1 mile');
    expect(formatDistance(4)).toBe('2.5 miles');
    expect(formatDistance(30)).toBe('19 miles');
  });
});

describe('clusters', () => {
  const all: Bounds = { south: 53.4, west: -2.8, north: 53.7, east: -2.3 };
  it('stands for every point at every zoom: markers plus clustered points equal the venues', () => {
    const pts: MapPoint[] = Array.from({ length: 500 }, (_, i) => ({
      entry: i,
      venue: 0,
      lat: 53.45 + ((i * 7919) % 1000) / 5000,
      lng: -2.7 + ((i * 104729) % 1000) / 3000,
    }));
    const index = clusterIndex(pts);
    for (const zoom of [8, 10, 12, 14, 16, 18]) expect(markerTotal(index.markers(all, zoom))).toBe(500);
    const cluster = index.markers(all, 10).find((m) => m.kind === 'cluster');
    expect(cluster).toBeDefined();
    if (cluster?.kind !== 'cluster') return;
    expect(index.leaves(cluster)).toHaveLength(cluster.count);
    expect(index.expansionZoom(cluster.ids[0])).toBeGreaterThan(10);
  });
  it('never draws two markers on top of each other, and every place stays counted', () => {
    const pts: MapPoint[] = Array.from({ length: 1000 }, (_, i) => ({
      entry: i,
      venue: 0,
      lat: 53.45 + ((i * 7919) % 997) / 5000,
      lng: -2.7 + ((i * 104729) % 991) / 2500,
    }));
    const index = clusterIndex(pts);
    for (let zoom = 8; zoom <= 18; zoom++) {
      const markers = index.markers(all, zoom);
      expect(markerTotal(markers)).toBe(1000);
      const boxes = markers.map((m) => ({ ...toPixel(m, zoom), r: markerSize(m) / 2 }));
      let overlaps = 0;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          if (Math.abs(a.x - b.x) < a.r + b.r && Math.abs(a.y - b.y) < a.r + b.r) overlaps++;
        }
      expect(overlaps, `zoom ${zoom}`).toBe(0);
      const leaves = markers.flatMap((m) => index.leaves(m));
      expect(new Set(leaves.map((p) => p.entry)).size).toBe(1000);
    }
  });
  it('merges overlapping markers into one cluster that keeps their places', () => {
    const a = { kind: 'point' as const, point: { entry: 0, venue: 0, lat: 53.5, lng: -2.5 }, lat: 53.5, lng: -2.5 };
    const b = {
      kind: 'point' as const,
      point: { entry: 1, venue: 0, lat: 53.5001, lng: -2.5001 },
      lat: 53.5001,
      lng: -2.5001,
    };
    const far = { kind: 'point' as const, point: { entry: 2, venue: 0, lat: 53.6, lng: -2.4 }, lat: 53.6, lng: -2.4 };
    const out = declutter([a, b, far], 12);
    expect(out).toHaveLength(2);
    const merged = out.find((m) => m.kind === 'cluster');
    expect(merged).toMatchObject({ kind: 'cluster', ids: [], count: 2 });
    expect(declutter([a, b, far], 18)).toHaveLength(3);
  });
  it('projects like Leaflet (Web Mercator, 256-pixel tiles)', () => {
    expect(toPixel({ lat: 0, lng: 0 }, 0)).toEqual({ x: 128, y: 128 });
    expect(toPixel({ lat: 0, lng: 180 }, 1).x).toBe(512);
    // (1 − ln(tan φ + sec φ) / π) / 2 × 256 × 2¹⁰ for φ = 53.5°
    expect(toPixel({ lat: 53.5, lng: -2.5 }, 10).y).toBeCloseTo(84_785.37, 1);
  });
  it('lists markers north-west first and names them', () => {
    const index = clusterIndex(data.points);
    const markers = index.markers(all, 18);
    const lats = markers.map((m) => m.lat);
    expect(lats).toEqual([...lats].sort((a, b) => b - a));
    const labels = markers.map((m) => markerLabel(m, data.entries));
    expect(labels).toContain('Hindley Health Walks, Borsdane Wood');
    const low = index.markers(all, 8);
    expect(low).toHaveLength(1);
    expect(markerLabel(low[0], data.entries)).toBe('4 places here. Zoom in to see them');
  });
  it('finds the smallest bounds around points', () => {
    expect(boundsOf([])).toBeUndefined();
    expect(
      boundsOf([
        { lat: 1, lng: 2 },
        { lat: -1, lng: 5 },
      ]),
    ).toEqual({ south: -1, west: 2, north: 1, east: 5 });
    expect(inBounds({ lat: 0, lng: 3 }, { south: -1, west: 2, north: 1, east: 5 })).toBe(true);
    expect(inBounds({ lat: 0, lng: 6 }, { south: -1, west: 2, north: 1, east: 5 })).toBe(false);
  });
});

describe('the list of groups in view', () => {
  const points = pointsOf(data.entries);
  const leigh: Bounds = { south: 53.49, west: -2.53, north: 53.5, east: -2.5 };
  it('lists each group once, A to Z, with its venues in view', () => {
    const all = listInView(points, data.entries, { south: 53, west: -3, north: 54, east: -2 }, undefined, 50);
    expect(all.items.map((i) => i.entry.id)).toEqual(['walks', 'pantry', 'closed-club']);
    expect(all.total).toBe(3);
    expect(all.places).toBe(4);
    expect(all.items[0].venues).toEqual([0, 1]);
    const some = listInView(points, data.entries, leigh, undefined, 50);
    expect(some.items.map((i) => i.entry.id)).toEqual(['pantry', 'closed-club']);
  });
  it('sorts by distance from a chosen point, nearest venue first', () => {
    const nearWood = { lat: 53.5412, lng: -2.5601 };
    const r = listInView(points, data.entries, { south: 53, west: -3, north: 54, east: -2 }, nearWood, 50);
    expect(r.items[0].entry.id).toBe('walks');
    expect(r.items[0].venues[0]).toBe(1);
    expect(r.items[0].distanceKm).toBeLessThan(0.1);
    const d = r.items.map((i) => i.distanceKm!);
    expect(d).toEqual([...d].sort((a, b) => a - b));
  });
  it('stops at the limit but counts them all', () => {
    const r = listInView(points, data.entries, { south: 53, west: -3, north: 54, east: -2 }, undefined, 1);
    expect(r.items).toHaveLength(1);
    expect(r.total).toBe(3);
  });
});

describe('popups', () => {
  it('gives name, summary, venue, next session and link as plain text', () => {
    const m = popupModel(data.entries[0], 1, now, 'england-and-wales');
    expect(m).toEqual({
      name: 'Hindley Health Walks',
      summary: 'A gentle walk and a brew.',
      venue: 'Borsdane Wood',
      status: '',
      next: 'Next: Today, 10am to 11:30am',
      href: '/entries/walks/',
    });
  });
  it('says when there is nothing to go to, in the same words as a search result', () => {
    const closed = popupModel(data.entries[3], 0, now, 'england-and-wales');
    expect(closed.status).toBe('Closed');
    expect(closed.next).toBe('No longer meets');
    for (const entry of data.entries) {
      const card = toCard(
        { url: `/entries/${entry.id}/`, meta: { status: entry.status, schedules: entry.scheduleCode } },
        now,
        12,
        'england-and-wales',
      );
      expect(popupModel(entry, 0, now, 'england-and-wales').next).toBe(card.next);
    }
    const noTimes = { ...data.entries[1], scheduleCode: '' };
    expect(popupModel(noTimes, 0, now, 'england-and-wales').next).toBe('By arrangement');
    const past = { ...data.entries[1], scheduleCode: 'd/2025-01-01' };
    expect(popupModel(past, 0, now, 'england-and-wales').next).toBe('No dates coming up');
  });
  it('marks a next session on a bank holiday of the region the venues file names', () => {
    expect(data.holidays).toBe('none');
    const withHolidays = readVenueFile(
      JSON.parse(
        JSON.stringify(
          buildVenueFile({ entries, categories, neighbourhoods, allowed, costBands, holidays: 'england-and-wales' }),
        ),
      ),
    );
    expect(withHolidays.holidays).toBe('england-and-wales');
    // Entry 0 walks on Tuesdays; Tuesday 28 December 2027 is Boxing Day's substitute.
    const christmas = new Date('2027-12-24T12:00:00Z');
    expect(popupModel(withHolidays.entries[0], 0, christmas, withHolidays.holidays).next).toBe(
      'Next: Tuesday 28 December 2027, 10am to 11:30am (Bank holiday for Boxing Day: check it is on)',
    );
    expect(popupModel(data.entries[0], 0, christmas, data.holidays).next).toBe(
      'Next: Tuesday 28 December 2027, 10am to 11:30am',
    );
  });
  it('passes hostile text through unchanged, for text nodes to show literally', () => {
    const hostile = { ...data.entries[0], name: '<img src=x onerror=alert(1)>' };
    expect(popupModel(hostile, 0, now, 'england-and-wales').name).toBe('<img src=x onerror=alert(1)>');
  });
});
