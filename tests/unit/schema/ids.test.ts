import { describe, expect, it } from 'vitest';
import { isEntryId, isListId, parseRegionEntryId, regionEntryId } from '../../../src/schema/ids';

describe('region entry ids', () => {
  it('name a member book and its entry, and read back', () => {
    const id = regionEntryId('wigan', 'food-bank');
    expect(id).toBe('wigan.food-bank');
    expect(parseRegionEntryId(id)).toEqual({ member: 'wigan', id: 'food-bank' });
    // Never a book's own id: the two kinds cannot be confused.
    expect(isEntryId(id)).toBe(false);
  });

  it('are refused when either part is not an id', () => {
    for (const bad of ['food-bank', '.food-bank', 'wigan.', 'Wigan.food-bank', 'wigan.food bank', 'a.b.c', 7, null])
      expect(parseRegionEntryId(bad)).toBeUndefined();
  });

  it('may be held by a list beside a book’s own ids', () => {
    expect(isListId('food-bank')).toBe(true);
    expect(isListId('bolton.food-bank')).toBe(true);
    expect(isListId('bolton..food-bank')).toBe(false);
    expect(isListId('<script>')).toBe(false);
  });
});
