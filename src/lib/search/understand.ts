/**
 * Reading a query the way a person means it. Words that name a fact the book records — a day,
 * "morning", "free", a language, a place, an accessibility feature, an audience — become that
 * filter, shown as a chip the person can remove ("Tuesday ×"), instead of being matched as text;
 * the rest is searched as words. The longest phrase wins ("free food" is a need, "free" alone
 * a cost). A phrase that is also a need (a category's name or synonym) stays words, and so does
 * one that names several values ("deaf": a hearing loop or British Sign Language). Words in
 * double quotes are never read as filters: removing a chip puts its words in quotes.
 */
import type { Facet } from '../filters/registry';
import { normalise, type SearchTerms } from './terms';

/** A part of the query read as a filter value. */
export interface Chip {
  facet: Facet;
  value: string;
  /** Where the words were in the query (`q.slice(start, end)`), to undo the reading. */
  start: number;
  end: number;
}

export interface Understood {
  /** What is left to search as words: the other words and any quoted parts. */
  text: string;
  chips: Chip[];
}

/** Small words that carry nothing in a search box ("lunch club in Leigh"). */
const STOP = new Set(['in', 'on', 'at', 'for', 'the', 'a', 'an', 'and', 'or', 'of', 'near', 'with', 'to', 'around']);

interface Token {
  word: string;
  start: number;
  end: number;
}

/** The query's words with their places, and its quoted parts. */
function tokens(q: string): { words: Token[][]; quoted: string[] } {
  const runs: Token[][] = [[]];
  const quoted: string[] = [];
  const re = /"([^"]*)"?|[^\s"]+/g;
  for (let m = re.exec(q); m; m = re.exec(q)) {
    if (m[0].startsWith('"')) {
      if (m[1].trim()) quoted.push(`"${m[1].trim()}"`);
      runs.push([]); // a phrase never reaches across quotes
      continue;
    }
    // One typed word may hold several (e.g. "step-free"): keep its place for each part.
    const word = normalise(m[0]);
    if (word) runs[runs.length - 1].push({ word, start: m.index, end: m.index + m[0].length });
  }
  return { words: runs.filter((r) => r.length), quoted };
}

/** The filters and the words of a query, by the book's terms. */
export function understand(q: string, terms: SearchTerms): Understood {
  const { words, quoted } = tokens(q);
  const needs = new Set(terms.needs);
  const chips: Chip[] = [];
  const text: string[] = [];
  for (const run of words) {
    let i = 0;
    while (i < run.length) {
      let taken = 0;
      for (let len = Math.min(terms.longest, run.length - i); len >= 1 && !taken; len--) {
        const phrase = run
          .slice(i, i + len)
          .map((t) => t.word)
          .join(' ');
        if (needs.has(phrase)) {
          text.push(...run.slice(i, i + len).map((t) => t.word));
          taken = len;
          break;
        }
        const values = terms.facts[phrase];
        if (values && values.length === 1) {
          const known = chips.some((c) => c.facet === values[0].facet && c.value === values[0].value);
          if (!known) chips.push({ ...values[0], start: run[i].start, end: run[i + len - 1].end });
          taken = len;
        } else if (values) {
          text.push(...run.slice(i, i + len).map((t) => t.word));
          taken = len;
        }
      }
      if (!taken) {
        text.push(run[i].word);
        taken = 1;
      }
      i += taken;
    }
  }
  const kept = text.filter((w) => !STOP.has(w));
  return { text: [...kept, ...quoted].join(' '), chips };
}

/** The query with a chip's words in quotes, so they are searched as words, not as a filter. */
export function asWords(q: string, chip: Pick<Chip, 'start' | 'end'>): string {
  return `${q.slice(0, chip.start)}"${q.slice(chip.start, chip.end)}"${q.slice(chip.end)}`;
}
