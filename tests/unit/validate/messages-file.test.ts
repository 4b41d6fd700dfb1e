/**
 * A place's messages files (content/messages/<language>.yaml) checked by `npm run validate`:
 * a key that is not one of the site's, a placeholder dropped or invented, a plural message given as
 * one text, each reported with file, line and key; another language must give every message, and a
 * book whose language has no file is told so. A file that only rewords passes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { EN_MESSAGES } from '../../../src/lib/text/messages-en';

const ROOT = resolve(__dirname, '../../..');
const folders: string[] = [];

/** The fork book with `files` (path → text) added, validated. */
function validate(files: Record<string, string>, site?: (text: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'book-messages-'));
  folders.push(dir);
  cpSync(join(ROOT, 'tests/fixtures/fork-book'), dir, { recursive: true });
  if (site) writeFileSync(join(dir, 'site.yaml'), site(readFileSync(join(dir, 'site.yaml'), 'utf8')));
  mkdirSync(join(dir, 'messages'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  const r = spawnSync(process.execPath, ['scripts/lib/bundled.mjs', 'scripts/content/validate.ts', '--quiet'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BOOK_CONTENT: dir, GITHUB_ACTIONS: '' },
  });
  return { out: r.stdout + r.stderr, code: r.status, rel: (p: string) => relative(ROOT, join(dir, p)) };
}

afterAll(() => {
  for (const d of folders) rmSync(d, { recursive: true, force: true });
});

describe('content/messages/*.yaml', { timeout: 120_000 }, () => {
  it('passes a file that rewords a few messages, placeholders and plural forms kept', () => {
    const r = validate({
      'messages/en.yaml': [
        'layout.footer.contribute: Tell us about a group',
        'page.neighbourhood.search: Look in {name}',
        'common.groups:',
        "  one: '{count} activity'",
        "  other: '{count} activities'",
        '',
      ].join('\n'),
    });
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  it('reports an unknown key, a placeholder dropped or invented and a plural as one text, with line and key', () => {
    const r = validate({
      'messages/en.yaml': [
        'layout.nav.serch: Find',
        'page.neighbourhood.search: Look in {nmae}',
        'common.groups: groups',
        'page.az.count:',
        '  one: one group',
        '  other: groups',
        '',
      ].join('\n'),
    });
    const file = r.rel('messages/en.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}:1:1 layout.nav.serch — Unknown field \`layout.nav.serch\``);
    expect(r.out).toContain('did you mean `layout.nav.search`?');
    expect(r.out).toContain(
      `${file}:2:28 page.neighbourhood.search — {nmae} is not a placeholder of this message (it has {name}).`,
    );
    expect(r.out).toContain(`${file}:2:28 page.neighbourhood.search — {name} is missing`);
    expect(r.out).toContain(`${file}:3:16 common.groups — This message has plural forms`);
    expect(r.out).toContain(`page.az.count — {count} is missing`);
  });

  it('needs every message in a language other than English, and the file for the book’s language', () => {
    const welsh = validate({ 'messages/cy.yaml': 'layout.nav.search: Chwilio\n' });
    const file = welsh.rel('messages/cy.yaml');
    expect(welsh.code).toBe(1);
    expect(welsh.out).toContain(`${file}:1:1 layout.skip — \`layout.skip\` is missing.`);
    expect(welsh.out).not.toContain('layout.nav.search —');
    const missing = welsh.out.split('\n').filter((l) => l.includes(' is missing. Fix: add'));
    expect(missing).toHaveLength(Object.keys(EN_MESSAGES).length - 1);

    const noFile = validate({}, (text) => `${text}language: cy-GB\n`);
    expect(noFile.code).toBe(1);
    expect(noFile.out).toContain(`${noFile.rel('messages/cy.yaml')}:1:1 file — site.yaml's language is cy-GB`);
  });

  it('refuses a language that is not a language tag', () => {
    const r = validate({}, (text) => `${text}language: not a language\n`);
    expect(r.code).toBe(1);
    expect(r.out).toContain('language — language must be a language tag, e.g. en-GB or cy-GB');
  });
});
