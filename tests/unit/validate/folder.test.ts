/**
 * What is in the entries folder but is not an entry: files with another extension, sub-folders
 * and symbolic links are reported, each by name (before, they were silently skipped, or, for a
 * link, followed: a file outside the repository was published and a linked YAML file's keys and
 * values were printed in the check's log). Ids over the one length limit are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { entryFileNames } from '../../../src/server/content-paths';
import { MAX_ID_LENGTH } from '../../../src/schema';

const ROOT = resolve(__dirname, '../../..');
const HOSTILE = join(ROOT, 'tests/fixtures/hostile');
const VALID = readFileSync(join(HOSTILE, 'entries/tom-and-jerrys-cafe.md'), 'utf8');

describe('the entries folder', { timeout: 120_000 }, () => {
  let dir: string;
  let outside: string;
  let out: string;
  let code: number | null;
  const longId = `${'a'.repeat(MAX_ID_LENGTH - 10)}-${'b'.repeat(10)}`;
  const rel = (name: string) => relative(ROOT, join(dir, 'entries', name));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'book-strays-'));
    cpSync(HOSTILE, dir, { recursive: true });
    outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'secrets.yaml'), '---\napi_token: hunter2-secret\nname: 42\n---\n');
    writeFileSync(join(outside, 'entry.md'), VALID);
    const entries = join(dir, 'entries');
    writeFileSync(join(entries, 'upper-case.MD'), VALID);
    writeFileSync(join(entries, 'long-form.markdown'), VALID);
    writeFileSync(join(entries, 'double.md.txt'), VALID);
    mkdirSync(join(entries, 'archive'));
    writeFileSync(join(entries, 'archive', 'old-group.md'), VALID);
    symlinkSync(join(outside, 'secrets.yaml'), join(entries, 'linked-secrets.md'));
    symlinkSync(join(outside, 'entry.md'), join(entries, 'linked-entry.md'));
    writeFileSync(join(entries, `${longId}.md`), VALID);
    writeFileSync(join(entries, '.gitkeep'), '');
    const r = spawnSync(process.execPath, ['scripts/lib/bundled.mjs', 'scripts/content/validate.ts', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BOOK_CONTENT: dir, GITHUB_ACTIONS: '' },
    });
    out = r.stdout + r.stderr;
    code = r.status;
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('fails, naming each file that is not read', () => {
    expect(code).toBe(1);
    expect(out).toContain(`${rel('upper-case.MD')}:1:1 file — The file name \`upper-case.MD\` does not end in \`.md\``);
    expect(out).toContain(`${rel('long-form.markdown')}:1:1 file — The file name \`long-form.markdown\` does not end`);
    expect(out).toContain(`rename it to \`double.md\``);
    expect(out).toContain(`${rel('archive/')}:1:1 file — Entries are not read from sub-folders`);
    expect(out).toContain(`${rel('linked-secrets.md')}:1:1 file — This is a symbolic link, so it was not read`);
    expect(out).toContain(`${rel('linked-entry.md')}:1:1 file — This is a symbolic link`);
    expect(out).not.toContain('.gitkeep');
  });

  it('never reads a linked file: nothing of it reaches the log', () => {
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('api_token');
  });

  it('refuses an id longer than the one limit the list and sharing use', () => {
    expect(out).toContain(`${rel(`${longId}.md`)}:1:1 id — The file name is ${longId.length} characters long`);
  });

  it('the build reads ordinary .md files only, never a link', () => {
    const names = entryFileNames(dir);
    expect(names).not.toContain('linked-entry.md');
    expect(names).not.toContain('linked-secrets.md');
    expect(names).toContain('tom-and-jerrys-cafe.md');
  });
});
