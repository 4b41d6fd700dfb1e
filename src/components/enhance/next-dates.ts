/**
 * `<next-dates data-schedules="[…]" data-holidays="…" data-status="…" [data-reopens] [data-count]>`:
 * the next sessions of a group, worked out in the reader's browser at the moment of reading (a
 * static page is read long after it was built). Without JavaScript the plain-English rule above
 * it stands alone. A date on a bank holiday says "check it is on"; a bank holiday a schedule does
 * not meet on (`not_on_bank_holidays`) is marked "no session", in date order among the sessions.
 * No framework: the lines come from src/lib/schedule/next-dates.ts, over the same pure modules as
 * every other place that shows next dates.
 */
import { BANK_HOLIDAY_REGIONS, STATUSES, type BankHolidayRegion, type Status } from '../../schema/vocab';
import type { Schedule } from '../../schema/entry';
import { nextDateLines } from '../../lib/schedule/next-dates';
import { define, el } from './dom';
import { useElementMessages } from './messages';
import { t } from '../../lib/text/messages';

function parse<T>(text: string | undefined, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

export class NextDates extends HTMLElement {
  connectedCallback() {
    if (this.dataset.done) return;
    this.dataset.done = '';
    useElementMessages(this);
    const d = this.dataset;
    const status = STATUSES.find((s) => s === d.status) as Status | undefined;
    const holidays = BANK_HOLIDAY_REGIONS.find((r) => r === d.holidays) as BankHolidayRegion | undefined;
    const lines = nextDateLines(
      { status: status ?? 'active', reopens: d.reopens || undefined },
      parse<Schedule[]>(d.schedules, []),
      holidays ?? 'none',
      new Date(),
      Number(d.count) || 3,
    );
    const body = lines.some((l) => !l.skipped)
      ? el(
          'ul',
          { class: 'link-list' },
          ...lines.map((l) => {
            const li = el('li', { 'data-date': l.date }, l.text);
            if (l.skipped) {
              li.dataset.noSession = '';
              li.className = 'secondary';
            }
            return li;
          }),
        )
      : el('p', {}, t('enhance.dates.none'));
    this.replaceChildren(el('div', { class: 'next-dates' }, el('h3', {}, t('enhance.dates.heading')), body));
  }
}

define('next-dates', NextDates);
