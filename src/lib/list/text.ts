/**
 * A list as plain text: a short version that fits a text message and a full one for an email or
 * case notes, plus the `sms:` and `mailto:` links that carry them. Pure: `now` is passed in, so
 * the next dates are the reader's, and tests are repeatable. In the site's words (the messages
 * `facts.text.`).
 */
import { formatOccurrence } from '../schedule/describe';
import { formatDateLong, formatTime, longDate, shortDate } from '../calendar/words';
import { isStale, staleNote } from '../book/stale';
import { londonDate } from '../calendar/london';
import type { Occurrence } from '../schedule/occurrences';
import { nextSessions } from '../schedule/sessions';
import { statusNote } from '../view/format';
import type { ListEntry } from './data';
import type { BankHolidayRegion } from '../../schema/vocab';
import { bankHolidayOn } from '../calendar/bank-holidays';
import { gsmFriendly } from '../text/gsm';
import { t } from '../text/messages';

export { gsmFriendly } from '../text/gsm';

export interface TextContext {
  /** The moment the text is made; next dates count from here. */
  now: Date;
  /** The site's address, for entry links: `https://book.example.org`. */
  origin: string;
  /** The share link of the whole list. */
  shareUrl: string;
  /** The book's name: "Wigan Community Book". */
  title: string;
  /** Whose bank holidays to mark in next dates (site.yaml `bank_holidays`). */
  holidays: BankHolidayRegion;
  /** site.yaml `stale_after_months`: details older than this are said to be due a check. */
  staleAfterMonths: number;
}

/**
 * Three concatenated text messages (3 × 153 GSM characters). Longer messages still arrive, but
 * some phones and plans charge per part or turn them into picture messages.
 */
export const SMS_BUDGET = 459;

/**
 * Longest `mailto:` link made with the full text in it. Phone mail apps and webmail take far
 * longer links; some desktop programs cut links over about 2,000 characters, so the page offers
 * "Copy full text" beside it. Above this, the link carries the short text and says to paste.
 */
export const MAILTO_LIMIT = 8000;

/**
 * The next sessions of an entry: none while it is closed or temporarily closed, none on the bank
 * holidays it does not meet on (src/lib/schedule/sessions.ts).
 */
export function nextDatesFor(e: ListEntry, now: Date, count = 3, holidays: BankHolidayRegion = 'none'): Occurrence[] {
  return nextSessions(e, e.schedules, now, count, holidays);
}

/** "Tue 14 Apr 10am" — one occurrence, short; "Fri 25 Dec 10am (bank holiday)" on one. */
export function shortOccurrence(o: Occurrence, holidays: BankHolidayRegion): string {
  return [
    shortDate(o.date),
    o.start && formatTime(o.start),
    bankHolidayOn(o.date, holidays) && t('facts.text.bankHoliday'),
  ]
    .filter(Boolean)
    .join(' ');
}

function firstContact(e: ListEntry): string | undefined {
  return e.contacts.find((c) => c.phone)?.phone ?? e.contacts.find((c) => c.email)?.email;
}

/**
 * The facts about an entry that must travel with it wherever it is sent: "Temporarily closed",
 * "Details last checked over a year ago". Empty when it is running and fresh.
 */
export function entryFlags(e: ListEntry, ctx: Pick<TextContext, 'now' | 'staleAfterMonths'>): string[] {
  const today = londonDate(ctx.now);
  const flags: string[] = [];
  if (e.statusLabel) flags.push(e.statusLabel);
  if (isStale(e.lastVerified, today, ctx.staleAfterMonths)) flags.push(staleNote(e.lastVerified, today));
  return flags;
}

/** One line of the text message, at a level of detail: 2 everything, 1 name and contact, 0 name. */
function smsLine(e: ListEntry, ctx: TextContext, detail: number): string {
  const flags = entryFlags(e, ctx).map((f) => f.charAt(0).toLowerCase() + f.slice(1));
  const name = flags.length ? `${e.name} (${flags.join('; ')})` : e.name;
  if (detail === 0) return name;
  const next = detail >= 2 ? nextDatesFor(e, ctx.now, 1, ctx.holidays)[0] : undefined;
  const parts = [
    next && t('facts.text.next', { when: shortOccurrence(next, ctx.holidays) }),
    detail >= 2 && (e.venues[0]?.name ?? e.delivery[0]),
    firstContact(e),
  ].filter(Boolean);
  return parts.length ? `${name}: ${parts.join(', ')}` : name;
}

/**
 * The short version, for a text message: one line per entry (name, next session, where, first
 * phone number), then the share link. When that is longer than `SMS_BUDGET`, detail is dropped
 * (first place and date, then contacts), then entries ("and 3 more"); the link always stays.
 */
export function smsText(entries: readonly ListEntry[], ctx: TextContext): string {
  const link = t('facts.text.allDetails', { url: ctx.shareUrl });
  const fits = (lines: string[]) => gsmFriendly([...lines, link].join('\n')).length <= SMS_BUDGET;
  for (const detail of [2, 1, 0]) {
    const lines = entries.map((e) => smsLine(e, ctx, detail));
    if (fits(lines)) return gsmFriendly([...lines, link].join('\n'));
  }
  const names = entries.map((e) => smsLine(e, ctx, 0));
  for (let keep = names.length - 1; keep >= 0; keep--) {
    const lines = [...names.slice(0, keep), t('facts.text.andMore', { count: names.length - keep })];
    if (keep === 0 || fits(lines)) return gsmFriendly([...lines, link].join('\n'));
  }
  return gsmFriendly(link);
}

function contactText(c: ListEntry['contacts'][number]): string {
  const how = [c.phone, c.email].filter(Boolean).join(', ');
  return c.name ? `${c.name}: ${how}` : how;
}

/** The full version of one entry, for an email or case notes. */
export function entryText(e: ListEntry, ctx: TextContext, position?: number): string {
  const lines = [`${position ? `${position}. ` : ''}${e.name}`];
  const note = statusNote(e.status, e.alert, e.reopens);
  if (note) lines.push(note.label ? `${note.label}. ${note.text}` : t('facts.text.notice', { text: note.text }));
  const today = londonDate(ctx.now);
  if (isStale(e.lastVerified, today, ctx.staleAfterMonths))
    lines.push(t('facts.text.stale', { note: staleNote(e.lastVerified, today), date: longDate(e.lastVerified) }));
  lines.push(e.summary);
  if (e.organisation) lines.push(t('facts.text.runBy', { name: e.organisation }));
  lines.push(t('facts.text.when', { when: e.when.length ? e.when.join('; ') : t('facts.text.noSessions') }));
  const next = nextDatesFor(e, ctx.now, 3, ctx.holidays);
  if (next.length)
    lines.push(t('facts.text.nextDates', { dates: next.map((o) => formatOccurrence(o, ctx.holidays)).join('; ') }));
  const where = e.venues.length ? e.venues.map((v) => `${v.name}, ${v.address}`).join('; ') : e.delivery.join(', ');
  lines.push(t('facts.text.where', { where }));
  lines.push(t('facts.text.join', { how: e.join.join('; ') }));
  lines.push(t('facts.text.cost', { cost: e.cost }));
  if (e.contacts.length) lines.push(t('facts.text.contact', { contacts: e.contacts.map(contactText).join('; ') }));
  if (e.website) lines.push(t('facts.text.website', { url: e.website }));
  lines.push(t('facts.text.more', { url: e.url ?? `${ctx.origin.replace(/\/$/, '')}/entries/${e.id}/` }));
  return lines.join('\n');
}

/**
 * The full version: a heading with the date the details are from, every entry with its
 * schedule, next dates, address, how to join, cost and contacts, then the share link.
 * `missing` counts ids on the list that are no longer in the book.
 */
export function fullText(entries: readonly ListEntry[], ctx: TextContext, missing = 0): string {
  const head = [
    t('facts.text.heading', { title: ctx.title }),
    t('facts.text.asOf', { date: formatDateLong(londonDate(ctx.now)) }),
  ];
  const body = entries.map((e, i) => entryText(e, ctx, i + 1));
  const tail: string[] = [];
  if (missing > 0) tail.push(t('facts.text.missing', { count: missing }));
  tail.push(t('facts.text.online', { url: ctx.shareUrl }));
  return [head.join('\n'), ...body, tail.join('\n')].join('\n\n');
}

/** An `sms:` link with the message ready; the person picks the recipient. */
export function smsHref(body: string): string {
  // `?&body=` is read by both Android and iOS messaging apps.
  return `sms:?&body=${encodeURIComponent(body)}`;
}

/** Said at the end of the short text when the full one is too long for an email link. */
export function pasteFullText(): string {
  return t('facts.text.pasteFull');
}

/**
 * A `mailto:` link with subject and body ready: the full text, or, when that would make the link
 * longer than `MAILTO_LIMIT`, the short one and a line saying to paste the full text.
 */
export function mailtoHref(subject: string, body: string, shortBody: string): string {
  const make = (b: string) => `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(b)}`;
  const full = make(body);
  return full.length <= MAILTO_LIMIT ? full : make(`${shortBody}\n\n${pasteFullText()}`);
}
