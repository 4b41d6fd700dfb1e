/**
 * The site's words: a catalogue of messages (the English defaults in ./messages-en.ts, reworded or
 * translated by `content/messages/<language>.yaml`), looked up by key, with `{placeholders}` filled
 * in and plural forms chosen by `Intl.PluralRules` for the book's language. Pure and small: the
 * islands carry this module and only the messages they use (`pickMessages`), never the defaults.
 */

import { PLACEHOLDER, type Message, type Messages } from '../../schema/message-text';
import type { MessageKey } from './messages-en';

export type { Message, Messages };

/** The messages of one language, with the language's tag (`en-GB`): what a page or island looks words up in. */
export interface Catalogue {
  readonly lang: string;
  readonly messages: Messages;
}

export type Params = Readonly<Record<string, string | number>>;

/** A key the catalogue does not have: always a mistake in the code, so it stops the build. */
export class MissingMessageError extends Error {
  constructor(key: string, where: string) {
    super(
      `There is no message "${key}" in ${where}. Fix: add it to src/lib/text/messages-en.ts (or pass it to the island).`,
    );
    this.name = 'MissingMessageError';
  }
}

const rules = new Map<string, Intl.PluralRules>();
function pluralRules(lang: string): Intl.PluralRules {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

/** The message `key` in words: placeholders filled (numbers in the language's way), the plural form for `params.count`. */
export function format(catalogue: Catalogue, key: string, params: Params = {}): string {
  const message = catalogue.messages[key];
  if (message === undefined) throw new MissingMessageError(key, `the messages for ${catalogue.lang}`);
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = params.count;
    if (typeof count !== 'number')
      throw new Error(`The message "${key}" has plural forms, so it needs a number for {count}.`);
    text = message[pluralRules(catalogue.lang).select(count)] ?? message.other;
  }
  // Most messages have no placeholder: nothing to look for.
  if (!text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat(catalogue.lang).format(value) : value;
  });
}

const numbers = new Map<string, Intl.NumberFormat>();
/** The language's way of writing numbers, made once (what `toLocaleString(lang)` makes on every call). */
function numberFormat(lang: string): Intl.NumberFormat {
  let f = numbers.get(lang);
  if (!f) numbers.set(lang, (f = new Intl.NumberFormat(lang)));
  return f;
}

/** The catalogue with only the messages whose keys start with one of `prefixes` (an island's share). */
export function pickMessages(catalogue: Catalogue, prefixes: readonly string[]): Catalogue {
  const messages: Record<string, Message> = {};
  for (const [key, message] of Object.entries(catalogue.messages)) {
    if (prefixes.some((p) => key.startsWith(p))) messages[key] = message;
  }
  return { lang: catalogue.lang, messages };
}

let current: Catalogue | undefined;
/** Counts the calls of `setMessages`, so what is worked out from the words can be kept until they change. */
let version = 0;

/**
 * The catalogue `t` looks words up in, in the browser: an island's root or a small script sets it
 * from the messages its page gave it (each adds its own to those already set). A book has one
 * language, so one catalogue serves every island.
 */
export function setMessages(catalogue: Catalogue): void {
  current = { lang: catalogue.lang, messages: { ...current?.messages, ...catalogue.messages } };
  version += 1;
}

/** The value `make` works out from the words, made again only after the messages change (`setMessages`). */
export function fromMessages<T>(make: () => T): () => T {
  let made: { version: number; value: T } | undefined;
  return () => {
    if (made?.version !== version) made = { version, value: make() };
    return made.value;
  };
}

/** The message `key` from the catalogue set by `setMessages`: what islands and small scripts call. */
export function t(key: MessageKey, params?: Params): string {
  if (!current)
    throw new Error(`The message "${key}" was asked for before the page's messages were set (setMessages).`);
  return format(current, key, params);
}

/**
 * One label per value, each looked up with `t` when it is read (a getter): a module can declare
 * its labels at import, before the messages are set, and every read gives the book's words
 * (`STATUS_LABELS.closed`, `Object.values(DAY_LABELS)`). Never copy one at import: a module-level
 * `{ ...labels }` reads them before the messages are set.
 */
export function messageLabels<K extends string>(
  values: readonly K[],
  key: (value: K) => MessageKey,
): Readonly<Record<K, string>> {
  const labels = {} as Record<K, string>;
  for (const value of values) Object.defineProperty(labels, value, { enumerable: true, get: () => t(key(value)) });
  return labels;
}
