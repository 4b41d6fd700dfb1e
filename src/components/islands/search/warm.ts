/**
 * The search page's one script at load, before the island (src/client/interaction.ts loads that on
 * first use): it starts Pagefind (./engine.ts), so that by the time a person has typed a word the
 * index is ready and only the island's own code is still to come. The island's `loadEngine` gets
 * this same engine (one module, one promise). Pagefind's own files are not the page's budget
 * (docs/performance.md, "Page weight"); this script and the engine are, and they are small.
 */
import type { SearchPart } from '../../../lib/search/shards';
import { loadEngine } from './engine';
import { ISLAND_READY } from '../../../client/ready';

const room = document.querySelector<HTMLElement>('[data-search-parts]');
const parts = room?.dataset.searchParts ? (JSON.parse(room.dataset.searchParts) as SearchPart[]) : [];
// A failure here is the island's to report when it asks again (loadEngine forgets a failed load).
const engine = parts.length ? loadEngine(parts).catch(() => undefined) : undefined;

// Words typed while the island is still loading: Pagefind fetches their part of the index now,
// so the island's first search finds it there. Once the island is ready it does this itself.
const box = document.querySelector<HTMLInputElement>('#search-q');
const onInput = () => void engine?.then((e) => e?.preload(box?.value ?? ''));
box?.addEventListener('input', onInput);
document.addEventListener(ISLAND_READY, () => box?.removeEventListener('input', onInput), { once: true });
