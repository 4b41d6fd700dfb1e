/**
 * The site's words for the pages, from Node: the English defaults (src/lib/text/messages-en.ts)
 * with the place's `content/messages/<language>.yaml` over them, for the language site.yaml names.
 * A language other than English has no defaults, so its file must give every message
 * (`npm run validate` says which are missing).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { makeMessagesSchema, primaryLanguage, type Messages } from '../schema';
import { EN_MESSAGES, type MessageKey } from '../lib/text/messages-en';
import { format, pickMessages, setMessages, type Catalogue, type Params } from '../lib/text/messages';
import { contentDir, contentSettled, loadSite } from './content-files';

/** The messages file of a language in a content folder. */
export function messagesFile(dir: string, language: string): string {
  return join(dir, 'messages', `${primaryLanguage(language)}.yaml`);
}

/** The schema a messages file is checked with: complete for any language but English. */
export function messagesSchemaFor(language: string) {
  return makeMessagesSchema(EN_MESSAGES, { complete: primaryLanguage(language) !== 'en' });
}

const cache = new Map<string, { mtime: number; catalogue: Catalogue }>();

/** The book's catalogue: its language and every message, the place's words over the defaults. */
export function loadMessages(dir = contentDir()): Catalogue {
  const lang = loadSite(dir).language;
  const file = messagesFile(dir, lang);
  const key = `${file}\n${lang}`;
  const known = cache.get(key);
  if (known && contentSettled()) return known.catalogue;
  const mtime = existsSync(file) ? statSync(file).mtimeMs : -1;
  if (known?.mtime === mtime) return known.catalogue;
  const own = (mtime < 0 ? {} : messagesSchemaFor(lang).parse(yaml.load(readFileSync(file, 'utf8')) ?? {})) as Messages;
  if (mtime < 0 && primaryLanguage(lang) !== 'en')
    throw new Error(
      `site.yaml's language is ${lang}, but ${file} is missing. Fix: add it (every message in that language).`,
    );
  const catalogue: Catalogue = { lang, messages: { ...EN_MESSAGES, ...own } };
  cache.set(key, { mtime, catalogue });
  // The pure modules of src/lib that write words look them up with `t` (src/lib/text/messages.ts).
  setMessages(catalogue);
  return catalogue;
}

/**
 * The catalogue `t` looks words up in, kept once found in a production build, whose content cannot
 * change: a page looks up hundreds of words, and finding the catalogue for each (the content
 * folder resolved, site.yaml's and the messages file's paths joined) was 3 % of a 10,000-entry
 * build. The dev server, scripts and tests find it each time, so an edited file is seen.
 */
let settled: Catalogue | undefined;

/** The message `key` in the book's words. */
export function t(key: MessageKey, params?: Params): string {
  const catalogue = settled ?? loadMessages();
  if (!settled && contentSettled()) settled = catalogue;
  return format(catalogue, key, params);
}

/** Each catalogue's picks by their prefixes (a catalogue is a new object when its file changes). */
const picks = new WeakMap<Catalogue, Map<string, Catalogue>>();

/**
 * The messages an island or small script uses: those whose keys start with one of `prefixes`.
 * Worked out once per catalogue and prefixes: every entry page asks for the same three picks,
 * and going through every message for each was 13 % of a 10,000-entry build.
 */
export function messagesFor(...prefixes: string[]): Catalogue {
  const catalogue = loadMessages();
  let byPrefixes = picks.get(catalogue);
  if (!byPrefixes) picks.set(catalogue, (byPrefixes = new Map()));
  const key = prefixes.join('\n');
  let picked = byPrefixes.get(key);
  if (!picked) byPrefixes.set(key, (picked = pickMessages(catalogue, prefixes)));
  return picked;
}
