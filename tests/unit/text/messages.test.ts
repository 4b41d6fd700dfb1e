import { describe, expect, it } from 'vitest';
import {
  format,
  MissingMessageError,
  pickMessages,
  setMessages,
  t,
  type Catalogue,
} from '../../../src/lib/text/messages';
import { placeholderProblems, placeholders } from '../../../src/schema/message-text';
import { makeMessagesSchema } from '../../../src/schema/messages';
import { EN_MESSAGES } from '../../../src/lib/text/messages-en';
import { pseudoMessages, pseudoText } from '../../../src/lib/text/pseudo';

const en: Catalogue = {
  lang: 'en-GB',
  messages: {
    'a.hello': 'Hello {name}',
    'a.groups': { one: '{count} group', other: '{count} groups' },
    'b.other': 'Other',
  },
};

describe('format', () => {
  it('looks a message up and fills its placeholders', () => {
    expect(format(en, 'a.hello', { name: 'Ann' })).toBe('Hello Ann');
    expect(format(en, 'b.other')).toBe('Other');
  });

  it('chooses the plural form for the count, with the number in the language’s way', () => {
    expect(format(en, 'a.groups', { count: 1 })).toBe('1 group');
    expect(format(en, 'a.groups', { count: 0 })).toBe('0 groups');
    expect(format(en, 'a.groups', { count: 2 })).toBe('2 groups');
    expect(format(en, 'a.groups', { count: 12345 })).toBe('12,345 groups');
  });

  it('uses the language’s plural rules (Welsh has zero, one, two, few, many)', () => {
    const cy: Catalogue = {
      lang: 'cy-GB',
      messages: {
        g: {
          zero: '{count} grwpiau',
          one: '{count} grŵp',
          two: '{count} grŵp (2)',
          few: '{count} grŵp (few)',
          many: '{count} grŵp (many)',
          other: '{count} grŵp (other)',
        },
      },
    };
    expect([0, 1, 2, 3, 6, 4].map((count) => format(cy, 'g', { count }))).toEqual([
      '0 grwpiau',
      '1 grŵp',
      '2 grŵp (2)',
      '3 grŵp (few)',
      '6 grŵp (many)',
      '4 grŵp (other)',
    ]);
  });

  it('stops with a clear error for a key the catalogue lacks, or a plural without a count', () => {
    expect(() => format(en, 'a.missing')).toThrow(MissingMessageError);
    expect(() => format(en, 'a.missing')).toThrow(/"a\.missing".*en-GB.*messages-en\.ts/);
    expect(() => format(en, 'a.groups')).toThrow(/plural forms.*\{count\}/);
  });

  it('leaves a placeholder it was given no value for as it is', () => {
    expect(format(en, 'a.hello')).toBe('Hello {name}');
  });
});

describe('pickMessages and t', () => {
  it('gives an island only the messages under its prefixes', () => {
    expect(Object.keys(pickMessages(en, ['a.']).messages)).toEqual(['a.hello', 'a.groups']);
  });

  it('t looks up in the messages set, each set adding to the last', () => {
    setMessages(pickMessages(en, ['a.']));
    setMessages(pickMessages(en, ['b.']));
    // The keys of this test's catalogue are not the site's, hence the cast.
    expect(t('a.hello' as never, { name: 'Bo' })).toBe('Hello Bo');
    expect(t('b.other' as never)).toBe('Other');
  });
});

describe('placeholders of a reworded message', () => {
  it('finds each placeholder once', () => {
    expect(placeholders('{count} groups in {place}, {count}')).toEqual(['count', 'place']);
  });

  it('must keep every placeholder and invent none', () => {
    expect(placeholderProblems('Hi {name}', 'Hello {name}')).toEqual([]);
    expect(placeholderProblems('Hi', 'Hello {name}')).toEqual(['{name} is missing: the site would leave it out.']);
    expect(placeholderProblems('Hi {nmae}', 'Hello {name}')).toEqual([
      '{nmae} is not a placeholder of this message (it has {name}).',
      '{name} is missing: the site would leave it out.',
    ]);
  });

  it('lets a plural’s one form leave {count} out, but not its other form', () => {
    const original = { one: '{count} group', other: '{count} groups' };
    expect(placeholderProblems({ one: 'one group', other: '{count} groups' }, original)).toEqual([]);
    expect(placeholderProblems({ one: 'one group', other: 'groups' }, original)).toEqual([
      '{count} is missing: the site would leave it out.',
    ]);
  });
});

describe('the messages schema', () => {
  const schema = makeMessagesSchema(en.messages);

  it('accepts any of the keys, reworded, and nothing else', () => {
    expect(schema.safeParse({ 'a.hello': 'Hi {name}' }).success).toBe(true);
    const unknown = schema.safeParse({ 'a.helo': 'Hi' });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toMatch(/Not a message of the site: a\.helo/);
  });

  it('reports a dropped placeholder and a plural given as one text, at the key', () => {
    const r = schema.safeParse({ 'a.hello': 'Hi', 'a.groups': 'groups' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['a.hello', '{name} is missing: the site would leave it out.'],
      ['a.groups', expect.stringMatching(/plural forms: give `one:` and `other:`/)],
    ]);
  });

  it('requires every key of a language that is not English', () => {
    const r = makeMessagesSchema(en.messages, { complete: true }).safeParse({ 'a.hello': 'Helo {name}' });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['a.groups', 'b.other']);
  });
});

describe('the English defaults', () => {
  it('pass their own schema and give every plural message an other form', () => {
    expect(makeMessagesSchema(EN_MESSAGES, { complete: true }).safeParse(EN_MESSAGES).success).toBe(true);
  });
});

describe('the pseudo-locale', () => {
  it('transforms every letter, keeps placeholders and brackets the text', () => {
    expect(pseudoText('Search {count} groups')).toBe('⟦Śéàŕçĥ {count} ĝŕóúþś⟧');
  });

  it('is a valid rewording of every default', () => {
    expect(makeMessagesSchema(EN_MESSAGES, { complete: true }).safeParse(pseudoMessages(EN_MESSAGES)).success).toBe(
      true,
    );
  });
});
