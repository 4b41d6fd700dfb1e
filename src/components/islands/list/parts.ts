/**
 * What the list page draws once the list has groups on it: each group's details (with
 * "Introduce someone"), sharing and printing. Loaded by ./useParts.ts when the list has any
 * groups, alongside their details: an empty list, as the page first opens, does not load it,
 * nor the list's text versions and the schedule code they work next dates out with.
 */
import { formatDateLong } from '../../../lib/calendar/words';
import { londonDate } from '../../../lib/calendar/london';

export { EntryDetails, GoneEntry } from './EntryDetails';
export { default as SharePanel } from './SharePanel';
export { default as PrintPanel } from './PrintPanel';
export { fullText, smsText } from '../../../lib/list/text';

/** The printout's date: "Tuesday 1 December 2026", in London. */
export function printedOn(now: Date): string {
  return formatDateLong(londonDate(now));
}
