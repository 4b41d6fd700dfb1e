/**
 * Source values in the entry's vocabularies: the book's own labels read back (the Open Referral
 * feed writes them, ../exports/hsds.ts), and what people write in spreadsheets ("£2.50 per
 * session", "Wheelchair accessible", "Polish"). Each reader returns undefined, or an empty list,
 * rather than guess. Pure.
 */
import { fromMessages } from '../text/messages';
import {
  ACCESSIBILITY,
  ACCESSIBILITY_LABELS,
  AUDIENCE_LABELS,
  AUDIENCES,
  DELIVERY_HSDS,
  DELIVERY_LABELS,
  DELIVERY_MODES,
  JOIN_LABELS,
  JOIN_ROUTES,
  LANGUAGES,
  LANGUAGE_CODES,
  STATUS_HSDS,
  STATUSES,
  type Accessibility,
  type Audience,
  type DeliveryMode,
  type JoinRoute,
  type Status,
} from '../../schema/vocab';
import type { Cost } from '../../schema/entry';

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Text cut to `max` characters at a word, with "…", and whether it was cut. */
export function fitText(text: string, max: number): { text: string; cut: boolean } {
  if (text.trim().length <= max) return { text: text.trim(), cut: false };
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return { text: t, cut: false };
  const sentence = /^(.{20,}?[.!?])\s/.exec(t)?.[1];
  if (sentence && sentence.length <= max) return { text: sentence, cut: true };
  const room = t.slice(0, max - 1);
  const at = room.lastIndexOf(' ');
  return { text: `${(at > max / 2 ? room.slice(0, at) : room).replace(/[\s,;:.]+$/, '')}…`, cut: true };
}

/** The items of a list cell: split on commas, semicolons, slashes, line breaks and " and ". */
export function splitList(text: string): string[] {
  return String(text ?? '')
    .split(/[,;/\n|]+|\s+and\s+|\s+&\s+/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `HH:MM` from `10:00:00`, `10:00`, `10.00`, `9:30`. */
export function toTime(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(v.trim());
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : undefined;
}

function inverse<K extends string>(labels: Record<K, string>): Map<string, K> {
  return new Map(Object.entries(labels).map(([k, v]) => [norm(v as string), k as K]));
}
// The labels are the book's words (the messages, as its export writes them): read when first needed.
const byLabel = fromMessages(() => ({
  join: inverse(JOIN_LABELS),
  delivery: inverse(DELIVERY_LABELS),
  audience: inverse(AUDIENCE_LABELS),
  access: inverse(ACCESSIBILITY_LABELS),
  language: inverse(LANGUAGES),
}));
const DELIVERY_BY_HSDS = inverse(DELIVERY_HSDS);
const STATUS_BY_HSDS = inverse(STATUS_HSDS);

/** Splits the book's own "A. B." sentences, or a comma list, into items without the full stops. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=\.)\s+|,\s*/)
    .map((s) => s.replace(/\.$/, '').trim())
    .filter(Boolean);
}

/** How to join, from the book's labels ("Just turn up (drop-in). Book a place.") or from words. */
export function joinRoutes(text: string): JoinRoute[] {
  const t = norm(text);
  if (!t) return [];
  const own = sentences(text).map((s) => byLabel().join.get(norm(s)));
  if (own.length && own.every(Boolean)) return [...new Set(own as JoinRoute[])];
  if ((JOIN_ROUTES as readonly string[]).includes(t)) return [t as JoinRoute];
  const out: JoinRoute[] = [];
  if (/drop[- ]?in|just (?:turn|come|pop) (?:up|along|in)|no need to book|walk[- ]?in/.test(t)) out.push('drop-in');
  if (
    /\b(?:gp|doctor|professional|social worker|health visitor|key ?worker)\b.*\brefer|referral (?:from|by|letter)|refer(?:red)? by/.test(
      t,
    )
  )
    out.push('professional-referral');
  else if (/self[- ]?refer|refer yourself|get in touch|contact us|ring|call|phone|email us/.test(t))
    out.push('self-referral');
  if (/\bbook|appointment|booking|reserve|register\b/.test(t)) out.push('booking');
  if (/\bmember(?:ship)?\b|\bjoin the club\b/.test(t)) out.push('membership');
  return [...new Set(out)];
}

/** Delivery modes from the book's labels, HSDS `attending_type` values or words. */
export function deliveryModes(text: string): DeliveryMode[] {
  const t = norm(text);
  if (!t) return [];
  const items = sentences(text).map((s) => byLabel().delivery.get(norm(s)) ?? DELIVERY_BY_HSDS.get(norm(s)));
  if (items.length && items.every(Boolean)) return [...new Set(items as DeliveryMode[])];
  if ((DELIVERY_MODES as readonly string[]).includes(t)) return [t as DeliveryMode];
  const out: DeliveryMode[] = [];
  if (/in[- ]person|venue|face to face|in the building|drop[- ]?in/.test(t)) out.push('in-person');
  if (/online|video|zoom|teams|remote|virtual/.test(t)) out.push('online');
  if (/phone|telephone|by call/.test(t)) out.push('phone');
  if (/home visit|at home|in your home/.test(t)) out.push('home-visit');
  return out;
}

/** Audience tags from the book's labels or their ids. */
export function audienceOf(text: string): Audience | undefined {
  const t = norm(text);
  return byLabel().audience.get(t) ?? ((AUDIENCES as readonly string[]).includes(t) ? (t as Audience) : undefined);
}

/** Who it is for: the book's "Especially for: A, B." then the rest (../exports/hsds.ts `eligibility`). */
export function splitEligibility(text: string): { audience: Audience[]; rest: string } {
  const m = /^Especially for: (.*?)\.(?:\s+|$)/.exec(text.trim());
  if (!m) return { audience: [], rest: text.trim() };
  const tags = m[1].split(/,\s*/).map(audienceOf);
  if (!tags.every(Boolean)) return { audience: [], rest: text.trim() };
  return { audience: tags as Audience[], rest: text.trim().slice(m[0].length).trim() };
}

/**
 * Accessibility values from a description, where they clearly match: the book's labels, or the
 * words people use for them. `rest` is true when the text says more than the values hold.
 */
export function accessibilityOf(text: string): { values: Accessibility[]; rest: boolean } {
  const items = sentences(text).map((s) => byLabel().access.get(norm(s)));
  if (items.length && items.every(Boolean)) return { values: [...new Set(items as Accessibility[])], rest: false };
  const t = norm(text);
  if ((ACCESSIBILITY as readonly string[]).includes(t)) return { values: [t as Accessibility], rest: false };
  const found: Accessibility[] = [];
  const rules: [RegExp, Accessibility][] = [
    [/step[- ]free|wheelchair|level access|ramp(?:ed)? access|no steps|lift to all/, 'step-free'],
    [/accessible (?:toilet|loo|wc)|disabled (?:toilet|loo|wc)/, 'accessible-toilet'],
    [/hearing loop|induction loop|\bloop system/, 'hearing-loop'],
    [/blue badge/, 'blue-badge-parking'],
    [/(?<!blue badge )\bparking\b|car park/, 'parking'],
    [/bus stop|on a bus route/, 'near-bus-stop'],
    [/quiet (?:space|room|area)/, 'quiet-space'],
    [/changing places/, 'changing-places'],
    [/\bbsl\b|british sign language|sign language/, 'bsl'],
    [/large print/, 'large-print'],
    [/assistance dogs?|guide dogs?/, 'assistance-dogs'],
    [/dementia[- ]friendly/, 'dementia-friendly'],
  ];
  for (const [re, v] of rules) if (re.test(t) && !found.includes(v)) found.push(v);
  const yes = /^(?:yes|y|true|accessible|wheelchair accessible|fully accessible)$/.test(t);
  return { values: found, rest: !yes && found.length !== sentences(text).length };
}

/** A language code from a two-letter code or an English name ("Polish", "pl", "pol"? no: two letters only). */
export function languageOf(text: string): string | undefined {
  const t = norm(text);
  if ((LANGUAGE_CODES as readonly string[]).includes(t)) return t;
  return byLabel().language.get(t) ?? byLabel().language.get(t.replace(/\s*\(.*\)$/, ''));
}

/** The entry status from HSDS `status` or words ("active", "temporarily closed", "defunct", "closed"). */
export function statusOf(text: string): Status | undefined {
  const t = norm(text).replace(/_/g, ' ');
  if ((STATUSES as readonly string[]).includes(t.replace(/ /g, '-'))) return t.replace(/ /g, '-') as Status;
  if (t === 'inactive' || t === 'defunct' || t === 'closed' || t === 'no') return 'closed';
  if (t === 'running' || t === 'open' || t === 'yes') return 'active';
  if (t === 'paused' || t === 'suspended') return 'temporarily-closed';
  return STATUS_BY_HSDS.get(t);
}

/** Yes/no words: true, false or undefined. */
export function yesNo(text: string, map?: Record<string, boolean>): boolean | undefined {
  const t = norm(text);
  if (map && t in map) return map[t];
  if (/^(?:y|yes|true|1|x|✓|✔)$/.test(t)) return true;
  if (/^(?:n|no|false|0|-)$/.test(t)) return false;
  return undefined;
}

/** Money amounts in a text: "£2.50", "2.50", "£3/£2", "£1.50 per session". */
function amounts(text: string): number[] {
  return [...text.matchAll(/£\s*(\d+(?:\.\d{1,2})?)|(\d+\.\d{2})\b|(\d+)\s*p\b/gi)].map((m) =>
    m[3] ? Number(m[3]) / 100 : Number(m[1] ?? m[2]),
  );
}

/**
 * A cost from the words of a cell or a feed's `fees_description`: "Free", "£2.50 per session",
 * "£3 (£2 concessions)", "Donation", "Pay what you can". Undefined when it names no cost.
 */
export function costFromText(text: string): Cost | undefined {
  const t = norm(text);
  if (!t) return undefined;
  const found = amounts(text);
  if (/^(?:free|free of charge|no charge|nil|£?0(?:\.00)?|none)\.?$/.test(t) || (!found.length && /\bfree\b/.test(t)))
    return { free: true, ...(t.replace(/\.$/, '') === 'free' ? {} : { note: fitText(text, 200).text }) };
  const pwyc = /pay what you (?:can|feel)|donation|voluntary contribution|by donation/.test(t);
  if (!found.length) return pwyc ? { pay_what_you_can: true, note: fitText(text, 200).text } : undefined;
  const per = /per (session|week|class|visit|month|year|person|hour)|an? (session|week|year|month)|each/.exec(t)?.[0];
  const list = found.map((amount) => ({ amount, ...(per ? { description: per } : {}) }));
  const plain = found.length === 1 && /^£?\s*\d+(?:\.\d{1,2})?(?:\s+per \w+|\s+an? \w+)?\.?$/.test(t);
  return {
    ...(pwyc ? { pay_what_you_can: true } : {}),
    amounts: list,
    ...(plain ? {} : { note: fitText(text, 200).text }),
  };
}
