/**
 * An Open Referral service (HSDS 3.0 `service_full`, or ORUK 3.0) as a candidate entry: the
 * book's export mapping (../exports/hsds.ts) run backwards, so a feed this book wrote comes back
 * as the entries it was made from, and any other feed's facts land in the same fields. Pure.
 *
 * Every field read is marked on the record (./record.ts); what has no home is listed per entry.
 * Text with no field of its own (a long description, an application process the vocabularies do
 * not hold, accessibility details) goes into the entry's body.
 */
import type { Day } from '../../schema/vocab';
import type { ContactInput, CostInput, EntryInput, ScheduleInput, VenueInput } from './entry-input';
import { scheduleSchema } from '../../schema/entry';
import { describeSchedule } from '../schedule/describe';
import { describeTime, formatDateLong } from '../calendar/words';
import { wholeAreaName } from '../book/area';
import { costLabel } from '../view/format';
import { categoryOf } from './categories';
import { newCandidate, type Candidate, type ImportBook, type Origin } from './context';
import { SourceRecord, hasValue, type Json } from './record';
import {
  accessibilityOf,
  costFromText,
  deliveryModes,
  fitText,
  joinRoutes,
  languageOf,
  splitEligibility,
  statusOf,
  toTime,
} from './values';
import { parseScheduleText } from './schedule-text';
import { normalisePostcode } from './places';

const ICAL_DAY: Record<string, Day> = { MO: 'mon', TU: 'tue', WE: 'wed', TH: 'thu', FR: 'fri', SA: 'sat', SU: 'sun' };
const ORD: Record<string, string> = { '1': '1st', '2': '2nd', '3': '3rd', '4': '4th', '5': '5th', '-1': 'last' };

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Json[]) : []);
const dateOnly = (v: unknown): string | undefined => {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;
};

/** The lines the book's export adds to `description` for facts ORUK has no field for. */
const GAP_LINE = /^(How to join|Who it is for|How it is delivered|Languages|Accessibility|Contact): (.*)$/;

interface Gaps {
  summary: string;
  rest: string[];
  lines: Map<string, string[]>;
}

function splitDescription(text: string): Gaps {
  const [first, ...paras] = text.split(/\n\s*\n/);
  const lines = new Map<string, string[]>();
  const rest: string[] = [];
  for (const para of paras) {
    const kept: string[] = [];
    for (const line of para.split('\n')) {
      const m = GAP_LINE.exec(line.trim());
      if (m) lines.set(m[1], [...(lines.get(m[1]) ?? []), m[2]]);
      else kept.push(line);
    }
    if (kept.join('').trim()) rest.push(kept.join('\n').trim());
  }
  return { summary: first.trim(), rest, lines };
}

/** One HSDS schedule as a book schedule, or the reason it cannot be one. */
function schedule(
  r: SourceRecord,
  at: (string | number)[],
): { schedule?: ScheduleInput; date?: string; problem?: string; words?: string } {
  const s = r.peek(...at) as Json;
  const start = toTime(r.take(...at, 'opens_at'));
  const end = toTime(r.take(...at, 'closes_at'));
  const note = str(r.take(...at, 'notes'));
  const times = {
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(note ? { note: fitText(note, 200).text } : {}),
  };
  const freq = str(s.freq)?.toUpperCase();
  const byday = str(s.byday);
  const from = dateOnly(s.valid_from);
  const until = dateOnly(s.valid_to) ?? dateOnly(s.until);
  const dtstart = dateOnly(s.dtstart);
  const range = { ...(from ? { from } : {}), ...(until ? { until } : {}) };
  let out: ScheduleInput | undefined;
  if (freq === 'WEEKLY' && byday) {
    const days = byday.split(',').map((d) => ICAL_DAY[d.trim().toUpperCase()]);
    if (days.every(Boolean)) {
      const interval = Number(s.interval ?? 1) || 1;
      out = { weekly: days as Day[], ...(interval > 1 ? { every: interval } : {}), ...times, ...range };
      if (interval > 1 && !from && dtstart) out.from = dtstart;
      r.take(...at, 'freq');
      r.take(...at, 'byday');
      r.take(...at, 'interval');
      if (str(s.wkst)?.toUpperCase() === 'MO') r.take(...at, 'wkst');
    }
  } else if (freq === 'MONTHLY' && byday) {
    const parts = byday.split(',').map((d) => /^([+-]?\d)?([A-Z]{2})$/i.exec(d.trim()));
    if (parts.every((p) => p && ICAL_DAY[p[2].toUpperCase()] && (!p[1] || ORD[p[1].replace('+', '')]))) {
      const interval = Number(s.interval ?? 1) || 1;
      if (interval === 1) {
        const plain = parts.filter((p) => !p![1]).map((p) => ICAL_DAY[p![2].toUpperCase()]);
        const ordinal = parts
          .filter((p) => p![1])
          .map((p) => `${ORD[p![1]!.replace('+', '')]} ${ICAL_DAY[p![2].toUpperCase()]}`);
        // "MONTHLY;BYDAY=MO" is every Monday of every month: weekly.
        out =
          plain.length && !ordinal.length
            ? { weekly: plain, ...times, ...range }
            : { monthly: ordinal, ...times, ...range };
        if (plain.length && ordinal.length) out = undefined;
        if (out) {
          r.take(...at, 'freq');
          r.take(...at, 'byday');
          r.take(...at, 'interval');
        }
      }
    }
  } else if (!freq) {
    const date =
      from && (!until || until === from) ? from : dtstart && (!until || until === dtstart) ? dtstart : undefined;
    if (date) {
      for (const k of ['valid_from', 'valid_to', 'dtstart', 'until']) r.take(...at, k);
      // The book's export describes a one-off date in its own words: nothing more to keep then.
      if (str(s.description) === [formatDateLong(date), describeTime(start, end)].filter(Boolean).join(', '))
        r.take(...at, 'description');
      return { date, schedule: { dates: [date], ...times } };
    }
  }
  if (!out) {
    // No rule the book can hold: read the description's words, as for a spreadsheet.
    const words = str(s.description);
    if (words) {
      const parsed = parseScheduleText(words, dtstart ?? from);
      if (parsed.schedules.length === 1 && !parsed.unknown.length) {
        r.take(...at, 'description');
        return { schedule: { ...parsed.schedules[0], ...times } };
      }
    }
    return {
      problem: `schedules: freq ${freq ?? '(none)'} byday ${byday ?? '(none)'} is not a rule the book can hold`,
    };
  }
  if (out.from || from) r.take(...at, 'valid_from');
  if (until) {
    r.take(...at, 'valid_to');
    r.take(...at, 'until');
  }
  // dtstart is the first session, which the book works out from the rule; it only matters as `from`.
  r.skip('the first session, worked out again from the rule', ...at, 'dtstart');
  const parsed = scheduleSchema.safeParse(out);
  const description = str(s.description);
  if (parsed.success && description) {
    if (description === describeSchedule(parsed.data)) r.take(...at, 'description');
    else if (description === describeSchedule({ ...parsed.data, not_on_bank_holidays: true })) {
      out.not_on_bank_holidays = true;
      r.take(...at, 'description');
    } else return { schedule: out, words: description };
  }
  return { schedule: out };
}

function sameRule(a: ScheduleInput, b: ScheduleInput): boolean {
  return a.start === b.start && a.end === b.end && a.note === b.note;
}

const TAG = /<\/?[a-z!][^>]*>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Text with HTML tags taken out (line breaks for paragraphs and `<br>`) and the common entities read. */
export function plainFromHtml(text: string): string {
  return text
    .replace(/<\/p>\s*/gi, '\n\n')
    .replace(/<br\s*\/?>|<\/li>/gi, '\n')
    .replace(TAG, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e])
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The document with HTML taken out of its text (entries are plain text), and the paths it was taken from. */
function withoutHtml(v: unknown, path: string, changed: string[]): unknown {
  if (typeof v === 'string') {
    if (!/<\/?[a-z!][^>]*>/i.test(v)) return v;
    changed.push(path);
    return plainFromHtml(v);
  }
  if (Array.isArray(v)) return v.map((x, i) => withoutHtml(x, `${path}[${i}]`, changed));
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, withoutHtml(x, path ? `${path}.${k}` : k, changed)]),
    );
  return v;
}

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

  // Cost.
  const fees = str(r.take('fees_description')) ?? str(r.peek('fees'));
  if (str(r.peek('fees')) && (str(r.peek('fees')) === fees || str(r.peek('fees')) === 'fees_description'))
    r.take('fees');
  const options = arr(doc.cost_options);
  let cost: CostInput | undefined;
  if (options.length) {
    const free =
      options.length === 1 && (Number(options[0].amount) === 0 || /^free$/i.test(str(options[0].option) ?? ''));
    const pwyc = options.some((o) => /^pay what you can/i.test(str(o.option) ?? ''));
    const paid = options.filter((o) => typeof o.amount === 'number' && !(free && o.amount === 0));
    if (free) cost = { free: true };
    else if (paid.length)
      cost = {
        ...(pwyc ? { pay_what_you_can: true } : {}),
        amounts: paid.map((o) => {
          const desc = str(o.amount_description) ?? (pwyc ? undefined : str(o.option));
          return {
            amount: o.amount as number,
            ...(desc && desc !== 'Cost' ? { description: fitText(desc, 120).text } : {}),
          };
        }),
      };
    else if (pwyc) cost = { pay_what_you_can: true };
    if (cost)
      options.forEach((o, i) => {
        for (const k of ['option', 'amount', 'amount_description', 'currency']) r.take('cost_options', i, k);
        if (str(o.currency) && str(o.currency)!.toUpperCase() !== 'GBP')
          c.guesses.push(`cost: the amounts are in ${o.currency}, read as pounds`);
      });
  }
  if (!cost && fees) cost = costFromText(fees);
  if (cost && fees) {
    const label = costLabel(cost as never);
    const note = fees.startsWith(`${label}.`) ? fees.slice(label.length + 1).trim() : fees === label ? '' : fees;
    if (note && !cost.note && note !== label) {
      const n = fitText(note, 200);
      cost.note = n.text;
      if (n.cut) body.push(`**Cost:** ${fees}`);
    }
  } else if (fees && !cost) body.push(`**Cost:** ${fees}`);
  if (cost) e.cost = cost;
  c.from.cost = options.length ? 'cost_options' : 'fees_description';

  // Venues, with their accessibility.
  const venues: VenueInput[] = [];
  const access = new Set<string>();
  const accessText: string[] = [];
  arr(doc.service_at_locations).forEach((link, i) => {
    const loc = (link.location ?? {}) as Json;
    const base = ['service_at_locations', i, 'location'] as (string | number)[];
    const addresses = arr(loc.addresses);
    const ai = Math.max(
      0,
      addresses.findIndex((a) => str(a.address_type) !== 'postal'),
    );
    const a = addresses[ai] ?? {};
    const street = [str(a.address_1), str(a.address_2)].filter(Boolean).join(', ');
    const lat = typeof loc.latitude === 'number' ? loc.latitude : Number(str(loc.latitude));
    const lng = typeof loc.longitude === 'number' ? loc.longitude : Number(str(loc.longitude));
    const venue: Record<string, unknown> = {
      name: fitText(str(loc.name) ?? str(a.address_1) ?? `Venue ${i + 1}`, 120).text,
      address: fitText(street || str(loc.name) || '', 200).text,
    };
    const city = str(a.city);
    if (city && city !== book.site.place) venue.town = fitText(city, 80).text;
    if (str(a.postal_code)) venue.postcode = normalisePostcode(str(a.postal_code)!);
    if (Number.isFinite(lat) && Number.isFinite(lng) && hasValue(loc.latitude)) {
      venue.lat = lat;
      venue.lng = lng;
    }
    venues.push(venue as VenueInput);
    c.from[`venues[${venues.length - 1}]`] = joinPath(base);
    r.take(...base, 'name');
    r.take(...base, 'latitude');
    r.take(...base, 'longitude');
    r.take(...base, 'id');
    r.take('service_at_locations', i, 'location_id');
    if (str(loc.location_type) === 'physical') r.take(...base, 'location_type');
    for (const k of ['address_1', 'address_2', 'city', 'postal_code']) r.take(...base, 'addresses', ai, k);
    if (str(a.state_province) === book.site.place) r.take(...base, 'addresses', ai, 'state_province');
    if (str(a.country) === 'GB') r.take(...base, 'addresses', ai, 'country');
    if (str(a.address_type) === 'physical') r.take(...base, 'addresses', ai, 'address_type');
    arr(loc.accessibility).forEach((x, j) => {
      const d = str(x.description);
      if (!d) return;
      const { values, rest } = accessibilityOf(d);
      values.forEach((v) => access.add(v));
      r.take(...base, 'accessibility', j, 'description');
      if (rest && !accessText.includes(d)) accessText.push(d);
      if (str(x.details) && !accessText.includes(str(x.details)!)) {
        accessText.push(str(x.details)!);
        r.take(...base, 'accessibility', j, 'details');
      }
    });
    // The export describes each link in the same words: "<name> at <venue>.".
    if (str(link.description) === `${name} at ${venue.name}.`) r.take('service_at_locations', i, 'description');
  });
  const accessLine = gaps.lines.get('Accessibility')?.join(', ');
  if (accessLine) accessibilityOf(accessLine.replace(/\.$/, '')).values.forEach((v) => access.add(v));
  if (venues.length) e.venues = venues;
  if (access.size) e.accessibility = [...access] as EntryInput['accessibility'];
  if (accessText.length) body.push(`**Accessibility:** ${accessText.join(' ')}`);
  c.from.accessibility = 'service_at_locations[].location.accessibility';
  c.from.venues = 'service_at_locations';

  // Schedules: the service's, and each location link's.
  const schedules: ScheduleInput[] = [];
  const dated: { date: string; s: ScheduleInput }[] = [];
  const attending: string[] = [];
  const seenSchedules = new Map<string, string>();
  const scheduleAt = (path: (string | number)[]) => {
    arr(r.peek(...path)).forEach((x, i) => {
      // HSDS repeats a service's schedule under its locations, with the same id: read it once.
      const sid = str(x.id);
      const seen = sid && seenSchedules.get(sid);
      if (seen) return r.skip(`the same schedule (id ${sid}) as ${seen}`, ...path, i);
      if (sid) seenSchedules.set(sid, `${path.join('.')}[${i}]`);
      const got = schedule(r, [...path, i]);
      const at = str(r.peek(...path, i, 'attending_type'));
      if (at) attending.push(at);
      if (got.words && !body.includes(`**When:** ${got.words}`)) {
        body.push(`**When:** ${got.words}`);
        r.take(...path, i, 'description');
      }
      if (got.date && got.schedule) dated.push({ date: got.date, s: got.schedule });
      else if (got.schedule) schedules.push(got.schedule);
      else if (got.problem) c.guesses.push(`${got.problem}; its text is kept in the body`);
      if (!got.schedule) {
        const words = str(r.peek(...path, i, 'description'));
        if (words) {
          body.push(`**When:** ${words}`);
          r.take(...path, i, 'description');
        }
      }
    });
  };
  scheduleAt(['schedules']);
  arr(doc.service_at_locations).forEach((_, i) => scheduleAt(['service_at_locations', i, 'schedules']));
  // One-off dates with the same times come back as one `dates` schedule, as the book writes them.
  for (const d of dated) {
    const same = schedules.find((s) => s.dates && sameRule(s, d.s));
    if (same) same.dates!.push(d.date);
    else schedules.push({ ...d.s, dates: [d.date] });
  }
  if (schedules.length) e.schedules = schedules;
  c.from.schedules = 'schedules';

  // Delivery: the export's line, else the schedules' attending_type, else a venue means in person.
  const deliveryLine = gaps.lines.get('How it is delivered')?.join(' ');
  let delivery = deliveryLine ? deliveryModes(deliveryLine) : [];
  if (!delivery.length) delivery = [...new Set(attending.flatMap((a) => a.split(/,\s*/)).flatMap(deliveryModes))];
  if (delivery.length) {
    arr(doc.schedules).forEach((_, i) => r.take('schedules', i, 'attending_type'));
    arr(doc.service_at_locations).forEach((l, i) =>
      arr(l.schedules).forEach((_, j) => r.take('service_at_locations', i, 'schedules', j, 'attending_type')),
    );
  }
  if (venues.length && !delivery.includes('in-person')) delivery.unshift('in-person');
  if (!venues.length) delivery = delivery.filter((d) => d !== 'in-person');
  if (!delivery.length) {
    delivery = [str(doc.url) ? 'online' : 'phone'];
    c.guesses.push(`delivery: ${delivery[0]} (no venue, and the feed does not say how it is delivered)`);
  }
  e.delivery = delivery;
  c.from.delivery = 'schedules[].attending_type';

  // Contacts: each contact with its first phone; the service's own phones and email.
  const contacts: ContactInput[] = [];
  const seenPhones = new Set<string>();
  const phoneOf = (v: unknown) => str(v)?.replace(/^"+|"+$/g, '');
  arr(doc.contacts).forEach((k, i) => {
    const phones = arr(k.phones);
    const phone = phoneOf(phones[0]?.number);
    const contact: ContactInput = {};
    const cname = str(k.name) ?? str(k.title);
    if (cname) contact.name = fitText(cname, 80).text;
    if (phone) contact.phone = phone;
    if (str(k.email)) contact.email = str(k.email);
    if (contact.phone || contact.email) {
      contacts.push(contact);
      r.take('contacts', i, str(k.name) ? 'name' : 'title');
      r.take('contacts', i, 'email');
      r.take('contacts', i, 'service_id');
      if (phone) {
        seenPhones.add(phone);
        r.take('contacts', i, 'phones', 0, 'number');
        if (str(phones[0].type) === 'voice') r.take('contacts', i, 'phones', 0, 'type');
      }
      c.from[`contacts[${contacts.length - 1}]`] = `contacts[${i}]`;
    }
  });
  arr(doc.phones).forEach((p, i) => {
    const phone = phoneOf(p.number);
    if (!phone) return;
    if (!seenPhones.has(phone)) {
      contacts.push({ phone, ...(str(p.description) ? { name: fitText(str(p.description)!, 80).text } : {}) });
      c.from[`contacts[${contacts.length - 1}]`] = `phones[${i}]`;
      r.take('phones', i, 'description');
      seenPhones.add(phone);
    }
    r.take('phones', i, 'number');
    if (str(p.type) === 'voice') r.take('phones', i, 'type');
  });
  const email = str(r.take('email'));
  if (email && !contacts.some((k) => k.email === email)) contacts.push({ email });
  if (contacts.length) e.contacts = contacts;
  c.from.contacts = 'contacts';

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

  // Neighbourhoods from the service areas' names; the importer adds those of the venues' points.
  const hoods: string[] = [];
  arr(doc.service_areas).forEach((a, i) => {
    const n = str(a.name);
    if (!n) return;
    const hood =
      n === wholeAreaName(book.site.place) || n === book.site.place
        ? 'borough-wide'
        : book.neighbourhoods.find((h) => h.name.toLowerCase() === n.toLowerCase())?.id;
    if (hood) {
      hoods.push(hood);
      for (const k of ['name', 'extent', 'extent_type', 'service_id']) r.take('service_areas', i, k);
    }
  });
  if (hoods.length) e.neighbourhoods = [...new Set(hoods)];
  c.from.neighbourhoods = 'service_areas';

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

function joinPath(segs: (string | number)[]): string {
  return segs.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
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
