/**
 * A source's taxonomy terms as the book's categories (src/lib/import/categories.ts), against the
 * sample book's categories.yaml: by the LGA term's address or name, the category's id or name, a
 * synonym, and the maintainer's `--categories` map first of all.
 */
import { describe, expect, it } from 'vitest';
import { categoryOf } from '../../../src/lib/import/categories';
import { importBook } from '../../helpers/import-book';

const { categories } = importBook();

describe('categoryOf', () => {
  it('finds a category by its LGA term, address or name, whatever the case and spacing', () => {
    expect(categoryOf({ uri: 'http://id.esd.org.uk/need/69' }, categories)).toBe('social-connection');
    expect(categoryOf({ name: '  social   INCLUSION ' }, categories)).toBe('social-connection');
  });
  it('finds one by its id (a feed this book wrote), its name, or a synonym', () => {
    expect(categoryOf({ code: 'hobbies-and-crafts' }, categories)).toBe('hobbies-and-crafts');
    expect(categoryOf({ name: 'Company and friendship' }, categories)).toBe('social-connection');
    expect(categoryOf({ name: 'Knitting' }, categories)).toBe('hobbies-and-crafts');
  });
  it('takes the maintainer’s map before anything else', () => {
    const map = new Map([['knitting', 'social-connection']]);
    expect(categoryOf({ name: 'Knitting' }, categories, map)).toBe('social-connection');
    expect(categoryOf({ code: 'X1', name: 'knitting' }, categories, map)).toBe('social-connection');
  });
  it('finds none for a term the book does not know', () => {
    expect(categoryOf({ code: 'Z9', name: 'Quantum choir' }, categories)).toBeUndefined();
  });
});
