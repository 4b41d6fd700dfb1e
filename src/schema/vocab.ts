/**
 * Fixed vocabularies used by entries. Each list is the set of values a volunteer may write in an
 * entry's front matter, with the plain-English label shown on the site and, where HSDS / Open
 * Referral UK has a matching code, that code. Changing a value here is a breaking change for
 * every entry that uses it; adding one is safe.
 */

export * from './vocab-dates';

/** How a person gets to take part. */
export const JOIN_ROUTES = ['drop-in', 'self-referral', 'professional-referral', 'booking', 'membership'] as const;
export type JoinRoute = (typeof JOIN_ROUTES)[number];
export const JOIN_LABELS: Record<JoinRoute, string> = {
  'drop-in': 'Just turn up (drop-in)',
  'self-referral': 'Get in touch yourself (self-referral)',
  'professional-referral': 'Referral from a professional',
  booking: 'Book a place',
  membership: 'Become a member',
};
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
export const DELIVERY_LABELS: Record<DeliveryMode, string> = {
  'in-person': 'In person',
  online: 'Online',
  phone: 'By phone',
  'home-visit': 'Home visits',
};
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
export const AUDIENCE_LABELS: Record<Audience, string> = {
  carers: 'Carers',
  veterans: 'Veterans',
  'new-parents': 'New parents',
  families: 'Families',
  children: 'Children',
  'young-people': 'Young people',
  'older-people': 'Older people',
  men: 'Men',
  women: 'Women',
  lgbtq: 'LGBTQ+ people',
  'disabled-people': 'Disabled people',
  'people-with-dementia': 'People living with dementia',
  'refugees-and-asylum-seekers': 'Refugees and people seeking asylum',
  'people-in-recovery': 'People in recovery',
};

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
export const ACCESSIBILITY_LABELS: Record<Accessibility, string> = {
  'step-free': 'Step-free access',
  'accessible-toilet': 'Accessible toilet',
  'hearing-loop': 'Hearing loop',
  parking: 'Parking',
  'blue-badge-parking': 'Blue Badge parking',
  'near-bus-stop': 'Near a bus stop',
  'quiet-space': 'Quiet space',
  'changing-places': 'Changing Places toilet',
  bsl: 'British Sign Language',
  'large-print': 'Large print materials',
  'assistance-dogs': 'Assistance dogs welcome',
  'dementia-friendly': 'Dementia friendly',
};

/** Languages, as ISO 639-1 codes (`languages: [en, pl]`), with English names. */
export const LANGUAGES = {
  en: 'English',
  ar: 'Arabic',
  bn: 'Bengali',
  zh: 'Chinese',
  fa: 'Persian (Farsi)',
  fr: 'French',
  gu: 'Gujarati',
  hi: 'Hindi',
  ku: 'Kurdish',
  lt: 'Lithuanian',
  pa: 'Punjabi',
  pl: 'Polish',
  ps: 'Pashto',
  pt: 'Portuguese',
  ro: 'Romanian',
  ru: 'Russian',
  so: 'Somali',
  es: 'Spanish',
  ti: 'Tigrinya',
  tr: 'Turkish',
  uk: 'Ukrainian',
  ur: 'Urdu',
  cy: 'Welsh',
} as const;
export type Language = keyof typeof LANGUAGES;
// Marked pure, so a page that loads none of these labels does not run (and so load) this file.
export const LANGUAGE_CODES = /* @__PURE__ */ Object.keys(LANGUAGES) as Language[];

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
