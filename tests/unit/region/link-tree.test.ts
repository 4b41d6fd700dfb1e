/**
 * scripts/lib/link-tree.ts: a folder's files placed as hard links in one walk, with the list of
 * the paths placed (the region build's service worker list comes from it, not from a second walk).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { linkTree } from '../../../scripts/lib/link-tree';
import { listFiles } from '../../../scripts/build/service-worker';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'link-tree-'));
  made.push(dir);
  mkdirSync(join(dir, 'from/fragment/deep'), { recursive: true });
  writeFileSync(join(dir, 'from/pagefind.js'), 'js');
  writeFileSync(join(dir, 'from/fragment/a.pf_fragment'), 'a');
  writeFileSync(join(dir, 'from/fragment/deep/b'), 'bb');
  mkdirSync(join(dir, 'elsewhere'));
  writeFileSync(join(dir, 'elsewhere/c'), 'ccc');
  symlinkSync(join(dir, 'elsewhere'), join(dir, 'from/linked'));
  return dir;
}

describe('linkTree', () => {
  it('places every file as a hard link and lists exactly the files it placed', () => {
    const dir = tree();
    const placed: string[] = [];
    const n = linkTree(join(dir, 'from'), join(dir, 'site/members/x/pagefind'), placed, 'members/x/pagefind');
    const walked = listFiles(join(dir, 'site')).map((f) => f.path);
    expect(n).toBe(4);
    expect([...placed].sort()).toEqual(walked);
    expect(walked).toEqual([
      'members/x/pagefind/fragment/a.pf_fragment',
      'members/x/pagefind/fragment/deep/b',
      'members/x/pagefind/linked/c',
      'members/x/pagefind/pagefind.js',
    ]);
    // Links, not copies: the same file.
    expect(statSync(join(dir, 'site/members/x/pagefind/fragment/deep/b')).ino).toBe(
      statSync(join(dir, 'from/fragment/deep/b')).ino,
    );
    // A symbolic link to a folder is placed as the folder's files, as before.
    expect(readFileSync(join(dir, 'site/members/x/pagefind/linked/c'), 'utf8')).toBe('ccc');
  });

  it('places a single file, listed under the name it is given', () => {
    const dir = tree();
    const placed: string[] = [];
    expect(linkTree(join(dir, 'from/pagefind.js'), join(dir, 'site/a/b.js'), placed, 'a/b.js')).toBe(1);
    expect(placed).toEqual(['a/b.js']);
    expect(readFileSync(join(dir, 'site/a/b.js'), 'utf8')).toBe('js');
  });
});
