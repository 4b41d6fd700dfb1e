/**
 * The region's `map/venues.json`, for `npm run build:region` (./region.ts): every member's map
 * data read from its built site and merged (src/lib/region/map.ts). Throws, with every problem
 * (each naming the members, the file and the fix), before anything is written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegionMember } from '../../src/schema/region';
import type { OutputFile } from '../../src/lib/exports/entry-files';
import type { VenueFile } from '../../src/lib/map/venue-file';
import { VENUES_PATH, mergeVenueFiles } from '../../src/lib/region/map';

/** The merged map data of members whose built sites are in `from`. */
export function regionVenues(members: readonly { member: RegionMember; from?: string }[]): OutputFile {
  const merged = mergeVenueFiles(
    members.map(({ member, from }) => {
      const path = join(from!, VENUES_PATH);
      let file: VenueFile;
      try {
        file = JSON.parse(readFileSync(path, 'utf8')) as VenueFile;
      } catch (err) {
        throw new Error(
          `Member "${member.id}" (${member.name}): its ${VENUES_PATH} (${path}) could not be read: ${err instanceof Error ? err.message : String(err)}. Fix: build the member book again (npm run build) into that folder.`,
        );
      }
      return { id: member.id, name: member.name, url: member.url, file };
    }),
  );
  if (!merged.file) throw new Error(merged.problems.join('\n'));
  return { path: VENUES_PATH, body: JSON.stringify(merged.file) };
}
