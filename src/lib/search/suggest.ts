/**
 * Suggestions while typing in the search box: needs, places and group names that start with
 * what has been typed. Needs come from the categories (a synonym finds its category: "lon" →
 * "Company and friendship (lonely)"), places from the neighbourhoods, group names from the
 * results already on the page. Pure: the search field (a WAI-ARIA combobox) shows them.
 */
import { normalise } from './terms';

export interface Suggestion {
  kind: 'need' | 'place' | 'group';
  /** What choosing it does: the category or neighbourhood id to filter by, or the group's page. */
  value: string;
  /** What the option says: "Company and friendship", "Leigh", "Leigh Lunch Club". */
  label: string;
  /** The word that matched, when it is not the label's start ("lonely"). */
  matched?: string;
}

export interface SuggestSources {
  categories: readonly { id: string; name: string; synonyms?: readonly string[] }[];
  neighbourhoods: readonly { id: string; name: string }[];
  /** Groups already found: name and page. */
  groups: readonly { name: string; url: string }[];
}

/** At most this many suggestions, needs first, then places, then groups. */
export const MAX_SUGGESTIONS = 8;

/** Suggestions for what has been typed (at least two letters), in a fixed order. */
export function suggestions(typed: string, sources: SuggestSources): Suggestion[] {
  const t = normalise(typed);
  if (t.length < 2) return [];
  const starts = (text: string) => normalise(text).startsWith(t);
  const out: Suggestion[] = [];
  for (const c of sources.categories) {
    if (starts(c.name)) out.push({ kind: 'need', value: c.id, label: c.name });
    else {
      const word = (c.synonyms ?? []).find(starts);
      if (word) out.push({ kind: 'need', value: c.id, label: c.name, matched: word });
    }
  }
  for (const n of sources.neighbourhoods)
    if (starts(n.name) || n.name.split(/\s+and\s+/).some(starts))
      out.push({ kind: 'place', value: n.id, label: n.name });
  const seen = new Set<string>();
  for (const g of sources.groups)
    if (starts(g.name) && !seen.has(g.url)) {
      seen.add(g.url);
      out.push({ kind: 'group', value: g.url, label: g.name });
    }
  return out.slice(0, MAX_SUGGESTIONS);
}
