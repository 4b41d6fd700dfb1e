/**
 * The site's words in English: the one home of every message the pages, the small scripts and the
 * islands show. A place rewords any of them in `content/messages/en.yaml` (same keys, same
 * `{placeholders}`; checked by `npm run validate`), or translates them all in
 * `content/messages/<language>.yaml`. A message with plural forms has `one` and `other` (and the
 * forms other languages need); `{count}` chooses between them (src/lib/text/messages.ts).
 *
 * Keys are grouped by where they show: `layout.` on every page, `page.<name>.` on one page,
 * `card.`, `enhance.<element>.`, `search.`, `map.`, `list.`, `filters.`, `contribute.` for the islands, which are
 * given only the groups they use; `facts.` for the words the pure modules of src/lib make from
 * recorded facts (labels, dates, schedules, cost, filters), which every island is given.
 *
 * The messages are kept in ./en/ by where they show (pages, prose, the open data page, islands, the contribute form, and the words made from recorded facts); this is the one catalogue.
 */
import { EN_CONTRIBUTE } from './en/contribute';
import { EN_FACTS } from './en/facts';
import { EN_ISLANDS } from './en/islands';
import { EN_PAGES } from './en/pages';
import { EN_OPEN_DATA } from './en/open-data';
import { EN_PROSE } from './en/prose';
export const EN_MESSAGES = {
  ...EN_PAGES,
  ...EN_PROSE,
  ...EN_OPEN_DATA,
  ...EN_ISLANDS,
  ...EN_CONTRIBUTE,
  ...EN_FACTS,
} as const;

/** The key of a message: `t('layout.nav.search')`. */
export type MessageKey = keyof typeof EN_MESSAGES;
