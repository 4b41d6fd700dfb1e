/**
 * A place's messages file, `content/messages/<language>.yaml` (`en.yaml`, `cy.yaml`): the site's
 * words reworded or translated, key by key. The keys and their placeholders are those of the
 * English defaults (src/lib/text/messages-en.ts), passed in: a key the defaults do not have is
 * reported, and so is a reworded message that drops or invents a `{placeholder}`. For English every
 * key is optional (the defaults fill the rest); another language must give every key.
 */
import { z } from './zod';
import { PLURAL_FORMS, placeholderProblems, type Message, type Messages } from './message-text';

const text = z.string({ error: 'A message is text, e.g. Search.' }).min(1, 'A message cannot be empty.');

function messageSchema(original: Message) {
  const shape =
    typeof original === 'string'
      ? text
      : z.strictObject(
          Object.fromEntries(PLURAL_FORMS.map((f) => [f, f === 'other' ? text : text.optional()])) as Record<
            Intl.LDMLPluralRule,
            typeof text
          >,
          {
            error: `This message has plural forms: give \`one:\` and \`other:\` (and ${PLURAL_FORMS.filter((f) => f !== 'one' && f !== 'other').join(', ')} where the language has them).`,
          },
        );
  return shape.superRefine((value, ctx) => {
    for (const message of placeholderProblems(value as Message, original)) ctx.addIssue({ code: 'custom', message });
  });
}

/** The schema of a messages file whose keys are `defaults`' (all required when `complete`). */
export function makeMessagesSchema(defaults: Messages, { complete = false } = {}) {
  const shape = Object.fromEntries(
    Object.entries(defaults).map(([key, original]) => {
      const schema = messageSchema(original);
      return [key, complete ? schema : schema.optional()];
    }),
  );
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Not a message of the site: ${issue.keys.join(', ')}. Fix: check the spelling against src/lib/text/messages-en.ts.`
        : undefined,
  });
}

/** The language part of a tag: `en` for `en-GB`, the messages file's name. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}
