/**
 * What an import needs to know about the book it imports into, and what every source gives the
 * shared steps: a candidate entry with where each value came from. Pure types and small helpers.
 */
import type { Category, EntryInput, SchemaContext, SiteConfig } from '../../schema';
import type { ValidateOptions } from '../validate';
import type { SourceRecord } from './record';
import type { PostcodeLookup } from './places';

export interface ImportNeighbourhood {
  id: string;
  name: string;
  boundary?: { type: 'Polygon'; coordinates: [number, number][][] };
}

export interface ImportBook {
  ctx: SchemaContext;
  site: Pick<SiteConfig, 'place' | 'url' | 'corrections_email'>;
  categories: Category[];
  neighbourhoods: ImportNeighbourhood[];
  /** Postcode → point, from the file the maintainer supplied (`--postcodes`). */
  postcodes?: PostcodeLookup;
  /** `--categories map.yaml`: a source's term (code, name or address, any case) → category id. */
  categoryMap?: ReadonlyMap<string, string>;
  /** `--default-category`: for records whose terms match no category. */
  defaultCategory?: string;
  /** The day of the import, YYYY-MM-DD (for records that do not say when they were checked). */
  today: string;
  /**
   * What `npm run validate` checks each entry with besides the book (the book's staleness months,
   * the build's Markdown parser), so an entry the import writes gets the validator's own verdict.
   */
  validate?: Pick<ValidateOptions, 'staleMonths' | 'markdown'>;
}

/** Where a record came from, as the report names it. */
export interface Origin {
  /** The system: the feed's base address, or the file's name. */
  system: string;
  /** The record's id in the feed, when it has one. */
  id?: string;
  /** The file it was read from. */
  file?: string;
  /** The spreadsheet's sheet. */
  sheet?: string;
  /** The row in the file (1-based, counting the header row). */
  row?: number;
}

/** "https://x/api id 1234", "groups.csv row 12". */
export function originText(o: Origin): string {
  const where = o.file ?? o.system;
  const parts = [where];
  if (o.sheet) parts.push(`sheet ${o.sheet}`);
  if (o.row !== undefined) parts.push(`row ${o.row}`);
  if (o.id !== undefined && o.row === undefined) parts.push(`id ${o.id}`);
  return parts.join(' ');
}

/** A source record mapped as far as the source can take it. */
export interface Candidate {
  origin: Origin;
  /** The record's stable id in the source (kept as `source.id`). */
  sourceId: string;
  input: Partial<EntryInput>;
  /** Paragraphs of the entry's Markdown body. */
  body: string[];
  record: SourceRecord;
  /** Values the importer chose without the source saying so, with why: `neighbourhoods: borough-wide (…)`. */
  guesses: string[];
  /** An id the source suggests (a Community Book feed's entry page), used when it is free. */
  idHint?: string;
  /** Entry field (top level, or `venues[0]`) → the source field it came from. */
  from: Record<string, string>;
}

export function newCandidate(origin: Origin, sourceId: string, record: SourceRecord): Candidate {
  return { origin, sourceId, input: {}, body: [], record, guesses: [], from: {} };
}
