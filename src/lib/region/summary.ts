/**
 * `region.json`: what the region build put together, for the region's pages to come and for
 * people checking a build: each member, where its files are and how many services it gives the
 * union feed. Pure.
 */
import type { RegionMember } from '../../schema/region';
import { memberPath } from './members';

export interface RegionSummary {
  /** The day of the build (BOOK_TODAY when set), YYYY-MM-DD. */
  built: string;
  /** The services of the union feed, every member's together. */
  services: number;
  members: { id: string; name: string; url: string; path: string; services: number }[];
}

/** The summary, from the members in region.yaml's order and each one's count of listed services. */
export function regionSummary(
  members: readonly RegionMember[],
  services: ReadonlyMap<string, number>,
  built: string,
): RegionSummary {
  const list = members.map((m) => ({
    id: m.id,
    name: m.name,
    url: m.url,
    path: `/${memberPath(m.id)}/`,
    services: services.get(m.id) ?? 0,
  }));
  return { built, services: list.reduce((n, m) => n + m.services, 0), members: list };
}
