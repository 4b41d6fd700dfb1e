/**
 * The schema's issues as problems in plain words: the schema's own messages where it has them,
 * otherwise a sentence made from the kind of issue, an example line for the field, and "did you
 * mean" for a misspelt field name.
 */
import type { ZodType } from 'zod';
import { BOROUGH_WIDE, type SchemaContext } from '../../schema';
import { pointExample } from '../../schema/context';
import { editDistance } from '../text/edit-distance';
import { clip, formatPath, getPath, lastKey, safeString, type Anchor, type Pending, type Seg } from './problems';

/** Marks messages zod wrote itself (the schema gave no text of its own), to be replaced by plain words. */
const GENERIC = '\u0000generic';
const parseOptions = { error: () => GENERIC };

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: unknown[];
  format?: string;
}

export function schemaIssues(schema: ZodType, data: unknown, pending: Pending[], ctx?: SchemaContext): void {
  let result: { success: boolean; error?: { issues: ZodIssueLike[] } };
  try {
    result = schema.safeParse(data, parseOptions as never) as never;
  } catch (err) {
    pending.push({
      path: [],
      anchor: 'key',
      field: 'front matter',
      severity: 'error',
      message: `The checker could not read the front matter (${clip(safeString(err))}).`,
    });
    return;
  }
  if (result.success || !result.error) return;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((s): s is Seg => typeof s === 'string' || typeof s === 'number');
    if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)) {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        const full = [...path, key];
        pending.push({
          path: full,
          anchor: 'key',
          field: formatPath(full),
          severity: 'error',
          message: unknownKeyMessage(key, known, path.length === 0),
        });
      }
      continue;
    }
    const field = formatPath(path);
    const value = getPath(data, path);
    let message = issue.message;
    let anchor: Anchor = 'value';
    const wrongType = issue.code === 'invalid_type' || issue.code === 'invalid_union';
    if (wrongType && value === undefined && path.length > 0) {
      message = `\`${lastKey(path)}\` is missing. Fix: add ${example(path, ctx)}.`;
    } else if (wrongType && value === null && path.length > 0) {
      const optional = isOptionalAt(schema, path);
      message = `\`${lastKey(path)}\` is empty. Fix: fill it in, e.g. ${example(path, ctx)}${optional ? ', or delete the line' : ''}.`;
      anchor = 'key';
    } else if (message === GENERIC || typeof message !== 'string' || message === '') {
      message = genericMessage(issue, path, value, ctx);
    }
    pending.push({ path, anchor, field: field || 'front matter', severity: 'error', message });
  }
}

function genericMessage(issue: ZodIssueLike, path: Seg[], value: unknown, ctx?: SchemaContext): string {
  const name = path.length ? `\`${lastKey(path)}\`` : 'The front matter';
  const eg = path.length ? ` Fix: write it like ${example(path, ctx)}.` : '';
  switch (issue.code) {
    case 'invalid_type':
      return `${name} should be ${kindWords(issue.expected)}, but it is ${describe(value)}.${eg}`;
    case 'invalid_union':
      return `${name} has the wrong kind of value (${describe(value)}).${eg}`;
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = String(small ? issue.minimum : issue.maximum);
      if (issue.origin === 'array') {
        if (small && Array.isArray(value) && value.length === 0)
          return `${name} is an empty list. Fix: add at least ${limit}, e.g. ${example(path, ctx)}.`;
        return `${name} has ${small ? 'too few' : 'too many'} items: ${small ? 'at least' : 'at most'} ${limit}.${eg}`;
      }
      if (issue.origin === 'string')
        return `${name} is too ${small ? 'short' : 'long'}: ${small ? 'at least' : 'at most'} ${limit} characters. Fix: ${small ? 'write more' : 'shorten it'}.`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return `${name} is ${clip(String(value))}, but it must be ${small ? 'at least' : 'at most'} ${limit}. Fix: check the number.`;
      }
      return `${name} is too ${small ? 'small' : 'big'} (${small ? 'at least' : 'at most'} ${limit}).${eg}`;
    }
    case 'invalid_value': {
      const options = Array.isArray(issue.values) ? issue.values.map((v) => `\`${String(v)}\``).join(', ') : '';
      return `${name} is "${clip(String(value))}", which is not allowed.${options ? ` Fix: use ${options}.` : eg}`;
    }
    case 'invalid_format':
      return `${name} is not in the right form${issue.format ? ` (${issue.format})` : ''}.${eg}`;
    case 'not_multiple_of':
      return `${name} is not a whole step.${eg}`;
    default:
      return `${name} is not valid.${eg}`;
  }
}

function kindWords(expected: string | undefined): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
    case 'int':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a group of `field: value` lines';
    case 'date':
      return 'a date';
    case 'tuple':
      return 'a list';
    default:
      return expected ? `a ${expected}` : 'something else';
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (value instanceof Date) return 'a date';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text "${clip(value)}"`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `\`${value}\``;
    case 'object':
      return 'a group of fields';
    default:
      return typeof value;
  }
}

/** Known field names of the object at `path` in the schema, for "did you mean". */
function knownKeys(schema: ZodType, path: readonly Seg[]): string[] {
  const s = unwrap(schemaAt(schema, path));
  const shape = s?._zod?.def?.type === 'object' ? s._zod.def.shape : undefined;
  return shape ? Object.keys(shape) : [];
}

function isOptionalAt(schema: ZodType, path: readonly Seg[]): boolean {
  const s = schemaAt(schema, path);
  return s?._zod?.optin === 'optional';
}

// zod's internals are typed loosely here on purpose: only `_zod.def` is read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySchema = any;

function unwrap(s: AnySchema): AnySchema {
  for (let i = 0; i < 20 && s?._zod?.def; i++) {
    const def = s._zod.def;
    if (def.type === 'pipe') s = def.in;
    else if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type))
      s = def.innerType;
    else if (def.type === 'lazy' && typeof def.getter === 'function') s = def.getter();
    else break;
  }
  return s;
}

function schemaAt(schema: ZodType, path: readonly Seg[]): AnySchema {
  let s: AnySchema = schema;
  for (const seg of path) {
    s = unwrap(s);
    const def = s?._zod?.def;
    if (!def) return undefined;
    if (def.type === 'object' && typeof seg === 'string') s = def.shape?.[seg];
    else if (def.type === 'array' && typeof seg === 'number') s = def.element;
    else if (def.type === 'tuple' && typeof seg === 'number') s = def.items?.[seg];
    else return undefined;
  }
  return s;
}

const ALIASES: Record<string, string> = {
  title: 'name',
  url: 'website',
  web: 'website',
  homepage: 'website',
  site: 'website',
  phone: 'contacts',
  email: 'contacts',
  telephone: 'contacts',
  contact: 'contacts',
  category: 'categories',
  tags: 'categories',
  neighbourhood: 'neighbourhoods',
  neighborhood: 'neighbourhoods',
  neighborhoods: 'neighbourhoods',
  area: 'neighbourhoods',
  areas: 'neighbourhoods',
  venue: 'venues',
  location: 'venues',
  address: 'venues',
  schedule: 'schedules',
  times: 'schedules',
  when: 'schedules',
  price: 'cost',
  verified: 'last_verified',
  updated: 'last_verified',
  language: 'languages',
  organization: 'organisation',
  organiser: 'organisation',
  day: 'weekly',
  days: 'weekly',
  time: 'start',
  postal_code: 'postcode',
  post_code: 'postcode',
  latitude: 'lat',
  longitude: 'lng',
  lon: 'lng',
  long: 'lng',
};

function unknownKeyMessage(key: string, known: readonly string[], topLevel: boolean): string {
  if (topLevel && key === 'slug') {
    return "The field `slug` is not allowed: an entry's id and web address come from its file name. Fix: delete the `slug` line; to change the address, rename the file.";
  }
  if (topLevel && (key === 'description' || key === 'body')) {
    return `Unknown field \`${key}\`. Fix: remove it and write the description as plain text below the closing \`---\` line.`;
  }
  const guess = closest(key, known);
  return `Unknown field \`${key}\`. Fix: remove it or check the spelling${guess ? ` — did you mean \`${guess}\`?` : '.'}`;
}

/** The known field nearest to `key` by edit distance, if it is near enough to be a typo. */
export function closest(key: string, known: readonly string[]): string | undefined {
  if (!known.length) return undefined;
  const lower = key.toLowerCase().replace(/[\s-]+/g, '_');
  const exact = known.find((k) => k.toLowerCase() === lower);
  if (exact) return exact;
  const alias = ALIASES[lower];
  if (alias && known.includes(alias)) return alias;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(lower, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(lower.length / 3)) && bestDistance < lower.length ? best : undefined;
}

/** `name: Hindley Health Walks` — an example line for the field at the end of `path`. */
function example(path: readonly Seg[], ctx?: SchemaContext): string {
  const key = lastKey(path);
  const parent = [...path].reverse().find((s, i) => i > 0 && typeof s === 'string');
  const firstCategory = ctx ? [...ctx.categoryIds][0] : undefined;
  const firstHood = ctx ? [...ctx.neighbourhoodIds][0] : undefined;
  const value =
    placeExample(`${parent}.${key}`, ctx) ??
    placeExample(key, ctx) ??
    EXAMPLES[`${parent}.${key}`] ??
    (key === 'categories' && firstCategory ? `[${firstCategory}]` : undefined) ??
    (key === 'neighbourhoods' && firstHood ? `[${firstHood}]` : undefined) ??
    EXAMPLES[key];
  if (typeof path[path.length - 1] === 'number') {
    return value ? `\`${value}\`` : 'a value like the others in the list';
  }
  return value ? `\`${key}: ${value}\`` : `\`${key}: …\``;
}

/** The example the place gave in site.yaml `examples` (src/schema/site.ts), for the fields it covers. */
function placeExample(key: string, ctx?: SchemaContext): string | undefined {
  if (!ctx) return undefined;
  const e = ctx.examples ?? {};
  const quoted = (s?: string) => (s ? `"${s}"` : undefined);
  const point = pointExample(ctx);
  const by: Record<string, string | undefined> = {
    'venues.lat': point.lat,
    'venues.lng': point.lng,
    venues: `[{ name: ${e.venue ?? 'Central Library'}, address: Market Street, postcode: ${e.postcode ?? 'AB1 2CD'}, lat: ${point.lat}, lng: ${point.lng} }]`,
    name: e.group,
    eligibility: e.eligibility,
    verified_by: e.verified_by,
    'venues.name': e.venue,
    'venues.postcode': e.postcode,
    'contacts.phone': quoted(e.phone),
  };
  return by[key];
}

/** Neutral examples, for what the place's own (site.yaml `examples`) do not cover. */
const EXAMPLES: Record<string, string> = {
  name: 'Riverside Health Walks',
  summary: 'Friendly led walks of about an hour at a gentle pace.',
  organisation: 'Riverside Family Support',
  categories: '[walking]',
  neighbourhoods: `[${BOROUGH_WIDE}]`,
  status: 'active',
  alert: 'Closed over Christmas, back 6 January',
  join: '[drop-in]',
  delivery: '[in-person]',
  min_age: '18',
  max_age: '25',
  audience: '[older-people]',
  eligibility: 'Carers living in the area',
  cost: '{ free: true }',
  accessibility: '[step-free, hearing-loop]',
  languages: '[en]',
  venues: '[{ name: Central Library, address: Market Street, postcode: AB1 2CD, lat: 51.5074, lng: -0.1278 }]',
  schedules: '[{ weekly: [tue], start: "10:00", end: "11:00" }]',
  contacts: '[{ name: Group organiser, phone: "01632 960123" }]',
  website: 'https://example.org',
  last_verified: '2026-03-14',
  verified_by: 'the neighbourhood team',
  'venues.name': 'Central Library',
  'venues.address': 'Market Street',
  'venues.town': 'Riverside',
  'venues.postcode': 'AB1 2CD',
  'venues.lat': '51.5074',
  'venues.lng': '-0.1278',
  'schedules.weekly': '[tue]',
  'schedules.every': '2',
  'schedules.monthly': '["2nd tue"]',
  'schedules.dates': '[2026-12-12]',
  'schedules.start': '"10:00"',
  'schedules.end': '"11:30"',
  'schedules.from': '2026-01-08',
  'schedules.until': '2026-07-17',
  'schedules.note': 'Term time only',
  'contacts.name': 'Group organiser',
  'contacts.phone': '"01632 960123"',
  'contacts.email': 'hello@example.org',
  'cost.free': 'true',
  'cost.pay_what_you_can': 'true',
  'cost.amounts': '[{ amount: 2.5, description: per session }]',
  'cost.note': 'Donations welcome',
  'amounts.amount': '2.5',
  'amounts.description': 'per session',
  dates: '2026-12-12',
  weekly: 'tue',
};
