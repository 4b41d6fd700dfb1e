/**
 * The shape of the site's messages and the rule for their `{placeholders}`, without zod: the
 * schema (./messages.ts) checks a place's messages file with it, and src/lib/text/messages.ts
 * fills the placeholders in, in the browser too.
 */

/** One message: a text, or one text per plural form (`one`, `other`, and `zero`, `two`, `few`, `many` where the language has them). */
export type Message = string | PluralMessage;
export type PluralMessage = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type Messages = Readonly<Record<string, Message>>;

export const PLURAL_FORMS: readonly Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

/** `{name}`: a placeholder. */
export const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;

/** The placeholders a text uses, in order of first use: `{count} groups in {place}` → count, place. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Every text of a message (one, or one per plural form). */
export function messageTexts(message: Message): string[] {
  return typeof message === 'string'
    ? [message]
    : PLURAL_FORMS.flatMap((f) => (message[f] === undefined ? [] : [message[f]]));
}

/**
 * Placeholder problems of a reworded message against its default: it may use only the default's
 * placeholders, and must keep each of them (a plural message's `other` form keeps them all; its
 * other forms may leave `{count}` out, as in "one group").
 */
export function placeholderProblems(reworded: Message, original: Message): string[] {
  const allowed = new Set(messageTexts(original).flatMap(placeholders));
  const problems: string[] = [];
  for (const text of messageTexts(reworded)) {
    for (const name of placeholders(text)) {
      if (!allowed.has(name))
        problems.push(`{${name}} is not a placeholder of this message (it has ${listOf(allowed)}).`);
    }
  }
  const kept = typeof reworded === 'string' ? reworded : reworded.other;
  for (const name of allowed) {
    if (!placeholders(kept).includes(name)) problems.push(`{${name}} is missing: the site would leave it out.`);
  }
  return [...new Set(problems)];
}

function listOf(names: Set<string>): string {
  return names.size ? [...names].map((n) => `{${n}}`).join(', ') : 'none';
}
