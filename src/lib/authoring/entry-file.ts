/**
 * Writes an entry file (`content/entries/<id>.md`) the way a volunteer would write it by hand:
 * YAML front matter in the schema's field order, then the Markdown body.
 *
 * Pure, no dependencies and no Node imports: it runs in scripts and in the browser (the
 * contribute form). Only the YAML subset entries need is written:
 *  - block maps, one key a line, in the schema's order;
 *  - short lists of plain values in flow style (`categories: [walking, food]`);
 *  - lists of maps (venues, schedules, contacts, amounts) as block lists;
 *  - a string is written plain when YAML would read it back as the same string, and in double
 *    quotes otherwise (a JSON string is a valid YAML double-quoted scalar). Times, phone numbers
 *    and monthly rules are always quoted, as the field reference tells volunteers to do;
 *  - dates are written unquoted `YYYY-MM-DD`, which YAML reads as a date.
 */
import type { EntryInput } from '../../schema/entry';
import { isRealDate } from '../../schema/primitives';
import { CONTACT_FIELDS, ENTRY_FIELDS, VENUE_FIELDS } from '../../schema/vocab';

/** Key order of each kind of map, as in the schema. Unknown keys follow, in their own order. */
const ENTRY_KEYS: readonly string[] = ENTRY_FIELDS;
const VENUE_KEYS: readonly string[] = VENUE_FIELDS;
const SCHEDULE_KEYS = [
  'weekly',
  'every',
  'monthly',
  'dates',
  'start',
  'end',
  'from',
  'until',
  'note',
  'not_on_bank_holidays',
];
const CONTACT_KEYS: readonly string[] = CONTACT_FIELDS;
const COST_KEYS = ['free', 'amounts', 'note'];
const AMOUNT_KEYS = ['amount', 'description'];

/** Fields (by key) whose strings are always quoted. */
const ALWAYS_QUOTED = new Set(['start', 'end', 'phone']);
/** Fields (by key) whose items are always quoted. */
const ITEMS_ALWAYS_QUOTED = new Set(['monthly']);
/** Date fields (by key) and date-list fields: `YYYY-MM-DD` strings are written unquoted. */
const DATE_KEYS = new Set(['last_verified', 'from', 'until']);
const DATE_ITEM_KEYS = new Set(['dates']);
/** Entry keys left out when they are an empty list (the schema's default is the empty list). */
const OMIT_WHEN_EMPTY = new Set(['audience', 'accessibility', 'venues', 'schedules', 'contacts']);

/** Longest line a list is written on in flow style (`key: [a, b]`); longer lists go one per line. */
const FLOW_WIDTH = 80;

type Hint = 'text' | 'quoted' | 'date';
type Order = Record<string, readonly string[]>;

/** Which key order applies to the maps found under a key. */
const CHILD_ORDER: Order = {
  venues: VENUE_KEYS,
  schedules: SCHEDULE_KEYS,
  contacts: CONTACT_KEYS,
  cost: COST_KEYS,
  amounts: AMOUNT_KEYS,
  source: ['system', 'id', 'checksum'],
};

/** The entry file: front matter between `---` lines, a blank line, the body and a final newline. */
export function serialiseEntry(input: EntryInput, body: string): string {
  const lines = mapLines(input as unknown as Record<string, unknown>, 0, ENTRY_KEYS, true);
  const front = `---\n${lines.map((l) => `${l}\n`).join('')}---\n`;
  const text = body.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/\s+$/, '');
  return text ? `${front}\n${text}\n` : front;
}

// ---------------------------------------------------------------------------------------------
// Maps and lists
// ---------------------------------------------------------------------------------------------

function orderedKeys(obj: Record<string, unknown>, order: readonly string[]): string[] {
  const known = order.filter((k) => Object.hasOwn(obj, k));
  const rest = Object.keys(obj).filter((k) => !order.includes(k));
  return [...known, ...rest];
}

function mapLines(obj: Record<string, unknown>, indent: number, order: readonly string[], top = false): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const key of orderedKeys(obj, order)) {
    const value = obj[key];
    if (value === undefined) continue;
    if (top && OMIT_WHEN_EMPTY.has(key) && Array.isArray(value) && value.length === 0) continue;
    const k = scalar(key, 'text', true);
    const hint: Hint = ALWAYS_QUOTED.has(key) ? 'quoted' : DATE_KEYS.has(key) ? 'date' : 'text';
    const itemHint: Hint = ITEMS_ALWAYS_QUOTED.has(key) ? 'quoted' : DATE_ITEM_KEYS.has(key) ? 'date' : 'text';
    if (Array.isArray(value)) {
      const flow = flowList(value, itemHint);
      if (flow !== undefined && pad.length + k.length + 2 + flow.length <= FLOW_WIDTH) {
        out.push(`${pad}${k}: ${flow}`);
      } else {
        out.push(`${pad}${k}:`, ...listLines(value, indent + 2, CHILD_ORDER[key] ?? [], itemHint));
      }
    } else if (isMap(value)) {
      if (Object.values(value).every((v) => v === undefined)) out.push(`${pad}${k}: {}`);
      else out.push(`${pad}${k}:`, ...mapLines(value, indent + 2, CHILD_ORDER[key] ?? []));
    } else {
      out.push(`${pad}${k}: ${scalar(value, hint, false)}`);
    }
  }
  return out;
}

function listLines(items: unknown[], indent: number, order: readonly string[], hint: Hint): string[] {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const item of items) {
    if (Array.isArray(item)) {
      const flow = flowList(item, hint);
      if (flow !== undefined) out.push(`${pad}- ${flow}`);
      else out.push(`${pad}-`, ...listLines(item, indent + 2, order, hint));
    } else if (isMap(item)) {
      const inner = mapLines(item, indent + 2, order);
      if (inner.length === 0) out.push(`${pad}- {}`);
      else out.push(`${pad}- ${inner[0].slice(indent + 2)}`, ...inner.slice(1));
    } else {
      // A list cannot hold "nothing": an undefined item is written as null, as JSON would.
      out.push(`${pad}- ${scalar(item ?? null, hint, false)}`);
    }
  }
  return out;
}

/** `[a, b]` when every item is a plain value, else undefined. */
function flowList(items: unknown[], hint: Hint): string | undefined {
  if (!items.every((i) => i === null || i instanceof Date || typeof i !== 'object')) return undefined;
  return `[${items.map((i) => scalar(i ?? null, hint, true)).join(', ')}]`;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

// ---------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------

function scalar(value: unknown, hint: Hint, flow: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return number(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return date(value);
  const text = String(value);
  if (hint === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text) && isRealDate(text)) return text;
  if (hint === 'quoted' || hint === 'date' || needsQuotes(text, flow)) return quote(text);
  return text;
}

function number(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Object.is(n, -0)) return '-0.0';
  return String(n);
}

/** A date as YAML reads it back: `YYYY-MM-DD` at midnight UTC, else the full timestamp. */
function date(d: Date): string {
  if (Number.isNaN(d.getTime())) return quote('Invalid Date');
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Characters JSON leaves as they are but YAML would refuse or read as line breaks. */
const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** A YAML double-quoted scalar: the JSON string, with the few characters YAML refuses escaped. */
function quote(text: string): string {
  return JSON.stringify(text).replace(YAML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Words YAML 1.1 or 1.2 reads as booleans or null. */
const RESERVED = /^(?:true|false|yes|no|y|n|on|off|null|~|<<|=)$/i;
/** Looks like a number, a date, a time or a special float to some YAML reader. */
const NUMBERISH = /^[-+]?\.?\d|^[-+]?\.(?:inf|nan)$/i;
/** Starts with a YAML indicator, or with a document marker. */
const LEADING = /^(?:[-?:,[\]{}#&*!|>'"%@`.]|---|\.\.\.)/;
/** Control, bidi, line-separator, BOM or lone-surrogate characters: only safe escaped. */
const NEEDS_ESCAPE =
  // eslint-disable-next-line no-control-regex -- characters YAML only accepts escaped
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when a plain (unquoted) scalar could be read back as something other than `text`. */
export function needsQuotes(text: string, flow = false): boolean {
  if (text === '') return true;
  if (text !== text.trim()) return true;
  if (/[:#]/.test(text)) return true;
  if (LEADING.test(text)) return true;
  if (RESERVED.test(text)) return true;
  if (NUMBERISH.test(text) && (!/\s/.test(text) || /^\d{4}-\d\d?-\d\d?/.test(text))) return true;
  if (NEEDS_ESCAPE.test(text)) return true;
  if (flow && /[,[\]{}]/.test(text)) return true;
  return false;
}
