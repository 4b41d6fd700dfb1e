/**
 * An entry as a volunteer types it (a "draft": text boxes, ticks and choices, all as strings) and
 * its conversion into the schema's input shape, then into the entry file. Shared by the
 * contribute form in the browser and `npm run new-entry`, so both write the same files.
 *
 * The conversion does not judge: a number box holding "abc" stays the text "abc", so the schema
 * (run on the written file by validateEntryText) gives the same message a hand-written file would
 * get. Empty boxes are left out; values equal to the schema's defaults (status active, delivery
 * in person, English) are left out too, to keep files short.
 *
 * Pure, no zod: only vocabularies and the file writer.
 */
import { BOROUGH_WIDE, DAYS, ORDINALS, type Day, type Ordinal, type Status } from '../../schema/vocab';
import type { EntryInput } from '../../schema/entry';
import { serialiseEntry } from './entry-file';
import { entryIdFromName } from './entry-id';
import { entryPath } from './github-urls';
import { tidyPostcode, tidyWebsite } from './tidy';

export type ScheduleKind = 'weekly' | 'every' | 'monthly' | 'dates';

export interface VenueDraft {
  name: string;
  address: string;
  town: string;
  postcode: string;
  lat: string;
  lng: string;
}

export interface ScheduleDraft {
  /** Every week, every N weeks, on days of the month, or on set dates. */
  kind: ScheduleKind;
  /** Days of the week (weekly, every, monthly). */
  days: Day[];
  /** With `every`: the N in "every N weeks". */
  every: string;
  /** With `monthly`: which weeks of the month (`1st`… `5th`, `last`); combined with `days`. */
  weeks: Ordinal[];
  /** With `dates`: dates as written, separated by commas, spaces or new lines. */
  dates: string;
  start: string;
  end: string;
  from: string;
  until: string;
  note: string;
}

export interface ContactDraft {
  name: string;
  phone: string;
  email: string;
}

export interface AmountDraft {
  amount: string;
  description: string;
}

export interface EntryDraft {
  /** The id; empty means "from the name". */
  id: string;
  name: string;
  summary: string;
  organisation: string;
  categories: string[];
  neighbourhoods: string[];
  status: Status;
  alert: string;
  join: string[];
  delivery: string[];
  minAge: string;
  maxAge: string;
  audience: string[];
  eligibility: string;
  /** Free, pay what you can (amounts, if any, suggested), costs something (the amounts), or not given. */
  cost: 'free' | 'pwyc' | 'paid' | 'unknown';
  amounts: AmountDraft[];
  costNote: string;
  accessibility: string[];
  languages: string[];
  venues: VenueDraft[];
  schedules: ScheduleDraft[];
  contacts: ContactDraft[];
  website: string;
  /** The Markdown body. */
  description: string;
  lastVerified: string;
  verifiedBy: string;
}

export const emptyVenue = (): VenueDraft => ({ name: '', address: '', town: '', postcode: '', lat: '', lng: '' });
export const emptySchedule = (): ScheduleDraft => ({
  kind: 'weekly',
  days: [],
  every: '2',
  weeks: [],
  dates: '',
  start: '',
  end: '',
  from: '',
  until: '',
  note: '',
});
export const emptyContact = (): ContactDraft => ({ name: '', phone: '', email: '' });
export const emptyAmount = (): AmountDraft => ({ amount: '', description: '' });

/** A blank draft: in person, English, checked today, one empty venue, schedule and contact. */
export function emptyDraft(today: string): EntryDraft {
  return {
    id: '',
    name: '',
    summary: '',
    organisation: '',
    categories: [],
    neighbourhoods: [],
    status: 'active',
    alert: '',
    join: [],
    delivery: ['in-person'],
    minAge: '',
    maxAge: '',
    audience: [],
    eligibility: '',
    cost: 'unknown',
    amounts: [emptyAmount()],
    costNote: '',
    accessibility: [],
    languages: ['en'],
    venues: [emptyVenue()],
    schedules: [emptySchedule()],
    contacts: [emptyContact()],
    website: '',
    description: '',
    lastVerified: today,
    verifiedBy: '',
  };
}

/** The id the file will get: the one typed, else one made from the name. */
export function draftId(d: Pick<EntryDraft, 'id' | 'name'>): string {
  return d.id.trim() || entryIdFromName(d.name);
}

/** Text with surrounding space removed; undefined when nothing is left. */
function text(value: string | undefined): string | undefined {
  const t = (value ?? '').trim();
  return t === '' ? undefined : t;
}

/** A number when the text is one (`2.50`, `-2.63`, `£3`), else the text itself, else undefined. */
function num(value: string | undefined, { money = false } = {}): number | string | undefined {
  let t = text(value);
  if (t === undefined) return undefined;
  if (money) t = t.replace(/^£\s*/, '');
  if (/^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(t)) {
    const n = Number(t);
    if (Number.isFinite(n)) return n;
  }
  return t;
}

/** "2026-12-12, 2026-12-19" or one date a line → the dates as written. */
export function splitDates(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * "53.5423, -2.5772" (as maps copy a point) → both numbers, or undefined when the text is not a
 * pair. Lets the form fill latitude and longitude from one paste.
 */
export function splitLatLng(value: string): { lat: string; lng: string } | undefined {
  const m = /^\s*\(?\s*([-+]?\d{1,2}(?:\.\d+)?)\s*[,\s]\s*([-+]?\d{1,3}(?:\.\d+)?)\s*\)?\s*$/.exec(value);
  if (!m) return undefined;
  return { lat: m[1], lng: m[2] };
}

const ORDINAL_ORDER = Object.keys(ORDINALS) as Ordinal[];

function sortedDays(days: readonly Day[]): Day[] {
  return DAYS.filter((d) => days.includes(d));
}

/** One schedule draft → the schema's input; undefined when nothing was filled in at all. */
export function scheduleInput(s: ScheduleDraft): Record<string, unknown> | undefined {
  const times = { start: text(s.start), end: text(s.end) };
  const rest = { from: text(s.from), until: text(s.until), note: text(s.note) };
  let rule: Record<string, unknown> = {};
  if (s.kind === 'weekly' || s.kind === 'every') {
    if (s.days.length) rule.weekly = sortedDays(s.days);
    if (s.kind === 'every') {
      const every = num(s.every);
      if (every !== undefined && every !== 1) rule.every = every;
    }
  } else if (s.kind === 'monthly') {
    const rules: string[] = [];
    for (const w of ORDINAL_ORDER) if (s.weeks.includes(w)) for (const d of sortedDays(s.days)) rules.push(`${w} ${d}`);
    if (rules.length) rule.monthly = rules;
  } else {
    const dates = splitDates(s.dates);
    if (dates.length) rule.dates = dates;
  }
  const out = { ...rule, ...times, ...rest };
  const filled = Object.values(out).some((v) => v !== undefined);
  if (!filled) return undefined;
  // Something was filled in but no days: say which rule was meant, so the message asks for days.
  if (!rule.weekly && !rule.monthly && !rule.dates) {
    if (s.kind === 'dates') rule = { dates: [] };
    else if (s.kind === 'monthly') rule = { monthly: [] };
    else rule = { weekly: [] };
    return { ...rule, ...times, ...rest };
  }
  return out;
}

function drop<T extends Record<string, unknown>>(o: T): T | undefined {
  const entries = Object.entries(o).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}

/** The draft as the schema's input (before defaults), ready for `serialiseEntry`. */
export function draftToInput(d: EntryDraft): EntryInput {
  const venues = d.venues
    .map((v) =>
      drop({
        name: text(v.name),
        address: text(v.address),
        town: text(v.town),
        postcode: text(tidyPostcode(v.postcode)),
        lat: num(v.lat),
        lng: num(v.lng),
      }),
    )
    .filter((v) => v !== undefined);
  const schedules = d.schedules.map(scheduleInput).filter((s) => s !== undefined);
  const contacts = d.contacts
    .map((c) => drop({ name: text(c.name), phone: text(c.phone), email: text(c.email) }))
    .filter((c) => c !== undefined);
  let cost: Record<string, unknown> | undefined;
  if (d.cost === 'free') cost = { free: true, note: text(d.costNote) };
  else if (d.cost === 'paid' || d.cost === 'pwyc') {
    const amounts = d.amounts
      .map((a) => drop({ amount: num(a.amount, { money: true }), description: text(a.description) }))
      .filter((a) => a !== undefined);
    cost = {
      ...(d.cost === 'pwyc' && { pay_what_you_can: true }),
      amounts: amounts.length ? amounts : undefined,
      note: text(d.costNote),
    };
  } else if (text(d.costNote)) cost = { note: text(d.costNote) };
  const sameAs = (list: string[], only: string) => list.length === 1 && list[0] === only;
  const input: Record<string, unknown> = {
    name: text(d.name),
    summary: text(d.summary),
    organisation: text(d.organisation),
    categories: [...d.categories],
    neighbourhoods: [...d.neighbourhoods],
    status: d.status === 'active' ? undefined : d.status,
    alert: text(d.alert),
    join: [...d.join],
    delivery: sameAs(d.delivery, 'in-person') ? undefined : [...d.delivery],
    min_age: num(d.minAge),
    max_age: num(d.maxAge),
    audience: [...d.audience],
    eligibility: text(d.eligibility),
    cost,
    accessibility: [...d.accessibility],
    languages: sameAs(d.languages, 'en') ? undefined : [...d.languages],
    venues,
    schedules,
    contacts,
    website: text(tidyWebsite(d.website)),
    last_verified: text(d.lastVerified),
    verified_by: text(d.verifiedBy),
  };
  return input as unknown as EntryInput;
}

/** The file a draft becomes: its id, path in the repository and text. */
export function draftToFile(d: EntryDraft): { id: string; path: string; text: string } {
  const id = draftId(d);
  return { id, path: entryPath(id || 'group-name'), text: serialiseEntry(draftToInput(d), d.description) };
}

/** The draft with its postcodes and web address tidied (src/lib/authoring/tidy.ts); the same object when nothing changes. */
export function tidyDraft(d: EntryDraft): EntryDraft {
  const website = tidyWebsite(d.website);
  const venues = d.venues.map((v) => {
    const postcode = v.postcode.trim() ? tidyPostcode(v.postcode) : v.postcode;
    return postcode === v.postcode ? v : { ...v, postcode };
  });
  const venuesChanged = venues.some((v, i) => v !== d.venues[i]);
  if (website === d.website && !venuesChanged) return d;
  return { ...d, website, venues: venuesChanged ? venues : d.venues };
}

/**
 * The draft with neighbourhood `id` ticked (a point picked on the form's map falls in it); the
 * same object when it is ticked already or the whole area is.
 */
export function withNeighbourhood(d: EntryDraft, id: string): EntryDraft {
  if (d.neighbourhoods.includes(id) || d.neighbourhoods.includes(BOROUGH_WIDE)) return d;
  return { ...d, neighbourhoods: [...d.neighbourhoods, id] };
}
