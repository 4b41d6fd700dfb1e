/** The day parts of a schedule (src/schema/entry.ts `scheduleSchema`): a weekday, and a day of the month. */
import { z } from './zod';
import { DAYS, ORDINALS, type Day } from './vocab';
import { quoted } from './primitives';
import { list } from './fields';

/** A monthly rule part: `1st mon` … `5th sun`, or `last fri`. */
export const monthlyDay = z.string().transform((value, ctx) => {
  const m = /^(1st|2nd|3rd|4th|5th|last)\s+(mon|tue|wed|thu|fri|sat|sun)$/i.exec(value.trim());
  if (!m) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a day of the month. Fix: write the week and day, e.g. "2nd tue" or "last fri".`,
    });
    return z.NEVER;
  }
  return { nth: ORDINALS[m[1].toLowerCase() as keyof typeof ORDINALS] as number, day: m[2].toLowerCase() as Day };
});

export const dayField = z.enum(DAYS, {
  error: (iss) => `${quoted(iss.input)} is not a day. Fix: use one of ${list(DAYS)}.`,
});
