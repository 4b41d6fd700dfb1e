/**
 * The search-quality measure's arithmetic (scripts/bench/measure-search-quality.ts): which
 * entries a query's `want` picks from the front matter, and the figures over a run of queries.
 * Pure, so it is unit-tested.
 */

/** One query of the set, as tests/fixtures/search-quality/queries.yaml writes it. */
export interface QualityQuery {
  q: string;
  /** Facet names (and `name`: words in the group's name) to lists of values; several: any of them. */
  want: Want | Want[];
}
export type Want = Record<string, string[]>;

/** An entry as the measure needs it: its id, name and facet values. */
export interface QualityEntry {
  id: string;
  name: string;
  facets: Record<string, readonly string[]>;
}

/** The ids of the entries a `want` picks: every key holds (any of its values). */
export function relevantIds(want: Want | Want[], entries: readonly QualityEntry[]): Set<string> {
  const wants = Array.isArray(want) ? want : [want];
  const holds = (e: QualityEntry, w: Want) =>
    Object.entries(w).every(([key, values]) =>
      key === 'name'
        ? values.some((v) => e.name.toLowerCase().includes(v.toLowerCase()))
        : values.some((v) => (e.facets[key] ?? []).includes(v)),
    );
  return new Set(entries.filter((e) => wants.some((w) => holds(e, w))).map((e) => e.id));
}

/** What one query gave: the result ids in order (the first page), and the count the page said. */
export interface QueryRun {
  q: string;
  ids: string[];
  count: number;
  relevant: number;
}

export interface QualityFigures {
  queries: number;
  /** Queries with no results at all. */
  zeroResults: number;
  /** The share of queries with a right answer in the first 5 results. */
  top5: number;
  /** Mean reciprocal rank of the first right answer (0 for a query with none on the first page). */
  mrr: number;
  /** Queries whose concept the book holds (some right answer exists) and that returned nothing. */
  zeroWhereHeld: number;
}

/** The rank (from 1) of the first right answer among `ids`, or 0. */
export function firstRight(ids: readonly string[], relevant: ReadonlySet<string>): number {
  const i = ids.findIndex((id) => relevant.has(id));
  return i + 1;
}

export function qualityFigures(runs: readonly (QueryRun & { rank: number })[]): QualityFigures {
  const n = runs.length || 1;
  return {
    queries: runs.length,
    zeroResults: runs.filter((r) => r.count === 0).length,
    top5: runs.filter((r) => r.rank >= 1 && r.rank <= 5).length / n,
    mrr: runs.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n,
    zeroWhereHeld: runs.filter((r) => r.count === 0 && r.relevant > 0).length,
  };
}
