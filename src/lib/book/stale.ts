/**
 * When an entry's details are due for a check: `stale_after_months` (site.yaml, 12 by default)
 * or more whole months after `last_verified`. One rule for the "may be out of date" note on entry
 * pages, the search cards, the validator's warning, `npm run report:stale` and the insight page.
 * Its words are the `stale.` messages (src/lib/text/en/pages.ts): the islands that show them are given them.
 */
import { monthsBetween } from '../calendar/dates';
import { t } from '../text/messages';

/** True when details last checked on `lastVerified` are due a check on `today` (both `YYYY-MM-DD`). */
export function isStale(lastVerified: string, today: string, months = 12): boolean {
  return monthsBetween(lastVerified, today) >= months;
}

/** The marker a search card shows: "Checked over a year ago" / "Checked over 18 months ago". */
export function staleLabel(staleAfterMonths: number): string {
  return staleAfterMonths === 12 ? t('stale.label.year') : t('stale.label.months', { count: staleAfterMonths });
}

/**
 * What the list, its texts, the printed plan and the entry page say about details due a check,
 * from how long ago they were checked: "Details last checked over a year ago", "… over 2 years
 * ago", "… over 18 months ago" (a book that checks more often than yearly).
 */
export function staleNote(lastVerified: string, today: string): string {
  const months = monthsBetween(lastVerified, today);
  const years = Math.floor(months / 12);
  if (years >= 2) return t('stale.note.years', { count: years });
  return years === 1 ? t('stale.note.year') : t('stale.note.months', { count: months });
}
