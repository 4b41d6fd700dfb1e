/** What a marker's popup says. Plain strings: the island puts them into text nodes, never HTML. */
import { STATUS_LABELS, type BankHolidayRegion } from '../../schema/vocab';
import { nextSessionText } from '../schedule/describe';
import { schedulesOf, type MapEntry } from './venue-file';

export interface PopupModel {
  name: string;
  summary: string;
  venue: string;
  /** "Temporarily closed" / "Closed"; empty when running. */
  status: string;
  /** "Next: Tuesday 14 April 2026, 10am to 11:30am", or what to do when there is none. */
  next: string;
  href: string;
}

/** The text of one entry's popup at one venue. Plain strings: the island puts them in text nodes. */
export function popupModel(entry: MapEntry, venue: number, now: Date, holidays: BankHolidayRegion): PopupModel {
  return {
    name: entry.name,
    summary: entry.summary,
    venue: entry.venues[venue]?.name ?? '',
    status: entry.status === 'active' ? '' : STATUS_LABELS[entry.status],
    next: nextSessionText(entry, schedulesOf(entry), now, holidays),
    href: `/entries/${entry.id}/`,
  };
}
