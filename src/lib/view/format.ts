/**
 * Pure view helpers shared by pages, search cards, the map and exports, so that every place
 * shows the same words for the same entry: the site's words (the messages `facts.cost.`,
 * `facts.age.`, `facts.contact.`, `facts.status.`).
 */
import { STATUS_LABELS, type Status } from '../../schema/vocab';
import type { Contact, Cost, Venue } from '../../schema/entry';
import { formatDateLong } from '../calendar/words';
import { t } from '../text/messages';

/** `£2.50`, `£3`. */
export function formatMoney(amount: number): string {
  return Number.isInteger(amount) ? `£${amount}` : `£${amount.toFixed(2)}`;
}

/**
 * One short line about cost: "Free", "£2.50 per session", "£2 to £4", "Pay what you can",
 * "Pay what you can (suggested £2)", or "Ask about cost".
 */
export function costLabel(cost: Cost | undefined): string {
  if (!cost) return t('facts.cost.ask');
  if (cost.free) return t('facts.cost.free');
  if (cost.pay_what_you_can) {
    const suggested = cost.amounts?.length ? costLabel({ amounts: cost.amounts }) : '';
    return suggested ? t('facts.cost.suggested', { amount: suggested }) : t('facts.cost.payWhatYouCan');
  }
  const amounts = cost.amounts ?? [];
  if (amounts.length === 1) return [formatMoney(amounts[0].amount), amounts[0].description].filter(Boolean).join(' ');
  const values = amounts.map((a) => a.amount);
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? formatMoney(min) : t('facts.cost.range', { min: formatMoney(min), max: formatMoney(max) });
}

/** "Market Street, Hindley, WN2 3AN". */
export function venueAddress(v: Pick<Venue, 'address' | 'town' | 'postcode'>): string {
  return [v.address, v.town, v.postcode].filter(Boolean).join(', ');
}

/** A `tel:` URI from a written phone number: digits and a leading +. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** Age range in words: "Ages 18 and over", "Ages 0 to 5", "All ages". */
export function ageLabel(min?: number, max?: number): string {
  if (min === undefined && max === undefined) return t('facts.age.all');
  if (max === undefined) return t('facts.age.andOver', { min: String(min) });
  if (min === undefined || min === 0) return t('facts.age.upTo', { max: String(max) });
  return t('facts.age.range', { min: String(min), max: String(max) });
}

/** Contacts that have something to show. */
export function contactLines(c: Contact): { label: string; href: string; text: string }[] {
  const lines: { label: string; href: string; text: string }[] = [];
  if (c.phone) lines.push({ label: t('facts.contact.phone'), href: telHref(c.phone), text: c.phone });
  if (c.email) lines.push({ label: t('facts.contact.email'), href: `mailto:${c.email}`, text: c.email });
  return lines;
}

/** The A–Z letter a name files under ("#" for names not starting with a letter). */
export function azLetter(name: string): string {
  const first = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .charAt(0)
    .toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

/**
 * The notice shown wherever a group that is not running appears (its page, the list, the text
 * versions, a printout), or one with an alert: "Temporarily closed." and the alert or a plain
 * sentence, and the day it reopens when that is known. Undefined for a running group without an
 * alert.
 */
export function statusNote(
  status: Status,
  alert?: string,
  reopens?: string,
): { label: string; text: string } | undefined {
  if (status === 'active') return alert ? { label: '', text: alert } : undefined;
  const fallback = status === 'closed' ? t('facts.status.stopped') : t('facts.status.check');
  const text = alert ?? fallback;
  const back =
    status === 'temporarily-closed' && reopens
      ? ` ${t('facts.status.reopens', { date: formatDateLong(reopens) })}`
      : '';
  return { label: STATUS_LABELS[status], text: `${text}${back}` };
}
