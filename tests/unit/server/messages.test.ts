/**
 * The book's messages from Node (src/server/messages.ts): a place's words over the defaults, an
 * island's share of them, and a change to the file seen outside a production build.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMessages, messagesFor, t } from '../../../src/server/messages';
import { pickMessages } from '../../../src/lib/text/messages';
import { contentSettled } from '../../../src/server/content-files';

const dir = mkdtempSync(join(tmpdir(), 'messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync('tests/fixtures/sample-book/site.yaml', join(dir, 'site.yaml'));
mkdirSync(join(dir, 'messages'));
const file = join(dir, 'messages', 'en.yaml');
let stamp = Date.now() / 1000;
const writeMessages = (text: string) => {
  writeFileSync(file, text);
  // A new modification time each write, even within the file system's clock resolution.
  utimesSync(file, (stamp += 10), stamp);
};

describe('the book’s messages', () => {
  const previous = process.env.BOOK_CONTENT;
  beforeEach(() => {
    process.env.BOOK_CONTENT = dir;
    return () => {
      process.env.BOOK_CONTENT = previous;
    };
  });

  it('is not settled here: outside a production build a file is looked at again', () => {
    expect(contentSettled()).toBe(false);
  });

  it('gives an island the messages under its prefixes, the same object each time until the file changes', () => {
    writeMessages('enhance.add.add: "Pop it on my list"\n');
    const first = messagesFor('enhance.add.');
    expect(first).toEqual(pickMessages(loadMessages(dir), ['enhance.add.']));
    expect(first.messages['enhance.add.add']).toBe('Pop it on my list');
    expect(Object.keys(first.messages).every((k) => k.startsWith('enhance.add.'))).toBe(true);
    expect(messagesFor('enhance.add.')).toBe(first);
    expect(messagesFor('enhance.add.', 'facts.date.')).not.toBe(first);

    writeMessages('enhance.add.add: "Save to my list"\n');
    const after = messagesFor('enhance.add.');
    expect(after).not.toBe(first);
    expect(after.messages['enhance.add.add']).toBe('Save to my list');
  });

  it('looks a word up in the file as it is now, outside a production build', () => {
    writeMessages('enhance.add.add: "Pop it on my list"\n');
    expect(t('enhance.add.add')).toBe('Pop it on my list');
    writeMessages('enhance.add.add: "Save to my list"\n');
    expect(t('enhance.add.add')).toBe('Save to my list');
  });

  it('finds the catalogue once in a production build, whose content cannot change', async () => {
    vi.stubEnv('PROD', true);
    vi.resetModules();
    try {
      const built = await import('../../../src/server/messages');
      writeMessages('enhance.add.add: "Pop it on my list"\n');
      expect(built.t('enhance.add.add')).toBe('Pop it on my list');
      writeMessages('enhance.add.add: "Save to my list"\n');
      expect(built.t('enhance.add.add')).toBe('Pop it on my list');
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
