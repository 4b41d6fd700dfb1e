/**
 * src/server/content-paths.ts `readFileNotFollowing`, which `npm run validate` reads each entry
 * with: a file's text, never a symbolic link's target, and every other failure as `readFileSync`
 * gives it. Both ways: with O_NOFOLLOW (Linux, macOS) and without (Windows: lstat first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constants, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYMBOLIC_LINK, readFileNotFollowing } from '../../../src/server/content-paths';

let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'read-not-following-'));
  writeFileSync(at('entry.md'), '---\nname: Café ☕\n---\n');
  writeFileSync(at('secret.yaml'), 'api_token: hunter2\n');
  symlinkSync(at('secret.yaml'), at('linked.md'));
  symlinkSync(at('nowhere.md'), at('dangling.md'));
  mkdirSync(at('folder.md'));
  symlinkSync(at('loop-a'), at('loop-b'));
  symlinkSync(at('loop-b'), at('loop-a'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ways: [string, number | undefined][] = [
  ['with O_NOFOLLOW', constants.O_NOFOLLOW],
  ['without O_NOFOLLOW (lstat first)', undefined],
];

describe.each(ways)('readFileNotFollowing, %s', (_, noFollow) => {
  const read = (name: string) => readFileNotFollowing(at(name), noFollow);
  const code = (name: string) => {
    try {
      read(name);
      return 'read';
    } catch (err) {
      return (err as NodeJS.ErrnoException).code;
    }
  };
  const readFileCode = (name: string) => {
    try {
      readFileSync(at(name), 'utf8');
      return 'read';
    } catch (err) {
      return (err as NodeJS.ErrnoException).code;
    }
  };

  it('reads an ordinary file as UTF-8, like readFileSync', () => {
    expect(read('entry.md')).toBe(readFileSync(at('entry.md'), 'utf8'));
  });

  it('never reads through a link, even one whose target is missing', () => {
    expect(read('linked.md')).toBe(SYMBOLIC_LINK);
    expect(read('dangling.md')).toBe(SYMBOLIC_LINK);
    expect(read('loop-a')).toBe(SYMBOLIC_LINK);
  });

  it('fails as readFileSync does on anything else', () => {
    expect(code('missing.md')).toBe('ENOENT');
    expect(code('folder.md')).toBe(readFileCode('folder.md'));
    // A link in a folder above: the path's last part is not a link, so the error is the system's own.
    expect(code('loop-a/entry.md')).toBe(readFileCode('loop-a/entry.md'));
  });
});
