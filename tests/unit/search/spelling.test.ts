/** Correcting misspellings against the book's word list (src/lib/search/spelling.ts). */
import { describe, expect, it } from 'vitest';
import {
  buildWordList,
  correctText,
  correctWord,
  entryText,
  isKnown,
  mergeWordLists,
  parseWordList,
} from '../../../src/lib/search/spelling';

const list = parseWordList(
  buildWordList([
    'Dementia café for carers',
    'dementia friendly walking',
    'Lonely? Come to our friendship group',
    'Toddler group and baby massage',
    'Men talking group',
    'debt advice and benefits',
    'walking football',
    'walking netball',
    'art club',
    'arts and crafts',
  ]),
);

describe('word list', () => {
  it('counts each word once per text, most used first; skips short words and numbers', () => {
    const text = buildWordList(['walk walk 2024 to the shop', 'walk']);
    expect(text.split('\n')[0]).toBe('walk 2');
    expect(text).not.toMatch(/^to /m);
    expect(text).not.toContain('2024');
  });
  it('knows a word and the start of a word still being typed', () => {
    expect(isKnown('dementia', list)).toBe(true);
    expect(isKnown('demen', list)).toBe(true);
    expect(isKnown('dementa', list)).toBe(false);
  });
  it("keeps link addresses out of an entry's words", () => {
    expect(
      entryText({
        name: 'A',
        summary: 'B',
        venues: [],
        body: 'See [our site](https://example.org/zzzz) or mailto:x@y.z',
      }),
    ).not.toMatch(/example|zzzz|mailto/);
  });
});

describe("a region's word list (several books')", () => {
  it('holds every word once, its counts added up, most used first', () => {
    const merged = mergeWordLists(['walk 3\nlunch 2\nwigan 5', 'walk 4\nbrackenford 2', '']);
    expect(merged).toBe('walk 7\nwigan 5\nbrackenford 2\nlunch 2');
    // A slip is corrected to a word only the second book has.
    expect(correctWord('brakenford', parseWordList(merged))).toBe('brackenford');
  });
});

describe('correction', () => {
  it('leaves known words alone', () => {
    expect(correctWord('walking', list)).toBeUndefined();
    expect(correctWord('walk', list)).toBeUndefined(); // the start of "walking"
    expect(correctText('dementia walking', list).changes).toEqual([]);
  });
  it('corrects one- and two-letter slips in longer words', () => {
    expect(correctWord('dementa', list)).toBe('dementia'); // one letter missing
    expect(correctWord('lonley', list)).toBe('lonely'); // two letters swapped
    expect(correctWord('toddlr', list)).toBe('toddler');
    expect(correctWord('friendshp', list)).toBe('friendship');
    expect(correctWord('benifits', list)).toBe('benefits');
  });
  it('handles short words sensibly: none under three letters, one slip up to four, same first letter', () => {
    expect(correctWord('ar', list)).toBeUndefined();
    expect(correctWord('dbt', list)).toBe('debt');
    expect(correctWord('xrt', list)).toBeUndefined(); // one slip away from "art", but the first letter
    expect(correctWord('mne', list)).toBe('men'); // two letters swapped: one slip
    expect(correctWord('mxz', list)).toBeUndefined(); // two slips from "men": too far for a short word
  });
  it('leaves alone what is far from every word, numbers and quoted words', () => {
    expect(correctWord('zzzzzzz', list)).toBeUndefined();
    expect(correctWord('m60', list)).toBeUndefined();
    expect(correctText('"dementa" cafe', list)).toEqual({ text: '"dementa" cafe', changes: [] });
  });
  it('prefers the more used of two equally close words', () => {
    // "walkin" → "walking" (3 uses) and not a rarer word one slip away.
    expect(correctWord('walkng', list)).toBe('walking');
  });
  it('corrects a capitalised word and says what it changed', () => {
    expect(correctText('Dementa cafe', list)).toEqual({
      text: 'dementia cafe',
      changes: [{ from: 'Dementa', to: 'dementia' }],
    });
  });
});
