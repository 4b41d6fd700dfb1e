/**
 * Whether a search or a map view touches sensitive support (domestic abuse, crisis, addiction):
 * then the page shows "Exit this page" (src/lib/safety/exit-this-page.ts), as the pages of those
 * categories and their groups do.
 *
 * A category is sensitive when it or its parent is marked `sensitive` in categories.yaml. A
 * search touches it when a need filter is one of them, or when its words include one of the
 * category's names or everyday words (its synonyms, as the search index has them), whole words
 * only: "abuse" and "domestic violence" do, "dom" while still typing does not.
 */
import type { FilterState } from '../filters/state';

/** What the page needs to know, worked out at build time from the book's categories. */
export interface SensitiveTerms {
  /** Ids of the sensitive categories. */
  categories: string[];
  /** Their names and everyday words, lower case, each a list of words ("domestic abuse" → two). */
  phrases: string[][];
}

/** The words of a text, lower case, letters and digits only. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The sensitive categories of a book and their words. */
export function sensitiveTerms(
  categories: readonly {
    id: string;
    name: string;
    parent?: string;
    synonyms?: readonly string[];
    sensitive?: boolean;
  }[],
): SensitiveTerms {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const marked = categories.filter((c) => c.sensitive || (c.parent !== undefined && byId.get(c.parent)?.sensitive));
  const seen = new Set<string>();
  const phrases: string[][] = [];
  for (const c of marked)
    for (const text of [c.name, c.id.replace(/-/g, ' '), ...(c.synonyms ?? [])]) {
      const w = words(text);
      const key = w.join(' ');
      if (w.length && !seen.has(key)) {
        seen.add(key);
        phrases.push(w);
      }
    }
  return { categories: marked.map((c) => c.id), phrases };
}

/** True when the words of `q` contain one of the phrases, word for word. */
export function mentionsSensitive(q: string, terms: SensitiveTerms): boolean {
  const said = words(q);
  return terms.phrases.some((phrase) => said.some((_, i) => phrase.every((w, k) => said[i + k] === w)));
}

/** True when a search's words or its need filter touch a sensitive category. */
export function isSensitiveSearch(state: Pick<FilterState, 'q' | 'facets'>, terms: SensitiveTerms): boolean {
  return state.facets.category.some((c) => terms.categories.includes(c)) || mentionsSensitive(state.q, terms);
}
