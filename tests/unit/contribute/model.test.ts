/**
 * The contribute form's logic: a draft becomes exactly the file that is proposed; each validator
 * message lands on the form field it is about (in the form's numbering); the id checks.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import {
  anchorKey,
  checkDraft,
  fieldKeys,
  inputId,
  isShown,
  remapField,
  schemaContext,
  formContext,
  type BookContext,
} from '../../../src/components/islands/contribute/model';
import {
  draftToFile,
  draftToInput,
  emptyDraft,
  emptySchedule,
  emptyVenue,
  scheduleInput,
  splitDates,
  splitLatLng,
  type EntryDraft,
} from '../../../src/lib/authoring/entry-draft';
import { loadCategories, loadSite, neighbourhoodIds } from '../../../src/server/content-files';
import { validateEntryText } from '../../../src/lib/validate';

const dir = resolve('tests/fixtures/book');
const site = loadSite(dir);
const book: BookContext = {
  bounds: site.bounds,
  centre: site.map.centre,
  place: site.place,
  examples: site.examples,
  staleMonths: 12,
  categories: loadCategories(dir).map((c) => ({ id: c.id, name: c.name, parent: c.parent })),
  neighbourhoods: neighbourhoodIds(dir).map((id) => ({ id, name: id })),
};
const ctx = schemaContext(book);

function complete(): EntryDraft {
  const d = emptyDraft('2026-03-14');
  Object.assign(d, {
    name: 'Leigh Knit and Natter',
    summary: 'Knitting and a chat.',
    categories: ['lunch-clubs'],
    neighbourhoods: ['leigh'],
    join: ['drop-in'],
    cost: 'free',
    venues: [
      {
        name: 'Leigh Library',
        address: 'Turnpike Centre',
        town: 'Leigh',
        postcode: 'WN7 1EB',
        lat: '53.4975',
        lng: '-2.5157',
      },
    ],
    schedules: [{ ...emptySchedule(), days: ['tue'], start: '10:00', end: '11:30' }],
    contacts: [{ name: '', phone: '01942 404040', email: '' }],
  });
  return d;
}

const keysOf = (d: EntryDraft, taken = false) =>
  checkDraft(d, book, ctx, taken).messages.map((m) => `${m.severity}:${m.key}`);

describe('checkDraft', () => {
  it('a complete draft has no messages, and its file passes the validator', () => {
    const r = checkDraft(complete(), book, ctx, false);
    expect(r.messages).toEqual([]);
    expect(r.id).toBe('leigh-knit-and-natter');
    expect(r.path).toBe('content/entries/leigh-knit-and-natter.md');
    expect(validateEntryText(r.text, r.path, ctx)).toEqual([]);
    expect(r.text).toBe(draftToFile(complete()).text);
  });

  it('an empty form asks for each required thing, in the order of the form, in plain words', () => {
    const r = checkDraft(emptyDraft('2026-03-14'), book, ctx, false);
    expect(r.messages.map((m) => [m.key, m.message])).toEqual([
      ['name', 'Enter the name of the group'],
      ['summary', 'Enter a one-sentence summary'],
      ['categories', 'Choose at least one category'],
      ['neighbourhoods', 'Choose at least one neighbourhood, or the whole area'],
      ['join', 'Choose at least one way to take part'],
      ['venues', 'Add the venue, or untick "In person" under "How it is delivered"'],
      ['contacts', 'Add a phone number or email address, or a website'],
    ]);
    expect(r.errors).toBe(7);
  });

  it('puts each message on its field, counting empty items the way the form does', () => {
    const d = complete();
    d.venues = [emptyVenue(), { ...d.venues[0], postcode: 'NOT A CODE' }];
    d.contacts = [
      { name: '', phone: '', email: '' },
      { name: 'Jo', phone: '', email: 'not-an-email' },
      { name: 'Mobile', phone: '07700 900123', email: '' },
    ];
    d.schedules = [
      emptySchedule(),
      { ...emptySchedule(), kind: 'monthly', days: ['tue'], weeks: [], start: '10:00' },
      { ...emptySchedule(), days: ['mon'], start: '11:00', end: '10:00' },
    ];
    const r = checkDraft(d, book, ctx, false);
    const at = (key: string) => r.messages.filter((m) => m.key === key).map((m) => m.message);
    expect(at('venues[1].postcode')).toEqual([
      `This is not a UK postcode. Fix: write it like ${site.examples.postcode}.`,
    ]);
    expect(at('contacts[1].email')[0]).toMatch(/^This is not an email address/);
    expect(r.messages.find((m) => m.key === 'contacts[2].phone')).toMatchObject({ severity: 'warning' });
    expect(at('schedules[1].monthly')).toEqual(['Choose the weeks of the month and at least one day']);
    expect(at('schedules[2].end')[0]).toMatch(/is not after the start time/);
  });

  it('says when the web address is taken, or cannot be made', () => {
    expect(keysOf(complete(), true)).toEqual(['error:id']);
    expect(
      checkDraft(complete(), book, ctx, true, new Set(['leigh-knit-and-natter', 'leigh-knit-and-natter-2'])).messages[0]
        .message,
    ).toContain('for example to leigh-knit-and-natter-3');
    const d = complete();
    d.name = 'مجموعة';
    expect(keysOf(d)).toEqual(['error:id']);
    d.id = 'Bad Id';
    expect(checkDraft(d, book, ctx, false).messages[0].message).toMatch(/only use lower-case letters/);
    d.id = 'good-id';
    expect(keysOf(d)).toEqual([]);
  });

  it("gives the validator's warnings as warnings: they are shown and do not stop the proposal", () => {
    const d = complete();
    d.contacts = [{ name: 'Organiser', phone: '07700 900123', email: 'jo.bloggs@gmail.com' }];
    d.lastVerified = '2020-01-01';
    const r = checkDraft(d, book, ctx, false);
    const file = validateEntryText(r.text, r.path, ctx, { staleMonths: 12 }).filter((p) => p.severity === 'warning');
    expect(file.map((p) => p.field).sort()).toEqual(['contacts[0].email', 'contacts[0].phone', 'last_verified']);
    expect(r.errors).toBe(0);
    for (const key of ['contacts[0].phone', 'contacts[0].email', 'last_verified'])
      expect(r.messages.filter((m) => m.key === key).map((m) => m.severity)).toEqual(['warning']);
  });

  it('reads numbers as numbers and leaves anything else for the schema to explain', () => {
    const d = complete();
    d.venues[0].lat = '53,49';
    d.minAge = 'eighteen';
    const r = checkDraft(d, book, ctx, false);
    // The example is the book's own point: its map centre, as the hints give it.
    expect(formContext(book).examples.point).toEqual({
      lat: site.map.centre[0].toFixed(4),
      lng: site.map.centre[1].toFixed(4),
    });
    expect(r.messages.find((m) => m.key === 'venues[0].lat')?.message).toBe(
      `The latitude must be a number, e.g. ${site.map.centre[0].toFixed(4)}.`,
    );
    expect(r.messages.find((m) => m.key === 'min_age')?.message).toMatch(/min_age must be a whole number/);
  });
});

describe('draftToInput', () => {
  it('leaves out empty boxes and the defaults', () => {
    const input = draftToInput(complete()) as Record<string, unknown>;
    expect(Object.keys(input).filter((k) => input[k] !== undefined)).toEqual([
      'name',
      'summary',
      'categories',
      'neighbourhoods',
      'join',
      'audience',
      'cost',
      'accessibility',
      'venues',
      'schedules',
      'contacts',
      'last_verified',
    ]);
    expect(input.status).toBeUndefined();
    expect(input.delivery).toBeUndefined();
    expect(input.languages).toBeUndefined();
    expect(input.cost).toEqual({ free: true, note: undefined });
  });

  it('turns every kind of schedule into the schema shape', () => {
    const s = emptySchedule();
    expect(scheduleInput(s)).toBeUndefined();
    expect(scheduleInput({ ...s, days: ['thu', 'mon'] })).toMatchObject({ weekly: ['mon', 'thu'] });
    expect(scheduleInput({ ...s, kind: 'every', days: ['thu'], every: '2', from: '2026-01-08' })).toMatchObject({
      weekly: ['thu'],
      every: 2,
      from: '2026-01-08',
    });
    expect(scheduleInput({ ...s, kind: 'monthly', days: ['mon', 'fri'], weeks: ['last', '2nd'] })).toMatchObject({
      monthly: ['2nd mon', '2nd fri', 'last mon', 'last fri'],
    });
    expect(scheduleInput({ ...s, kind: 'dates', dates: '2026-12-12,2026-12-19\n2026-12-24' })).toMatchObject({
      dates: ['2026-12-12', '2026-12-19', '2026-12-24'],
    });
    expect(scheduleInput({ ...s, start: '10:00' })).toMatchObject({ weekly: [], start: '10:00' });
  });

  it('reads amounts with a pound sign, and pasted coordinates', () => {
    const d = complete();
    d.cost = 'paid';
    d.amounts = [{ amount: '£2.50', description: 'per session' }];
    expect((draftToInput(d).cost as { amounts: unknown[] }).amounts).toEqual([
      { amount: 2.5, description: 'per session' },
    ]);
    expect(splitLatLng('53.5423, -2.5772')).toEqual({ lat: '53.5423', lng: '-2.5772' });
    expect(splitLatLng('(53.5423 -2.5772)')).toEqual({ lat: '53.5423', lng: '-2.5772' });
    expect(splitLatLng('53.5423')).toBeUndefined();
    expect(splitDates(' 2026-12-12 ;2026-12-19 ')).toEqual(['2026-12-12', '2026-12-19']);
  });
});

describe('placing messages', () => {
  it('maps file numbering to form numbering', () => {
    const maps = { venues: [1, 3], schedules: [0], contacts: [2], amounts: [1] };
    expect(remapField('venues[1].postcode', maps)).toBe('venues[3].postcode');
    expect(remapField('contacts[0]', maps)).toBe('contacts[2]');
    expect(remapField('cost.amounts[0].amount', maps)).toBe('cost.amounts[1].amount');
    expect(remapField('name', maps)).toBe('name');
  });
  it('falls back to the nearest field the form has', () => {
    const keys = fieldKeys(complete());
    expect(anchorKey('schedules[0].weekly[2]', keys)).toBe('schedules[0].weekly');
    expect(anchorKey('venues[0]', keys)).toBe('venues[0]');
    expect(anchorKey('languages[3]', keys)).toBe('languages');
    expect(anchorKey('front matter', keys)).toBe('form');
  });
  it('shows a field once it was left, a group once one of its fields was, and everything after "Check"', () => {
    const touched = new Set(['venues[0].postcode']);
    expect(isShown('venues[0].postcode', touched, false)).toBe(true);
    expect(isShown('venues[0]', touched, false)).toBe(true);
    expect(isShown('venues', touched, false)).toBe(true);
    expect(isShown('name', touched, false)).toBe(false);
    expect(isShown('name', touched, true)).toBe(true);
    expect(inputId('venues[0].postcode')).toBe('cf-venues-0-postcode');
  });
});
