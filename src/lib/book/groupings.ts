/** Groupings of entries used by neighbourhood and category pages. Pure. */
import { DAYS } from '../../schema/vocab';
import type { Day, EntryData, Category } from '../../schema';
import { daysOfWeek } from '../schedule/occurrences';
import { bookOrder, byId } from './order';
import { describeTime } from '../calendar/words';

type E = { id: string; data: EntryData };

/** Entries under each top-level category (an entry may appear under several). */
export function groupByCategory<T extends E>(entries: T[], tree: { category: Category; children: Category[] }[]) {
  return tree.map(({ category, children }) => {
    const ids = new Set([category.id, ...children.map((c) => c.id)]);
    return { category, entries: entries.filter((e) => e.data.categories.some((c) => ids.has(c))) };
  });
}

/** For each weekday, the entries with a session that can fall on it, earliest start first. */
export function groupByDay<T extends E>(entries: T[]): Record<Day, { entry: T; time: string; start: string }[]> {
  const out = Object.fromEntries(DAYS.map((d) => [d, [] as { entry: T; time: string; start: string }[]])) as Record<
    Day,
    { entry: T; time: string; start: string }[]
  >;
  for (const entry of entries) {
    if (entry.data.status === 'closed') continue;
    for (const s of entry.data.schedules) {
      if (s.kind === 'dates') continue; // one-off dates are not a day of the week
      for (const day of daysOfWeek(s)) {
        if (out[day].some((x) => x.entry.id === entry.id)) continue;
        out[day].push({ entry, time: s.start ? describeTime(s.start, s.end) : '', start: s.start ?? '99:99' });
      }
    }
  }
  for (const day of DAYS) out[day].sort((a, b) => byId(a.start, b.start) || bookOrder(a.entry, b.entry));
  return out;
}
