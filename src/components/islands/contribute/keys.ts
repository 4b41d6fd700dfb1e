/**
 * The contribute form's light parts, apart from React: what the page hands it about the book, the
 * messages it places, and the DOM ids of its fields. No schema and no zod, so the form draws with
 * these before its checker (./model.ts, loaded on first use: ./checker.ts) has arrived.
 */
import { BOROUGH_WIDE } from '../../../schema/vocab';
import { pointExample, type SchemaContext } from '../../../schema/context';
import type { PlaceExamples } from '../../../schema/site';
import type { PickerMap } from '../../../lib/map/picker';

/** What the page hands the form about the book (small: ids and names only). */
export interface BookContext {
  /** `[[south, west], [north, east]]` */
  bounds: [[number, number], [number, number]];
  /** site.yaml `map.centre`, `[lat, lng]` (the latitude and longitude hints' example). */
  centre?: [number, number];
  categories: { id: string; name: string; parent?: string }[];
  neighbourhoods: { id: string; name: string }[];
  /** "Wigan borough" */
  place: string;
  staleMonths: number;
  /** site.yaml `examples`: the hints' and messages' examples in this place's own terms. */
  examples: PlaceExamples;
  /** The place picker's picture of the neighbourhoods, drawn at build time (src/lib/map/picker.ts). */
  picker?: PickerMap;
}

export function schemaContext(book: BookContext): SchemaContext {
  return {
    bounds: book.bounds,
    centre: book.centre,
    categoryIds: new Set(book.categories.map((c) => c.id)),
    neighbourhoodIds: new Set(book.neighbourhoods.map((n) => n.id).filter((id) => id !== BOROUGH_WIDE)),
    examples: book.examples,
  };
}

/** The schema's context, and the hints' examples: site.yaml `examples`, the place, a point of it (its map centre). */
export function formContext(book: BookContext) {
  return { ctx: schemaContext(book), examples: { ...book.examples, place: book.place, point: pointExample(book) } };
}

/** A message placed on the form: `key` names the field (see `fieldKeys`). */
export interface FormMessage {
  key: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface CheckResult {
  id: string;
  /** `content/entries/<id>.md` */
  path: string;
  /** The file that would be proposed. */
  text: string;
  messages: FormMessage[];
  errors: number;
}

/** The DOM id of a key's input: `venues[0].postcode` → `cf-venues-0-postcode`. */
export function inputId(key: string): string {
  return `cf-${key.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '')}`;
}

/** The DOM id of a key's message. */
export function messageId(key: string): string {
  return `${inputId(key)}-message`;
}

/** The field a key belongs to for "touched" purposes: `venues[0].postcode` → itself; `schedules[0].weekly` → itself. */
export function isShown(key: string, touched: ReadonlySet<string>, submitted: boolean): boolean {
  if (submitted) return true;
  if (touched.has(key)) return true;
  // Group messages (a whole venue, a whole schedule) wait until one of their fields was left.
  for (const t of touched) if (t.startsWith(`${key}.`) || t.startsWith(`${key}[`)) return true;
  return false;
}
