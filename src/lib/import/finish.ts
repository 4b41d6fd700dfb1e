/**
 * The steps every source shares: venues placed (postcode file, then point in polygon for the
 * neighbourhoods), an id by the book's one slug rule, the entry file written by the book's one
 * writer, and the validator's own verdict on it, each problem pointed back at the source field.
 * Pure.
 */
import { entryIdFromName, isEntryId, uniqueEntryId } from '../authoring/entry-id';
import { serialiseEntry } from '../authoring/entry-file';
import { sha1 } from '../exports/sha1';
import { validateEntryText } from '../validate';
import type { Problem } from '../validate';
import { originText, type Candidate, type ImportBook, type Origin } from './context';
import type { VenueInput } from './entry-input';
import { isPostcode, neighbourhoodsAt, normalisePostcode } from './places';
import type { Leaf } from './record';

/** A source record that became an entry file. */
export interface ImportedEntry {
  id: string;
  origin: Origin;
  text: string;
  /** The validator's warnings (staleness, personal contacts), for the reviewer. */
  warnings: Problem[];
  guesses: string[];
  skipped: (Leaf & { reason: string })[];
  unplaced: Leaf[];
  /** Fields read into the entry, and fields that only link records (ids). */
  placed: number;
  links: number;
  name: string;
  /** For duplicate detection. */
  venues: { name: string; postcode?: string }[];
  phones: string[];
}

/** A source record that did not become an entry, and why. */
export interface NotImported {
  origin: Origin;
  name?: string;
  reasons: string[];
  /** What the importer had chosen for it before it stopped (rows merged into it, among others). */
  guesses?: string[];
  /** What the mapping made of its fields, when it got that far. */
  fields?: { placed: number; links: number; skipped: (Leaf & { reason: string })[]; unplaced: Leaf[] };
}

const NO_BOM = new Uint8Array(0);

/** 40 hex digits of SHA-1. */
export function sha1Hex(text: string): string {
  return Array.from(sha1(NO_BOM, text), (b) => b.toString(16).padStart(2, '0')).join('');
}

const CHECKSUM_LINE = /\n {2}checksum: [0-9a-f]{40}(?=\n)/;

/** The checksum an entry file carries, and whether the file still matches it (not edited by hand since). */
export function checksumState(text: string): 'none' | 'matches' | 'edited' {
  const m = /\n {2}checksum: ([0-9a-f]{40})\n/.exec(text);
  if (!m) return 'none';
  return sha1Hex(text.replace(CHECKSUM_LINE, '')) === m[1] ? 'matches' : 'edited';
}

/** The entry file with its `source.checksum`: the fingerprint of the file without that line. */
export function withChecksum(text: string): string {
  const sum = sha1Hex(text);
  // `source` is the last field and `id` its last key but one: the checksum follows its lines.
  return text.replace(
    /(\nsource:\n(?: {2}.*\n)+?)(---\n)/,
    (_, block: string, end: string) => `${block}  checksum: ${sum}\n${end}`,
  );
}

function placeVenues(c: Candidate, book: ImportBook): string[] {
  const problems: string[] = [];
  const venues = (c.input.venues ?? []) as (VenueInput & Record<string, unknown>)[];
  venues.forEach((v, i) => {
    const where = c.from[`venues[${i}]`] ?? 'venues';
    if (typeof v.postcode === 'string') v.postcode = normalisePostcode(v.postcode);
    if (typeof v.lat === 'number' && typeof v.lng === 'number') return;
    const pc = typeof v.postcode === 'string' ? v.postcode : '';
    if (!pc) {
      problems.push(
        `${where}: the venue "${v.name}" has no coordinates and no postcode to look them up. Fix: add its postcode or latitude and longitude in the source.`,
      );
      return;
    }
    if (!book.postcodes) {
      problems.push(
        `${where}: the venue "${v.name}" (${pc}) has no coordinates, and no postcode file was given. Fix: pass --postcodes with the ONS Postcode Directory CSV (or an extract of it).`,
      );
      return;
    }
    const point = book.postcodes.get(pc);
    if (!point) {
      problems.push(
        `${where}: the postcode ${pc} of "${v.name}" is ${isPostcode(pc) ? 'not in the postcode file' : 'not a UK postcode'}. Fix: check it, or add latitude and longitude in the source.`,
      );
      return;
    }
    v.lat = point.lat;
    v.lng = point.lng;
    c.guesses.push(`venues[${i}]: latitude and longitude of ${pc} from the postcode file`);
  });
  return problems;
}

function placeNeighbourhoods(c: Candidate, book: ImportBook): void {
  if (c.input.neighbourhoods?.length) return;
  const hoods = new Set<string>();
  for (const v of c.input.venues ?? [])
    if (typeof v.lat === 'number' && typeof v.lng === 'number')
      for (const id of neighbourhoodsAt(v.lat, v.lng, book.neighbourhoods)) hoods.add(id);
  if (hoods.size) {
    c.input.neighbourhoods = [...hoods];
    c.guesses.push(`neighbourhoods: ${[...hoods].join(', ')} (the boundaries that hold its venues)`);
  } else {
    c.input.neighbourhoods = ['borough-wide'];
    c.guesses.push(
      `neighbourhoods: borough-wide (${c.input.venues?.length ? 'no venue lies inside a neighbourhood boundary' : 'no venue, and no service area the book knows'})`,
    );
  }
}

/** The source field a validator problem points at: `venues[0].lat` → the venue's source path. */
function sourceField(field: string, c: Candidate): string {
  const m = /^([a-z_]+)(\[\d+\])?/.exec(field);
  if (!m) return c.from[field] ?? field;
  return c.from[`${m[1]}${m[2] ?? ''}`] ?? c.from[m[1]] ?? field;
}

/**
 * The validator's problems with a file, as `npm run validate` finds them. Checked first without
 * positions in the front matter (a second YAML document for each file with a problem; most of
 * what a record that fails costs): the import shows an error only by its field and message, so
 * with one error nothing is missing. Positions are worked out (the file checked again) only when
 * they are shown or decide the order: warnings of an entry that passes, and two or more errors,
 * which the validator lists by line.
 */
function checkText(text: string, file: string, book: ImportBook): Problem[] {
  const opts = { ...book.validate, today: book.today };
  const quick = validateEntryText(text, file, book.ctx, { ...opts, positions: false });
  const errors = quick.filter((p) => p.severity === 'error').length;
  if (errors === 1 || quick.length === 0) return quick;
  return validateEntryText(text, file, book.ctx, opts);
}

/**
 * Makes the entry file of a candidate, or says why it cannot be one. `taken` holds the ids in
 * use (the book's and this import's); `id` is the id to keep when re-importing.
 */
export function finishCandidate(
  c: Candidate,
  book: ImportBook,
  taken: (id: string) => boolean,
  keepId?: string,
): ImportedEntry | NotImported {
  const reasons = placeVenues(c, book);
  placeNeighbourhoods(c, book);
  const name = typeof c.input.name === 'string' ? c.input.name : '';
  const base = entryIdFromName(name);
  if (!keepId && !base && !c.idHint) {
    reasons.push(
      `${c.from.name ?? 'name'}: "${name}" has no letters or digits to make an id from. Fix: give the group a name.`,
    );
    return { origin: c.origin, name, reasons, guesses: c.guesses, fields: c.record.account() };
  }
  const hint = c.idHint && isEntryId(c.idHint) && !taken(c.idHint) ? c.idHint : undefined;
  const id = keepId ?? hint ?? uniqueEntryId(base, taken);
  const body = c.body.filter((p) => p.trim()).join('\n\n');
  const text = withChecksum(serialiseEntry(c.input as never, body));
  const problems = checkText(text, `${id}.md`, book);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length || reasons.length) {
    for (const p of errors) reasons.push(`${sourceField(p.field, c)} (entry field ${p.field}): ${p.message}`);
    return { origin: c.origin, name, reasons: [...new Set(reasons)], guesses: c.guesses, fields: c.record.account() };
  }
  const acc = c.record.account();
  return {
    id,
    origin: c.origin,
    text,
    warnings: problems.filter((p) => p.severity === 'warning'),
    guesses: c.guesses,
    skipped: acc.skipped,
    unplaced: acc.unplaced,
    placed: acc.placed,
    links: acc.links,
    name,
    venues: (c.input.venues ?? []).map((v) => ({
      name: String(v.name),
      postcode: typeof v.postcode === 'string' ? v.postcode : undefined,
    })),
    phones: (c.input.contacts ?? []).flatMap((k) => (k.phone ? [String(k.phone).replace(/\D/g, '')] : [])),
  };
}

export function isImported(x: ImportedEntry | NotImported): x is ImportedEntry {
  return 'text' in x;
}

export { originText };
