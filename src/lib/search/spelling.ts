/**
 * Misspellings: the words the book knows, with how many entries use each, written at build time
 * (`search/words.txt`), and the correction of a query word the book does not know to the
 * closest one it does ("dementa" → "dementia", "lonley" → "lonely", "toddlr" → "toddler").
 *
 * A word is known when the list holds it or a word starting with it (search matches the start
 * of words, so a word still being typed is not a slip). Words of one or two letters are never
 * corrected; three or four letters allow one slip, longer words two. Among the closest words the
 * one more entries use wins. Quoted words are never corrected (src/lib/search/understand.ts).
 */
import { editDistance } from '../text/edit-distance';
import { normalise } from './terms';

/** Where the build writes the list (one `word count` per line, most used first). */
export const WORDS_PATH = '/search/words.txt';

/** Words shorter than this are never corrected. */
const MIN_LENGTH = 3;
/** Entries' words are listed from this many letters: shorter ones would never be a correction. */
const LIST_MIN = 3;

export interface WordList {
  /** Each word's count, by word. */
  counts: Map<string, number>;
  /** The words by length, for looking only at lengths within reach. */
  byLength: Map<number, string[]>;
  /** Every word, sorted, for "is it the start of a known word". */
  sorted: string[];
}

/** The words of some texts with how many texts use each: what `buildWordList` counts. */
export function wordsOf(text: string): Set<string> {
  return new Set(
    normalise(text)
      .split(' ')
      .filter((w) => w.length >= LIST_MIN && w.length <= 30 && !/^\d+$/.test(w)),
  );
}

/** Counts the words of one more text (an entry, or the book's own terms) into `counts`. */
export function addWords(counts: Map<string, number>, text: string): void {
  for (const w of wordsOf(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
}

/** An entry's words as the index has them: name, summary, organisation, body (without link addresses), venues. */
export function entryText(e: {
  name: string;
  summary: string;
  organisation?: string;
  venues: readonly { name: string; town?: string }[];
  body?: string;
}): string {
  const body = (e.body ?? '').replace(/\]\([^)]*\)/g, ']').replace(/(?:https?|mailto|tel):\S+/g, ' ');
  return [e.name, e.summary, e.organisation ?? '', ...e.venues.flatMap((v) => [v.name, v.town ?? '']), body].join(' ');
}

/** The file's text from the counts. */
export function wordListText(counts: Map<string, number>): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w, n]) => `${w} ${n}`)
    .join('\n');
}

/** The file's text from texts (one per entry, and the book's own terms as one more). */
export function buildWordList(texts: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const text of texts) addWords(counts, text);
  return wordListText(counts);
}

/**
 * Several books' files as one (a region's, from its members': scripts/build/region.ts): every
 * word once, its counts added up, so a correction may come from any member's words.
 */
export function mergeWordLists(texts: Iterable<string>): string {
  const counts = new Map<string, number>();
  for (const text of texts) for (const [w, n] of parseWordList(text).counts) counts.set(w, (counts.get(w) ?? 0) + n);
  return wordListText(counts);
}

/** Reads the file's text. */
export function parseWordList(text: string): WordList {
  const counts = new Map<string, number>();
  const byLength = new Map<number, string[]>();
  for (const line of text.split('\n')) {
    const [w, n] = line.split(' ');
    if (!w) continue;
    counts.set(w, Number(n) || 1);
    const list = byLength.get(w.length);
    if (list) list.push(w);
    else byLength.set(w.length, [w]);
  }
  return { counts, byLength, sorted: [...counts.keys()].sort() };
}

/** True when the list holds the word or a word starting with it. */
export function isKnown(word: string, list: WordList): boolean {
  if (list.counts.has(word)) return true;
  let lo = 0;
  let hi = list.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list.sorted[mid] < word) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.sorted.length && list.sorted[lo].startsWith(word);
}

/** The closest known word to an unknown one, or undefined (known, too short, or nothing close). */
export function correctWord(word: string, list: WordList): string | undefined {
  if (word.length < MIN_LENGTH || /\d/.test(word) || isKnown(word, list)) return undefined;
  const reach = word.length <= 4 ? 1 : 2;
  let best: { w: string; d: number; n: number } | undefined;
  for (let len = word.length - reach; len <= word.length + reach; len++) {
    for (const w of list.byLength.get(len) ?? []) {
      if (reach === 1 && w[0] !== word[0]) continue; // a short word's first letter is seldom the slip
      const d = editDistance(word, w);
      if (d > reach) continue;
      const n = list.counts.get(w) ?? 0;
      if (!best || d < best.d || (d === best.d && n > best.n)) best = { w, d, n };
    }
  }
  return best?.w;
}

/** A query's words with the unknown ones corrected; `changes` says which. Quoted parts are kept. */
export function correctText(text: string, list: WordList): { text: string; changes: { from: string; to: string }[] } {
  const changes: { from: string; to: string }[] = [];
  const out = text.replace(/"[^"]*"|[^\s"]+/g, (part) => {
    if (part.startsWith('"')) return part;
    // A typed word as the list has it ("Dementa" as "dementa"); one holding several ("step-free") is kept.
    const word = normalise(part);
    if (!word || word.includes(' ')) return part;
    const to = correctWord(word, list);
    if (!to) return part;
    changes.push({ from: part, to });
    return to;
  });
  return { text: out, changes };
}
