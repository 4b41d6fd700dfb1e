/**
 * A spreadsheet's rows as candidate entries, through a mapping file (`--mapping map.yaml`) from
 * columns to entry fields, with value maps for categories, neighbourhoods, days, join routes and
 * yes/no columns. Pure: the script reads the CSV or XLSX into rows of text.
 *
 * Real sheets hold blank rows, notes in merged cells (a row with only a note under the row it
 * belongs to), "Tues & Thurs 10-12", "£2.50", trailing spaces, odd capitals and dates written
 * three ways. Each row becomes a candidate, or is reported with its row number and why.
 *
 * The mapping file's fields, check and suggestion live in ./sheet-mapping.ts; this module reads
 * the rows and is the one to import.
 */
import { ACCESSIBILITY, AUDIENCES, DELIVERY_MODES, JOIN_ROUTES } from '../../schema/vocab';
import { entryIdFromName } from '../authoring/entry-id';
import { categoryOf } from './categories';
import { newCandidate, type Candidate, type ImportBook } from './context';
import type { ContactInput, VenueInput } from './entry-input';
import type { NotImported } from './finish';
import { normalisePostcode } from './places';
import { SourceRecord } from './record';
import { parseDate, parseScheduleText } from './schedule-text';
import {
  accessibilityOf,
  audienceOf,
  costFromText,
  deliveryModes,
  fitText,
  joinRoutes,
  languageOf,
  splitList,
  statusOf,
  yesNo,
} from './values';
import {
  SHEET_FIELDS,
  applyDays,
  headerRow,
  headersOf,
  lookup,
  norm,
  type Mapping,
  type SheetField,
} from './sheet-mapping';

export {
  SHEET_FIELDS,
  checkMapping,
  guessHeaderRow,
  headersOf,
  suggestMapping,
  type Mapping,
  type SheetField,
} from './sheet-mapping';

const TEXT_FIELDS: SheetField[] = ['body', 'summary', 'when', 'eligibility'];

const SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** A name written all in capitals, in ordinary capitals ("CHAIR EXERCISE FOR OVER 60s" → "Chair Exercise for Over 60s"); others unchanged. */
export function tidyCapitals(name: string): string {
  const letters = name.replace(/[^A-Za-z]/g, '');
  const upper = letters.replace(/[^A-Z]/g, '').length;
  if (letters.length < 4 || upper / letters.length < 0.8) return name;
  return name
    .toLowerCase()
    .replace(/(?<![a-z0-9'])[a-z][a-z']*/g, (w, at: number) =>
      at > 0 && SMALL_WORDS.has(w) ? w : w[0].toUpperCase() + w.slice(1),
    );
}

const SHEET_FIELD_SET: ReadonlySet<string> = new Set(SHEET_FIELDS);
const ROW = Symbol('row');

/** The rows of a sheet as candidates, and the rows that cannot be one. */
export function sheetToCandidates(
  rows: readonly string[][],
  mapping: Mapping,
  file: string,
  book: ImportBook,
): { candidates: Candidate[]; notImported: NotImported[] } {
  const at = headerRow(rows, mapping.header_row);
  const headers = headersOf(rows, at);
  const col = new Map(headers.map((h, i) => [norm(h), i]));
  const candidates: Candidate[] = [];
  const notImported: NotImported[] = [];
  const columnsOf = new Map(
    SHEET_FIELDS.map((f) => [f, [mapping.columns[f] ?? []].flat().map((h) => col.get(norm(String(h))))] as const),
  );
  const cellsOf = (field: SheetField) => columnsOf.get(field)!;
  // Worked out once, not once a row: the headings each field is read from, as the report names them.
  const headingOf = new Map(SHEET_FIELDS.map((f) => [f, [mapping.columns[f] ?? f].flat().join(' + ')] as const));
  const heading = (f: SheetField) => headingOf.get(f)!;
  const venueColumns = `columns ${heading('venue_name')}, ${heading('address')}, ${heading('postcode')}`;
  const textColumns = new Set(TEXT_FIELDS.flatMap((f) => cellsOf(f)));
  // A row's `from` (entry field → its place in the sheet, "row 12, column Postcode"): written out
  // only when a message asks for one. Forty strings a row, made up front, held 40 MB more on a
  // 10,000-row sheet, and the report names sources only for problems. Fields set on it are kept.
  const rowSources: ProxyHandler<Record<string | symbol, unknown>> = {
    get: (t, k) =>
      typeof k === 'string' && !Object.hasOwn(t, k) && SHEET_FIELD_SET.has(k)
        ? `row ${t[ROW] as number}, column ${heading(k as SheetField)}`
        : t[k],
  };
  let lastRow = -1;
  // Rows above the headings (a title, a date, blank lines) are not records; the report says so.
  for (let i = 0; i < at - 1; i++)
    if (rows[i].some((c) => String(c ?? '').trim()))
      notImported.push({
        origin: { system: file, file, ...(mapping.sheet ? { sheet: mapping.sheet } : {}), row: i + 1 },
        reasons: [
          `above the heading row (row ${at}): "${fitText(rows[i].filter(Boolean).join(' '), 60).text}" is not a record`,
        ],
      });
  for (let i = at; i < rows.length; i++) {
    const row = rows[i].map((c) => String(c ?? ''));
    const rowNo = i + 1;
    const origin = { system: file, file, ...(mapping.sheet ? { sheet: mapping.sheet } : {}), row: rowNo };
    const data: Record<string, string> = {};
    headers.forEach((h, j) => {
      if (row[j]?.trim()) data[h || `column ${j + 1}`] = row[j];
    });
    row.slice(headers.length).forEach((v, j) => {
      if (v.trim()) data[`column ${headers.length + j + 1}`] = v;
    });
    if (!Object.keys(data).length) {
      notImported.push({ origin, reasons: ['a blank row'] });
      continue;
    }
    const r = new SourceRecord(data);
    const get = (field: SheetField): string | undefined => {
      let out: string | undefined;
      for (const j of cellsOf(field)) {
        const h = j === undefined ? undefined : headers[j];
        const v = h ? (r.take(h) as string | undefined) : undefined;
        const t = v?.trim();
        if (t) out = out === undefined ? t.replace(/\s+/g, ' ') : `${out} ${t.replace(/\s+/g, ' ')}`;
      }
      return out;
    };
    const name = get('name');
    if (!name) {
      // A note in merged cells sits under the row it belongs to: it joins that row's text.
      const textOnly = Object.keys(data).every((h) => textColumns.has(col.get(norm(h))));
      const prev = candidates[candidates.length - 1];
      if (textOnly && prev && lastRow === rowNo - 1) {
        prev.body.push(...Object.values(data).map((v) => v.trim()));
        lastRow = rowNo;
        prev.guesses.push(`body: row ${rowNo} (a note with no name under this row) added to the text`);
        continue;
      }
      notImported.push({
        origin,
        reasons: [
          `no ${[mapping.columns.name].flat().join(' ')} (the group's name): ${Object.entries(data)
            .map(([k, v]) => `${k} "${fitText(v, 40).text}"`)
            .join(', ')}`,
        ],
      });
      continue;
    }
    const postcode = get('postcode');
    const id =
      get('id') ??
      `${entryIdFromName(name)}${postcode ? `-${normalisePostcode(postcode).replace(' ', '').toLowerCase()}` : ''}`;
    const c = newCandidate({ ...origin, id }, id, r);
    const e = c.input as Record<string, unknown>;
    c.from = new Proxy({ [ROW]: rowNo }, rowSources) as Record<string, string>;
    const from = (entryField: string, f: SheetField) => (c.from[entryField] = `row ${rowNo}, column ${heading(f)}`);
    const vals = mapping.values ?? {};
    const defaults = (mapping.defaults ?? {}) as Record<string, unknown>;
    const list = (
      f: 'categories' | 'neighbourhoods' | 'join' | 'delivery' | 'audience' | 'accessibility',
      read: (s: string) => string | string[] | undefined,
    ) => {
      const text = get(f);
      if (!text) return;
      const out: string[] = [];
      const bad: string[] = [];
      for (const item of [text, ...splitList(text)]) {
        const v = lookup(vals[f], item) ?? read(item);
        if (v) {
          out.push(...[v].flat());
          if (item === text) break;
        } else if (item !== text) bad.push(item);
      }
      from(f, f);
      if (out.length) e[f] = [...new Set(out)];
      if (bad.length)
        c.guesses.push(
          `${f}: "${bad.join('", "')}" left out (not a value the book knows; add it under values.${f} in the mapping)`,
        );
    };

    e.name = fitText(tidyCapitals(name), 120).text;
    if (e.name !== fitText(name, 120).text)
      c.guesses.push(`name: "${e.name}" (the sheet has it in capitals: "${name}")`);
    from('name', 'name');
    const summary = get('summary');
    const body = get('body');
    const s = fitText(summary ?? body ?? name, 160);
    e.summary = s.text;
    from('summary', summary ? 'summary' : body ? 'body' : 'name');
    if (s.cut && (summary || !body)) c.body.push(summary ?? name);
    if (body) c.body.push(body);
    const org = get('organisation');
    if (org) e.organisation = fitText(org, 120).text;
    list('categories', (t) => categoryOf({ name: t, code: t }, book.categories, book.categoryMap));
    list(
      'neighbourhoods',
      (t) =>
        book.neighbourhoods.find((n) => norm(n.name) === norm(t) || n.id === norm(t))?.id ??
        (/^(?:all|borough[- ]wide|everywhere|whole borough)$/i.test(t.trim()) ? 'borough-wide' : undefined),
    );
    const status = get('status');
    if (status) {
      const st = lookup(vals.status, status) ?? statusOf(status);
      if (st) e.status = st;
      else c.guesses.push(`status: "${status}" left out (running is assumed)`);
    }
    const alert = get('alert');
    if (alert) e.alert = fitText(alert, 200).text;
    list('join', (t) => ((JOIN_ROUTES as readonly string[]).includes(norm(t)) ? norm(t) : joinRoutes(t)));
    list('delivery', (t) => ((DELIVERY_MODES as readonly string[]).includes(norm(t)) ? norm(t) : deliveryModes(t)));
    list('audience', (t) => ((AUDIENCES as readonly string[]).includes(norm(t)) ? norm(t) : audienceOf(t)));
    const accessText = get('accessibility');
    if (accessText) {
      const a = lookup(vals.accessibility, accessText);
      const { values, rest } = a ? { values: [a], rest: false } : accessibilityOf(accessText);
      if (values.length) e.accessibility = values.filter((v) => (ACCESSIBILITY as readonly string[]).includes(v));
      if (rest) c.body.push(`**Accessibility:** ${accessText}`);
      from('accessibility', 'accessibility');
    }
    for (const f of ['min_age', 'max_age'] as const) {
      const v = get(f);
      if (v === undefined) continue;
      const n = /^\d{1,3}\s*\+?$/.test(v) ? parseInt(v, 10) : undefined;
      if (n !== undefined) e[f] = n;
      else c.guesses.push(`${f}: "${v}" is not a whole number of years; left out`);
    }
    const el = get('eligibility');
    if (el) e.eligibility = fitText(el, 300).text;
    const cost = get('cost');
    if (cost) {
      const parsed = costFromText(cost);
      if (parsed) e.cost = parsed;
      else c.body.push(`**Cost:** ${cost}`);
    }
    const langs = get('languages');
    if (langs) {
      const codes = splitList(langs).map((l) => [l, languageOf(l)] as const);
      const good = codes.filter(([, c]) => c).map(([, c]) => c!);
      if (good.length) e.languages = [...new Set(good)];
      const bad = codes.filter(([, c]) => !c).map(([l]) => l);
      if (bad.length) c.body.push(`**Languages:** ${langs}`);
    }

    // One venue a row.
    const venueName = get('venue_name');
    const address = get('address');
    if (venueName || address || postcode || get('lat')) {
      const v: Record<string, unknown> = {
        name: fitText(venueName ?? address ?? postcode ?? 'Venue', 120).text,
        address: fitText(address ?? venueName ?? '', 200).text,
      };
      const town = get('town');
      if (town) v.town = fitText(town, 80).text;
      if (postcode) v.postcode = normalisePostcode(postcode);
      const lat = Number(get('lat'));
      const lng = Number(get('lng'));
      if (get('lat') && get('lng') && Number.isFinite(lat) && Number.isFinite(lng)) {
        v.lat = lat;
        v.lng = lng;
      }
      e.venues = [v as VenueInput];
      c.from['venues[0]'] = `row ${rowNo}, ${venueColumns}`;
      if (!e.delivery) e.delivery = ['in-person'];
      else if (!(e.delivery as string[]).includes('in-person')) (e.delivery as string[]).unshift('in-person');
    }

    const when = get('when');
    if (when) {
      const parsed = parseScheduleText(applyDays(when, vals.days));
      if (parsed.schedules.length) e.schedules = parsed.schedules;
      from('schedules', 'when');
      if (parsed.unknown.length || parsed.problems.length || !parsed.schedules.length) {
        c.body.push(`**When:** ${when}`);
        c.guesses.push(
          `schedules: "${when}" ${parsed.schedules.length ? 'read in part' : 'not read'}${parsed.unknown.length ? ` (did not understand "${parsed.unknown.join(' ')}")` : ''}${parsed.problems.length ? ` (${parsed.problems.join(' ')})` : ''}; the text is kept in the body`,
        );
      }
    }

    const contact: ContactInput = {};
    const cn = get('contact_name');
    const phone = get('phone');
    const email = get('email');
    if (cn) contact.name = fitText(cn, 80).text;
    if (phone) contact.phone = phone;
    if (email) contact.email = email.toLowerCase();
    if (phone || email) e.contacts = [contact];
    else if (cn) c.guesses.push(`contacts: "${cn}" left out (no phone or email with it)`);
    from('contacts', phone ? 'phone' : 'email');
    const web = get('website');
    if (web) e.website = /^https?:\/\//i.test(web) ? web : `https://${web.replace(/^\/+/, '')}`;
    const checked = get('last_verified');
    if (checked) {
      const d = parseDate(checked);
      if (d) e.last_verified = d;
      else c.guesses.push(`last_verified: "${checked}" is not a date the importer can read`);
    }
    const by = get('verified_by');
    if (by) e.verified_by = fitText(by, 120).text;

    // Yes/no columns.
    for (const [h, adds] of Object.entries(mapping.flags ?? {})) {
      const j = col.get(norm(h));
      const v = j === undefined ? undefined : row[j];
      if (!v?.trim()) continue;
      const yes = yesNo(v, vals.yes_no);
      r.take(headers[j!]);
      if (yes === undefined) {
        c.guesses.push(`${h}: "${v}" is neither yes nor no; left out`);
        continue;
      }
      if (!yes) continue;
      for (const [field, value] of Object.entries(adds)) {
        if (field === 'cost') e.cost = { free: true };
        else e[field] = [...new Set([...((e[field] as string[]) ?? []), value])];
      }
    }

    for (const [k, v] of Object.entries(defaults))
      if (e[k] === undefined) {
        e[k] = v instanceof Date ? v.toISOString().slice(0, 10) : v;
        c.guesses.push(`${k}: ${JSON.stringify(e[k])} (the mapping's default)`);
      }
    if (!e.join) {
      e.join = ['self-referral'];
      c.guesses.push('join: self-referral (the sheet does not say how to join; set a default in the mapping)');
    }
    if (!e.last_verified) {
      e.last_verified = book.today;
      c.guesses.push(
        `last_verified: ${book.today} (the sheet does not say when it was checked: the day of the import)`,
      );
    }
    if (!e.delivery) e.delivery = e.venues ? ['in-person'] : phone ? ['phone'] : ['online'];
    if (!e.categories && book.defaultCategory) {
      e.categories = [book.defaultCategory];
      c.guesses.push(`categories: ${book.defaultCategory} (--default-category)`);
    }
    e.source = { system: file, id };
    candidates.push(c);
    lastRow = rowNo;
  }
  return { candidates, notImported };
}
