/**
 * Records that look like the same group, in pairs with the evidence: the same normalised name
 * and postcode, the same phone at the same venue, or names within a small edit distance at the
 * same venue. Pure. Names are compared without case, punctuation, "the" and "group"/"club" words.
 */
import { MAX_COMPARED, editDistance } from '../text/edit-distance';

export interface Comparable {
  key: string;
  name: string;
  venues: { name: string; postcode?: string }[];
  phones: string[];
}

export interface DuplicatePair {
  a: string;
  b: string;
  evidence: string;
}

const STOP = /\b(?:the|group|club|session|sessions|and)\b/g;

/** A name for comparing: lower case, letters and digits, common filler words left out. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(STOP, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const venueKey = (v: { name: string; postcode?: string }) =>
  v.postcode ? v.postcode.replace(/\s/g, '').toUpperCase() : normaliseName(v.name);

/** The most edits two names may differ by and still count as the same group. */
export function nameTolerance(a: string, b: string): number {
  return Math.min(a.length, b.length) >= 12 ? 2 : 1;
}

/** Three rows of the banded table, reused between calls. */
let band = new Int32Array(384);

/**
 * The edit distance of `a` and `b` as `editDistance` counts it (insertions, deletions,
 * substitutions, and two neighbouring letters swapped as one edit), when it is at most `k`;
 * otherwise `k + 1`. Only the table within `k` of its diagonal is filled (Ukkonen's band), and it
 * stops at the first row with nothing within `k`: a venue with many groups costs little.
 */
export function editsWithin(a: string, b: string, k: number): number {
  const INF = k + 1;
  if (Math.abs(a.length - b.length) > k) return INF;
  if (a.length > MAX_COMPARED || b.length > MAX_COMPARED) return Math.min(editDistance(a, b), INF);
  const w = b.length + 1;
  if (band.length < 3 * w) band = new Int32Array(3 * w);
  // Rows i - 2, i - 1 and i of the table, turn about.
  let before = 0;
  let prev = w;
  let cur = 2 * w;
  for (let j = 0; j < w; j++) band[prev + j] = j <= k ? j : INF;
  for (let i = 1; i <= a.length; i++) {
    band.fill(INF, cur, cur + w);
    if (i <= k) band[cur] = i;
    let best = band[cur];
    const ai = a.charCodeAt(i - 1);
    for (let j = Math.max(1, i - k); j <= Math.min(b.length, i + k); j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(band[prev + j] + 1, band[cur + j - 1] + 1, band[prev + j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        v = Math.min(v, band[before + j - 2] + 1);
      if (v > INF) v = INF;
      band[cur + j] = v;
      if (v < best) best = v;
    }
    // A row's least value never falls in the rows below it (a swap reaches back two rows, but
    // the row between is at most one more): past k here is past k for good.
    if (best > k) return INF;
    [before, prev, cur] = [prev, cur, before];
  }
  return Math.min(band[prev + b.length], INF);
}

/** How many of each letter and digit a normalised name has (anything else counts as one kind). */
function bagOf(name: string): Int16Array {
  const bag = new Int16Array(37);
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    // Digits first: names at one venue often share their words and differ in a number, and the
    // comparison below stops as soon as the counts differ by more than it allows.
    bag[c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : 36]++;
  }
  return bag;
}

/** The sum of the differences of two letter counts, stopping once it passes `limit`. */
function bagDistance(a: Int16Array, b: Int16Array, limit: number): number {
  let d = 0;
  for (let i = 0; i < 37 && d <= limit; i++) d += Math.abs(a[i] - b[i]);
  return d;
}

/** A record at a venue, ready to compare: its place in the input, its normalised name and letter counts. */
interface AtVenue {
  r: Comparable;
  at: number;
  name: string;
  bag: Int16Array;
}

/** The most any two names may differ by (`nameTolerance`'s largest answer). */
const MOST_EDITS = 2;

/**
 * Pairs of records that look like the same group. The exact tests look up a key (name and
 * postcode, phone and venue). Near names are only compared within a venue, and there only with
 * names whose length differs by at most the tolerance (each edit changes the length by one at
 * most), after a letter-count test; so a venue with many groups is not all pairs.
 */
export function findDuplicates(records: readonly Comparable[]): DuplicatePair[] {
  const pairs = new Map<string, DuplicatePair>();
  const add = (a: Comparable, b: Comparable, evidence: string) => {
    const k = a.key < b.key ? `${a.key}\u0000${b.key}` : `${b.key}\u0000${a.key}`;
    if (!pairs.has(k)) pairs.set(k, { a: a.key, b: b.key, evidence });
  };
  const byNamePostcode = new Map<string, Comparable>();
  const byPhoneVenue = new Map<string, Comparable>();
  /** Venue key → name length → the records there with a name that long, in input order. */
  const byVenue = new Map<string, Map<number, AtVenue[]>>();
  records.forEach((r, at) => {
    const name = normaliseName(r.name);
    const bag = bagOf(name);
    const me: AtVenue = { r, at, name, bag };
    const venuesSeen = new Set<string>();
    for (const v of r.venues) {
      const vk = venueKey(v);
      if (v.postcode) {
        const k = `${name}|${vk}`;
        const other = byNamePostcode.get(k);
        if (other) add(other, r, `same name "${r.name}" and postcode ${v.postcode}`);
        else byNamePostcode.set(k, r);
      }
      for (const p of r.phones) {
        const k = `${p}|${vk}`;
        const other = byPhoneVenue.get(k);
        if (other && other !== r) add(other, r, `same phone ${p} at the same venue (${v.name})`);
        else byPhoneVenue.set(k, r);
      }
      let here = byVenue.get(vk);
      if (!here) byVenue.set(vk, (here = new Map()));
      const near: { other: AtVenue; d: number }[] = [];
      for (let len = name.length - MOST_EDITS; len <= name.length + MOST_EDITS; len++)
        for (const other of here.get(len) ?? []) {
          if (other.r === r || other.name === name) continue;
          const tol = nameTolerance(other.name, name);
          if (Math.abs(other.name.length - name.length) > tol) continue;
          // Each edit changes the letter counts by at most 2 (a swap by none): a quick first test.
          if (bagDistance(bag, other.bag, 2 * tol) > 2 * tol) continue;
          const d = editsWithin(other.name, name, tol);
          if (d <= tol) near.push({ other, d });
        }
      // In input order, as if every earlier record at the venue had been compared in turn.
      near.sort((x, y) => x.other.at - y.other.at);
      for (const { other, d } of near)
        add(
          other.r,
          r,
          `names "${other.r.name}" and "${r.name}" differ by ${d} letter${d > 1 ? 's' : ''} at the same venue (${v.name})`,
        );
      if (!venuesSeen.has(vk)) {
        venuesSeen.add(vk);
        const same = here.get(name.length);
        if (same) same.push(me);
        else here.set(name.length, [me]);
      }
    }
  });
  return [...pairs.values()];
}
