import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ID_FROM_NAME_LENGTH, entryIdFromName, isEntryId, uniqueEntryId } from '../../../src/lib/authoring/entry-id';
import { ENTRY_ID } from '../../../src/schema';

describe('entryIdFromName', () => {
  it.each([
    ['Hindley Health Walks', 'hindley-health-walks'],
    ["St Mary's Carers' Café & Lunch Club", 'st-marys-carers-cafe-and-lunch-club'],
    ['  Leigh   Knit -- and Natter!  ', 'leigh-knit-and-natter'],
    ['Łódź Polish Saturday School', 'lodz-polish-saturday-school'],
    ['Straße Æsop Øl', 'strasse-aesop-ol'],
    ['Men’s Shed (Wigan)', 'mens-shed-wigan'],
    ['Over 50s + Friends', 'over-50s-plus-friends'],
    ['ROOTS: Young People’s Project', 'roots-young-peoples-project'],
    ['Café 2 U', 'cafe-2-u'],
  ])('%s → %s', (name, id) => {
    expect(entryIdFromName(name)).toBe(id);
  });

  it('gives "" when there is nothing to make an id from, so the volunteer types one', () => {
    expect(entryIdFromName('')).toBe('');
    expect(entryIdFromName('مجموعة المشي')).toBe('');
    expect(entryIdFromName('!!! ???')).toBe('');
  });

  it('cuts long names at a word boundary', () => {
    const id = entryIdFromName(
      'The Very Long Named Community Association For Walking And Talking And Knitting In The Park',
    );
    expect(id.length).toBeLessThanOrEqual(ID_FROM_NAME_LENGTH);
    expect(id).toBe('the-very-long-named-community-association-for-walking-and');
    expect(entryIdFromName('x'.repeat(100))).toBe('x'.repeat(ID_FROM_NAME_LENGTH));
  });

  it('always makes a valid id (or nothing) from any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (name) => {
        const id = entryIdFromName(name);
        expect(id === '' || ENTRY_ID.test(id)).toBe(true);
        expect(id === '' || isEntryId(id)).toBe(true);
        expect(id.length).toBeLessThanOrEqual(ID_FROM_NAME_LENGTH);
      }),
    );
  });

  it('agrees with the schema about what an id is', () => {
    for (const id of ['a', 'a-b', 'a1-2b', 'walks', '50-plus']) expect(isEntryId(id)).toBe(true);
    for (const id of ['', 'A', 'a--b', '-a', 'a-', 'a_b', 'a b', 'café']) {
      expect(isEntryId(id)).toBe(false);
      expect(ENTRY_ID.test(id)).toBe(false);
    }
  });
});

describe('uniqueEntryId', () => {
  it('keeps a free id and numbers a taken one', () => {
    const taken = new Set(['walks', 'walks-2']);
    expect(uniqueEntryId('lunch', taken)).toBe('lunch');
    expect(uniqueEntryId('walks', taken)).toBe('walks-3');
    expect(uniqueEntryId('Walks', (id) => taken.has(id))).toBe('walks-3');
  });
});
