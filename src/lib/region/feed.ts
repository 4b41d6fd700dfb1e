/**
 * The region's Open Referral feed: the union of its members' feeds, laid out exactly as a single
 * book's feed (src/lib/exports/openreferral.ts), with every id unchanged. Pure: the script reads
 * the members' list documents and record names and writes what this gives.
 *
 *  - `GET /services`, `GET /service_at_locations`: every member's items, member by member, in
 *    each member's own order;
 *  - `GET /services/{id}`, `GET /service_at_locations/{id}` (and the first feed's
 *    `services/<id>.json`): the member's own record files, copied byte for byte;
 *  - `GET /taxonomies`, `GET /taxonomy_terms` and their records: each taxonomy and term once. A
 *    member's own categories are in its own namespace, so they stay apart; the LGA lists, which no
 *    book owns, have the same ids in every member and are held once (src/lib/exports/taxonomies.ts);
 *  - `GET /`: the region's own details (its site.yaml).
 *
 * Ids are namespaced by each member's address (src/lib/exports/uuid.ts), so two members never share
 * a service id unless they are the same book listed twice: that fails the build, never a silent
 * overwrite.
 */
import type { OutputFile } from '../exports/entry-files';
import {
  FEED_DIR,
  apiDetails,
  feedText,
  listPath,
  onePage,
  recordPath,
  type ListEndpoint,
} from '../exports/openreferral';
import { taxonomyDocument } from '../exports/taxonomies';
import { bookIdentity } from '../exports/uuid';

type Json = Record<string, unknown>;

/** A member's feed as the region build reads it from `members/<id>/openreferral/`. */
export interface MemberFeed {
  /** The member's id in region.yaml. */
  id: string;
  /** The parsed list documents (`GET /services`…), by endpoint. */
  lists: Record<ListEndpoint, unknown>;
  /** The names of the record files of `services/` and `service_at_locations/` (ids, and `<id>.json`). */
  records: Record<'services' | 'service_at_locations', string[]>;
}

/** The endpoints whose records the region copies from its members. */
export const COPIED_RECORDS = ['services', 'service_at_locations'] as const;

/** True for a record file's name in a list endpoint's folder (not the list itself, `index.html`). */
export function isRecordName(name: string): boolean {
  return name !== 'index.html' && !name.startsWith('.');
}

/** The items of a list document (`contents`), or a problem when it is not one. */
export function listItems(doc: unknown, memberId: string, endpoint: ListEndpoint): Json[] {
  const contents = (doc as Json | null)?.contents;
  if (!Array.isArray(contents) || contents.some((x) => !x || typeof x !== 'object' || typeof x.id !== 'string'))
    throw new Error(
      `Member "${memberId}": its ${listPath(endpoint)} is not an Open Referral list (no contents with ids). Fix: build the member book again with this version of Community Book.`,
    );
  return contents as Json[];
}

/**
 * Every id that two members both publish as a service or service-at-location record, as messages
 * naming the id and both members. With ids namespaced by each book's address this only happens
 * when one book is listed twice (under two addresses or two ids).
 */
export function duplicateRecordProblems(members: readonly MemberFeed[]): string[] {
  const problems: string[] = [];
  for (const endpoint of COPIED_RECORDS) {
    const owner = new Map<string, string>();
    const clashes = new Map<string, { first: string; second: string; ids: string[] }>();
    for (const m of members)
      for (const name of m.records[endpoint]) {
        if (!isRecordName(name) || name.endsWith('.json')) continue; // .json: the first feed's copy of a record
        const first = owner.get(name);
        if (first === undefined) owner.set(name, m.id);
        else {
          const key = `${first} ${m.id}`;
          const clash = clashes.get(key) ?? { first, second: m.id, ids: [] };
          clash.ids.push(name);
          clashes.set(key, clash);
        }
      }
    for (const c of clashes.values())
      problems.push(
        `Members "${c.first}" and "${c.second}" publish the same ${endpoint === 'services' ? 'service' : 'service-at-location'} ids (${c.ids.length}, e.g. ${c.ids[0]}): ids are made from each book's own address, so these are the same book listed twice. Fix: remove one of them from region.yaml, or, if they really are two books, give each its own url in its site.yaml and build it again.`,
      );
  }
  return problems;
}

/**
 * Why a member's feed does not belong to the address region.yaml gives it, or undefined when it
 * does: the feed's `GET /` names the address its book was built for (site.yaml `url`), which its
 * ids are made from and its links point to.
 */
export function memberAddressProblem(member: { id: string; url: string }, index: unknown): string | undefined {
  const website = ((index as Json | null)?.publisher as Json | undefined)?.website;
  let built: string | undefined;
  try {
    built = typeof website === 'string' ? bookIdentity(website) : undefined;
  } catch {
    built = undefined;
  }
  if (built === undefined)
    return `Member "${member.id}": its ${listPath()} does not say which address it was built for. Fix: build the member book again with this version of Community Book.`;
  if (built === bookIdentity(member.url)) return undefined;
  return `Member "${member.id}": region.yaml gives its address as ${member.url}, but its feed was built for ${String(website)} (its site.yaml url). Fix: correct url: in region.yaml, or, if the book has moved, build it again with its new url.`;
}

/** Each item once, by id, in the order first met: for what members share (the LGA lists). */
function once(items: Json[]): Json[] {
  const seen = new Map<string, Json>();
  for (const item of items) if (!seen.has(item.id as string)) seen.set(item.id as string, item);
  return [...seen.values()];
}

/** The region as `GET /` describes it: its site.yaml. */
export type RegionPublisher = Parameters<typeof apiDetails>[0]['site'];

/**
 * The union feed's files made from the lists (`GET /`, the four lists, the taxonomies' and terms'
 * records), and the record files to copy from each member (paths inside the feed folder). Throws
 * when two members publish the same record id (`duplicateRecordProblems`).
 */
export function unionFeed(
  members: readonly MemberFeed[],
  site: RegionPublisher,
): { files: OutputFile[]; copies: { memberId: string; path: string }[] } {
  const problems = duplicateRecordProblems(members);
  if (problems.length) throw new Error(problems.join('\n'));
  const items = (endpoint: ListEndpoint) => members.flatMap((m) => listItems(m.lists[endpoint], m.id, endpoint));
  const [services, links] = [items('services'), items('service_at_locations')];
  const taxonomies = once(items('taxonomies'));
  const terms = once(items('taxonomy_terms'));
  const index = feedText(apiDetails({ site }));
  const servicesText = feedText(onePage(services));
  const files: OutputFile[] = [
    { path: listPath(), body: index },
    { path: `${FEED_DIR}/index.json`, body: index },
    { path: listPath('services'), body: servicesText },
    { path: `${FEED_DIR}/services.json`, body: servicesText },
    { path: listPath('service_at_locations'), body: feedText(onePage(links)) },
    { path: listPath('taxonomies'), body: feedText(onePage(taxonomies)) },
    ...taxonomies.map((t) => ({
      path: recordPath('taxonomies', t.id as string),
      body: feedText(taxonomyDocument(t, terms)),
    })),
    { path: listPath('taxonomy_terms'), body: feedText(onePage(terms)) },
    ...terms.map((t) => ({ path: recordPath('taxonomy_terms', t.id as string), body: feedText(t) })),
  ];
  const copies = members.flatMap((m) =>
    COPIED_RECORDS.flatMap((endpoint) =>
      m.records[endpoint]
        .filter(isRecordName)
        .map((name) => ({ memberId: m.id, path: `${FEED_DIR}/${endpoint}/${name}` })),
    ),
  );
  return { files, copies };
}
