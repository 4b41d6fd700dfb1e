/**
 * A pseudo-locale: every message made recognisably different ("Search" → "⟦Śéàŕçĥ⟧") with its
 * placeholders kept, so a test of a book built with it can find any text that does not come from
 * the messages.
 */
import { PLACEHOLDER, type Message, type Messages } from '../../schema/message-text';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'aàbƀcçdđeéfƒgĝhĥiíjĵkķlĺmɱnñoópþqǫrŕsśtţuúvṽwŵxẋyýzž'].flatMap((c, i, all) =>
    i % 2 === 0 ? [[c, all[i + 1]!] as const] : [],
  ),
);

/** The brackets around a pseudo text: a test knows UI text by them. */
export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

/** A text in the pseudo-locale: letters accented, in brackets; `{placeholders}` untouched. */
export function pseudoText(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    out += accent(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  out += accent(text.slice(last));
  return `${PSEUDO_OPEN}${out}${PSEUDO_CLOSE}`;
}

/** A text with its letters accented and nothing else changed: a pseudo book's content (tests). */
export function accent(text: string): string {
  return [...text]
    .map((c) => {
      const lower = c.toLowerCase();
      const a = ACCENTED[lower];
      if (!a) return c;
      return c === lower ? a : a.toUpperCase();
    })
    .join('');
}

/** Every message of `messages` in the pseudo-locale (each plural form too). */
export function pseudoMessages(messages: Messages): Record<string, Message> {
  const out: Record<string, Message> = {};
  for (const [key, message] of Object.entries(messages)) {
    out[key] =
      typeof message === 'string'
        ? pseudoText(message)
        : (Object.fromEntries(Object.entries(message).map(([f, text]) => [f, pseudoText(text)])) as Message);
  }
  return out;
}
