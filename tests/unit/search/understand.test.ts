/**
 * Reading a query (src/lib/search/understand.ts, terms.ts, read-query.ts) against the words of
 * the fixture books: the sample book, which has a vocabulary.yaml, and the fork book, which has none.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCategories, loadNeighbourhoods, loadSite, loadVocabulary } from '../../../src/server/content-files';
import { facetBook, makeBook } from '../../../src/lib/book/book';
import { bookFacetValues } from '../../../src/lib/filters/registry';
import { emptyState } from '../../../src/lib/filters/state';
import { asWords, understand } from '../../../src/lib/search/understand';
import { entryWords, normalise, searchTerms } from '../../../src/lib/search/terms';
import { readQuery, searchInstead, withoutChip } from '../../../src/lib/search/read-query';
import { parseWordList, buildWordList } from '../../../src/lib/search/spelling';
import { EMPTY_VOCABULARY, vocabularySchema } from '../../../src/schema';
import { validateDataFile } from '../../../src/lib/validate/book';

function bookOf(name: string) {
  const dir = join(__dirname, '..', '..', 'fixtures', name);
  const book = makeBook({
    site: loadSite(dir),
    categories: loadCategories(dir),
    neighbourhoods: loadNeighbourhoods(dir),
    entries: [],
    vocabulary: loadVocabulary(dir),
  });
  const fb = facetBook(book);
  return { book, fb, terms: searchTerms(fb, book.categories, book.vocabulary), allowed: bookFacetValues(fb) };
}
const sample = bookOf('sample-book');
const fork = bookOf('fork-book');
const chipsOf = (q: string, t = sample.terms) => understand(q, t).chips.map((c) => `${c.facet}:${c.value}`);

describe('words that name facts become filters', () => {
  it('reads days, parts of the day and cost', () => {
    expect(chipsOf('tuesday morning')).toEqual(['day:tue', 'time:morning']);
    expect(understand('tuesday morning', sample.terms).text).toBe('');
    expect(chipsOf('Tues')).toEqual(['day:tue']);
    expect(chipsOf('free walking')).toEqual(['cost:free']);
    expect(understand('free walking', sample.terms).text).toBe('walking');
  });
  it('reads the everyday words of vocabulary.yaml', () => {
    expect(chipsOf('wheelchair')).toEqual(['access:step-free']);
    expect(chipsOf('no steps')).toEqual(['access:step-free']);
    expect(chipsOf('elderly')).toEqual(['audience:older-people']);
    expect(chipsOf('OAPs')).toEqual(['audience:older-people']);
  });
  it('reads a language and a neighbourhood by name', () => {
    expect(chipsOf('polish')).toEqual(['language:pl']);
    // In this book "english" is also a need (English lessons), so it is searched as a word, never
    // as "speaks English" (which every entry does).
    expect(chipsOf('english')).toEqual([]);
    expect(understand('english', sample.terms).text).toBe('english');
    expect(chipsOf('english', fork.terms)).toEqual(['language:en']);
    const hood = sample.book.neighbourhoods[0];
    expect(chipsOf(`lunch club in ${hood.name}`)).toEqual([`neighbourhood:${hood.id}`]);
    expect(understand(`lunch club in ${hood.name}`, sample.terms).text).toBe('lunch club');
  });
  it('keeps as words a phrase that names several values, or a need', () => {
    // "deaf": a hearing loop or British Sign Language, so searched as a word.
    expect(chipsOf('deaf')).toEqual([]);
    expect(understand('deaf', sample.terms).text).toBe('deaf');
    // "free food" is not "free" + "food" when a category says "free food"; and a need stays words.
    const need = sample.book.categories.find((c) => c.synonyms.some((s) => s.includes(' ')))!;
    const phrase = need.synonyms.find((s) => s.includes(' '))!;
    expect(understand(phrase, sample.terms).chips).toEqual([]);
    for (const w of normalise(phrase)
      .split(' ')
      .filter((w) => w.length > 3))
      expect(understand(phrase, sample.terms).text).toContain(w);
  });
  it('never reads quoted words as filters, and a removed chip puts its words in quotes', () => {
    expect(chipsOf('"tuesday"')).toEqual([]);
    const u = understand('walk on Tuesday', sample.terms);
    expect(u.chips).toHaveLength(1);
    const q = asWords('walk on Tuesday', u.chips[0]);
    expect(q).toBe('walk on "Tuesday"');
    expect(chipsOf(q)).toEqual([]);
    expect(understand(q, sample.terms).text).toBe('walk "Tuesday"');
  });
  it('works for a book with no vocabulary.yaml: labels and names still read', () => {
    expect(fork.book.vocabulary).toEqual(EMPTY_VOCABULARY);
    expect(chipsOf('wheelchair', fork.terms)).toEqual([]);
    expect(chipsOf('step free', fork.terms)).toEqual(['access:step-free']);
    expect(chipsOf('saturday', fork.terms)).toEqual(['day:sat']);
  });
});

describe('readQuery', () => {
  const words = parseWordList(buildWordList(['dementia cafe walking group', 'lonely people', 'tuesday']));
  const state = (q: string) => ({ ...emptyState(), q });
  it('corrects, then reads; the chips join the ticked filters', () => {
    const s = { ...state('dementa cafe tuesdy'), facets: { ...emptyState().facets, day: ['mon'] } };
    const r = readQuery(s, sample.terms, words, sample.allowed);
    expect(r.changes).toEqual([
      { from: 'dementa', to: 'dementia' },
      { from: 'tuesdy', to: 'tuesday' },
    ]);
    expect(r.effective.q).toBe('dementia cafe');
    expect(r.effective.facets.day).toEqual(['mon', 'tue']);
    expect(withoutChip(r, r.chips[0])).toBe('dementia cafe "tuesday"');
  });
  it('a ticked cost band wins over a cost word', () => {
    const s = { ...state('free'), facets: { ...emptyState().facets, cost: [sample.allowed.cost[1]] } };
    expect(readQuery(s, sample.terms, words, sample.allowed).effective.facets.cost).toEqual([sample.allowed.cost[1]]);
  });
  it('searches the typed words when reading leaves nothing', () => {
    expect(readQuery(state('the'), sample.terms, words, sample.allowed).effective.q).toBe('the');
  });
  it('"search instead" quotes the corrected words, which are then kept', () => {
    const q = searchInstead('dementa cafe', [{ from: 'dementa' }]);
    expect(q).toBe('"dementa" cafe');
    expect(readQuery(state(q), sample.terms, words, sample.allowed).changes).toEqual([]);
  });
  it('without a word list nothing is corrected', () => {
    expect(readQuery(state('dementa'), sample.terms, null, sample.allowed).effective.q).toBe('dementa');
  });
});

describe('the words an entry adds to the index', () => {
  it('holds its categories, synonyms and the everyday words of its facts, not its days or languages', () => {
    const cat = sample.book.categories.find((c) => c.synonyms.length)!;
    const words = entryWords(
      { accessibility: ['step-free'], audience: ['older-people'], join: [], delivery: [] },
      [cat],
      sample.fb,
      sample.book.vocabulary,
    ).join(' | ');
    expect(words).toContain(cat.name);
    expect(words).toContain(cat.synonyms[0]);
    expect(words).toContain('wheelchair');
    expect(words).toContain('pensioner');
    expect(words.toLowerCase()).not.toContain('english');
    expect(words.toLowerCase()).not.toContain('tuesday');
  });
});

describe('vocabulary.yaml schema', () => {
  it('names the unknown value and the bad word', () => {
    const bad = vocabularySchema.safeParse({ accessibility: { 'step-fre': ['ramp'] } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toMatch(/step-fre|Not a known accessibility feature/);
    const quote = vocabularySchema.safeParse({ audience: { 'older-people': ['a "b"'] } });
    expect(quote.success).toBe(false);
    expect(quote.error?.issues[0].path).toEqual(['audience', 'older-people', 0]);
    expect(vocabularySchema.safeParse({ colours: {} }).success).toBe(false);
  });
  it('the validator names the file, line and field of a bad vocabulary.yaml', () => {
    const text =
      'accessibility:\n  step-free: [ramp]\n  step-fre: [wheelchair]\naudience:\n  older-people: [x, "a \\"b\\""]\n';
    const problems = validateDataFile(text, 'content/vocabulary.yaml', vocabularySchema);
    expect(problems.map((p) => `${p.file}:${p.line} ${p.field}`)).toEqual([
      'content/vocabulary.yaml:3 accessibility.step-fre',
      'content/vocabulary.yaml:5 audience.older-people[1]',
    ]);
  });
});
