/**
 * Records that look like the same group, in pairs with the evidence: the same normalised name
 * and postcode, the same phone at the same venue, or names within a small edit distance at the
 * same venue. Pure. Names are compared without case, punctuation, "the" and "group"/"club" words.
 */
import { editDistance } from '../text/edit-distance';

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

/** Pairs of records that look like the same group. Linear in the records for the exact tests. */
export function findDuplicates(records: readonly Comparable[]): DuplicatePair[] {
  const pairs = new Map<string, DuplicatePair>();
  const add = (a: Comparable, b: Comparable, evidence: string) => {
    const k = a.key < b.key ? `${a.key}\u0000${b.key}` : `${b.key}\u0000${a.key}`;
    if (!pairs.has(k)) pairs.set(k, { a: a.key, b: b.key, evidence });
  };
  const byNamePostcode = new Map<string, Comparable>();
  const byPhoneVenue = new Map<string, Comparable>();
  const byVenue = new Map<string, Comparable[]>();
  for (const r of records) {
    const name = normaliseName(r.name);
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
      const here = byVenue.get(vk) ?? [];
      for (const other of here) {
        if (other === r) continue;
        const on = normaliseName(other.name);
        const d = editDistance(on, name);
        if (d > 0 && d <= nameTolerance(on, name))
          add(
            other,
            r,
            `names "${other.name}" and "${r.name}" differ by ${d} letter${d > 1 ? 's' : ''} at the same venue (${v.name})`,
          );
      }
      if (!here.includes(r)) here.push(r);
      byVenue.set(vk, here);
    }
  }
  return [...pairs.values()];
}
