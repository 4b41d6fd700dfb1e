/**
 * The build's idea of "today", for things that may be fixed at build time (the stale marker).
 * `BOOK_TODAY=YYYY-MM-DD` pins it, so two builds of the same content are byte-identical and
 * tests are repeatable. Anything a reader needs to be right on the day they read it (next dates,
 * "on today") is computed in the browser instead.
 */
import { londonDate } from '../lib/calendar/london';

export function todayAtBuild(): string {
  const pinned = process.env.BOOK_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return londonDate(new Date());
}
