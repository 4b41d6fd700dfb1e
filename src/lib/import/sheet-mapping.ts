/**
 * The mapping file of a spreadsheet import (./sheet.ts): the fields a column can fill, the
 * mapping's shape and its check against the sheet's headings, the value maps' lookup, the header
 * row, and a starter mapping guessed from the headings. Pure.
 */
import type { EntryInput } from './entry-input';

/** The fields a column can fill. `when` is a day/time text; `venue_*` and `contact_*` make one venue and one contact a row. */
export const SHEET_FIELDS = [
  'id',
  'name',
  'summary',
  'body',
  'organisation',
  'categories',
  'neighbourhoods',
  'status',
  'alert',
  'join',
  'delivery',
  'min_age',
  'max_age',
  'audience',
  'eligibility',
  'cost',
  'accessibility',
  'languages',
  'venue_name',
  'address',
  'town',
  'postcode',
  'lat',
  'lng',
  'when',
  'contact_name',
  'phone',
  'email',
  'website',
  'last_verified',
  'verified_by',
] as const;
export type SheetField = (typeof SHEET_FIELDS)[number];

export interface Mapping {
  /** XLSX only: the sheet to read (default: the first). */
  sheet?: string;
  /** The row holding the column headings, 1-based (default: the first row that is not blank). */
  header_row?: number;
  /** Entry field → column heading (or a list of headings, joined with a space). */
  columns: Partial<Record<SheetField, string | string[]>>;
  /** Value maps, by field: what the sheet says → what the entry says. Keys compared without case. */
  values?: Partial<
    Record<
      'categories' | 'neighbourhoods' | 'join' | 'delivery' | 'status' | 'audience' | 'accessibility' | 'days',
      Record<string, string>
    >
  > & {
    yes_no?: Record<string, boolean>;
  };
  /** Yes/no columns: heading → the value a "yes" adds, e.g. `Wheelchair access: { accessibility: step-free }`. */
  flags?: Record<
    string,
    Partial<Record<'accessibility' | 'audience' | 'join' | 'delivery' | 'categories', string>> & { cost?: 'free' }
  >;
  /** Values for fields the sheet does not have, e.g. `join: [drop-in]`, `last_verified: 2026-11-01`. */
  defaults?: Partial<EntryInput>;
}

export const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Checks a mapping read from YAML; throws with the fix when it is wrong. */
export function checkMapping(m: unknown, headers: readonly string[]): Mapping {
  if (!m || typeof m !== 'object' || !('columns' in m) || typeof (m as Mapping).columns !== 'object')
    throw new Error('The mapping has no `columns:`. Fix: start from `npm run import -- --suggest-mapping <sheet>`.');
  const map = m as Mapping;
  const known = new Set(headers.map(norm));
  for (const [field, col] of Object.entries(map.columns)) {
    if (!(SHEET_FIELDS as readonly string[]).includes(field))
      throw new Error(
        `The mapping names the field "${field}", which the importer does not know. Fix: use one of ${SHEET_FIELDS.join(', ')}.`,
      );
    for (const c of [col].flat())
      if (!known.has(norm(String(c))))
        throw new Error(
          `The mapping's ${field}: "${c}" is not a column of the sheet. Fix: use one of the headings: ${headers
            .filter(Boolean)
            .map((h) => `"${h}"`)
            .join(', ')}.`,
        );
  }
  for (const h of Object.keys(map.flags ?? {}))
    if (!known.has(norm(h))) throw new Error(`The mapping's flags: "${h}" is not a column of the sheet.`);
  if (!map.columns.name)
    throw new Error('The mapping has no `name` column. Fix: add `name: <the heading of the group names>`.');
  return map;
}

const normalisedMaps = new WeakMap<Record<string, string>, Map<string, string>>();

export function lookup(map: Record<string, string> | undefined, value: string): string | undefined {
  if (!map) return undefined;
  let m = normalisedMaps.get(map);
  if (!m) {
    m = new Map(Object.entries(map).map(([k, v]) => [norm(k), v]));
    normalisedMaps.set(map, m);
  }
  return m.get(norm(value));
}

/** Words for the days people write (`values.days`), put before the schedule parser reads the text. */
export function applyDays(text: string, days?: Record<string, string>): string {
  if (!days) return text;
  let out = text;
  for (const [k, v] of Object.entries(days))
    out = out.replace(new RegExp(`\\b${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gi'), v);
  return out;
}

/** The first row that is not blank, 1-based. */
export function headerRow(rows: readonly string[][], m?: number): number {
  if (m) return m;
  const i = rows.findIndex((r) => r.some((c) => String(c ?? '').trim()));
  return i < 0 ? 1 : i + 1;
}

/**
 * The row that most likely holds a sheet's headings, for a starter mapping: of the first 20 rows,
 * the first with the most filled cells (a title row or a note above the headings has fewer).
 */
export function guessHeaderRow(rows: readonly string[][]): number {
  let best = 0;
  let filled = 0;
  rows.slice(0, 20).forEach((r, i) => {
    const n = r.filter((c) => String(c ?? '').trim()).length;
    if (n > filled) [best, filled] = [i, n];
  });
  return best + 1;
}

/** The header row of a sheet. */
export function headersOf(rows: readonly string[][], headerAt?: number): string[] {
  return (rows[headerRow(rows, headerAt) - 1] ?? []).map((h) => String(h ?? '').trim());
}

/** Guesses, by heading, which entry field a column holds. */
const GUESS: [RegExp, SheetField][] = [
  [/^(?:ref|id|reference|record id|code)$/, 'id'],
  [/organi[sz]ation|run by|provider|charity/, 'organisation'],
  [/^(?:name|group|group name|activity|service|service name|title)$/, 'name'],
  [/summary|short description|what happens|about/, 'summary'],
  [/notes?|description|details|more info/, 'body'],
  [/categor|type of|theme|topic/, 'categories'],
  [/neighbourhood|area|ward|locality/, 'neighbourhoods'],
  [/status|running|open\?|active/, 'status'],
  [/how to (?:join|access)|referral|access route|booking/, 'join'],
  [/deliver|online|format/, 'delivery'],
  [/min(?:imum)? age|age from|youngest/, 'min_age'],
  [/max(?:imum)? age|age to|oldest/, 'max_age'],
  [/who (?:for|is it for)|audience|target/, 'audience'],
  [/eligib/, 'eligibility'],
  [/cost|price|fee|charge/, 'cost'],
  [/access/, 'accessibility'],
  [/language/, 'languages'],
  [/venue|building|location name|place/, 'venue_name'],
  [/address|street|road/, 'address'],
  [/town|city|village/, 'town'],
  [/post ?code/, 'postcode'],
  [/^lat|latitude/, 'lat'],
  [/^(?:lng|lon|long)|longitude/, 'lng'],
  [/when|day|time|schedule|session/, 'when'],
  [/contact|organiser|lead/, 'contact_name'],
  [/phone|tel|mobile/, 'phone'],
  [/e-?mail/, 'email'],
  [/web|url|site|link/, 'website'],
  [/verified|checked|updated|reviewed/, 'last_verified'],
];

/** A starter mapping file (YAML text) from a sheet's headings: `npm run import -- --suggest-mapping`. */
/** A value of the book to show in a comment: its id and the name a sheet would use. */
export interface MappingExample {
  id: string;
  name: string;
}

/**
 * The starter mapping's comments show this book's own values (its first category and
 * neighbourhood), so a fork's maintainer sees their place, not the sample's.
 */
export function suggestMapping(
  headers: readonly string[],
  headerAt = 1,
  examples: { category?: MappingExample; neighbourhood?: MappingExample } = {},
): string {
  const example = (e: MappingExample | undefined, fallback: string) =>
    e ? `${/^[\w ]+$/.test(e.name) ? e.name : JSON.stringify(e.name)}: ${e.id}` : fallback;
  const used = new Set<SheetField>();
  const lines = [
    "# Mapping from the sheet's columns to entry fields. Check every line; delete what is wrong.",
    ...(headerAt > 1 ? [`# The headings are on row ${headerAt}:`, `header_row: ${headerAt}`] : []),
    'columns:',
  ];
  const left: string[] = [];
  for (const h of headers) {
    if (!h) continue;
    const n = norm(h);
    const field = GUESS.find(([re, f]) => re.test(n) && !used.has(f))?.[1];
    if (field) {
      used.add(field);
      lines.push(`  ${field}: ${JSON.stringify(h)}`);
    } else left.push(h);
  }
  if (left.length)
    lines.push(
      '# Columns not mapped (their values are listed in the report as having no home):',
      ...left.map((h) => `#   ${JSON.stringify(h)}`),
    );
  lines.push(
    '# What the sheet says -> what the entry says (compared without case):',
    'values:',
    `  categories: {}   # e.g. ${example(examples.category, '"Walking group": walking')}`,
    `  neighbourhoods: {}   # e.g. ${example(examples.neighbourhood, 'North: north')}`,
    '  days: {}   # e.g. Tu: tue',
    '# Yes/no columns, e.g. "Wheelchair access": { accessibility: step-free }',
    'flags: {}',
    '# Values for fields the sheet does not have:',
    'defaults:',
    '  join: [drop-in]',
  );
  return `${lines.join('\n')}\n`;
}
