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
import { t } from '../text/messages';
import type { MessageKey } from '../text/messages-en';

export interface CsvColumn {
  name: string;
  /** What it holds, in the site's words (the message `page.openData.column.<name>`). */
  readonly description: string;
  /** A column written by the book as a number: not touched by the formula guard. */
  numeric?: boolean;
  value: (e: ExportEntry, ctx: ExportContext) => string | number | undefined;
}

const list = (items: (string | undefined)[]) => items.filter(Boolean).join('; ');

/** The columns, in order (their descriptions are added below). */
const COLUMNS: Omit<CsvColumn, 'description'>[] = [
  { name: 'id', value: (e) => e.id },
  {
    name: 'hsds_id',
    value: (e, ctx) => serviceUuid(ctx.site.url, e.id),
  },
  { name: 'name', value: (e) => e.data.name },
  { name: 'summary', value: (e) => e.data.summary },
  { name: 'organisation', value: (e) => e.data.organisation },
  { name: 'status', value: (e) => STATUS_LABELS[e.data.status] },
  { name: 'alert', value: (e) => e.data.alert },
  { name: 'categories', value: (e) => list(e.data.categories) },
  {
    name: 'category_names',
    value: (e, ctx) => list(e.data.categories.map((id) => ctx.categories.find((c) => c.id === id)?.name ?? id)),
  },
  {
    name: 'neighbourhoods',
    value: (e) => list(e.data.neighbourhoods),
  },
  { name: 'join', value: (e) => list(e.data.join.map((j) => JOIN_LABELS[j])) },
  {
    name: 'delivery',
    value: (e) => list(e.data.delivery.map((m) => DELIVERY_LABELS[m])),
  },
  {
    name: 'min_age',
    numeric: true,
    value: (e) => e.data.min_age,
  },
  {
    name: 'max_age',
    numeric: true,
    value: (e) => e.data.max_age,
  },
  {
    name: 'audience',
    value: (e) => list(e.data.audience.map((a) => AUDIENCE_LABELS[a])),
  },
  { name: 'eligibility', value: (e) => e.data.eligibility },
  {
    name: 'cost',
    value: (e) => costLabel(e.data.cost),
  },
  {
    name: 'free',
    value: (e) => (e.data.cost ? (e.data.cost.free ? 'yes' : 'no') : undefined),
  },
  {
    name: 'accessibility',
    value: (e) => list(e.data.accessibility.map((a) => ACCESSIBILITY_LABELS[a])),
  },
  { name: 'languages', value: (e) => list(e.data.languages) },
  {
    name: 'venues',
    value: (e) => e.data.venues.map((v) => v.name).join(' | '),
  },
  {
    name: 'addresses',
    value: (e) => e.data.venues.map(venueAddress).join(' | '),
  },
  {
    name: 'postcodes',
    value: (e) => e.data.venues.map((v) => v.postcode).join(' | '),
  },
  { name: 'latitude', numeric: true, value: (e) => e.data.venues[0]?.lat },
  {
    name: 'longitude',
    numeric: true,
    value: (e) => e.data.venues[0]?.lng,
  },
  {
    name: 'schedules',
    value: (e) => e.data.schedules.map((s) => [describeSchedule(s), s.note].filter(Boolean).join(' – ')).join(' | '),
  },
  {
    name: 'phones',
    value: (e) => list(e.data.contacts.map((c) => c.phone)),
  },
  {
    name: 'emails',
    value: (e) => list(e.data.contacts.map((c) => c.email)),
  },
  { name: 'website', value: (e) => e.data.website },
  {
    name: 'last_verified',
    value: (e) => e.data.last_verified,
  },
  { name: 'verified_by', value: (e) => e.data.verified_by },
  { name: 'url', value: (e, ctx) => entryUrl(ctx.site.url, e.id) },
];

/** The columns, in order, each with its description from the messages, read when used. */
export const CSV_COLUMNS: readonly CsvColumn[] = COLUMNS.map(
  (c) =>
    Object.defineProperty(c, 'description', {
      enumerable: true,
      get: () => t(`page.openData.column.${c.name}` as MessageKey),
    }) as CsvColumn,
);

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
