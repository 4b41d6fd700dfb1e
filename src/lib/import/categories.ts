/**
 * A source's taxonomy terms as the book's categories: by the maintainer's map (`--categories`),
 * then by the category's id (a feed this book wrote uses it as the term's code), its LGA term's
 * address, its name, or one of its synonyms. Pure.
 */
import type { Category } from '../../schema';

export interface Term {
  code?: string;
  name?: string;
  uri?: string;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The category a term names, or undefined. */
export function categoryOf(
  term: Term,
  categories: readonly Category[],
  map?: ReadonlyMap<string, string>,
): string | undefined {
  const keys = [term.code, term.name, term.uri].filter((k): k is string => typeof k === 'string' && k.trim() !== '');
  for (const k of keys) {
    const mapped = map?.get(norm(k));
    if (mapped) return mapped;
  }
  for (const k of keys) {
    const n = norm(k);
    const c =
      categories.find((c) => c.id === n) ??
      categories.find((c) => c.lga && norm(c.lga.uri) === n) ??
      categories.find((c) => c.uri && norm(c.uri) === n) ??
      categories.find((c) => norm(c.name) === n || (c.lga && norm(c.lga.name) === n)) ??
      categories.find((c) => c.synonyms.some((s) => norm(s) === n));
    if (c) return c.id;
  }
  return undefined;
}
