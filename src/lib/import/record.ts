/**
 * A source record and what became of each of its fields, so an import can say where every value
 * went: into the entry, into the entry's text, or nowhere (then the report lists it). Pure.
 *
 * Paths are written as the report shows them: `service_at_locations[0].location.latitude` for a
 * feed, the column heading for a spreadsheet row.
 */

export type Json = Record<string, unknown>;

/** A value at a path of the record. */
export interface Leaf {
  path: string;
  value: string;
}

/** Keys that only link records together (ids and foreign keys): accounted for, not data. */
const LINK_KEY = /^(?:id|[a-z_]+_id)$/;

/** `a.b[0].c` from segments. */
export function joinPath(segs: readonly (string | number)[]): string {
  let out = '';
  for (const s of segs) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

/** True for a value worth accounting for: not undefined, null, an empty string or an empty list or map. */
export function hasValue(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.some(hasValue);
  if (typeof v === 'object') return Object.values(v as Json).some(hasValue);
  return true;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Every leaf of a JSON value with a value, by path. */
export function leavesOf(data: unknown, base: (string | number)[] = []): Leaf[] {
  if (Array.isArray(data)) return data.flatMap((v, i) => leavesOf(v, [...base, i]));
  if (data && typeof data === 'object')
    return Object.entries(data as Json).flatMap(([k, v]) => leavesOf(v, [...base, k]));
  return hasValue(data) ? [{ path: joinPath(base), value: text(data) }] : [];
}

/**
 * A record being mapped. `take` reads a value and marks it as placed; `skip` marks a value as
 * seen and deliberately not kept (a duplicate of one that was, with the reason). What is neither
 * is `unplaced`.
 */
export class SourceRecord {
  private readonly placed = new Set<string>();
  private readonly skipped = new Map<string, string>();

  constructor(readonly data: unknown) {}

  /** The value at `segs`, marked as placed (with everything below it). */
  take(...segs: (string | number)[]): unknown {
    const v = this.peek(...segs);
    if (hasValue(v)) this.placed.add(joinPath(segs));
    return v;
  }

  /** The value at `segs`, without marking it. */
  peek(...segs: (string | number)[]): unknown {
    let v: unknown = this.data;
    for (const s of segs) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Json)[s as string];
    }
    return v;
  }

  /** Marks the value at `segs` as seen and not kept, with the reason the report gives. */
  skip(reason: string, ...segs: (string | number)[]): void {
    if (hasValue(this.peek(...segs))) this.skipped.set(joinPath(segs), reason);
  }

  private coveredBy(path: string, set: Iterable<string>): string | undefined {
    for (const p of set) if (path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`)) return p;
    return undefined;
  }

  /** How each leaf was accounted for. */
  account(): { placed: number; links: number; skipped: (Leaf & { reason: string })[]; unplaced: Leaf[] } {
    let placed = 0;
    let links = 0;
    const skipped: (Leaf & { reason: string })[] = [];
    const unplaced: Leaf[] = [];
    const keyOf = (path: string) => /([^.[\]]+)\]?$/.exec(path)?.[1] ?? path;
    const leaves = leavesOf(this.data);
    // HSDS repeats the same phone or schedule under the service, its locations and its
    // organisation: a copy of a value that was placed is accounted for by that value.
    const placedValues = new Map<string, string>();
    for (const leaf of leaves)
      if (this.coveredBy(leaf.path, this.placed)) placedValues.set(`${keyOf(leaf.path)}\u0000${leaf.value}`, leaf.path);
    for (const leaf of leaves) {
      const key = keyOf(leaf.path);
      if (this.coveredBy(leaf.path, this.placed)) placed++;
      else {
        const s = this.coveredBy(leaf.path, this.skipped.keys());
        const copy = placedValues.get(`${key}\u0000${leaf.value}`);
        if (s) skipped.push({ ...leaf, reason: this.skipped.get(s)! });
        else if (LINK_KEY.test(key) && !/^\d+$/.test(key)) links++;
        else if (copy) skipped.push({ ...leaf, reason: `the same as ${copy}, which was kept` });
        else unplaced.push(leaf);
      }
    }
    return { placed, links, skipped, unplaced };
  }
}
