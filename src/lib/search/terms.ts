/**
 * The words search understands, worked out at build time from the book: the categories' names
 * and synonyms (needs), and for every other facet value its label, its id and the everyday words
 * of content/vocabulary.yaml (facts). Two uses:
 *  - `searchTerms`: what the search page and the map need to read a query (./understand.ts);
 *  - `entryWords`: the words an entry page puts in the search index besides its own text, so
 *    "wheelchair" finds a step-free group and "deaf" one with a hearing loop.
 */
import { DAY_LABELS, type Day } from '../../schema/vocab';
import type { Vocabulary } from '../../schema/vocabulary';
import type { EntryData } from '../../schema/entry';
import { FREE_BAND, costBandIds } from '../filters/cost';
import { facetLabels, type Facet, type FacetBook } from '../filters/registry';

/** A word or phrase as compared: lower case, apostrophes dropped, other marks as spaces. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** One value a phrase names. */
export interface FactValue {
  facet: Facet;
  value: string;
}

/** What reading a query needs (passed to the search page and the map as props: a few KB). */
export interface SearchTerms {
  /** Normalised phrases that name facet values: one value makes a filter, more stay words. */
  facts: Record<string, FactValue[]>;
  /** Normalised phrases of needs (category names and synonyms): always searched as words. */
  needs: string[];
  /** The longest phrase, in words. */
  longest: number;
}

/** The facets whose values a word in a query can stand for. */
export const FACT_FACETS: readonly Facet[] = [
  'day',
  'time',
  'cost',
  'language',
  'neighbourhood',
  'access',
  'audience',
  'delivery',
  'join',
];

/** The vocabulary.yaml section of each fact facet. */
const SECTION: Partial<Record<Facet, keyof Vocabulary>> = {
  access: 'accessibility',
  audience: 'audience',
  language: 'languages',
  delivery: 'delivery',
  join: 'join',
  day: 'days',
  time: 'times',
};

/** The built-in words of a day: "tuesday", "tuesdays", "tue", "tues". */
function dayWords(day: Day): string[] {
  const name = DAY_LABELS[day].toLowerCase();
  const extra: Partial<Record<Day, string[]>> = { tue: ['tues'], wed: ['weds'], thu: ['thur', 'thurs'] };
  return [name, `${name}s`, day, ...(extra[day] ?? [])];
}

/** The label of a value without what is in brackets: "Morning (before 12)" → "Morning". */
const bare = (label: string) => label.replace(/\s*\(.*\)\s*$/, '');

/** Every phrase that names each value of a fact facet, normalised, without repeats. */
export function factWords(book: FacetBook, vocabulary: Vocabulary): Map<string, Map<string, string[]>> {
  const labels = facetLabels(book);
  const out = new Map<string, Map<string, string[]>>();
  for (const facet of FACT_FACETS) {
    const byValue = new Map<string, string[]>();
    for (const [value, label] of Object.entries(labels[facet])) {
      const words = [bare(label), label, value.replace(/-/g, ' ')];
      if (facet === 'day') words.push(...dayWords(value as Day));
      if (facet === 'neighbourhood') words.push(...label.split(/\s+and\s+|,\s*/));
      const section = SECTION[facet];
      if (section) words.push(...((vocabulary[section] as Record<string, string[]>)[value] ?? []));
      if (facet === 'cost') {
        if (value === FREE_BAND) words.push(...(vocabulary.cost.free ?? []));
        else if (value === costBandIds(book.costBands)[1]) words.push(...(vocabulary.cost.low ?? []));
      }
      byValue.set(value, [...new Set(words.map(normalise).filter(Boolean))]);
    }
    out.set(facet, byValue);
  }
  return out;
}

/** The terms for reading queries. */
export function searchTerms(
  book: FacetBook,
  categories: readonly { id: string; name: string; synonyms?: readonly string[] }[],
  vocabulary: Vocabulary,
): SearchTerms {
  const facts: Record<string, FactValue[]> = {};
  for (const [facet, byValue] of factWords(book, vocabulary))
    for (const [value, words] of byValue)
      for (const w of words) {
        const list = (facts[w] ??= []);
        if (!list.some((v) => v.facet === facet && v.value === value)) list.push({ facet: facet as Facet, value });
      }
  const needs = [
    ...new Set(categories.flatMap((c) => [c.name, c.id.replace(/-/g, ' '), ...(c.synonyms ?? [])]).map(normalise)),
  ].filter(Boolean);
  const longest = Math.max(1, ...[...Object.keys(facts), ...needs].map((p) => p.split(' ').length));
  return { facts, needs, longest };
}

/**
 * The words an entry page adds to the search index beyond its own text: the names and synonyms
 * of its categories (and their parents), and the labels and everyday words of its accessibility
 * features, audiences, ways to join and delivery. Days, times, places and cost are not: a query
 * names them as filters.
 */
export function entryWords(
  data: Pick<EntryData, 'accessibility' | 'audience' | 'join' | 'delivery'>,
  categories: readonly { name: string; synonyms?: readonly string[] }[],
  book: FacetBook,
  vocabulary: Vocabulary,
): string[] {
  const labels = facetLabels(book);
  const out: string[] = categories.map((c) => [c.name, ...(c.synonyms ?? [])].join(', '));
  const add = (facet: Facet, values: readonly string[], section: keyof Vocabulary) => {
    for (const v of values)
      out.push([labels[facet][v] ?? v, ...((vocabulary[section] as Record<string, string[]>)[v] ?? [])].join(', '));
  };
  add('access', data.accessibility, 'accessibility');
  add('audience', data.audience, 'audience');
  add('join', data.join, 'join');
  add('delivery', data.delivery, 'delivery');
  return out;
}

/** Every phrase of the terms as one text, for the word list (./spelling.ts). */
export function termsText(terms: SearchTerms): string {
  return [...Object.keys(terms.facts), ...terms.needs].join(' ');
}
