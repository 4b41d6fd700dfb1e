/**
 * An HSDS service's schedules as the book's (iCal-style rules to weekly, monthly and one-off
 * dates, else the description's words read as for a spreadsheet), and how it is delivered, from
 * the schedules' `attending_type`. Part of ./hsds.ts. Pure.
 */
import type { Day } from '../../schema/vocab';
import type { ScheduleInput } from './entry-input';
import { scheduleSchema } from '../../schema/entry';
import { describeSchedule } from '../schedule/describe';
import { describeTime, formatDateLong } from '../calendar/words';
import type { SourceRecord, Json } from './record';
import { deliveryModes, fitText, toTime } from './values';
import { parseScheduleText } from './schedule-text';
import { arr, dateOnly, str, type ServiceRead } from './hsds-read';

const ICAL_DAY: Record<string, Day> = { MO: 'mon', TU: 'tue', WE: 'wed', TH: 'thu', FR: 'fri', SA: 'sat', SU: 'sun' };
const ORD: Record<string, string> = { '1': '1st', '2': '2nd', '3': '3rd', '4': '4th', '5': '5th', '-1': 'last' };

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

/** The service's schedules, and each location link's, onto the entry; returns their `attending_type`s. */
export function readSchedules({ doc, r, c, e, body }: ServiceRead): string[] {
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
  return attending;
}

/** Delivery: the export's line, else the schedules' attending_type, else a venue means in person. */
export function readDelivery({ doc, r, c, e, gaps }: ServiceRead, venueCount: number, attending: string[]): void {
  const deliveryLine = gaps.lines.get('How it is delivered')?.join(' ');
  let delivery = deliveryLine ? deliveryModes(deliveryLine) : [];
  if (!delivery.length) delivery = [...new Set(attending.flatMap((a) => a.split(/,\s*/)).flatMap(deliveryModes))];
  if (delivery.length) {
    arr(doc.schedules).forEach((_, i) => r.take('schedules', i, 'attending_type'));
    arr(doc.service_at_locations).forEach((l, i) =>
      arr(l.schedules).forEach((_, j) => r.take('service_at_locations', i, 'schedules', j, 'attending_type')),
    );
  }
  if (venueCount && !delivery.includes('in-person')) delivery.unshift('in-person');
  if (!venueCount) delivery = delivery.filter((d) => d !== 'in-person');
  if (!delivery.length) {
    delivery = [str(doc.url) ? 'online' : 'phone'];
    c.guesses.push(`delivery: ${delivery[0]} (no venue, and the feed does not say how it is delivered)`);
  }
  e.delivery = delivery;
  c.from.delivery = 'schedules[].attending_type';
}
