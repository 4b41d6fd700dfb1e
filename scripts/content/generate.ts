/**
 * `npm run generate -- --count N --out DIR [--seed S] [--sample] [--reference YYYY-MM-DD]`:
 * writes a deterministic synthetic book (the sample borough, Wigan) for demos and benchmarks.
 *
 * Copies site.yaml, categories.yaml, vocabulary.yaml (if any) and neighbourhoods/ from content/ into DIR (unless DIR is
 * content/ itself), recreates DIR/entries/ and writes N entries there, each through
 * `serialiseEntry`. Every file is parsed back as Astro does (js-yaml) and checked against the
 * entry schema before anything is written; the script stops naming the first bad entry.
 *
 * The same arguments always give the same files: randomness comes from a seeded PRNG
 * (mulberry32) and dates are counted from `--reference` (default 2026-11-01), never from today.
 *
 * `--sample` tunes the mix for the committed sample book and guarantees coverage: every category
 * (twice), schedule kind, join route, delivery mode, neighbourhood, accessibility feature and
 * audience tag, plus closed, stale, remote, multi-venue and other-language entries.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { serialiseEntry } from '../../src/lib/authoring/entry-file';
import { entryIdFromName } from '../../src/lib/authoring/entry-id';
import { readFrontMatter } from '../../src/lib/content/front-matter';
import { distanceToEdge, pointInPolygon } from '../../src/lib/map/geometry';
import { loadContext, loadNeighbourhoods as readNeighbourhoods } from '../../src/server/content-files';
import { ACCESSIBILITY, AUDIENCES, BOROUGH_WIDE, DAYS, DELIVERY_MODES, JOIN_ROUTES, checkBody, makeEntrySchema, type Accessibility, type Day, type EntryInput, type Language, type SchemaContext } from '../../src/schema';
import {
  ACTIVITIES,
  FIRST_NAMES,
  FREE_MAIL_DOMAINS,
  NEIGHBOURHOOD_PLACES,
  NEIGHBOURHOOD_VERIFIER,
  ORGANISATIONS,
  SCHEDULE_KINDS,
  TOWNS,
  VENUES,
  VERIFIERS,
  type Activity,
  type ScheduleKind,
  type VenueSeed,
  type Weighted,
} from './generate-data';

export const DEFAULT_REFERENCE = '2026-11-01';
export const DEFAULT_SEED = 1;

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny, fast, seeded PRNG giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, for seeds derived from names. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: Weighted<T>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
  /** A few distinct items, in their original order. */
  some<T>(items: readonly T[], min: number, max: number): T[] {
    const n = Math.min(items.length, this.int(min, max));
    const chosen = new Set(this.shuffle(items).slice(0, n));
    return items.filter((i) => chosen.has(i));
  }
}

// ---------------------------------------------------------------------------------------------
// Geometry

/** A neighbourhood as the generator needs it: name, centre and GeoJSON boundary rings (`[lng, lat]`). */
export interface NeighbourhoodGeo {
  name: string;
  centre: [number, number];
  boundary: { coordinates: [number, number][][] };
}

/** Neighbourhoods that share a boundary vertex. */
function adjacency(neighbourhoods: Record<string, NeighbourhoodGeo>): Map<string, string[]> {
  const ids = Object.keys(neighbourhoods).sort();
  const key = (p: [number, number]) => `${p[0]},${p[1]}`;
  const vertices = new Map(ids.map((id) => [id, new Set(neighbourhoods[id].boundary.coordinates.flat().map(key))]));
  return new Map(
    ids.map((id) => [id, ids.filter((o) => o !== id && [...vertices.get(o)!].some((v) => vertices.get(id)!.has(v)))]),
  );
}

export interface PlacedVenue extends VenueSeed {
  neighbourhood: string;
  lat: number;
  lng: number;
}

const round4 = (n: number) => Math.round(n * 1e4) / 1e4;

/**
 * Gives each venue a point near its town's anchor, strictly inside its neighbourhood's boundary
 * (at least ~50 m from the edge) and inside the site bounds. Seeded by the venue's name, so a
 * venue sits in the same place in every book.
 */
export function placeVenues(
  neighbourhoods: Record<string, NeighbourhoodGeo>,
  bounds: SchemaContext['bounds'],
): PlacedVenue[] {
  const [[south, west], [north, east]] = bounds;
  const out: PlacedVenue[] = [];
  for (const v of VENUES) {
    const town = TOWNS[v.town];
    const hood = neighbourhoods[town.neighbourhood];
    if (!hood) continue;
    const rings = hood.boundary.coordinates;
    const rng = new Rng(hash(v.name));
    let placed: PlacedVenue | undefined;
    for (let attempt = 0; attempt < 2000 && !placed; attempt++) {
      // Widen the search slowly, and drift towards the neighbourhood centre if the anchor is near an edge.
      const spread = 1 + attempt / 200;
      const pull = Math.min(1, attempt / 1000);
      const baseLat = town.anchor[0] + (hood.centre[0] - town.anchor[0]) * pull;
      const baseLng = town.anchor[1] + (hood.centre[1] - town.anchor[1]) * pull;
      const lat = round4(baseLat + (rng.next() - 0.5) * 0.008 * spread);
      const lng = round4(baseLng + (rng.next() - 0.5) * 0.012 * spread);
      if (lat <= south || lat >= north || lng <= west || lng >= east) continue;
      if (!pointInPolygon(lng, lat, rings) || distanceToEdge(lng, lat, rings) < 0.0005) continue;
      placed = { ...v, neighbourhood: town.neighbourhood, lat, lng };
    }
    if (!placed)
      throw new Error(`Could not place the venue "${v.name}" inside ${town.neighbourhood}; check its town anchor.`);
    out.push(placed);
  }
  if (out.length === 0) throw new Error("None of the generator's venues belongs to a neighbourhood of this book.");
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86400000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
/** Monday = 0 … Sunday = 6. */
const weekdayOf = (ms: number) => (new Date(ms).getUTCDay() + 6) % 7;

/** The last `day` on or before `ms`. */
function onOrBefore(ms: number, day: Day): number {
  const diff = (weekdayOf(ms) - DAYS.indexOf(day) + 7) % 7;
  return ms - diff * DAY_MS;
}

/** The first `day` on or after `ms`. */
function onOrAfter(ms: number, day: Day): number {
  const diff = (DAYS.indexOf(day) - weekdayOf(ms) + 7) % 7;
  return ms + diff * DAY_MS;
}

/** The school year around the reference date: first Monday on or after 1 September to about 20 July. */
function schoolYear(refMs: number): { from: string; until: string } {
  const d = new Date(refMs);
  const year = d.getUTCMonth() >= 7 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  const from = onOrAfter(Date.UTC(year, 8, 2), 'mon');
  const until = onOrBefore(Date.UTC(year + 1, 6, 22), 'fri');
  return { from: isoOf(from), until: isoOf(until) };
}

/** The winter season around the reference date: 1 November to 31 March. */
function winter(refMs: number): { from: string; until: string } {
  const d = new Date(refMs);
  const year = d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return { from: `${year}-11-01`, until: `${year + 1}-03-31` };
}

// ---------------------------------------------------------------------------------------------
// Text helpers


const SHORT_TOWN: Record<string, string> = { 'Ashton-in-Makerfield': 'Ashton' };
const SCHEDULE_NOTES = [
  'Not on bank holidays',
  'Please arrive ten minutes early',
  'Closed in August',
  'Except over Christmas and New Year',
];
const TEMP_ALERTS = [
  'Closed until further notice while the hall is repaired. Phone for updates.',
  'No sessions over Christmas; back in the new year.',
  'Taking a break while we look for a new venue.',
  'Paused for the winter. We plan to restart in the spring.',
  'Closed while our volunteers are trained. Back soon.',
];
const CLOSED_ALERTS = [
  'This group has closed. Thank you to everyone who came along over the years.',
  'This service has ended. Ask the library about similar groups nearby.',
];
const INFO_ALERTS = [
  'New venue from January: see the address below.',
  'Booking is now open for the next course.',
  'Times have changed: please check before you come.',
];
const OTHER_LANGUAGES: Language[][] = [
  ['en', 'pl'],
  ['ur', 'en'],
  ['en', 'pa'],
  ['en', 'bn'],
  ['en', 'zh'],
  ['en', 'lt'],
  ['en', 'ro'],
  ['en', 'cy'],
  ['en', 'es'],
  ['en', 'fr'],
  ['en', 'tr'],
  ['en', 'so'],
  ['en', 'ar'],
];
const GENERIC_BODY = [
  'New people are always welcome. If you are nervous about coming on your own, give us a ring and someone will meet you at the door.',
  'Run by local volunteers. We are always looking for more helpers.',
  'Tea, coffee and biscuits are on the house.',
  'If you need any adjustments to take part, let us know before you come.',
];
const TLDS = ['org', 'org', 'org', 'com', 'net'];
const SENSITIVE = new Set(['domestic-abuse', 'crisis-support', 'addiction', 'safety']);

// ---------------------------------------------------------------------------------------------
// Entries

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** Tune for the committed sample book and guarantee coverage. */
  sample?: boolean;
  /** YYYY-MM-DD; dates are placed around it. Default 2026-11-01. */
  reference?: string;
  ctx: SchemaContext;
  neighbourhoods: Record<string, NeighbourhoodGeo>;
}

export interface GeneratedEntry {
  id: string;
  input: EntryInput;
  body: string;
}

interface Tuning {
  tempClosed: number;
  closed: number;
  stale: number;
  otherLanguage: number;
  secondVenue: number;
}

const NORMAL: Tuning = { tempClosed: 0.05, closed: 0.02, stale: 0.1, otherLanguage: 0.07, secondVenue: 0.1 };
const SAMPLE: Tuning = { tempClosed: 0.035, closed: 0.02, stale: 0.1, otherLanguage: 0.07, secondVenue: 0.1 };

class EntryMaker {
  private readonly venues: PlacedVenue[];
  private readonly adjacent: Map<string, string[]>;
  private readonly hoodIds: string[];
  private readonly refMs: number;
  private readonly term: { from: string; until: string };
  private readonly season: { from: string; until: string };
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    private readonly opts: GenerateOptions,
    private readonly tuning: Tuning,
    venues: PlacedVenue[],
  ) {
    this.venues = venues;
    this.hoodIds = [...new Set(venues.map((v) => v.neighbourhood))].sort();
    this.adjacent = adjacency(opts.neighbourhoods);
    this.refMs = msOf(opts.reference ?? DEFAULT_REFERENCE);
    if (Number.isNaN(this.refMs)) throw new Error(`The reference date "${opts.reference}" is not YYYY-MM-DD.`);
    this.term = schoolYear(this.refMs);
    this.season = winter(this.refMs);
  }

  make(t: Activity): GeneratedEntry {
    const { rng, tuning } = this;
    // Delivery, venues and neighbourhoods.
    const delivery = [...rng.weighted(t.delivery)];
    const inPerson = delivery.includes('in-person');
    const venues: PlacedVenue[] = [];
    if (inPerson) {
      const kinds = t.venueKinds ?? ['centre', 'church', 'hall', 'library'];
      const fitting = this.venues.filter((v) => kinds.includes(v.kind));
      const first = rng.pick(fitting.length ? fitting : this.venues);
      venues.push(first);
      if (rng.chance(tuning.secondVenue)) {
        const more = rng.chance(0.15) ? 2 : 1;
        // Usually another venue in the same neighbourhood; sometimes anywhere in the borough.
        const near = rng.chance(0.6);
        let others = this.venues.filter(
          (v) =>
            v !== first &&
            (kinds.includes(v.kind) || v.kind === 'library') &&
            (!near || v.neighbourhood === first.neighbourhood),
        );
        if (others.length === 0) others = this.venues.filter((v) => v !== first);
        for (const v of rng.shuffle(others).slice(0, more)) venues.push(v);
      }
    }
    let neighbourhoods: string[];
    const boroughWide = rng.chance(inPerson ? 0.03 + (t.boroughWide ?? 0) * 0.2 : (t.boroughWide ?? 0.35));
    if (boroughWide) neighbourhoods = [BOROUGH_WIDE];
    else if (inPerson) {
      neighbourhoods = [...new Set(venues.map((v) => v.neighbourhood))];
      const next = this.adjacent.get(neighbourhoods[0]) ?? [];
      if (venues.length === 1 && next.length && rng.chance(0.08)) neighbourhoods.push(rng.pick(next));
    } else neighbourhoods = [rng.pick(this.hoodIds)];

    // Name and id.
    const venue = venues[0];
    const place = venue
      ? (SHORT_TOWN[venue.town] ?? venue.town)
      : neighbourhoods[0] === BOROUGH_WIDE
        ? 'Wigan Borough'
        : rng.pick(NEIGHBOURHOOD_PLACES[neighbourhoods[0]] ?? ['Wigan']);
    const organisation =
      t.orgs && rng.chance(t.orgChance ?? 0.5)
        ? rng.pick(t.orgs)
        : rng.chance(0.12)
          ? rng.pick(ORGANISATIONS)
          : undefined;
    // A few tries for a name not used yet; after that the id gets -2, -3.
    let name = '';
    let label = '';
    for (let attempt = 0; attempt < 8 && (!name || this.ids.has(entryIdFromName(name))); attempt++) {
      label = rng.pick(!inPerson && t.remoteLabels ? t.remoteLabels : t.labels);
      const style = rng.next();
      if (venue && style < 0.1) name = `${label} at ${venue.name}`;
      else if (venue && venue.kind === 'library' && style < 0.18) name = `${venue.name} ${label}`;
      else if (!venue && neighbourhoods[0] === BOROUGH_WIDE && organisation && style < 0.5)
        name = `${organisation} ${label}`;
      else if (!venue && neighbourhoods[0] === BOROUGH_WIDE && style < 0.8) name = label;
      else name = `${place} ${label}`;
    }
    const id = this.uniqueId(entryIdFromName(name));
    const placeText = neighbourhoods[0] === BOROUGH_WIDE && !venue ? 'the borough' : place;
    const summary = rng
      .pick(!inPerson && t.remoteSummaries ? t.remoteSummaries : t.summaries)
      .replace('{place}', placeText);

    // Categories: the label's own (if the book has them), the template's, sometimes one more.
    const traits = t.traits?.[label];
    const categories = [
      ...(traits?.categories ?? []).filter((c) => this.opts.ctx.categoryIds.has(c)),
      ...t.categories,
    ];
    if (t.extraCategories && rng.chance(0.35)) {
      const extra = rng.pick(t.extraCategories);
      if (!categories.includes(extra) && this.opts.ctx.categoryIds.has(extra)) categories.push(extra);
    }

    // Status.
    let status: EntryInput['status'];
    let alert: string | undefined;
    const s = rng.next();
    if (s < tuning.closed) {
      status = 'closed';
      if (rng.chance(0.7)) alert = rng.pick(CLOSED_ALERTS);
    } else if (s < tuning.closed + tuning.tempClosed) {
      status = 'temporarily-closed';
      alert = rng.pick(TEMP_ALERTS);
    } else {
      if (rng.chance(0.3)) status = 'active';
      if (rng.chance(0.03)) alert = rng.pick(INFO_ALERTS);
    }

    // Who it is for.
    const join = [...rng.weighted(t.join)];
    const audience = traits?.audience ? [...traits.audience] : t.audience ? [...rng.pick(t.audience)] : [];
    let minAge: number | undefined;
    let maxAge: number | undefined;
    if (traits?.ages) [minAge, maxAge] = traits.ages;
    else if (t.ages && rng.chance(0.75)) [minAge, maxAge] = rng.pick(t.ages);
    const eligibility = t.eligibility && rng.chance(0.4) ? rng.pick(t.eligibility) : undefined;

    // Cost.
    let cost: EntryInput['cost'];
    if (!rng.chance(0.04)) {
      // Activities that can charge do so a little more often than their template says, so that
      // about 60% of a book is free (advice, crisis and safety services are always free).
      if (!t.cost.amounts || rng.chance(t.cost.free * 0.75)) {
        cost = { free: true };
        if (rng.chance(0.08)) cost.note = rng.pick(['Donations welcome', 'Refreshments 50p', 'Optional raffle']);
      } else {
        const [amount, description] = rng.pick(t.cost.amounts);
        const amounts: { amount: number; description?: string }[] = [
          { amount, description: rng.chance(0.9) ? description : undefined },
        ];
        if (rng.chance(0.15) && amount >= 2) amounts.push({ amount: amount - 1, description: 'concessions' });
        cost = { amounts };
        if (t.cost.notes && rng.chance(0.35)) cost.note = rng.pick(t.cost.notes);
      }
    }

    // Accessibility: some of the venue's features and the activity's own.
    const features = new Set<Accessibility>();
    for (const v of venues) for (const f of v.features) if (rng.chance(0.7)) features.add(f);
    for (const f of traits?.access ?? []) features.add(f);
    for (const f of t.access ?? [])
      if (rng.chance(inPerson ? 0.3 : f === 'bsl' || f === 'large-print' ? 0.4 : 0)) features.add(f);
    const accessibility = ACCESSIBILITY.filter((a) => features.has(a));

    // Languages.
    let languages: Language[] | undefined;
    if (traits?.languages) languages = [...traits.languages];
    else if (rng.chance(t.languages ? 0.25 : tuning.otherLanguage))
      languages = [...rng.pick(t.languages ?? OTHER_LANGUAGES)];
    else if (rng.chance(0.4)) languages = ['en'];

    // Schedules.
    const kind = rng.weighted(Object.entries(t.schedule) as Weighted<ScheduleKind>);
    const schedules = kind === 'none' ? [] : [this.schedule(t, kind)];
    if (kind !== 'none' && kind !== 'dates' && rng.chance(0.06)) {
      const extra = this.schedule(t, rng.pick(['monthly-1', 'monthly-last', 'dates'] as const));
      extra.note = rng.pick(['Extra session', 'Longer session, bring a packed lunch', 'Social evening']);
      schedules.push(extra);
    }

    // Contacts and website.
    const contacts = this.contacts(t, name, place, rng.chance(0.08) ? 0 : rng.chance(0.12) ? 2 : 1);
    const tld = rng.pick(TLDS);
    const website =
      contacts.length === 0 || rng.chance(0.55)
        ? organisation && rng.chance(0.4)
          ? `https://example.${tld}/${entryIdFromName(organisation)}/${id}`
          : `https://example.${tld}/${id}`
        : undefined;

    // Checked when, by whom.
    const daysAgo = rng.chance(tuning.stale) ? rng.int(396, 912) : rng.int(0, 334);
    const lastVerified = isoOf(this.refMs - daysAgo * DAY_MS);
    const teams = VERIFIERS.filter((v) => !Object.values(NEIGHBOURHOOD_VERIFIER).includes(v));
    const verifiedBy = rng.chance(0.1)
      ? undefined
      : rng.chance(0.7)
        ? (NEIGHBOURHOOD_VERIFIER[neighbourhoods[0]] ?? rng.pick(teams))
        : rng.pick(teams);

    const input: EntryInput = {
      name,
      summary,
      organisation,
      categories,
      neighbourhoods,
      status,
      alert,
      join,
      delivery: delivery.length === 1 && inPerson && rng.chance(0.5) ? undefined : delivery,
      min_age: minAge,
      max_age: maxAge,
      audience,
      eligibility,
      cost,
      accessibility,
      languages,
      venues: venues.map((v) => ({
        name: v.name,
        address: v.address,
        town: v.town,
        postcode: v.postcode,
        lat: v.lat,
        lng: v.lng,
      })),
      schedules,
      contacts,
      website,
      last_verified: lastVerified,
      verified_by: verifiedBy,
    };
    return { id, input, body: this.body(t, input, kind) };
  }

  private uniqueId(base: string): string {
    const seen = this.ids.get(base) ?? 0;
    this.ids.set(base, seen + 1);
    if (seen === 0) return base;
    // "-2" may itself be a name's slug; keep counting until free.
    let n = seen + 1;
    while (this.ids.has(`${base}-${n}`)) n++;
    this.ids.set(`${base}-${n}`, 1);
    return `${base}-${n}`;
  }

  private days(t: Activity): Day[] {
    return (
      t.days ??
      (this.rng.chance(0.08) ? ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] : ['mon', 'tue', 'wed', 'thu', 'fri'])
    );
  }

  private schedule(t: Activity, kind: Exclude<ScheduleKind, 'none'>): NonNullable<EntryInput['schedules']>[number] {
    const { rng } = this;
    const days = this.days(t);
    const day = rng.pick(days);
    const [start, end] = rng.pick(t.times);
    const times = rng.chance(0.04) ? {} : rng.chance(0.05) ? { start } : { start, end };
    let s: NonNullable<EntryInput['schedules']>[number];
    switch (kind) {
      case 'weekly-1':
        s = { weekly: [day], ...times };
        if (t.key === 'warm-space' && rng.chance(0.6)) Object.assign(s, this.season, { note: 'Winter season only' });
        break;
      case 'weekly-2': {
        const two = days.length >= 2 ? rng.some(days, 2, 2) : [day, day === 'mon' ? 'wed' : 'mon'];
        s = { weekly: DAYS.filter((d) => two.includes(d)), ...times };
        if (t.key === 'warm-space' && rng.chance(0.6)) Object.assign(s, this.season);
        break;
      }
      case 'fortnightly':
        s = {
          weekly: [day],
          every: 2,
          from: isoOf(onOrBefore(this.refMs - rng.int(0, 6) * 7 * DAY_MS, day)),
          ...times,
        };
        break;
      case 'monthly-1':
        s = { monthly: [`${rng.pick(['1st', '2nd', '3rd', '4th'])} ${day}`], ...times };
        break;
      case 'monthly-2': {
        const pair = rng.pick([
          ['1st', '3rd'],
          ['2nd', '4th'],
        ]);
        s = { monthly: pair.map((o) => `${o} ${day}`), ...times };
        break;
      }
      case 'monthly-last':
        s = { monthly: [`last ${day}`], ...times };
        break;
      case 'dates': {
        const n = rng.int(1, 4);
        const gap = rng.pick([7, 14, 28]);
        const first = onOrAfter(this.refMs + rng.int(7, 90) * DAY_MS, day);
        // Skip Christmas Day, Boxing Day and New Year's Day.
        const dates = Array.from({ length: n }, (_, i) => isoOf(first + i * gap * DAY_MS)).filter(
          (d) => !/-(12-25|12-26|01-01)$/.test(d),
        );
        s = { dates: dates.length ? dates : [isoOf(first + 7 * DAY_MS)], ...times };
        break;
      }
      case 'term':
        s = { weekly: [day], ...times, from: this.term.from, until: this.term.until, note: 'Term time only' };
        break;
    }
    if (!s.note && rng.chance(0.15)) s.note = rng.pick(t.notes && rng.chance(0.6) ? t.notes : SCHEDULE_NOTES);
    return s;
  }

  private contacts(t: Activity, name: string, place: string, count: number): NonNullable<EntryInput['contacts']> {
    const { rng } = this;
    const out: NonNullable<EntryInput['contacts']> = [];
    for (let i = 0; i < count; i++) {
      const role = i === 0 ? rng.pick(t.roles) : rng.pick(['Bookings', 'Volunteer coordinator', 'Office']);
      const contact: { name?: string; phone?: string; email?: string } = {};
      if (rng.chance(0.9)) contact.name = rng.chance(0.15) ? `${rng.pick(FIRST_NAMES)} (${role.toLowerCase()})` : role;
      const wantPhone = rng.chance(0.75);
      const wantEmail = !wantPhone || rng.chance(0.6);
      // Sensitive services never give a personal mobile or a free-mail address.
      const sensitive = t.categories.some((c) => SENSITIVE.has(c));
      if (wantPhone) {
        contact.phone =
          !sensitive && rng.chance(0.06)
            ? `07700 900${String(rng.int(0, 999)).padStart(3, '0')}`
            : `01942 ${String(rng.int(200000, 999999))}`;
      }
      if (wantEmail) {
        if (!sensitive && rng.chance(0.04)) {
          contact.email = `${entryIdFromName(place).replace(/-/g, '')}${entryIdFromName(t.labels[0]).replace(/-/g, '').slice(0, 12)}${rng.int(1, 99)}@${rng.pick(FREE_MAIL_DOMAINS)}`;
        } else {
          const local = rng.pick([
            'hello',
            'info',
            'bookings',
            'enquiries',
            entryIdFromName(name).slice(0, 40).replace(/-+$/, ''),
          ]);
          contact.email = `${local}@example.${rng.pick(TLDS)}`;
        }
      }
      out.push(contact);
    }
    return out;
  }

  private body(t: Activity, e: EntryInput, kind: ScheduleKind): string {
    const { rng } = this;
    const paragraphs = rng.shuffle(t.body).slice(0, rng.int(1, 2));
    if (kind === 'none')
      paragraphs.push(
        rng.pick([
          'There are no set sessions: get in touch and we will arrange a time that suits you.',
          'Support is by appointment. Call or email to arrange a time.',
        ]),
      );
    else if (paragraphs.length < 3 && rng.chance(0.25)) paragraphs.push(rng.pick(GENERIC_BODY));
    if (e.status === 'temporarily-closed')
      paragraphs.unshift('We are not meeting at the moment. Please get in touch before you travel.');
    const parts = paragraphs.slice(0, 3);
    if (t.bullets && rng.chance(0.3))
      parts.splice(
        1,
        0,
        rng
          .some(t.bullets, 2, 3)
          .map((b) => `- ${b}`)
          .join('\n'),
      );
    if (e.website && rng.chance(0.3))
      parts.push(
        rng.pick([
          `See [our website](${e.website}) for more details.`,
          `Find the latest news on [our website](${e.website}).`,
        ]),
      );
    return parts.join('\n\n');
  }
}

/** Entries as data (input objects and bodies), before serialising. */
export function generateEntries(opts: GenerateOptions): GeneratedEntry[] {
  const seed = (opts.seed ?? DEFAULT_SEED) >>> 0;
  const venues = placeVenues(opts.neighbourhoods, opts.ctx.bounds);
  const activities = ACTIVITIES.filter((a) => a.categories.every((c) => opts.ctx.categoryIds.has(c)));
  if (!opts.sample) return generateOnce(seed, opts, NORMAL, venues, activities);
  // Sample mode: try seeds in a fixed order until the book covers everything.
  let missing: string[] = [];
  for (let attempt = 0; attempt < 500; attempt++) {
    const entries = generateOnce((seed + Math.imul(attempt, 0x9e3779b9)) >>> 0, opts, SAMPLE, venues, activities);
    missing = sampleCoverage(
      entries.map((e) => e.input),
      opts.ctx,
      opts.reference,
    ).missing;
    if (missing.length === 0) return entries;
  }
  throw new Error(
    `A sample book of ${opts.count} entries could not cover everything (missing: ${missing.join('; ')}). Use a larger --count.`,
  );
}

function generateOnce(
  seed: number,
  opts: GenerateOptions,
  tuning: Tuning,
  venues: PlacedVenue[],
  activities: Activity[],
): GeneratedEntry[] {
  const rng = new Rng(seed);
  const maker = new EntryMaker(rng, opts, tuning, venues);
  const entries: GeneratedEntry[] = [];
  const weights: Weighted<Activity> = activities.map((a) => [a, a.weight ?? 1]);
  // In sample mode every activity comes round in turn (shuffled each round), so all appear.
  let round: Activity[] = [];
  for (let i = 0; i < opts.count; i++) {
    let t: Activity;
    if (opts.sample) {
      if (round.length === 0) round = rng.shuffle(activities);
      t = round.pop()!;
    } else t = rng.weighted(weights);
    entries.push(maker.make(t));
  }
  return entries;
}

/** The book's files: `{ id, text }` per entry, text as written to `entries/<id>.md`. */
export function generateBook(opts: GenerateOptions): { id: string; text: string }[] {
  return generateEntries(opts).map((e) => ({ id: e.id, text: serialiseEntry(e.input, e.body) }));
}

// ---------------------------------------------------------------------------------------------
// Coverage

/** The schedule shapes an entry uses, named as in SCHEDULE_KINDS, plus `note`. */
export function scheduleKinds(e: EntryInput): Set<string> {
  const kinds = new Set<string>();
  const schedules = e.schedules ?? [];
  if (schedules.length === 0) kinds.add('none');
  for (const s of schedules) {
    if (s.note) kinds.add('note');
    if (s.dates) kinds.add('dates');
    if (s.monthly) {
      const rules = s.monthly.map(String);
      if (rules.some((r) => r.startsWith('last'))) kinds.add('monthly-last');
      kinds.add(rules.length > 1 ? 'monthly-2' : 'monthly-1');
    }
    if (s.weekly) {
      if ((s.every ?? 1) > 1) kinds.add('fortnightly');
      else if (s.from && s.until) kinds.add('term');
      else kinds.add(s.weekly.length > 1 ? 'weekly-2' : 'weekly-1');
    }
  }
  return kinds;
}

export interface Coverage {
  missing: string[];
  counts: Record<string, number>;
}

/** What `--sample` guarantees, and the numbers behind it. */
export function sampleCoverage(entries: EntryInput[], ctx: SchemaContext, reference = DEFAULT_REFERENCE): Coverage {
  const tally = (values: Iterable<string>) => {
    const m = new Map<string, number>();
    for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
    return m;
  };
  const categories = tally(entries.flatMap((e) => e.categories));
  const hoods = tally(entries.flatMap((e) => e.neighbourhoods));
  const kinds = tally(entries.flatMap((e) => [...scheduleKinds(e)]));
  const joins = tally(entries.flatMap((e) => e.join));
  const delivery = tally(entries.flatMap((e) => e.delivery ?? ['in-person']));
  const access = tally(entries.flatMap((e) => e.accessibility ?? []));
  const audience = tally(entries.flatMap((e) => e.audience ?? []));
  const yearBefore = isoOf(msOf(reference) - 365 * DAY_MS);
  const counts: Record<string, number> = {
    entries: entries.length,
    'temporarily-closed': entries.filter((e) => e.status === 'temporarily-closed').length,
    closed: entries.filter((e) => e.status === 'closed').length,
    'verified over a year ago': entries.filter((e) => String(e.last_verified) < yearBefore).length,
    'online or phone only': entries.filter(
      (e) => (e.venues ?? []).length === 0 && (e.delivery ?? []).every((d) => d === 'online' || d === 'phone'),
    ).length,
    'no venue': entries.filter((e) => (e.venues ?? []).length === 0).length,
    'several venues': entries.filter((e) => (e.venues ?? []).length > 1).length,
    'other languages': entries.filter((e) => (e.languages ?? ['en']).some((l) => l !== 'en')).length,
    'borough-wide': hoods.get(BOROUGH_WIDE) ?? 0,
    free: entries.filter((e) => e.cost?.free).length,
    'mobile numbers': entries.filter((e) => (e.contacts ?? []).some((c) => String(c.phone ?? '').startsWith('07')))
      .length,
    'repeated names': entries.length - new Set(entries.map((e) => e.name)).size,
    'free-mail addresses': entries.filter((e) =>
      (e.contacts ?? []).some((c) => FREE_MAIL_DOMAINS.some((d) => String(c.email ?? '').endsWith(`@${d}`))),
    ).length,
  };
  const missing: string[] = [];
  const need = (label: string, have: number, want: number) => {
    if (have < want) missing.push(`${label} (${have} < ${want})`);
  };
  for (const id of ctx.categoryIds) need(`category ${id}`, categories.get(id) ?? 0, 2);
  for (const id of [...ctx.neighbourhoodIds, BOROUGH_WIDE]) need(`neighbourhood ${id}`, hoods.get(id) ?? 0, 1);
  for (const k of [...SCHEDULE_KINDS, 'note']) need(`schedule ${k}`, kinds.get(k) ?? 0, 1);
  for (const j of JOIN_ROUTES) need(`join ${j}`, joins.get(j) ?? 0, 1);
  for (const d of DELIVERY_MODES) need(`delivery ${d}`, delivery.get(d) ?? 0, 1);
  for (const a of ACCESSIBILITY) need(`accessibility ${a}`, access.get(a) ?? 0, 1);
  for (const a of AUDIENCES) need(`audience ${a}`, audience.get(a) ?? 0, 1);
  need('temporarily closed', counts['temporarily-closed'], 3);
  need('closed', counts.closed, 2);
  need('verified over a year ago', counts['verified over a year ago'], 10);
  need('online or phone only', counts['online or phone only'], 6);
  need('several venues', counts['several venues'], 6);
  need('other languages', counts['other languages'], 8);
  need('mobile numbers', counts['mobile numbers'], 2);
  if (counts['repeated names'] > 0) missing.push(`repeated names (${counts['repeated names']})`);
  need('free-mail addresses', counts['free-mail addresses'], 2);
  for (const [k, v] of [...categories].sort()) counts[`category ${k}`] = v;
  for (const [k, v] of [...kinds].sort()) counts[`schedule ${k}`] = v;
  for (const [k, v] of [...hoods].sort()) counts[`neighbourhood ${k}`] = v;
  for (const [k, v] of [...joins].sort()) counts[`join ${k}`] = v;
  for (const [k, v] of [...delivery].sort()) counts[`delivery ${k}`] = v;
  for (const [k, v] of [...access].sort()) counts[`accessibility ${k}`] = v;
  for (const [k, v] of [...audience].sort()) counts[`audience ${k}`] = v;
  return { missing, counts };
}

// ---------------------------------------------------------------------------------------------
// Reading a book, checking files

/** The neighbourhoods of a content folder, by id, with their geometry. */
export function neighbourhoodGeo(dir: string): Record<string, NeighbourhoodGeo> {
  return Object.fromEntries(
    readNeighbourhoods(dir).map((n) => [
      n.id,
      { name: n.name, centre: n.centre, boundary: { coordinates: n.boundary.coordinates as [number, number][][] } },
    ]),
  );
}

/** Parses each file as Astro does and checks it; throws naming the first entry that fails. */
export function checkBook(files: { id: string; text: string }[], ctx: SchemaContext): void {
  const problem = firstProblem(files, ctx);
  if (problem) throw new Error(problem);
}

/** The first entry that fails, described, or undefined when all pass. */
function firstProblem(files: { id: string; text: string }[], ctx: SchemaContext): string | undefined {
  const schema = makeEntrySchema(ctx);
  for (const { id, text } of files) {
    const { data, body } = readFrontMatter(text);
    const result = schema.safeParse(data);
    if (!result.success) {
      const issues = result.error.issues.map((i) => `  ${i.path.join('.') || '(entry)'}: ${i.message}`).join('\n');
      return `Generated entry ${id} does not pass the schema:\n${issues}\n\n${text}`;
    }
    const bodyIssues = checkBody(body);
    if (bodyIssues.length) return `Generated entry ${id} has a bad body: ${bodyIssues.map((b) => b.message).join(' ')}`;
  }
  return undefined;
}

interface CheckJob {
  generateCheck: true;
  dir: string;
  files: { id: string; text: string }[];
}

/** `checkBook` spread over worker threads (each loads the schema once); resolves to the first problem. */
async function checkBookInWorkers(
  files: { id: string; text: string }[],
  dir: string,
  ctx: SchemaContext,
): Promise<string | undefined> {
  const threads = Math.min(availableParallelism(), 8, Math.floor(files.length / 2000));
  if (threads < 2) return firstProblem(files, ctx);
  const size = Math.ceil(files.length / threads);
  const parts: CheckJob[] = [];
  for (let i = 0; i < files.length; i += size)
    parts.push({ generateCheck: true, dir, files: files.slice(i, i + size) });
  const results = await Promise.all(
    parts.map(
      (job) =>
        new Promise<string | undefined>((done, fail) => {
          // Workers inherit tsx through execArgv.
          const worker = new Worker(fileURLToPath(import.meta.url), {
            workerData: job,
            resourceLimits: { maxYoungGenerationSizeMb: 64 },
          });
          worker.once('message', (problem: string | null) => done(problem ?? undefined));
          worker.once('error', fail);
          worker.once(
            'exit',
            (code) => code !== 0 && fail(new Error(`A checking worker stopped with exit code ${code}.`)),
          );
        }),
    ),
  );
  return results.find((r) => r !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Command line

const USAGE = `Usage: npm run generate -- --count N --out DIR [--from DIR] [--seed S] [--sample] [--reference YYYY-MM-DD]

Writes a synthetic book of N entries to DIR: the sample borough's site.yaml, categories.yaml and
neighbourhoods/ (from --from), and N generated entries in DIR/entries/, which is emptied first.

  --count N            number of entries (required)
  --out DIR            folder to write (required)
  --from DIR           the place files to copy (default: the sample borough, tests/fixtures/sample-book);
                       the generator's venues and towns belong to that borough
  --seed S             PRNG seed, a whole number (default ${DEFAULT_SEED})
  --sample             tune for the committed sample book; guarantees coverage of every value
  --reference DATE     dates are placed around this day (default ${DEFAULT_REFERENCE})
`;

/** The place files a synthetic book is generated for: the sample borough, as committed with the tests. */
export const SAMPLE_PLACE = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'fixtures', 'sample-book');

function parseArgs(argv: string[]): {
  count: number;
  out: string;
  from: string;
  seed: number;
  sample: boolean;
  reference: string;
} {
  const args = { count: NaN, out: '', from: SAMPLE_PLACE, seed: DEFAULT_SEED, sample: false, reference: DEFAULT_REFERENCE };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value.`);
      return v;
    };
    if (a === '--') continue;
    else if (a === '--count') args.count = Number(value());
    else if (a === '--out') args.out = value();
    else if (a === '--from') args.from = resolve(value());
    else if (a === '--seed') args.seed = Number(value());
    else if (a === '--reference') args.reference = value();
    else if (a === '--sample') args.sample = true;
    else if (a === '--help' || a === '-h') throw new UsageError('');
    else throw new UsageError(`Unknown argument ${a}.`);
  }
  if (!Number.isInteger(args.count) || args.count < 0) throw new UsageError('--count must be a whole number.');
  if (!args.out) throw new UsageError('--out is required.');
  if (!Number.isInteger(args.seed)) throw new UsageError('--seed must be a whole number.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(args.reference) || Number.isNaN(msOf(args.reference)))
    throw new UsageError('--reference must be a date, YYYY-MM-DD.');
  return args;
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message ? `${err.message}\n\n` : ''}${USAGE}`);
    return err.message ? 2 : 0;
  }
  const started = performance.now();
  const source = args.from;
  const out = resolve(args.out);
  mkdirSync(out, { recursive: true });
  if (out !== source) {
    cpSync(join(source, 'site.yaml'), join(out, 'site.yaml'));
    cpSync(join(source, 'categories.yaml'), join(out, 'categories.yaml'));
    if (existsSync(join(source, 'vocabulary.yaml')))
      cpSync(join(source, 'vocabulary.yaml'), join(out, 'vocabulary.yaml'));
    rmSync(join(out, 'neighbourhoods'), { recursive: true, force: true });
    cpSync(join(source, 'neighbourhoods'), join(out, 'neighbourhoods'), { recursive: true });
  }
  const ctx = loadContext(out);
  const neighbourhoods = neighbourhoodGeo(out);
  const entries = generateEntries({
    count: args.count,
    seed: args.seed,
    sample: args.sample,
    reference: args.reference,
    ctx,
    neighbourhoods,
  });
  const files = entries.map((e) => ({ id: e.id, text: serialiseEntry(e.input, e.body) }));
  const generated = performance.now();
  // Check in worker threads while this thread writes to a temporary folder; swap it in only
  // when every entry passed, so a failed run leaves the old entries as they were.
  const checking = checkBookInWorkers(files, out, ctx);
  const entriesDir = join(out, 'entries');
  const pending = join(out, `.entries-${process.pid}`);
  rmSync(pending, { recursive: true, force: true });
  mkdirSync(pending, { recursive: true });
  for (const f of files) writeFileSync(join(pending, `${f.id}.md`), f.text);
  const written = performance.now();
  let problem: string | undefined;
  try {
    problem = await checking;
  } catch (err) {
    problem = `checking failed: ${(err as Error).message}`;
  }
  if (problem) {
    rmSync(pending, { recursive: true, force: true });
    process.stderr.write(`generate: ${problem}\nNothing was written to ${entriesDir}.\n`);
    return 1;
  }
  if (existsSync(entriesDir)) rmSync(entriesDir, { recursive: true, force: true });
  renameSync(pending, entriesDir);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const done = performance.now();
  process.stdout.write(
    `Wrote ${files.length} entries to ${entriesDir} in ${s(done - started)} s (seed ${args.seed}${args.sample ? ', sample' : ''}, reference ${args.reference}; ` +
      `generating ${s(generated - started)} s, writing ${s(written - generated)} s, checking finished ${s(done - written)} s after).\n`,
  );
  if (args.sample) {
    const { counts } = sampleCoverage(
      entries.map((e) => e.input),
      ctx,
      args.reference,
    );
    process.stdout.write(
      `${Object.entries(counts)
        .map(([k, v]) => `  ${k}: ${v}`)
        .join('\n')}\n`,
    );
  }
  return 0;
}

if (!isMainThread && (workerData as CheckJob | undefined)?.generateCheck) {
  const job = workerData as CheckJob;
  parentPort!.postMessage(firstProblem(job.files, loadContext(job.dir)) ?? null);
} else if (isMainThread && process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`generate: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
