/** Suggestions while typing (src/lib/search/suggest.ts), from the fixture sample book's categories and places. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadCategories, loadNeighbourhoods } from '../../../src/server/content-files';
import { MAX_SUGGESTIONS, suggestions } from '../../../src/lib/search/suggest';

const dir = join(__dirname, '..', '..', 'fixtures', 'sample-book');
const categories = loadCategories(dir);
const neighbourhoods = loadNeighbourhoods(dir);
const sources = {
  categories,
  neighbourhoods,
  groups: [{ name: 'Leigh Lunch Club', url: '/entries/leigh-lunch-club/' }],
};

describe('suggestions', () => {
  it('needs by name and by synonym, saying the synonym that matched', () => {
    const cat = categories.find((c) => c.synonyms.length)!;
    const syn = cat.synonyms[0];
    const s = suggestions(syn.slice(0, 4), sources).find((x) => x.kind === 'need' && x.value === cat.id);
    expect(s).toBeDefined();
    if (!cat.name.toLowerCase().startsWith(syn.slice(0, 4).toLowerCase())) expect(s?.matched).toBeDefined();
  });
  it('places and groups that start with the words; nothing for one letter', () => {
    const hood = neighbourhoods[0];
    expect(suggestions(hood.name.slice(0, 3), sources)).toContainEqual({
      kind: 'place',
      value: hood.id,
      label: hood.name,
    });
    expect(suggestions('leigh lu', sources)).toEqual([
      { kind: 'group', value: '/entries/leigh-lunch-club/', label: 'Leigh Lunch Club' },
    ]);
    expect(suggestions('l', sources)).toEqual([]);
  });
  it('at most MAX_SUGGESTIONS, needs first', () => {
    const many = { ...sources, groups: Array.from({ length: 20 }, (_, i) => ({ name: `Walk ${i}`, url: `/e/${i}/` })) };
    const out = suggestions('wa', many);
    expect(out.length).toBe(MAX_SUGGESTIONS);
    const kinds = out.map((s) => s.kind);
    expect(
      [...kinds].sort((a, b) => ['need', 'place', 'group'].indexOf(a) - ['need', 'place', 'group'].indexOf(b)),
    ).toEqual(kinds);
  });
});
