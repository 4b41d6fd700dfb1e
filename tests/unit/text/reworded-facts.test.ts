/**
 * The words the pure modules make from recorded facts are the messages' (`facts.`), not English
 * written into the code: a book that rewords a message (content/messages/<lang>.yaml, which the
 * build sets with `setMessages`) sees its words in every label, date, schedule, cost, filter and
 * count. The English defaults themselves are held by each module's own tests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setMessages, type Messages } from '../../../src/lib/text/messages';
import { EN_MESSAGES } from '../../../src/lib/text/messages-en';
import { DAY_LABELS, LANGUAGES, STATUS_LABELS } from '../../../src/schema/vocab';
import type { Schedule } from '../../../src/schema/entry';
import { describeSchedule, dayHeading, nextSessionText } from '../../../src/lib/schedule/describe';
import { nextDateLines } from '../../../src/lib/schedule/next-dates';
import { formatTime, longDate, shortDate } from '../../../src/lib/calendar/words';
import { bankHolidayOn } from '../../../src/lib/calendar/bank-holidays';
import { ageLabel, contactLines, costLabel, statusNote } from '../../../src/lib/view/format';
import { areaWide, wholeArea, wholeAreaName } from '../../../src/lib/book/area';
import { FACET_SPECS, FILTER_GROUPS, WHEN_OPTIONS, facetHint, facetLabels } from '../../../src/lib/filters/registry';
import { activeFilters, resultCountText } from '../../../src/lib/search/results';
import { emptyState } from '../../../src/lib/filters/state';
import { mailtoHref } from '../../../src/lib/list/text';
import { barChartLayout } from '../../../src/lib/exports/insight';
import { CSV_COLUMNS } from '../../../src/lib/exports/csv';
import { joinAnd, joinOr } from '../../../src/lib/text/words';

/** The English messages with `own` over them, as a book's messages file gives them. */
function reword(own: Messages, lang = 'en-GB'): void {
  setMessages({ lang, messages: { ...EN_MESSAGES, ...own } });
}

afterEach(() => setMessages({ lang: 'en-GB', messages: EN_MESSAGES }));

const tuesdays: Schedule = { kind: 'weekly', days: ['tue'], interval: 1, start: '10:00', end: '11:30' } as Schedule;

describe('reworded messages change the words made from facts', () => {
  it("the vocabularies' labels, read after the messages are set", () => {
    reword({
      'facts.label.status.closed': 'Finished',
      'facts.date.day.mon': 'Lundi',
      'facts.label.language.pl': 'Polski',
    });
    expect(STATUS_LABELS.closed).toBe('Finished');
    expect(Object.values(DAY_LABELS)[0]).toBe('Lundi');
    expect(LANGUAGES.pl).toBe('Polski');
  });

  it('dates, clock times and schedules', () => {
    reword({
      'facts.date.day.tue': 'mardi',
      'facts.date.month.4': 'avril',
      'facts.date.dayShort.tue': 'mar.',
      'facts.date.monthShort.4': 'avr.',
      'facts.date.am': '{time} du matin',
      'facts.date.times': 'de {start} à {end}',
      'facts.schedule.every': 'Chaque {days}',
      'facts.schedule.noLonger': 'Ne se réunit plus',
    });
    expect(describeSchedule(tuesdays)).toBe('Chaque mardi, de 10 du matin à 11:30 du matin');
    expect(longDate('2026-04-14')).toBe('14 avril 2026');
    expect(shortDate('2026-04-14')).toBe('mar. 14 avr.');
    expect(formatTime('09:00')).toBe('9 du matin');
    expect(nextSessionText({ status: 'closed' }, [tuesdays], new Date('2026-04-13T12:00:00Z'), 'none')).toBe(
      'Ne se réunit plus',
    );
    expect(dayHeading('2026-04-14', new Date('2026-04-13T12:00:00Z'))).toBe('Tomorrow, mardi 14 avril');
  });

  it("the bank holidays' names, in next dates too", () => {
    reword({ 'facts.date.holiday.christmas': 'Noël', 'facts.date.holidayNote': '({holiday} : à vérifier)' });
    expect(bankHolidayOn('2026-12-25', 'england-and-wales')).toBe('Noël');
    const fridays = { kind: 'weekly', days: ['fri'], interval: 1 } as Schedule;
    const [first] = nextDateLines(
      { status: 'active' },
      [fridays],
      'england-and-wales',
      new Date('2026-12-21T12:00:00Z'),
      1,
    );
    expect(first?.text).toBe('Friday 25 December 2026 (Noël : à vérifier)');
  });

  it('cost, ages, contacts and status notes', () => {
    reword({
      'facts.cost.ask': 'Ask the group',
      'facts.cost.range': '{min}–{max}',
      'facts.age.andOver': '{min}+',
      'facts.contact.phone': 'Telephone',
      'facts.status.stopped': 'Gone.',
      'facts.label.status.closed': 'Ended',
    });
    expect(costLabel(undefined)).toBe('Ask the group');
    expect(costLabel({ amounts: [{ amount: 2 }, { amount: 4 }] })).toBe('£2–£4');
    expect(ageLabel(18)).toBe('18+');
    expect(contactLines({ phone: '01234 567890' }).map((l) => l.label)).toEqual(['Telephone']);
    expect(statusNote('closed')).toEqual({ label: 'Ended', text: 'Gone.' });
  });

  it("the filters' names, legends, hints and values", () => {
    reword({
      'facts.filter.legend.day': 'Which day',
      'facts.filter.name.day': 'On',
      'facts.filter.group.who': 'For whom',
      'facts.filter.when.any': 'Whenever',
      'facts.filter.combine.any': 'Either',
      'facts.filter.anyCost': 'Any price',
      'facts.filter.time.morning': 'Mornings',
      'facts.filter.cost.upTo': 'At most {amount}',
      'facts.area.all': 'Everywhere in {place}',
    });
    expect(FACET_SPECS.day.legend).toBe('Which day');
    expect(FACET_SPECS.cost.anyLabel).toBe('Any price');
    expect(facetHint('day')).toBe('Either');
    expect(FILTER_GROUPS.find((g) => g.id === 'who')?.legend).toBe('For whom');
    expect(WHEN_OPTIONS[0]?.label).toBe('Whenever');
    const labels = facetLabels({ categories: [], neighbourhoods: [], place: 'Wigan borough', costBands: [3] });
    expect(labels.time.morning).toBe('Mornings');
    expect(labels.cost['up-to-3']).toBe('At most £3');
    expect(labels.neighbourhood['borough-wide']).toBe('Everywhere in Wigan borough');
    const state = { ...emptyState(), facets: { ...emptyState().facets, day: ['mon', 'tue'] } };
    expect(activeFilters(state, labels).map((a) => a.text)).toEqual(['On: Monday or Tuesday']);
  });

  it("the whole area's words", () => {
    reword({
      'facts.area.all': 'Tout {place}',
      'facts.area.wide': '{area} entier',
      'facts.area.whole': 'tout le {area}',
    });
    expect(wholeAreaName('Wigan borough')).toBe('Tout Wigan borough');
    expect(areaWide('Borough')).toBe('Borough entier');
    expect(wholeArea('Borough')).toBe('tout le borough');
  });

  it("result counts, in the language's plural forms", () => {
    reword(
      {
        'facts.results.none': 'Brak wyników',
        'facts.results.count': {
          one: '{count} wynik',
          few: '{count} wyniki',
          many: '{count} wyników',
          other: '{count} wyniku',
        },
      },
      'pl',
    );
    expect([0, 1, 2, 5].map((n) => resultCountText(n))).toEqual(['Brak wyników', '1 wynik', '2 wyniki', '5 wyników']);
  });

  it('lists, a list as text, the insight charts and the CSV columns', () => {
    reword({
      'facts.list.and': '{items} et {last}',
      'facts.list.or': '{items} ou {last}',
      'facts.text.pasteFull': 'Paste the full text.',
      'facts.insight.gap': 'nothing',
      'page.openData.column.name': 'What it is called.',
    });
    expect(joinAnd(['a', 'b', 'c'])).toBe('a, b et c');
    expect(joinOr(['a', 'b'])).toBe('a ou b');
    expect(decodeURIComponent(mailtoHref('s', 'x'.repeat(9000), 'Short'))).toContain('Short\n\nPaste the full text.');
    expect(barChartLayout([{ label: 'Food', value: 0 }]).bars[0]?.valueText).toBe('nothing');
    expect(CSV_COLUMNS.find((c) => c.name === 'name')?.description).toBe('What it is called.');
  });

  it('every CSV column has its description in the messages', () => {
    for (const c of CSV_COLUMNS) expect(c.description, c.name).toMatch(/\w/);
  });
});
