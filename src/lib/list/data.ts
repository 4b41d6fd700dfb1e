/**
 * What the list page needs to know about an entry, and where the browser finds it. Pure; the
 * build writes the files (src/lib/exports/book-files.ts), the list page and the "Add to my list" button
 * read them.
 *
 * Privacy: a list travels in a link's fragment so its ids never reach a server log. Fetching
 * each entry's details by id would undo that, so entries are packed into shards of about
 * `SHARD_TARGET` by a hash of their id: opening a list asks for a few shards, and the server
 * only learns that some entry among a few dozen was wanted; a list of five entries costs at most
 * five small requests.
 */
import type { EntryData, Schedule } from '../../schema/entry';
import { DELIVERY_LABELS, JOIN_LABELS, STATUS_LABELS, type Status } from '../../schema/vocab';
import { describeSchedule } from '../schedule/describe';
import { costLabel, venueAddress } from '../view/format';

export { LIST_DATA_INDEX, SHARD_TARGET, hashId, shardCount, shardOf, shardPath, shardsFor } from './shards';

/** An entry as the list page, the printout and the text versions show it. */
export interface ListEntry {
  id: string;
  name: string;
  summary: string;
  organisation?: string;
  status: Status;
  /** "Temporarily closed", "Closed"; absent when active. */
  statusLabel?: string;
  /** `YYYY-MM-DD` a temporary closure ends, when known. */
  reopens?: string;
  alert?: string;
  /** The schedules, for working out the next dates in the reader's browser. */
  schedules: Schedule[];
  /** Each schedule in plain English, with its note: "Every Tuesday, 10am to 11:30am". */
  when: string[];
  venues: { name: string; address: string }[];
  /** "Drop in", "Referral by a professional" … */
  join: string[];
  /** "In person", "By phone" … */
  delivery: string[];
  /** "Free", "£2.50 per session" … */
  cost: string;
  contacts: { name?: string; phone?: string; email?: string }[];
  website?: string;
  /** `YYYY-MM-DD` the details were last checked. */
  lastVerified: string;
  /** In a sensitive category (domestic abuse and the like): the list page then offers "Exit this page". */
  sensitive?: true;
  /**
   * In a region (src/lib/region/list.ts): the entry's page in its member book, and that book's
   * name. A book's own entries have neither: their page is `/entries/<id>/`.
   */
  url?: string;
  book?: string;
}

/**
 * The list-page view of an entry. Leaves out empty fields to keep shards small. `sensitive`: the
 * entry is in a sensitive category or under one (src/server/book.ts isSensitive).
 */
export function toListEntry(id: string, d: EntryData, { sensitive = false }: { sensitive?: boolean } = {}): ListEntry {
  const e: ListEntry = {
    id,
    name: d.name,
    summary: d.summary,
    status: d.status,
    schedules: d.schedules,
    when: d.schedules.map((s) => (s.note ? `${describeSchedule(s)} – ${s.note}` : describeSchedule(s))),
    venues: d.venues.map((v) => ({ name: v.name, address: venueAddress(v) })),
    join: d.join.map((j) => JOIN_LABELS[j]),
    delivery: d.delivery.map((m) => DELIVERY_LABELS[m]),
    cost: costLabel(d.cost),
    contacts: d.contacts.map((c) => ({
      ...(c.name && { name: c.name }),
      ...(c.phone && { phone: c.phone }),
      ...(c.email && { email: c.email }),
    })),
    lastVerified: d.last_verified,
  };
  if (d.organisation) e.organisation = d.organisation;
  if (d.status !== 'active') e.statusLabel = STATUS_LABELS[d.status];
  if (d.alert) e.alert = d.alert;
  if (d.reopens) e.reopens = d.reopens;
  if (d.website) e.website = d.website;
  if (sensitive) e.sensitive = true;
  return e;
}
