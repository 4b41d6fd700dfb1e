/**
 * The day/time column of a spreadsheet in the book's schedule shapes: what people write
 * ("Tuesdays 10am–12", "Tues & Thurs 10-12", "2nd and 4th Monday, 1.30-3pm", "Mon–Fri 9 to 5",
 * "last Friday of the month, 7pm", "term time only", "except bank holidays", "12/12/2026 2-4pm").
 * Pure.
 *
 * It reads day words (with ordinals for monthly rules), day ranges, times and time ranges, dates
 * and a few known notes. Words it does not know are returned in `unknown`, so the importer can
 * keep the original text and report it rather than guess. A time with no am/pm is read the way
 * groups meet: 8 to 11 as morning, 1 to 7 as afternoon or evening; "1.30-3pm" takes the pm.
 */
import { DAYS, type Day } from '../../schema/vocab';
import type { ScheduleInput } from '../../schema/entry';

export interface ParsedSchedules {
  schedules: ScheduleInput[];
  /** Words that were not understood, in order. Empty when the whole text was read. */
  unknown: string[];
  /** Something understood that cannot be written as a schedule, in words ("every other week needs a start date"). */
  problems: string[];
}

const DAY_WORDS: [RegExp, Day][] = [
  [/^mon(?:day)?s?$/, 'mon'],
  [/^tue(?:s|sday)?s?$/, 'tue'],
  [/^wed(?:s|nesday)?s?$/, 'wed'],
  [/^thu(?:r|rs|rsday)?s?$/, 'thu'],
  [/^fri(?:day)?s?$/, 'fri'],
  [/^sat(?:urday)?s?$/, 'sat'],
  [/^sun(?:day)?s?$/, 'sun'],
];
const ORDINAL_WORDS: Record<string, number> = {
  '1st': 1,
  first: 1,
  '2nd': 2,
  second: 2,
  '3rd': 3,
  third: 3,
  '4th': 4,
  fourth: 4,
  '5th': 5,
  fifth: 5,
  last: -1,
};
const ORDINAL_TEXT: Record<number, string> = { 1: '1st', 2: '2nd', 3: '3rd', 4: '4th', 5: '5th', [-1]: 'last' };
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Words that carry no meaning of their own here. */
const FILLER = new Set([
  'every',
  'each',
  'on',
  'at',
  'from',
  'and',
  'the',
  'of',
  'month',
  'months',
  'monthly',
  'week',
  'weekly',
  'in',
  'a',
  'also',
  'then',
  'sessions',
  'session',
  'meets',
  'meet',
  'open',
  'runs',
  'times',
  'time',
]);
const NOTES: [RegExp, string][] = [
  [/\bterm[- ]?time(?:s)?(?: only)?\b/, 'Term time only'],
  [/\b(?:not (?:in|during) )?school holidays?(?: only)?\b/, 'Check dates in the school holidays'],
];
const BANK_HOLIDAYS = /\b(?:except|not on|not|closed(?: on)?|no sessions? on|excluding)\s+(?:on\s+)?bank holidays?\b/;

function dayOf(word: string): Day | undefined {
  return DAY_WORDS.find(([re]) => re.test(word))?.[1];
}

function hhmm(h: number, m: number): string {
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

interface Clock {
  h: number;
  m: number;
  mer?: 'am' | 'pm';
}

function clock(text: string, mer?: string): Clock | undefined {
  const m = /^(\d{1,2})(?:[.:](\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = m[2] ? Number(m[2]) : 0;
  if (h > 23 || min > 59) return undefined;
  return { h, m: min, mer: mer === 'am' || mer === 'pm' ? mer : undefined };
}

function to24(c: Clock, mer: 'am' | 'pm' | undefined): number {
  const h = c.h % 12;
  if (c.h > 12) return c.h * 60 + c.m; // already 24-hour
  if (mer === 'pm') return (h + 12) * 60 + c.m;
  if (mer === 'am') return h * 60 + c.m;
  // No am/pm anywhere: 8–11 morning, 12 noon, 1–7 afternoon or evening.
  if (c.h === 12) return 12 * 60 + c.m;
  return (c.h >= 1 && c.h <= 7 ? c.h + 12 : c.h) * 60 + c.m;
}

/** A start (and end) time from clock readings, in "HH:MM". */
export function timeRange(a: Clock, b?: Clock): { start: string; end?: string } {
  let start: number;
  let end: number | undefined;
  if (!b) start = to24(a, a.mer);
  else {
    end = to24(b, b.mer);
    if (a.mer) start = to24(a, a.mer);
    else if (b.mer) {
      // "1.30-3pm": the start takes the end's am/pm, unless that puts it after the end ("10-2pm").
      start = to24(a, b.mer);
      if (start >= end) start = to24(a, 'am');
    } else start = to24(a, undefined);
    if (a.mer && !b.mer && end <= start) end = to24(b, 'pm'); // "10am-2"
    if (!a.mer && !b.mer && end <= start && b.h < 12) end += 12 * 60; // "7-9": evening
  }
  const f = (x: number) => hhmm(Math.floor(x / 60), x % 60);
  return end === undefined ? { start: f(start) } : { start: f(start), end: f(end) };
}

/**
 * One time of day as people write it, in "HH:MM": "10am", "1.30pm", "10.30 a.m.", "noon", and the
 * 24-hour "13:30" or "09:00" as they are; a bare "2" or "1.30" is read as the schedules' text is
 * (1 to 7 afternoon or evening, 8 to 11 morning). Undefined when it is not a time.
 */
export function parseTime(text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, '').replace(/\.$/, '');
  if (t === 'noon' || t === 'midday' || t === '12noon') return '12:00';
  const m = /^(\d{1,2})(?:([.:])(\d{2}))?(am|pm|a\.m|p\.m)?$/.exec(t);
  if (!m) return undefined;
  const mer = m[4]?.replace('.', '');
  const c = clock(m[3] ? `${m[1]}:${m[3]}` : m[1], mer);
  if (!c || (c.mer && (c.h === 0 || c.h > 12))) return undefined;
  if (!c.mer && m[2] === ':') return hhmm(c.h, c.m); // written on the 24-hour clock
  return timeRange(c).start;
}

function isoDate(y: number, mo: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date as people write it in a spreadsheet: `2026-03-01`, `01/03/2026` or `1/3/26` (day first,
 * as in the UK), `1 March 2026`, `1st Mar 2026`, `March 1, 2026`. Undefined when it is not one.
 */
export function parseDate(text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) return isoDate(m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.? (\d{4})$/.exec(t);
  if (m && MONTHS.indexOf(m[2].slice(0, 3)) >= 0)
    return isoDate(Number(m[3]), MONTHS.indexOf(m[2].slice(0, 3)) + 1, Number(m[1]));
  m = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(t);
  if (m && MONTHS.indexOf(m[1].slice(0, 3)) >= 0)
    return isoDate(Number(m[3]), MONTHS.indexOf(m[1].slice(0, 3)) + 1, Number(m[2]));
  return undefined;
}

type Token =
  | { kind: 'day'; days: Day[] }
  | { kind: 'ordinal'; n: number }
  | { kind: 'time'; start: string; end?: string }
  | { kind: 'date'; date: string }
  | { kind: 'every'; n: number }
  | { kind: 'word'; text: string };

const TIME_RANGE =
  /^(\d{1,2}(?:[.:]\d{2})?)\s*(am|pm)?\s*(?:-|to|till|until)\s*(\d{1,2}(?:[.:]\d{2})?)\s*(am|pm)?(?![\d/])/;
const TIME_ONE = /^(\d{1,2}(?:[.:]\d{2})?)\s*(am|pm)(?![a-z])|^(\d{1,2}[.:]\d{2})(?![\d/])/;
const DATE_WORDS = /^(\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?\s+\d{4}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2})/;

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let s = text;
  while (s.length) {
    s = s.replace(/^[\s,;:()/.+]+/, '');
    if (!s) break;
    let m = DATE_WORDS.exec(s);
    const date = m && parseDate(m[1]);
    if (m && date) {
      tokens.push({ kind: 'date', date });
      s = s.slice(m[0].length);
      continue;
    }
    m = TIME_RANGE.exec(s);
    const a = m && clock(m[1], m[2]);
    const b = m && clock(m[3], m[4]);
    if (m && a && b) {
      tokens.push({ kind: 'time', ...timeRange(a, b) });
      s = s.slice(m[0].length);
      continue;
    }
    m = TIME_ONE.exec(s);
    const one = m && clock(m[1] ?? m[3], m[2]);
    if (m && one) {
      tokens.push({ kind: 'time', ...timeRange(one) });
      s = s.slice(m[0].length);
      continue;
    }
    m = /^[a-z0-9']+|^-/.exec(s);
    const word = m ? m[0] : s[0];
    s = s.slice(word.length);
    if (word === '-' || word === 'to' || word === 'through' || word === 'till') {
      tokens.push({ kind: 'word', text: '-' });
      continue;
    }
    const day = dayOf(word);
    if (day) tokens.push({ kind: 'day', days: [day] });
    else if (word === 'weekdays' || word === 'weekday') tokens.push({ kind: 'day', days: DAYS.slice(0, 5) });
    else if (word === 'weekends' || word === 'weekend') tokens.push({ kind: 'day', days: ['sat', 'sun'] });
    else if (word === 'daily' || word === 'day' || word === 'days') tokens.push({ kind: 'day', days: [...DAYS] });
    else if (word in ORDINAL_WORDS) tokens.push({ kind: 'ordinal', n: ORDINAL_WORDS[word] });
    else if (word === 'fortnightly' || word === 'alternate' || word === 'other') tokens.push({ kind: 'every', n: 2 });
    else if (word === 'noon' || word === 'midday') tokens.push({ kind: 'time', start: '12:00' });
    else tokens.push({ kind: 'word', text: word });
  }
  return tokens;
}

/** Reads a day/time text. `from` is the date an "every other week" rule counts from, when known. */
export function parseScheduleText(input: string, from?: string): ParsedSchedules {
  let text = ` ${String(input ?? '')
    .toLowerCase()
    .replace(/[\u2012-\u2015\u2212]/g, '-')
    .replace(/&/g, ' and ')
    .replace(/\s+/g, ' ')} `;
  const notes: string[] = [];
  let noBankHolidays = false;
  if (BANK_HOLIDAYS.test(text)) {
    noBankHolidays = true;
    text = text.replace(BANK_HOLIDAYS, ' ');
  }
  for (const [re, note] of NOTES)
    if (re.test(text)) {
      notes.push(note);
      text = text.replace(re, ' ');
    }
  text = text.replace(/\bof (?:the|each|every) month\b|\ba month\b|\beach month\b|\bevery month\b/g, ' ');
  text = text.replace(/\b12 ?noon\b/g, '12pm').replace(/\bmidday\b/g, '12pm');

  const tokens = tokenise(text);
  const schedules: ScheduleInput[] = [];
  const unknown: string[] = [];
  const problems: string[] = [];
  let days: Day[] = [];
  let monthly: string[] = [];
  let ordinals: number[] = [];
  let dates: string[] = [];
  let every = 1;
  let pendingTime: { start: string; end?: string } | undefined;
  let lastDay: Day | undefined;
  let rangeFrom: Day | undefined;

  const emit = (time?: { start: string; end?: string }) => {
    if (!days.length && !monthly.length && !dates.length) return;
    const common = {
      ...(time ? { start: time.start, ...(time.end ? { end: time.end } : {}) } : {}),
      ...(notes.length ? { note: notes.join('. ') } : {}),
      ...(noBankHolidays ? { not_on_bank_holidays: true } : {}),
    };
    if (days.length) {
      if (every > 1 && !from)
        problems.push('It meets every other week, but no date says which weeks. Fix: add the date of one meeting.');
      else
        schedules.push({
          weekly: [...new Set(days)],
          ...(every > 1 ? { every, from } : {}),
          ...common,
        });
    }
    if (monthly.length) schedules.push({ monthly: [...new Set(monthly)], ...common });
    if (dates.length) schedules.push({ dates: [...new Set(dates)], ...common });
    days = [];
    monthly = [];
    dates = [];
    every = 1;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'word' && t.text === '-' && lastDay && tokens[i + 1]?.kind === 'day') {
      rangeFrom = lastDay;
      continue;
    }
    if (t.kind === 'day') {
      if (rangeFrom && t.days.length === 1) {
        const a = DAYS.indexOf(rangeFrom);
        const b = DAYS.indexOf(t.days[0]);
        const span = a <= b ? DAYS.slice(a, b + 1) : [...DAYS.slice(a), ...DAYS.slice(0, b + 1)];
        days.push(...span.filter((d) => !days.includes(d)));
        rangeFrom = undefined;
        lastDay = t.days[0];
        continue;
      }
      if (ordinals.length) {
        for (const n of ordinals) for (const d of t.days) monthly.push(`${ORDINAL_TEXT[n]} ${d}`);
        ordinals = [];
      } else days.push(...t.days);
      lastDay = t.days.length === 1 ? t.days[0] : undefined;
      if (pendingTime) {
        // "10-12 Tuesdays": the time came first; it applies to the days that follow it.
        const next = tokens.slice(i + 1).find((x) => x.kind !== 'word' || !FILLER.has(x.text));
        if (!next || next.kind !== 'day') {
          emit(pendingTime);
          pendingTime = undefined;
        }
      }
    } else if (t.kind === 'ordinal') {
      // "every 2nd Tuesday" is monthly (the second Tuesday), as the LGA's examples read it.
      ordinals.push(t.n);
    } else if (t.kind === 'every') every = t.n;
    else if (t.kind === 'date') {
      // "Saturday 12 December 2026": the day names the date's weekday, not a weekly rule.
      const prev = tokens[i - 1];
      if (prev?.kind === 'day' && prev.days.length === 1 && days[days.length - 1] === prev.days[0]) days.pop();
      dates.push(t.date);
    } else if (t.kind === 'time') {
      if (days.length || monthly.length || dates.length) emit(t);
      else pendingTime = t;
    } else if (!FILLER.has(t.text) && !/^(?:s|am|pm|-)$/.test(t.text)) unknown.push(t.text);
  }
  if (pendingTime && (days.length || monthly.length || dates.length)) emit(pendingTime);
  else if (days.length || monthly.length || dates.length) emit(undefined);
  else if (pendingTime) unknown.push('(a time with no day)');
  if (ordinals.length) unknown.push('(an ordinal with no day)');
  if (!schedules.length && !problems.length && notes.length && !unknown.length)
    problems.push(`It says "${notes.join('. ')}" but not which days.`);
  return { schedules, unknown, problems };
}
