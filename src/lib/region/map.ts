/**
 * The region's map data: one `map/venues.json` (src/lib/map/venue-file.ts) merged from every
 * member book's, so the region's map shows every member's venues and boundaries with the same
 * filters. Pure: the script (scripts/build/region.ts) reads the members' files and writes this.
 *
 *  - entries: every member's, ids made region ids (`wigan.food-bank`, `regionEntryId`), in the
 *    book order across members; the file's `m` names the members and `o` says whose each entry
 *    is, so its popup says "From <member>" and links to the member's own page;
 *  - facet tables: the union of the members' (in the order first met), each entry's value indexes
 *    re-encoded into them. The cost filter offers only the bands every member has (a member's
 *    entries were put in its own bands, so a band only some members have would miss the others'
 *    entries); "Free" is in every book;
 *  - categories: the region's own vocabulary first (its categories.yaml, when given), then by id,
 *    the first member's record wins; a member's extra category is kept (src/lib/region/vocabulary.ts
 *    says what that means for the filters);
 *  - neighbourhoods: by id. The same id with the same name and boundary in two members is one
 *    place (members drawn from one set of neighbourhood files), kept once; the same id with a
 *    different name or boundary is a clash, which stops the build: one id would stand for two
 *    places in the filters. `borough-wide` is no neighbourhood record: each member's whole-area
 *    entries keep it and their own member's neighbourhoods, as in the member's file;
 *  - bank holidays: the members must agree (one region map checks next dates against one set).
 *
 * Every problem names the members, the file and what to do; nothing is dropped silently.
 */
import { regionEntryId } from '../../schema/ids';
import { bookOrder } from '../book/order';
import { FACETS } from '../filters/registry';
import { bandId } from '../filters/cost';
import { memberPath } from './members';
import {
  VENUES_PATH,
  VENUE_FILE_VERSION,
  decodeFacets,
  encodeFacets,
  type CategoryRecord,
  type EntryRecord,
  type MemberRecord,
  type NeighbourhoodRecord,
  type VenueFile,
} from '../map/venue-file';

/** Where a member's map data is, in its built site and under `members/<id>/` in the region's. */
export { VENUES_PATH };

/** A member's map data, as the region build reads it. */
export interface MemberVenueFile {
  /** The member's id, name and address in region.yaml. */
  id: string;
  name: string;
  url: string;
  /** Its `map/venues.json`, parsed. */
  file: VenueFile;
}

/** The region's file, or the problems that stop it (each naming members, file and fix). */
export type MergedVenues = { file: VenueFile; problems: [] } | { file?: undefined; problems: string[] };

const who = (m: Pick<MemberVenueFile, 'id' | 'name'>) => `"${m.id}" (${m.name})`;
const fileOf = (m: Pick<MemberVenueFile, 'id'>) => memberPath(m.id, VENUES_PATH);
const sameNeighbourhood = (a: NeighbourhoodRecord, b: NeighbourhoodRecord) => JSON.stringify(a) === JSON.stringify(b);

/** Why a member's file cannot be merged at all, or undefined. */
function fileProblem(m: MemberVenueFile): string | undefined {
  const f = m.file as Partial<VenueFile> | null;
  const rebuild = `Fix: build the member book again (npm run build) with this version of Community Book, and run the region build again.`;
  if (!f || typeof f !== 'object' || f.v !== VENUE_FILE_VERSION)
    return `Member ${who(m)}: its ${VENUES_PATH} is not map data of version ${VENUE_FILE_VERSION} (it says ${String(f?.v)}). ${rebuild}`;
  if (f.m !== undefined)
    return `Member ${who(m)}: its ${VENUES_PATH} is a region's map, not a book's. A region's members are books. Fix: list that region's own member books in region.yaml instead.`;
  if (!Array.isArray(f.f) || f.f.length !== FACETS.length || !Array.isArray(f.e) || !Array.isArray(f.n))
    return `Member ${who(m)}: its ${VENUES_PATH} does not hold the tables this version reads. ${rebuild}`;
  return undefined;
}

/** The members' files merged into the region's (see the top of this file). */
export function mergeVenueFiles(
  members: readonly MemberVenueFile[],
  { vocabulary = [] }: { vocabulary?: readonly CategoryRecord[] } = {},
): MergedVenues {
  const broken = members.map(fileProblem).filter((p): p is string => p !== undefined);
  if (broken.length) return { problems: broken };
  const problems: string[] = [];

  // Bank holidays: one set for the whole map.
  const holidaysOf = (m: MemberVenueFile) => m.file.h ?? 'none';
  const first = members[0];
  for (const m of members.slice(1))
    if (holidaysOf(m) !== holidaysOf(first))
      problems.push(
        `Members ${who(first)} and ${who(m)} check next dates against different bank holidays (${holidaysOf(first)} and ${holidaysOf(m)}, in ${fileOf(first)} and ${fileOf(m)}); the region's map checks them against one. Fix: give the members the same bank_holidays in their site.yaml and build them again, or make them two regions.`,
      );

  // Neighbourhoods: one record per id; the same id for two places is a clash.
  const hoods = new Map<string, { record: NeighbourhoodRecord; member: MemberVenueFile }>();
  for (const m of members)
    for (const record of m.file.n) {
      const seen = hoods.get(record[0]);
      if (!seen) hoods.set(record[0], { record, member: m });
      else if (!sameNeighbourhood(seen.record, record))
        problems.push(
          `Members ${who(seen.member)} and ${who(m)} both have a neighbourhood "${record[0]}" in their ${VENUES_PATH} (${fileOf(seen.member)}, ${fileOf(m)}), with different names or boundaries ("${seen.record[1]}" and "${record[1]}"). In the region one id is one place on the map and in the filters, so one would hide the other. Fix: if it is one place, give both books the same neighbourhoods/${record[0]}.yaml; if it is two, give it another id in one book (e.g. ${record[0]}-${m.id}), update that book's entries and build it again.`,
        );
    }
  if (problems.length) return { problems };

  // Categories: by id, the first member's record wins.
  const categories = new Map<string, CategoryRecord>(vocabulary.map((c) => [c[0], c]));
  for (const m of members) for (const c of m.file.c) if (!categories.has(c[0])) categories.set(c[0], c);

  // Facet tables: the union of the members', but cost bands only where every member has them.
  const cost = FACETS.indexOf('cost');
  const tables = FACETS.map((_, i) => {
    if (i === cost) return first.file.f[i].filter((band) => members.every((m) => m.file.f[i].includes(band)));
    const union = new Set<string>();
    for (const m of members) for (const v of m.file.f[i]) union.add(v);
    return [...union];
  });
  const indexOf = tables.map((table) => new Map(table.map((v, j) => [v, j])));
  const bands = new Set(tables[cost]);

  // Entries: every member's, re-encoded into the region's tables, region ids, in the book order.
  const entries: { record: EntryRecord; member: number }[] = [];
  members.forEach((m, k) => {
    for (const record of m.file.e) {
      const own = decodeFacets(record[4], m.file.f);
      const indexes = own.map((list, i) =>
        list.map((j) => indexOf[i].get(m.file.f[i][j])).filter((j): j is number => j !== undefined),
      );
      const [id, name, summary, status, , schedules, venues, ...rest] = record;
      entries.push({
        record: [
          regionEntryId(m.id, id),
          name,
          summary,
          status,
          encodeFacets(indexes, tables),
          schedules,
          venues,
          ...rest,
        ],
        member: k,
      });
    }
  });
  const asBook = (e: { record: EntryRecord }) => ({ id: e.record[0], data: { name: e.record[1] } });
  entries.sort((a, b) => bookOrder(asBook(a), asBook(b)));

  const holidays = holidaysOf(first);
  return {
    problems: [],
    file: {
      v: VENUE_FILE_VERSION,
      f: tables,
      c: [...categories.values()],
      n: [...hoods.values()].map((h) => h.record),
      e: entries.map((e) => e.record),
      ...(holidays !== 'none' && { h: holidays }),
      b: first.file.b.filter((edge) => bands.has(bandId(edge))),
      m: members.map((m): MemberRecord => [m.id, m.name, m.url]),
      o: entries.map((e) => e.member),
    },
  };
}
