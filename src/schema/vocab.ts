/**
 * Fixed vocabularies used by entries. Each list is the set of values a volunteer may write in an
 * entry's front matter, with the label shown on the site and, where HSDS / Open Referral UK has a
 * matching code, that code. Changing a value here is a breaking change for every entry that uses
 * it; adding one is safe (with its label in src/lib/text/en/facts.ts).
 *
 * The labels (`JOIN_LABELS`, …) are the site's words: each is looked up in the messages when it
 * is read (src/lib/text/messages.ts `messageLabels`), so a book's content/messages/<lang>.yaml
 * rewords them. Read them when the words are needed, never into a module-level copy.
 */
import { messageLabels } from '../lib/text/messages';

export * from './vocab-dates';

/** How a person gets to take part. */
export const JOIN_ROUTES = ['drop-in', 'self-referral', 'professional-referral', 'booking', 'membership'] as const;
export type JoinRoute = (typeof JOIN_ROUTES)[number];
export const JOIN_LABELS = /* @__PURE__ */ messageLabels(JOIN_ROUTES, (v) => `facts.label.join.${v}` as const);
/** Open Referral UK v1 `attending_access`. */
export const JOIN_ORUK: Record<JoinRoute, string> = {
  'drop-in': 'drop-in',
  'self-referral': 'referral',
  'professional-referral': 'referral',
  booking: 'appointment',
  membership: 'membership',
};

/** How the support is delivered. */
export const DELIVERY_MODES = ['in-person', 'online', 'phone', 'home-visit'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export const DELIVERY_LABELS = /* @__PURE__ */ messageLabels(
  DELIVERY_MODES,
  (v) => `facts.label.delivery.${v}` as const,
);
/** HSDS 3.0 `schedule.attending_type` / ORUK `attending_type`. */
export const DELIVERY_HSDS: Record<DeliveryMode, string> = {
  'in-person': 'venue',
  online: 'online',
  phone: 'phone',
  'home-visit': 'home visit',
};

/** Audience tags: who a group is especially for. Anyone not named is still welcome unless eligibility says otherwise. */
export const AUDIENCES = [
  'carers',
  'veterans',
  'new-parents',
  'families',
  'children',
  'young-people',
  'older-people',
  'men',
  'women',
  'lgbtq',
  'disabled-people',
  'people-with-dementia',
  'refugees-and-asylum-seekers',
  'people-in-recovery',
] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS = /* @__PURE__ */ messageLabels(AUDIENCES, (v) => `facts.label.audience.${v}` as const);

/** Accessibility features of a venue or of the activity. */
export const ACCESSIBILITY = [
  'step-free',
  'accessible-toilet',
  'hearing-loop',
  'parking',
  'blue-badge-parking',
  'near-bus-stop',
  'quiet-space',
  'changing-places',
  'bsl',
  'large-print',
  'assistance-dogs',
  'dementia-friendly',
] as const;
export type Accessibility = (typeof ACCESSIBILITY)[number];
export const ACCESSIBILITY_LABELS = /* @__PURE__ */ messageLabels(
  ACCESSIBILITY,
  (v) => `facts.label.access.${v}` as const,
);

/** Languages, as ISO 639-1 codes (`languages: [en, pl]`). */
export const LANGUAGE_CODES = [
  'en',
  'ar',
  'bn',
  'zh',
  'fa',
  'fr',
  'gu',
  'hi',
  'ku',
  'lt',
  'pa',
  'pl',
  'ps',
  'pt',
  'ro',
  'ru',
  'so',
  'es',
  'ti',
  'tr',
  'uk',
  'ur',
  'cy',
] as const;
export type Language = (typeof LANGUAGE_CODES)[number];
/** The languages' names, from the messages (`facts.label.language.pl`), read when used. */
export const LANGUAGES = /* @__PURE__ */ messageLabels(LANGUAGE_CODES, (c) => `facts.label.language.${c}` as const);

/** The pseudo-neighbourhood for entries that serve the whole area. */
export const BOROUGH_WIDE = 'borough-wide';

/** Ordinals accepted in monthly rules: `2nd tue`, `last fri`. */
export const ORDINALS = { '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, last: -1 } as const;
export type Ordinal = keyof typeof ORDINALS;

/**
 * The fields of an entry's front matter, in the schema's order (src/schema/entry.ts; a unit test
 * keeps the two in step). Plain lists, so the entry-file writer and the contribute form can use
 * them without loading zod.
 */
export const ENTRY_FIELDS = [
  'name',
  'summary',
  'organisation',
  'categories',
  'neighbourhoods',
  'status',
  'alert',
  'reopens',
  'join',
  'delivery',
  'min_age',
  'max_age',
  'audience',
  'eligibility',
  'cost',
  'accessibility',
  'languages',
  'venues',
  'schedules',
  'contacts',
  'website',
  'last_verified',
  'verified_by',
  'source',
] as const;
/** The fields of a venue, in the schema's order. */
export const VENUE_FIELDS = ['name', 'address', 'town', 'postcode', 'lat', 'lng'] as const;
/** The fields of a contact, in the schema's order. */
export const CONTACT_FIELDS = ['name', 'phone', 'email'] as const;
