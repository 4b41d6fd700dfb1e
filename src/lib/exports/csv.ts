/**
 * Every entry as one CSV row (RFC 4180): a header row, then one row per entry, fields quoted
 * when they hold a comma, quote or line break, CRLF line ends. Pure.
 *
 * Spreadsheet formula injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return could run as a formula when the file is opened in a spreadsheet, so such a cell gets a
 * leading single quote (`'=cmd` is shown as text). Numbers written by the book itself (ages,
 * coordinates) are never changed; a negative longitude stays a number.
 *
 * The columns, with what each holds, are `CSV_COLUMNS`: the /open-data/ page lists them from here.
 * Lists inside a cell are separated by "; ", and venues (several per entry) by " | ".
 */
import { ACCESSIBILITY_LABELS, AUDIENCE_LABELS, DELIVERY_LABELS, JOIN_LABELS, STATUS_LABELS } from '../../schema/vocab';
import { describeSchedule } from '../schedule/describe';
import { costLabel, venueAddress } from '../view/format';
import { entryUrl, type ExportContext, type ExportEntry } from './context';
import { serviceUuid } from './uuid';

export interface CsvColumn {
  name: string;
  description: string;
  /** A column written by the book as a number: not touched by the formula guard. */
  numeric?: boolean;
  value: (e: ExportEntry, ctx: ExportContext) => string | number | undefined;
}

const list = (items: (string | undefined)[]) => items.filter(Boolean).join('; ');

/** The columns, in order. */
export const CSV_COLUMNS: CsvColumn[] = [
  { name: 'id', description: 'The entry id (its file name and the end of its web address).', value: (e) => e.id },
  {
    name: 'hsds_id',
    description:
      'The service id in the Open Referral feed (a UUID that stays the same while the site keeps its address).',
    value: (e, ctx) => serviceUuid(ctx.site.url, e.id),
  },
  { name: 'name', description: 'The name of the group or service.', value: (e) => e.data.name },
  { name: 'summary', description: 'One sentence about what happens.', value: (e) => e.data.summary },
  { name: 'organisation', description: 'The organisation that runs it, if any.', value: (e) => e.data.organisation },
  { name: 'status', description: 'Running, Temporarily closed or Closed.', value: (e) => STATUS_LABELS[e.data.status] },
  { name: 'alert', description: 'A notice shown at the top of the entry.', value: (e) => e.data.alert },
  { name: 'categories', description: 'Category ids, separated by "; ".', value: (e) => list(e.data.categories) },
  {
    name: 'category_names',
    description: 'Category names, separated by "; ".',
    value: (e, ctx) => list(e.data.categories.map((id) => ctx.categories.find((c) => c.id === id)?.name ?? id)),
  },
  {
    name: 'neighbourhoods',
    description: 'Neighbourhood ids, or borough-wide.',
    value: (e) => list(e.data.neighbourhoods),
  },
  { name: 'join', description: 'How to take part.', value: (e) => list(e.data.join.map((j) => JOIN_LABELS[j])) },
  {
    name: 'delivery',
    description: 'In person, online, by phone, home visits.',
    value: (e) => list(e.data.delivery.map((m) => DELIVERY_LABELS[m])),
  },
  {
    name: 'min_age',
    description: 'Youngest age welcome, in years (empty: any).',
    numeric: true,
    value: (e) => e.data.min_age,
  },
  {
    name: 'max_age',
    description: 'Oldest age welcome, in years (empty: no limit).',
    numeric: true,
    value: (e) => e.data.max_age,
  },
  {
    name: 'audience',
    description: 'Who it is especially for.',
    value: (e) => list(e.data.audience.map((a) => AUDIENCE_LABELS[a])),
  },
  { name: 'eligibility', description: 'Who can take part, if there are rules.', value: (e) => e.data.eligibility },
  {
    name: 'cost',
    description: 'Cost in one line: Free, £2.50 per session, Ask about cost.',
    value: (e) => costLabel(e.data.cost),
  },
  {
    name: 'free',
    description: 'yes when it is free, no when it costs, empty when not given.',
    value: (e) => (e.data.cost ? (e.data.cost.free ? 'yes' : 'no') : undefined),
  },
  {
    name: 'accessibility',
    description: 'Accessibility features.',
    value: (e) => list(e.data.accessibility.map((a) => ACCESSIBILITY_LABELS[a])),
  },
  { name: 'languages', description: 'Languages spoken, as two-letter codes.', value: (e) => list(e.data.languages) },
  {
    name: 'venues',
    description: 'Venue names, separated by " | ".',
    value: (e) => e.data.venues.map((v) => v.name).join(' | '),
  },
  {
    name: 'addresses',
    description: 'Venue addresses, in the same order, separated by " | ".',
    value: (e) => e.data.venues.map(venueAddress).join(' | '),
  },
  {
    name: 'postcodes',
    description: 'Venue postcodes, in the same order, separated by " | ".',
    value: (e) => e.data.venues.map((v) => v.postcode).join(' | '),
  },
  { name: 'latitude', description: 'Latitude of the first venue.', numeric: true, value: (e) => e.data.venues[0]?.lat },
  {
    name: 'longitude',
    description: 'Longitude of the first venue (negative: west).',
    numeric: true,
    value: (e) => e.data.venues[0]?.lng,
  },
  {
    name: 'schedules',
    description: 'When it meets, in words, separated by " | ".',
    value: (e) => e.data.schedules.map((s) => [describeSchedule(s), s.note].filter(Boolean).join(' – ')).join(' | '),
  },
  {
    name: 'phones',
    description: 'Phone numbers, separated by "; ".',
    value: (e) => list(e.data.contacts.map((c) => c.phone)),
  },
  {
    name: 'emails',
    description: 'Email addresses, separated by "; ".',
    value: (e) => list(e.data.contacts.map((c) => c.email)),
  },
  { name: 'website', description: "The group's own website.", value: (e) => e.data.website },
  {
    name: 'last_verified',
    description: 'The day the details were last checked, YYYY-MM-DD.',
    value: (e) => e.data.last_verified,
  },
  { name: 'verified_by', description: 'Who checked them.', value: (e) => e.data.verified_by },
  { name: 'url', description: "The entry's page in this book.", value: (e, ctx) => entryUrl(ctx.site.url, e.id) },
];

/** A text cell made safe to open in a spreadsheet: a leading `'` before = + - @ tab or CR. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: quoted when it holds a comma, a double quote, CR or LF; quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(column: CsvColumn, e: ExportEntry, ctx: ExportContext): string {
  const value = column.value(e, ctx);
  if (value === undefined || value === '') return '';
  if (typeof value === 'number' && column.numeric) return csvField(String(value));
  return csvField(neutraliseFormula(String(value)));
}

/** The whole file: header row and one row per entry, in the order given, CRLF line ends. */
export function buildCsv(entries: ExportEntry[], ctx: ExportContext): string {
  const rows = [
    CSV_COLUMNS.map((c) => c.name).join(','),
    ...entries.map((e) => CSV_COLUMNS.map((c) => cell(c, e, ctx)).join(',')),
  ];
  return `${rows.join('\r\n')}\r\n`;
}
