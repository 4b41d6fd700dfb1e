/**
 * One big book in shards (src/schema/shards.ts): which of the book's entries and neighbourhoods
 * each shard's content folder gets, and what stops the build. Pure: the script
 * (scripts/build/shards.ts) reads the book, writes the folders and builds them.
 *
 * The rules:
 *  - an entry goes to the shard of its first neighbourhood, so it is in exactly one shard (the
 *    region's union feed would refuse a service published twice);
 *  - an entry for the whole area (`neighbourhoods: [borough-wide]`) goes to the shard named by
 *    `whole_area`;
 *  - a shard's folder holds its own neighbourhoods, plus every other neighbourhood one of its
 *    entries names (an entry in `[harrow-cross, oakmere]` checks against both, and is found under
 *    both in the filters). The `whole_area` shard holds every neighbourhood, so its whole-area
 *    entries are in each neighbourhood, as in the one book. The same neighbourhood file in two
 *    shards is one place in the region's map (src/lib/region/map.ts);
 *  - a shard's site is the book's site.yaml with the shard's `url` and `name` as its title; the
 *    region's is the book's with shards.yaml's `url` (and `title`, when given).
 */
import yaml from 'js-yaml';
import { BOROUGH_WIDE } from '../../schema/vocab';
import type { ShardConfig, ShardsConfig } from '../../schema/shards';

/** What the plan needs to know of an entry: its id and its neighbourhoods, in its own order. */
export interface ShardEntry {
  id: string;
  neighbourhoods: readonly string[];
}

/** One shard's share of the book. */
export interface ShardPlan {
  shard: ShardConfig;
  /** The ids of its entries, in the book's order. */
  entries: string[];
  /** The neighbourhood files its folder holds: its own, then those its entries also name. */
  neighbourhoods: string[];
  /** True for the `whole_area` shard. */
  wholeArea: boolean;
}

/** Which shard each entry goes to (see the top of this file), and every entry that goes nowhere. */
export function planShards(
  config: ShardsConfig,
  book: { neighbourhoods: readonly string[]; entries: readonly ShardEntry[] },
): { shards: ShardPlan[]; problems: string[] } {
  const problems: string[] = [];
  const shardOf = new Map<string, number>();
  config.shards.forEach((s, i) => s.neighbourhoods.forEach((n) => shardOf.has(n) || shardOf.set(n, i)));
  const whole = config.shards.findIndex((s) => s.id === config.whole_area);
  if (whole < 0) problems.push(`shards.yaml: whole_area names "${config.whole_area}", which is not a shard.`);
  const known = new Set(book.neighbourhoods);
  for (const n of book.neighbourhoods)
    if (!shardOf.has(n))
      problems.push(
        `shards.yaml: the neighbourhood "${n}" is in no shard, so its entries would be built nowhere. Fix: add it to the neighbourhoods of one shard.`,
      );

  const plans: ShardPlan[] = config.shards.map((shard, i) => ({
    shard,
    entries: [],
    neighbourhoods: i === whole ? [...book.neighbourhoods] : shard.neighbourhoods.filter((n) => known.has(n)),
    wholeArea: i === whole,
  }));
  for (const e of book.entries) {
    const first = e.neighbourhoods[0];
    const to = first === BOROUGH_WIDE ? whole : first === undefined ? -1 : (shardOf.get(first) ?? -1);
    if (to < 0) {
      problems.push(
        first === undefined
          ? `Entry "${e.id}" has no neighbourhood, so it goes to no shard. Fix: give it one (npm run validate says more).`
          : first === BOROUGH_WIDE
            ? `Entry "${e.id}" is for the whole area, and whole_area names no shard. Fix: set whole_area in shards.yaml.`
            : `Entry "${e.id}": its first neighbourhood "${first}" is in no shard. Fix: add "${first}" to a shard in shards.yaml.`,
      );
      continue;
    }
    const plan = plans[to];
    plan.entries.push(e.id);
    for (const n of e.neighbourhoods)
      if (n !== BOROUGH_WIDE && known.has(n) && !plan.neighbourhoods.includes(n)) plan.neighbourhoods.push(n);
  }
  return { shards: plans, problems };
}

/** The shards `--only a,b` names, or the problem with the list (an id that is no shard). */
export function chooseShards(
  plans: readonly ShardPlan[],
  only: readonly string[] | undefined,
): { chosen: ShardPlan[]; problem?: string } {
  if (!only) return { chosen: [...plans] };
  const ids = plans.map((p) => p.shard.id);
  const unknown = only.filter((id) => !ids.includes(id));
  if (unknown.length)
    return {
      chosen: [],
      problem: `--only names ${unknown.map((id) => `"${id}"`).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not in shards.yaml. Fix: use ${ids.join(', ')}.`,
    };
  return { chosen: plans.filter((p) => only.includes(p.shard.id)) };
}

/** A site.yaml's text with another address and title (a shard's, or the region's). */
export function siteYamlFor(text: string, { url, title }: { url: string; title?: string }): string {
  const site = yaml.load(text) as Record<string, unknown>;
  return yaml.dump({ ...site, url, ...(title !== undefined && { title }) }, { lineWidth: -1 });
}

/** The region's region.yaml: every shard a member, its `path` the shard's built site. */
export function regionYamlFor(config: ShardsConfig, pathOf: (id: string) => string): string {
  return yaml.dump(
    { members: config.shards.map((s) => ({ id: s.id, name: s.name, url: s.url, path: pathOf(s.id) })) },
    { lineWidth: -1 },
  );
}

/** The workflow's matrix: one job per shard, with the hash its cache is keyed by. */
export function shardMatrix(shards: readonly { id: string; name: string; hash: string }[]): {
  include: { shard: string; name: string; hash: string }[];
} {
  return { include: shards.map((s) => ({ shard: s.id, name: s.name, hash: s.hash })) };
}
