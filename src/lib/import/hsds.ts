/**
 * An Open Referral service (HSDS 3.0 `service_full`, or ORUK 3.0) as a candidate entry: the
 * book's export mapping (../exports/hsds.ts) run backwards, so a feed this book wrote comes back
 * as the entries it was made from, and any other feed's facts land in the same fields. Pure.
 *
 * Every field read is marked on the record (./record.ts); what has no home is listed per entry.
 * Text with no field of its own (a long description, an application process the vocabularies do
 * not hold, accessibility details) goes into the entry's body.
 *
 * The sections live by concern: ./hsds-read.ts (shared readers, description lines, HTML),
 * ./hsds-schedules.ts (schedules and delivery), ./hsds-places.ts (venues and service areas) and
 * ./hsds-contacts.ts (cost and contacts). This module reads the rest and is the one to import.
 */
import type { EntryInput } from './entry-input';
import { categoryOf } from './categories';
import { newCandidate, type Candidate, type ImportBook, type Origin } from './context';
import { SourceRecord, type Json } from './record';
import { fitText, joinRoutes, languageOf, splitEligibility, statusOf } from './values';
import { arr, dateOnly, splitDescription, str, withoutHtml, type ServiceRead } from './hsds-read';
import { readDelivery, readSchedules } from './hsds-schedules';
import { readServiceAreas, readVenues } from './hsds-places';
import { readContacts, readCost } from './hsds-contacts';

export { plainFromHtml } from './hsds-read';

/** A service document (HSDS 3.0 `service_full`) as a candidate entry. */
export function serviceToCandidate(source: Json, origin: Origin, book: ImportBook): Candidate {
  const html: string[] = [];
  const doc = withoutHtml(source, '', html) as Json;
  const r = new SourceRecord(doc);
  const id = str(doc.id) ?? `${origin.file ?? origin.system}#${origin.row ?? ''}`;
  const c = newCandidate({ ...origin, id }, id, r);
  const e: Partial<EntryInput> = c.input;
  if (html.length) c.guesses.push(`${html.join(', ')}: HTML tags taken out (entries are plain text)`);
  const body: string[] = [];
  r.take('id');

  const name = str(r.take('name'));
  if (name) e.name = fitText(name, 120).text;
  c.from.name = 'name';

  // description: the summary, the export's lines for what ORUK has no field for, then any more text.
  const description = str(r.take('description')) ?? '';
  const gaps = splitDescription(description);
  const summary = fitText(gaps.summary || name || '', 160);
  if (summary.text) e.summary = summary.text;
  c.from.summary = 'description';
  if (summary.cut) body.push(gaps.summary);
  body.push(...gaps.rest);
  const s: ServiceRead = { doc, r, c, e, body, gaps, book, name };

  const org = r.peek('organization') as Json | undefined;
  const orgName = str(r.take('organization', 'name'));
  if (orgName && orgName !== name) e.organisation = fitText(orgName, 120).text;
  if (org) {
    r.take('organization', 'id');
    // The book's export describes every organisation in the same words: nothing to keep then.
    const od = str(org.description);
    if (od && orgName && od.startsWith(`${orgName}: runs groups or services listed in `))
      r.take('organization', 'description');
  }
  c.from.organisation = 'organization.name';

  const status = str(r.take('status'));
  if (status) {
    const s = statusOf(status);
    if (s) e.status = s;
    else c.guesses.push(`status: active (the feed says "${status}")`);
  }
  c.from.status = 'status';
  const alert = str(r.take('alert'));
  if (alert) {
    const a = fitText(alert, 200);
    e.alert = a.text;
    if (a.cut) body.push(`**Notice:** ${alert}`);
  }
  c.from.alert = 'alert';

  // How to join.
  const joinLine = gaps.lines.get('How to join')?.join(' ');
  const process = str(r.take('application_process'));
  let join = joinLine ? joinRoutes(joinLine) : [];
  if (!join.length && process) join = joinRoutes(process);
  if (process && (!joinLine || process !== joinLine)) {
    const own = joinRoutes(process);
    if (!own.length || process.split(/(?<=\.)\s+/).length !== own.length) body.push(`**How to join:** ${process}`);
  }
  if (join.length) e.join = join;
  else {
    e.join = ['self-referral'];
    c.guesses.push('join: self-referral (the feed does not say how to join in words the book knows)');
  }
  c.from.join = 'application_process';

  // Who it is for.
  // The field itself first: the description's line is its copy for ORUK readers, on one line.
  const who = str(r.take('eligibility_description')) ?? gaps.lines.get('Who it is for')?.join(' ');
  if (who) {
    const { audience, rest } = splitEligibility(who);
    if (audience.length) e.audience = audience;
    if (rest) {
      const el = fitText(rest, 300);
      e.eligibility = el.text;
      if (el.cut) body.push(`**Who can take part:** ${rest}`);
    }
  }
  c.from.eligibility = 'eligibility_description';
  for (const k of ['minimum_age', 'maximum_age'] as const) {
    const v = r.take(k);
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
    if (n !== undefined) e[k === 'minimum_age' ? 'min_age' : 'max_age'] = n;
    c.from[k === 'minimum_age' ? 'min_age' : 'max_age'] = k;
  }

  // Languages.
  const langs: string[] = [];
  const langLine = gaps.lines.get('Languages')?.join(', ');
  arr(doc.languages).forEach((l, i) => {
    const code = languageOf(str(l.code) ?? '') ?? languageOf(str(l.name) ?? '');
    if (code) {
      langs.push(code);
      r.take('languages', i, 'code');
      r.take('languages', i, 'name');
    }
  });
  if (!langs.length && langLine)
    for (const n of langLine.replace(/\.$/, '').split(/,\s*/)) {
      const code = languageOf(n);
      if (code) langs.push(code);
    }
  if (langs.length) e.languages = [...new Set(langs)];
  c.from.languages = 'languages';

  readCost(s);
  const venues = readVenues(s);
  const attending = readSchedules(s);
  readDelivery(s, venues.length, attending);
  readContacts(s);

  const url = str(r.take('url'));
  c.from.website = 'url';
  if (url) {
    // A Community Book's feed links an entry without a website to its own page there: that page
    // is not the group's website, but its address keeps the entry's id.
    const page = /^https?:\/\/[^/]+(?:\/[^?#]*)?\/entries\/([a-z0-9]+(?:-[a-z0-9]+)*)\/$/.exec(url);
    if (page) {
      c.idHint = page[1];
      c.guesses.push(`website: left out (${url} is the entry's page in the book the feed came from)`);
    } else e.website = url;
  }

  // Checked when, and by whom.
  const assured = dateOnly(r.take('assured_date'));
  const modified = dateOnly(r.peek('last_modified'));
  if (assured) e.last_verified = assured;
  else if (modified) {
    e.last_verified = modified;
    r.take('last_modified');
    c.guesses.push(`last_verified: ${modified} (the feed gives no assured_date; this is when the record last changed)`);
  } else {
    e.last_verified = book.today;
    c.guesses.push(`last_verified: ${book.today} (the feed does not say when it was checked: the day of the import)`);
  }
  c.from.last_verified = 'assured_date';
  if (assured) r.skip('when the record last changed (the book keeps when it was checked)', 'last_modified');
  const assurer = str(r.take('assurer_email'));
  if (assurer && assurer !== book.site.corrections_email) e.verified_by = fitText(assurer, 120).text;
  c.from.verified_by = 'assurer_email';

  // Categories from the attributes' taxonomy terms.
  const cats: string[] = [];
  const unmatched: string[] = [];
  arr(doc.attributes).forEach((a, i) => {
    const t = (a.taxonomy_term ?? {}) as Json;
    const term = { code: str(t.code), name: str(t.name) ?? str(t.term), uri: str(t.term_uri) };
    const cat = categoryOf(term, book.categories, book.categoryMap);
    if (cat) {
      cats.push(cat);
      for (const k of ['link_id', 'link_type', 'link_entity', 'taxonomy_term_id']) r.take('attributes', i, k);
      r.take('attributes', i, 'taxonomy_term');
    } else if (term.name ?? term.code) unmatched.push(term.name ?? term.code!);
  });
  // An entry in a sub-category also carries its LGA term: keep the most specific categories only.
  if (cats.length) e.categories = [...new Set(cats)];
  else if (book.defaultCategory) {
    e.categories = [book.defaultCategory];
    c.guesses.push(
      `categories: ${book.defaultCategory} (--default-category; the terms ${unmatched.length ? unmatched.map((u) => `"${u}"`).join(', ') : '(none)'} match no category)`,
    );
  }
  c.from.categories = 'attributes';

  readServiceAreas(s);

  // Text the entry has no field for, but a reader needs: kept in the body under its own label.
  const more: [string, (string | number)[]][] = [
    ['Also known as', ['alternate_name']],
    ['Interpreting', ['interpretation_services']],
    ['Waiting time', ['wait_time']],
    ['Accreditations', ['accreditations']],
    ['Licences', ['licenses']],
  ];
  arr(doc.required_documents).forEach((_, i) => more.push(['Bring', ['required_documents', i, 'document']]));
  arr(doc.service_at_locations).forEach((l, i) => {
    const loc = (l.location ?? {}) as Json;
    const label = str(loc.name) ?? `Venue ${i + 1}`;
    more.push([`About ${label}`, ['service_at_locations', i, 'location', 'description']]);
    more.push([`Getting to ${label}`, ['service_at_locations', i, 'location', 'transportation']]);
  });
  for (const [label, path] of more) {
    const v = str(r.peek(...path));
    // The HSDS example writes a field's own name as a placeholder ("wait_time"): not worth keeping.
    if (!v || v === path[path.length - 1]) continue;
    r.take(...path);
    if (!body.some((b) => b.includes(v))) body.push(`**${label}:** ${v}`);
  }

  e.source = { system: origin.system, id };
  c.body = body;
  return c;
}

/** True when `doc` looks like an HSDS service (it has a name, and an id or a status). */
export function isService(doc: unknown): doc is Json {
  return (
    !!doc &&
    typeof doc === 'object' &&
    typeof (doc as Json).name === 'string' &&
    ('id' in (doc as Json) || 'status' in (doc as Json))
  );
}
