import { describe, expect, it } from 'vitest';
import { regionInsight } from '../../../src/lib/region/insight';
import type { MapData, MapEntry } from '../../../src/lib/map/venue-file';

const wigan = { id: 'wigan', name: 'Wigan', url: 'https://wigan.example.org' };
const bolton = { id: 'bolton', name: 'Bolton', url: 'https://bolton.example.org' };

/** An entry of the merged map data, as much as the insight reads. */
const entry = (member: typeof wigan, categories: string[], status: MapEntry['status'] = 'active') =>
  ({ id: `${member.id}.x`, member, status, facets: { category: categories } }) as unknown as MapEntry;

const data: Pick<MapData, 'entries' | 'categories'> = {
  categories: [
    { id: 'health', name: 'Health', parent: '' },
    { id: 'walking', name: 'Walking', parent: 'health' },
    { id: 'money', name: 'Money', parent: '' },
    { id: 'allotments', name: 'Allotments', parent: '' },
  ],
  entries: [
    // A walking group counts for Health (its parent is in its values, as the map file writes them).
    entry(wigan, ['walking', 'health']),
    entry(wigan, ['health', 'money']),
    entry(wigan, ['money'], 'closed'),
    entry(bolton, ['allotments']),
    entry(bolton, ['money'], 'temporarily-closed'),
  ],
};

describe("a region's insight (src/lib/region/insight.ts)", () => {
  const insight = regionInsight(data, [wigan, bolton]);

  it('counts, per member and top-level need, the entries that are not closed, each once', () => {
    expect(insight.needs.map((n) => n.id)).toEqual(['health', 'money', 'allotments']);
    const [w, b] = insight.members;
    expect(w).toMatchObject({ id: 'wigan', listed: 2 });
    expect(w.needs.map((n) => [n.id, n.count, n.gap])).toEqual([
      ['health', 2, false],
      ['money', 1, false],
      ['allotments', 0, true],
    ]);
    expect(b).toMatchObject({ id: 'bolton', listed: 2 });
    expect(b.needs.map((n) => [n.id, n.count, n.gap])).toEqual([
      ['health', 0, true],
      ['money', 1, false],
      ['allotments', 1, false],
    ]);
  });

  it('adds up the gaps of every member', () => {
    expect(insight.gaps).toBe(2);
    expect(regionInsight({ ...data, entries: [] }, [wigan]).gaps).toBe(3);
  });
});
