/**
 * A region's insight for commissioners: for each member book, how many entries meet each need
 * (top-level category) and which needs it has none for (gaps). Pure: the region's pages lay out
 * what this returns. It counts what a book's own insight counts (src/lib/exports/insight.ts):
 * entries that are not closed, each once per top-level need, whether it names the need or any of
 * its sub-categories; from the region's merged map data (src/lib/region/map.ts), whose category
 * values already hold each category's parents.
 */
import type { MapData, MapMember } from '../map/venue-file';

export interface NeedCount {
  id: string;
  name: string;
  count: number;
  /** No entry of this member meets the need. */
  gap: boolean;
}

export interface MemberInsight extends MapMember {
  /** Its entries that are not closed. */
  listed: number;
  needs: NeedCount[];
}

export interface RegionInsight {
  /** The needs: the top-level categories, the region's vocabulary first, then members' own. */
  needs: { id: string; name: string }[];
  members: MemberInsight[];
  /** Gaps, every member's together. */
  gaps: number;
}

/** The insight of a region, from its merged map data, members in region.yaml's order. */
export function regionInsight(
  data: Pick<MapData, 'entries' | 'categories'>,
  members: readonly MapMember[],
): RegionInsight {
  const needs = data.categories.filter((c) => !c.parent).map(({ id, name }) => ({ id, name }));
  const out = members.map((m): MemberInsight => {
    const listed = data.entries.filter((e) => e.member?.id === m.id && e.status !== 'closed');
    return {
      ...m,
      listed: listed.length,
      needs: needs.map((n) => {
        const count = listed.filter((e) => e.facets.category.includes(n.id)).length;
        return { ...n, count, gap: count === 0 };
      }),
    };
  });
  return { needs, members: out, gaps: out.reduce((g, m) => g + m.needs.filter((n) => n.gap).length, 0) };
}
