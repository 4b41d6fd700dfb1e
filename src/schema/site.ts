/**
 * Site configuration: `content/site.yaml`. Another place forks the project by changing this file
 * and the content, nothing else.
 */
import { z } from './zod';
import { isSafeUrl } from './primitives';
import { BANK_HOLIDAY_REGIONS } from './vocab';
import { EXAMPLE_DEFAULTS } from './site-examples';

const latLng = z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]);

/**
 * Examples in this place's own terms, for the contribute form's hints and the validator's
 * messages ("write it like BL1 1AA"). Every one has a neutral default; the eligibility example
 * defaults to "Carers living in <place>".
 */
export const placeExamplesSchema = z.strictObject({
  /** A group's name as people know it: "Hindley Health Walks". */
  group: z.string().trim().min(1).max(80).default(EXAMPLE_DEFAULTS.group),
  /** A building or place groups meet in: "Hindley Library". */
  venue: z.string().trim().min(1).max(80).default(EXAMPLE_DEFAULTS.venue),
  /** A phone number written the usual way here: "01942 123456". */
  phone: z.string().trim().min(1).max(30).default(EXAMPLE_DEFAULTS.phone),
  /** A postcode of the area: "WN2 3AN". */
  postcode: z.string().trim().min(1).max(10).default(EXAMPLE_DEFAULTS.postcode),
  /** Who checks entries, a team or role: "Hindley neighbourhood team". */
  verified_by: z.string().trim().min(1).max(80).default(EXAMPLE_DEFAULTS.verified_by),
  /** Who a group is for, when there are rules: "Carers living in Wigan borough". */
  eligibility: z.string().trim().min(1).max(120).optional(),
});
export type PlaceExamples = z.output<typeof placeExamplesSchema>;

export const siteSchema = z.strictObject({
  /** The name of the book: "Wigan Community Book". */
  title: z.string().trim().min(1).max(80),
  /**
   * The book's language, a BCP 47 tag (`en-GB`, `cy-GB`): the pages' `lang`, plurals and numbers,
   * and which messages file rewords the site (`content/messages/en.yaml` for any `en-…`).
   */
  language: z
    .string()
    .refine((tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1;
      } catch {
        return false;
      }
    }, 'language must be a language tag, e.g. en-GB or cy-GB')
    .default('en-GB'),
  /** The place it covers: "Wigan borough". */
  place: z.string().trim().min(1).max(80),
  /**
   * The word for the whole area, as people here say it: "borough", "county", "city", "district"
   * ("Borough-wide services", "across the borough"). `place` names it: "Wigan borough".
   */
  area: z
    .string()
    .trim()
    .regex(/^[a-z][a-z -]{0,29}$/i, 'area must be a word for the whole area, like borough, county or city')
    .default('area'),
  /** Who publishes it: "Wigan Council and Wigan & Leigh CVS". */
  publisher: z.string().trim().min(1).max(120),
  /** One sentence for the home page and search engines. */
  description: z.string().trim().max(300),
  /** The public address of the built site, for sitemaps and feeds: `https://book.example.org`. */
  url: z.string().refine(isSafeUrl, 'url must be an http(s) address'),
  /** Area bounds `[[south, west], [north, east]]`. Venues must lie inside. */
  bounds: z
    .tuple([latLng, latLng])
    .refine(([sw, ne]) => sw[0] < ne[0] && sw[1] < ne[1], 'bounds must be [[south, west], [north, east]]'),
  /** Map start centre `[lat, lng]` and zoom (1–18). */
  map: z.strictObject({
    centre: latLng,
    zoom: z.number().int().min(1).max(18),
    /**
     * The full map's first view: `neighbourhoods` (the default) fits every neighbourhood and venue,
     * so no name is cut off; `centre` opens at `centre` and `zoom` instead.
     */
    fit: z.enum(['neighbourhoods', 'centre']).default('neighbourhoods'),
    /** Tile URL template with {z}, {x}, {y} (and optional {s}). */
    tiles: z
      .string()
      .refine(
        (u) => isSafeUrl(u.replace(/[{}]/g, '')) && u.includes('{z}'),
        'tiles must be an https URL template with {z}/{x}/{y}',
      ),
    /** Attribution required by the tile provider, as plain text. */
    attribution: z.string().trim().min(1),
  }),
  /** The repository on GitHub, for "suggest a change" links: `https://github.com/org/community-book`. */
  repository: z.string().refine(isSafeUrl, 'repository must be an http(s) address'),
  /** The branch entries are edited on. */
  branch: z.string().default('main'),
  /** Where corrections go for people without a GitHub account: an email address. */
  corrections_email: z.string().email(),
  /** Licence of the data, shown on /open-data/: name and URL. */
  data_licence: z.strictObject({ name: z.string(), url: z.string().refine(isSafeUrl) }),
  /** True while the content is example data: every page then says so. */
  example_data: z.boolean().default(false),
  /** Months after which an entry counts as due for re-verification. */
  stale_after_months: z.number().int().min(1).max(60).default(12),
  /**
   * Whose bank holidays to mark in next dates ("check it is on"): england-and-wales, scotland,
   * northern-ireland, or none.
   */
  bank_holidays: z.enum(BANK_HOLIDAY_REGIONS).default('england-and-wales'),
  /**
   * The cost filter's "up to" amounts, in pounds: `[3, 5]` offers Free, Up to £3, Up to £5 and
   * any cost. Pay what you can counts as low cost (src/lib/filters/cost.ts).
   */
  examples: placeExamplesSchema.default(() => placeExamplesSchema.parse({})),
  cost_bands: z
    .array(z.number().positive().max(1000), { error: 'cost_bands must be a list of amounts in pounds, e.g. [3, 5].' })
    .max(4)
    .refine((a) => new Set(a).size === a.length, 'cost_bands must not repeat an amount')
    .default([3, 5]),
});
export type SiteConfig = z.output<typeof siteSchema>;
