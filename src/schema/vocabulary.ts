/**
 * Everyday words for the things entries record: `content/vocabulary.yaml` (optional). Search
 * understands them as those values (src/lib/search/understand.ts): an entry is found by any word
 * for its accessibility features, audiences, ways to join and delivery, and a word that names
 * exactly one day, time, cost, language, feature or audience becomes a filter. The words for
 * needs are the categories' `synonyms` (categories.yaml); these are for everything else.
 */
import { z } from './zod';
import { ACCESSIBILITY, AUDIENCES, DAYS, DELIVERY_MODES, JOIN_ROUTES, LANGUAGE_CODES } from './vocab';

/** A list of everyday words or phrases: `[wheelchair, ramp, no steps]`. */
const words = z
  .array(
    z
      .string({ error: 'Each word must be text, e.g. wheelchair.' })
      .trim()
      .min(1)
      .max(40, 'A word or phrase is at most 40 characters.')
      .refine((w) => !/[\n"]/.test(w), 'A word cannot hold a line break or a double quote.'),
    { error: 'Give a list of words, e.g. [wheelchair, ramp].' },
  )
  .max(60, 'At most 60 words for one value.');

const section = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z
    .partialRecord(z.enum(values, { error: `Not a known ${what}. It must be one of: ${values.join(', ')}.` }), words)
    .default({});

export const vocabularySchema = z.strictObject({
  /** Words for accessibility features: `step-free: [wheelchair, ramp, no steps]`. */
  accessibility: section(ACCESSIBILITY, 'accessibility feature'),
  /** Words for who a group is especially for: `older-people: [elderly, pensioner, oap]`. */
  audience: section(AUDIENCES, 'audience'),
  /** Words for languages, beyond their English names: `pl: [polski]`. */
  languages: section(LANGUAGE_CODES as unknown as readonly [string, ...string[]], 'language code'),
  /** Words for how a group is delivered: `phone: [telephone, helpline]`. */
  delivery: section(DELIVERY_MODES, 'way of delivery'),
  /** Words for how to join: `drop-in: [just turn up]`. */
  join: section(JOIN_ROUTES, 'way to join'),
  /** Words for days, beyond their names: `sat: [weekend]` is not one day, so not here. */
  days: section(DAYS, 'day'),
  /** Words for the parts of the day: `evening: [evenings, night]`. */
  times: section(['morning', 'afternoon', 'evening'], 'time of day'),
  /** Words for cost: `free` (no charge) and `low` (the lowest "up to" band). */
  cost: section(['free', 'low'], 'cost word (free or low)'),
});
export type Vocabulary = z.output<typeof vocabularySchema>;

/** The vocabulary of a book without a vocabulary.yaml. */
export const EMPTY_VOCABULARY: Vocabulary = vocabularySchema.parse({});
