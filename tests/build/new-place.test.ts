/**
 * `npm run new-place` on a copy of the sample book, then the real `npm run build`: a working
 * empty book of another place, at a project address, with the issue forms' link pointed at it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildBook, removeBuild, repoRoot, tempFolder } from '../helpers/build';
import { loadSite } from '../../src/server/content-files';

const ANSWERS = [
  '--name',
  'Bolton',
  '--area',
  'District',
  '--url',
  'https://boltoncvs.github.io/bolton-book',
  '--repository',
  'https://github.com/boltoncvs/bolton-book',
  '--email',
  'book@boltoncvs.example',
  '--licence',
  'ogl',
];

let dir = '';
let content = '';
let site = '';

function newPlace(args: string[]) {
  return execFileSync('npx', ['tsx', 'scripts/content/new-place.ts', '--root', dir, ...args], {
    cwd: repoRoot,
    env: { ...process.env, BOOK_CONTENT: content },
    stdio: 'pipe',
    input: '',
  }).toString();
}

beforeAll(() => {
  dir = tempFolder('new-place');
  content = join(dir, 'book');
  cpSync(join(repoRoot, 'tests/fixtures/sample-book'), content, { recursive: true });
  mkdirSync(join(dir, '.github', 'ISSUE_TEMPLATE'), { recursive: true });
  cpSync(join(repoRoot, '.github/ISSUE_TEMPLATE/config.yml'), join(dir, '.github/ISSUE_TEMPLATE/config.yml'));
  // What docs:fields reads and writes: the guide and the schema.
  cpSync(join(repoRoot, 'CONTRIBUTING.md'), join(dir, 'CONTRIBUTING.md'));
  mkdirSync(join(dir, 'src', 'schema'), { recursive: true });
  cpSync(join(repoRoot, 'src/schema/entry.ts'), join(dir, 'src/schema/entry.ts'));
}, 60_000);
afterAll(() => removeBuild(site));

describe('npm run new-place', () => {
  it('refuses a bad answer with a message naming it, and changes nothing', () => {
    const bad = ANSWERS.map((a) => (a.startsWith('https://boltoncvs.github.io') ? 'boltoncvs.github.io' : a));
    expect(() => newPlace(bad)).toThrow(/--url: Enter the address the book will be at/);
    expect(loadSite(content).place).not.toBe('Bolton district');
  });

  it('writes the place, clears the examples and points the issue forms at the new book', () => {
    const out = newPlace(ANSWERS);
    expect(out).toContain('Next:');
    const s = loadSite(content);
    expect([s.title, s.place, s.area, s.url, s.repository, s.example_data]).toEqual([
      'Bolton Community Book',
      'Bolton district',
      'district',
      'https://boltoncvs.github.io/bolton-book',
      'https://github.com/boltoncvs/bolton-book',
      false,
    ]);
    expect(s.data_licence.name).toBe('Open Government Licence v3.0');
    expect(readdirSync(join(content, 'entries')).filter((f) => f.endsWith('.md'))).toEqual([]);
    expect(readdirSync(join(content, 'neighbourhoods'))).toEqual([]);
    // CONTRIBUTING's examples rewritten for the new place (neutral ones: it has none of its own yet).
    const guide = readFileSync(join(dir, 'CONTRIBUTING.md'), 'utf8');
    expect(guide).not.toMatch(/Wigan|Hindley|01942|\bWN\d/);
    expect(guide).toContain(`name: ${s.examples.group}`);
    expect(readFileSync(join(dir, '.github/ISSUE_TEMPLATE/config.yml'), 'utf8')).toContain(
      'url: https://boltoncvs.github.io/bolton-book/contribute/',
    );
  });

  it('then npm run build gives a working empty book under its path', () => {
    site = buildBook(content, 'new-place');
    const home = readFileSync(join(site, 'index.html'), 'utf8');
    expect(home).toContain('Bolton Community Book');
    expect(home).not.toMatch(/Wigan/);
    expect(home).toContain('href="/bolton-book/search/"');
    expect(existsSync(join(site, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(site, 'sw.js'))).toBe(true);
    expect(existsSync(join(site, 'contribute', 'index.html'))).toBe(true);
  }, 600_000);
});
