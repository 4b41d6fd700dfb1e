/**
 * What a search is run with: the person's filter state, with the words of the box first
 * corrected against the book's word list (./spelling.ts) and then read for facts (./understand.ts).
 * The URL keeps what the person typed and ticked; this reading is worked out again on every
 * search, so a shared link reads the same way in the same book.
 *
 * A word read as a filter joins the filters the person ticked: for a filter whose values combine
 * with OR or AND it is one more value; for a one-value filter (cost) a ticked value wins.
 */
import { FACET_SPECS, type Facet } from '../filters/registry';
import type { FilterState } from '../filters/state';
import { correctText, type WordList } from './spelling';
import { asWords, understand, type Chip } from './understand';
import type { SearchTerms } from './terms';

export interface Reading {
  /** The state the search runs with: words left after reading, filters with the chips' values. */
  effective: FilterState;
  /** The words read as filters, in the order typed. */
  chips: Chip[];
  /** The words after correction, which the chips' places refer to (the typed words if none). */
  read: string;
  /** The corrections made ("dementa" → "dementia"), none when every word is known. */
  changes: { from: string; to: string }[];
}

/** Reads a state's words; `words` is the book's word list, or null while it is not loaded. */
export function readQuery(
  state: FilterState,
  terms: SearchTerms,
  words: WordList | null,
  allowed: Record<Facet, readonly string[]>,
): Reading {
  const corrected = words ? correctText(state.q, words) : { text: state.q, changes: [] };
  const understood = understand(corrected.text, terms);
  const facets = { ...state.facets };
  for (const chip of understood.chips) {
    if (!allowed[chip.facet].includes(chip.value)) continue;
    const now = facets[chip.facet];
    if (now.includes(chip.value)) continue;
    if (FACET_SPECS[chip.facet].combine === 'one') {
      if (now.length === 0) facets[chip.facet] = [chip.value];
    } else {
      // In the registry's order, as a ticked box would be.
      facets[chip.facet] = allowed[chip.facet].filter((v) => v === chip.value || now.includes(v));
    }
  }
  // Nothing left to search for and nothing read as a filter ("the"): search the words as typed.
  const q = understood.text || understood.chips.length ? understood.text : corrected.text;
  return {
    effective: { ...state, q, facets },
    chips: understood.chips,
    read: corrected.text,
    changes: corrected.changes,
  };
}

/** The words to search after removing a chip: its words in quotes, so they stay words. */
export function withoutChip(reading: Pick<Reading, 'read'>, chip: Pick<Chip, 'start' | 'end'>): string {
  return asWords(reading.read, chip);
}

/** "Search instead for …": the typed words with each corrected one in quotes, so it is kept. */
export function searchInstead(q: string, changes: readonly { from: string }[]): string {
  const from = new Set(changes.map((c) => c.from));
  return q.replace(/"[^"]*"|[^\s"]+/g, (part) => (from.has(part) ? `"${part}"` : part));
}
