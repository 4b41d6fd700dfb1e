/**
 * HSDS's tabular form (a folder of CSV tables with datapackage.json) joined by id into
 * `service_full` documents, so the tables import through the same mapping as the JSON
 * documents. Pure: the script reads each CSV into rows of named cells.
 *
 * Rows no service reaches (a funding row of an organisation, a program, an attribute of a
 * location) are returned in `unread` with their table and row, for the report.
 */
import type { Json } from './record';

export type Tables = Record<string, Record<string, string>[]>;

/** Columns whose values are numbers in the JSON form. */
const NUMERIC = new Set([
  'latitude',
  'longitude',
  'amount',
  'minimum_age',
  'maximum_age',
  'interval',
  'count',
  'timezone',
  'extension',
  'year_incorporated',
]);

function typed(row: Record<string, string>): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === undefined || v === '') continue;
    out[k] = NUMERIC.has(k) && /^-?\d+(?:\.\d+)?$/.test(v.trim()) ? Number(v) : v;
  }
  return out;
}

export interface TableServices {
  services: { doc: Json; row: number }[];
  unread: { table: string; row: number; reason: string }[];
}

/** The services of a set of HSDS tables, each with everything that links to it. */
export function tablesToServices(tables: Tables): TableServices {
  const used = new Map<string, Set<number>>();
  const rows = (t: string) => (tables[t] ?? []).map((r, i) => ({ r: typed(r), i }));
  const mark = (t: string, i: number) => {
    if (!used.has(t)) used.set(t, new Set());
    used.get(t)!.add(i);
  };
  const where = (t: string, key: string, id: unknown) =>
    rows(t)
      .filter((x) => id !== undefined && x.r[key] === id)
      .map((x) => (mark(t, x.i), x.r));
  const byId = (t: string, id: unknown) => where(t, 'id', id)[0];
  const phonesOf = (key: string, id: unknown) =>
    where('phones', key, id).map((p) => ({ ...p, languages: where('languages', 'phone_id', p.id) }));
  const termOf = (id: unknown) => byId('taxonomy_terms', id);
  const attributesOf = (id: unknown) =>
    where('attributes', 'link_id', id).map((a) => ({ ...a, taxonomy_term: termOf(a.taxonomy_term_id) }));

  const services = rows('services').map(({ r: s, i }) => {
    mark('services', i);
    const org = byId('organizations', s.organization_id);
    const locations = where('service_at_location', 'service_id', s.id).map((link) => {
      const loc = byId('locations', link.location_id);
      return {
        ...link,
        location: loc && {
          ...loc,
          addresses: where('addresses', 'location_id', loc.id),
          accessibility: where('accessibility', 'location_id', loc.id),
          phones: phonesOf('location_id', loc.id),
          schedules: where('schedules', 'location_id', loc.id),
          languages: where('languages', 'location_id', loc.id),
        },
        schedules: where('schedules', 'service_at_location_id', link.id),
      };
    });
    const doc: Json = {
      ...s,
      organization: org,
      phones: phonesOf('service_id', s.id),
      schedules: where('schedules', 'service_id', s.id),
      service_areas: where('service_areas', 'service_id', s.id),
      service_at_locations: locations,
      languages: where('languages', 'service_id', s.id),
      cost_options: where('cost_options', 'service_id', s.id),
      contacts: where('contacts', 'service_id', s.id).map((c) => ({ ...c, phones: phonesOf('contact_id', c.id) })),
      attributes: attributesOf(s.id),
    };
    return { doc, row: i + 2 };
  });
  const unread: TableServices['unread'] = [];
  for (const [t, list] of Object.entries(tables)) {
    // Taxonomies are the vocabularies terms belong to: read through each term, not on their own.
    if (t === 'taxonomies' || t === 'meta_table_descriptions') continue;
    list.forEach((_, i) => {
      if (!used.get(t)?.has(i))
        unread.push({
          table: t,
          row: i + 2,
          reason: `no service links to this ${t.replace(/s$/, '')} row, so the book has nowhere to put it`,
        });
    });
  }
  return { services, unread };
}
