/**
 * Warnings: things that are allowed but worth a second look. Details not checked for
 * `stale_after_months` (the one stale rule, src/lib/book/stale.ts), and contacts that look
 * personal (a mobile number, a free email service).
 */
import { isRealDate, toIsoDate } from '../../schema';
import { isStale } from '../book/stale';
import { monthsBetween } from '../calendar/dates';
import { londonDate } from '../calendar/london';
import { clip, formatPath, type Pending, type Seg, type ValidateOptions } from './problems';

const FREE_MAIL = /@(?:gmail|googlemail|hotmail|outlook|yahoo|ymail|icloud|live|aol|btinternet|sky)\.[a-z.]+$/i;

export function warnings(data: Record<string, unknown>, opts: ValidateOptions, pending: Pending[]): void {
  const verified = isoDateOf(data.last_verified);
  const staleMonths = typeof opts.staleMonths === 'number' && opts.staleMonths > 0 ? opts.staleMonths : 12;
  const today = verified ? todayIso(opts.today) : undefined;
  if (verified && today && isStale(verified, today, staleMonths)) {
    const months = monthsBetween(verified, today);
    pending.push({
      path: ['last_verified'],
      anchor: 'value',
      field: 'last_verified',
      severity: 'warning',
      message: `These details were verified ${months} months ago (${verified}); entries are due for a check every ${staleMonths} months. Fix: ask the group to confirm the details are still right, then set last_verified to the date you checked.`,
    });
  }
  if (Array.isArray(data.contacts)) {
    data.contacts.forEach((c, i) => {
      if (!c || typeof c !== 'object') return;
      const { phone, email } = c as Record<string, unknown>;
      if (typeof phone === 'string') {
        const digits = phone.replace(/[\s().-]/g, '');
        if (/^(?:07|\+447|00447|447)\d{9}$/.test(digits)) {
          pending.push(personal(['contacts', i, 'phone'], `"${clip(phone)}" is a mobile number`));
        }
      }
      if (typeof email === 'string' && FREE_MAIL.test(email.trim())) {
        pending.push(personal(['contacts', i, 'email'], `${clip(email.trim())} is a personal email service`));
      }
    });
  }
}

function personal(path: Seg[], what: string): Pending {
  return {
    path,
    anchor: 'value',
    field: formatPath(path),
    severity: 'warning',
    message: `${what}, so it looks like a personal contact; use the group's own where possible, and make sure the person agreed to publish it.`,
  };
}

let todayCache: { at: number; iso: string } | undefined;
/** Today in London as YYYY-MM-DD (worked out at most once a second when no day is given). */
function todayIso(today: Date | string | undefined): string | undefined {
  if (today !== undefined) return isoDateOf(today);
  const now = Date.now();
  if (!todayCache || now - todayCache.at > 1000) todayCache = { at: now, iso: londonDate(new Date(now)) };
  return todayCache.iso;
}

function isoDateOf(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : toIsoDate(v);
  if (typeof v === 'string' && isRealDate(v.trim())) return v.trim();
  return undefined;
}
