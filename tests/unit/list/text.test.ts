import { describe, expect, it } from 'vitest';
import { makeEntrySchema, type EntryInput } from '../../../src/schema';
import { toListEntry, type ListEntry } from '../../../src/lib/list/data';
import {
  MAILTO_LIMIT,
  pasteFullText,
  entryFlags,
  SMS_BUDGET,
  fullText,
  gsmFriendly,
  mailtoHref,
  nextDatesFor,
  shortOccurrence,
  smsHref,
  smsText,
  type TextContext,
} from '../../../src/lib/list/text';

const schema = makeEntrySchema({
  bounds: [
    [53.42, -2.76],
    [53.63, -2.4],
  ],
  categoryIds: new Set(['walking', 'food', 'carers']),
  neighbourhoodIds: new Set(['leigh', 'hindley-and-abram']),
});

function entry(id: string, input: Partial<EntryInput>): ListEntry {
  const base: EntryInput = {
    name: 'Group',
    summary: 'A group.',
    categories: ['walking'],
    neighbourhoods: ['hindley-and-abram'],
    join: ['drop-in'],
    venues: [
      {
        name: 'Hindley Library',
        address: 'Market Street',
        town: 'Hindley',
        postcode: 'WN2 3AN',
        lat: 53.5423,
        lng: -2.5772,
      },
    ],
    contacts: [{ name: 'Organiser', phone: '01942 000000' }],
    last_verified: '2026-03-01',
  };
  return toListEntry(id, schema.parse({ ...base, ...input }));
}

const walks = entry('hindley-health-walks', {
  name: 'Hindley Health Walks',
  summary: 'A friendly one-hour walk at an easy pace.',
  schedules: [
    { weekly: ['tue'], start: '10:00', end: '11:30' },
    { monthly: ['2nd sat'], start: '13:30', end: '15:00', note: 'Longer walk' },
  ],
  contacts: [{ name: 'Walk leader', phone: '01942 123456', email: 'walks@example.org' }],
  website: 'https://example.org/walks',
  cost: { free: true },
});
const lunch = entry('leigh-lunch-club', {
  name: 'Leigh Lunch Club',
  summary: 'A hot lunch and a chat.',
  categories: ['food'],
  neighbourhoods: ['leigh'],
  join: ['booking', 'professional-referral'],
  venues: [
    {
      name: 'Leigh Town Hall',
      address: 'Market Place',
      town: 'Leigh',
      postcode: 'WN7 1DY',
      lat: 53.4975,
      lng: -2.5197,
    },
  ],
  schedules: [{ weekly: ['wed'], start: '12:00', end: '13:30' }],
  contacts: [{ phone: '01942 654321' }],
  cost: { amounts: [{ amount: 3.5, description: 'per meal' }] },
});
const cafe = entry('atherton-carers-cafe', {
  name: 'Atherton Carers’ Café',
  summary: 'A café for unpaid carers – with advice.',
  categories: ['carers'],
  status: 'closed',
  alert: 'Stopped meeting in March.',
  schedules: [{ weekly: ['thu'], start: '10:00' }],
  contacts: [{ email: 'cafe@example.org' }],
});
const helpline = entry('carers-helpline', {
  name: 'Carers Helpline',
  summary: 'Phone advice for carers.',
  categories: ['carers'],
  neighbourhoods: ['borough-wide'],
  delivery: ['phone'],
  venues: [],
  join: ['self-referral'],
  contacts: [{ name: 'Helpline', phone: '0800 123 4567' }],
});

// Monday 13 April 2026, 10:00 in London (BST).
const now = new Date('2026-04-13T09:00:00Z');
const ctx: TextContext = {
  now,
  origin: 'https://book.example.org',
  shareUrl: 'https://book.example.org/list/#ids=hindley-health-walks,leigh-lunch-club,atherton-carers-cafe',
  title: 'Wigan Community Book',
  holidays: 'england-and-wales',
  staleAfterMonths: 12,
};

// The GSM 03.38 basic character set (plus the newline): what fits 160 to a text message.
const GSM = new Set([
  ...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
]);
const nonGsm = (text: string) => [...text].filter((c) => !GSM.has(c));

describe('next dates', () => {
  it('counts from now, in London time, and gives none for a closed group', () => {
    // The 2nd Saturday of April 2026 (the 11th) has passed; the next is 9 May.
    expect(nextDatesFor(walks, now).map((o) => o.date)).toEqual(['2026-04-14', '2026-04-21', '2026-04-28']);
    expect(nextDatesFor(walks, now, 5).map((o) => o.date)).toContain('2026-05-09');
    expect(nextDatesFor(cafe, now)).toEqual([]);
    expect(shortOccurrence(nextDatesFor(lunch, now)[0], ctx.holidays)).toBe('Wed 15 Apr 12 noon');
  });
  it('mark a session on a bank holiday, in the text message and the full text', () => {
    const friday = entry('friday-club', {
      name: 'Friday Club',
      schedules: [{ weekly: ['fri'], start: '10:00', end: '12:00' }],
    });
    const christmasWeek: TextContext = { ...ctx, now: new Date('2026-12-21T12:00:00Z') };
    expect(smsText([friday], christmasWeek)).toContain('Friday Club: next Fri 25 Dec 10am (bank holiday)');
    expect(fullText([friday], christmasWeek)).toContain(
      "Next dates: Friday 25 December 2026, 10am to 12 noon (Christmas Day: check it is on); Friday 1 January 2027, 10am to 12 noon (New Year's Day: check it is on); Friday 8 January 2027",
    );
    expect(smsText([friday], { ...christmasWeek, holidays: 'none' })).toContain('Friday Club: next Fri 25 Dec 10am,');
  });
});

describe('smsText (short version)', () => {
  const text = smsText([walks, lunch, cafe], ctx);

  it('has one line per group in list order, then the share link', () => {
    const lines = text.split('\n');
    expect(lines).toEqual([
      'Hindley Health Walks: next Tue 14 Apr 10am, Hindley Library, 01942 123456',
      'Leigh Lunch Club: next Wed 15 Apr 12 noon, Leigh Town Hall, 01942 654321',
      "Atherton Carers' Café (closed): Hindley Library, cafe@example.org",
      `All details: ${ctx.shareUrl}`,
    ]);
  });

  it('fits three text messages and uses only GSM characters (no curly quotes or dashes)', () => {
    expect(text.length).toBeLessThanOrEqual(SMS_BUDGET);
    expect(nonGsm(text)).toEqual([]);
  });

  it('names the way of delivery when there is no venue', () => {
    expect(smsText([helpline], ctx)).toContain('Carers Helpline: By phone, 0800 123 4567\n');
  });

  it('drops detail, then groups, to stay within budget, and always keeps the link', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...walks, id: `walk-${i}`, name: `Walk number ${i + 1}` }));
    const short = smsText(many, ctx);
    expect(short.length).toBeLessThanOrEqual(SMS_BUDGET);
    expect(short.endsWith(`All details: ${ctx.shareUrl}`)).toBe(true);
    expect(short).toMatch(/^Walk number 1\n/);
    expect(short).toMatch(/\nand \d+ more\n/);
    const some = smsText(many.slice(0, 8), ctx);
    expect(some.length).toBeLessThanOrEqual(SMS_BUDGET);
    expect(some).toContain('Walk number 8');
  });
});

describe('fullText (email and case notes)', () => {
  const text = fullText([walks, lunch, cafe], ctx, 1);

  it('starts with the book and the date the details are from', () => {
    expect(text.startsWith('Local support from Wigan Community Book\nDetails as of Monday 13 April 2026.\n\n')).toBe(
      true,
    );
  });

  it('numbers the groups in list order', () => {
    const order = ['1. Hindley Health Walks', '2. Leigh Lunch Club', '3. Atherton Carers’ Café'].map((h) =>
      text.indexOf(`\n${h}\n`),
    );
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('gives schedule, next dates, address, how to join, cost, contacts and links', () => {
    for (const line of [
      'When: Every Tuesday, 10am to 11:30am; 2nd Saturday of the month, 1:30pm to 3pm – Longer walk',
      'Next dates: Tuesday 14 April 2026, 10am to 11:30am; Tuesday 21 April 2026, 10am to 11:30am; Tuesday 28 April 2026, 10am to 11:30am',
      'Where: Hindley Library, Market Street, Hindley, WN2 3AN',
      'How to join: Just turn up (drop-in)',
      'Cost: Free',
      'Contact: Walk leader: 01942 123456, walks@example.org',
      'Website: https://example.org/walks',
      'More: https://book.example.org/entries/hindley-health-walks/',
      'How to join: Book a place; Referral from a professional',
      'Cost: £3.50 per meal',
      'Where: Leigh Town Hall, Market Place, Leigh, WN7 1DY',
    ]) {
      expect(text.split('\n'), line).toContain(line);
    }
  });

  it('says when a group is closed, and gives it no next dates', () => {
    const cafeText = text.slice(text.indexOf('3. Atherton'));
    expect(cafeText).toContain('\nClosed. Stopped meeting in March.\n');
    expect(cafeText).not.toContain('Next dates');
  });

  it('ends with the groups no longer listed and the share link', () => {
    expect(text.endsWith(`1 group on this list is no longer listed.\nThis list online: ${ctx.shareUrl}`)).toBe(true);
    expect(fullText([walks], ctx, 2)).toContain('2 groups on this list are no longer listed.');
    expect(fullText([walks], ctx)).not.toContain('no longer listed');
  });

  it('says so when a group has no regular sessions or venue', () => {
    const t = fullText([helpline], ctx);
    expect(t).toContain('When: No regular sessions: get in touch to arrange.');
    expect(t).toContain('Where: By phone');
  });
});

describe('facts that travel with the list', () => {
  const closedForNow = entry('orrell-knit', {
    name: 'Orrell Knit',
    status: 'temporarily-closed',
    alert: 'Looking for a new venue.',
    reopens: '2026-05-04',
    schedules: [{ weekly: ['mon'], start: '10:00', end: '12:00' }],
    last_verified: '2025-02-01',
  });

  it('says "Temporarily closed" and how old the details are in the list, the text message and the full text', () => {
    expect(entryFlags(closedForNow, ctx)).toEqual(['Temporarily closed', 'Details last checked over a year ago']);
    expect(entryFlags(walks, ctx)).toEqual([]);
    expect(smsText([closedForNow], ctx)).toContain(
      'Orrell Knit (temporarily closed; details last checked over a year ago):',
    );
    const full = fullText([closedForNow], ctx);
    expect(full).toContain('Temporarily closed. Looking for a new venue. Reopens on Monday 4 May 2026.');
    expect(full).toContain(
      'Details last checked over a year ago (1 February 2025): check with the group before going.',
    );
  });

  it('gives no next dates while closed with no day to reopen, and dates from the day it reopens', () => {
    const { reopens: _, ...untilFurtherNotice } = closedForNow;
    expect(nextDatesFor(untilFurtherNotice, now)).toEqual([]);
    expect(smsText([untilFurtherNotice], ctx)).not.toContain('next ');
    expect(fullText([untilFurtherNotice], ctx)).not.toContain('Next dates');
    // Monday 13 April: the first Monday it meets again is 4 May, not 20 April.
    expect(nextDatesFor(closedForNow, now).map((o) => o.date)).toEqual(['2026-05-04', '2026-05-11', '2026-05-18']);
    expect(smsText([closedForNow], ctx)).toContain('next Mon 4 May 10am');
  });
});

describe('sms: and mailto: links', () => {
  it('percent-encodes the text into the body', () => {
    expect(smsHref('Walks: 10am & more\nhttps://x/list/#ids=a,b')).toBe(
      'sms:?&body=Walks%3A%2010am%20%26%20more%0Ahttps%3A%2F%2Fx%2Flist%2F%23ids%3Da%2Cb',
    );
    expect(mailtoHref('Local support', 'Full', 'Short')).toBe('mailto:?subject=Local%20support&body=Full');
  });

  it('puts the full text of a list of ten groups in the email', () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ ...walks, id: `walk-${i}`, name: `Walk number ${i + 1}` }));
    const full = fullText(ten, ctx);
    const href = mailtoHref('Local support', full, smsText(ten, ctx));
    expect(decodeURIComponent(href.slice(href.indexOf('&body=') + 6))).toBe(full);
  });

  it('falls back to the short text, saying to paste the full one, when it makes too long a link', () => {
    const long = 'x'.repeat(MAILTO_LIMIT);
    expect(mailtoHref('Local support', long, 'Short')).toBe(
      `mailto:?subject=Local%20support&body=${encodeURIComponent(`Short\n\n${pasteFullText()}`)}`,
    );
  });

  it('makes typographic characters plain for text messages', () => {
    expect(gsmFriendly('Carers’ “Café” – open… now')).toBe('Carers\' "Café" - open... now');
  });
});
