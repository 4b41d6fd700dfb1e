/**
 * The one front-matter split (src/lib/content/front-matter.ts) is Astro's: on every entry file the
 * tests have, and on files generated to hit the edges of the pattern, it finds the same YAML and
 * the same body as Astro's own parseFrontmatter (the function Astro's content collections call).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { load } from 'js-yaml';
import { extractFrontmatter, parseFrontmatter } from 'astro/markdown';
import { readFrontMatter, splitFrontMatter } from '../../../src/lib/content/front-matter';

/**
 * What Astro's content collection gets from a file: the raw YAML, and the trimmed body
 * (`empty-with-spaces`, as the collection asks). Where Astro's YAML parser refuses the block, the
 * build fails on that file, so only the raw block is compared.
 */
function astro(text: string): { raw: string; body?: string } {
  try {
    const parsed = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
    return { raw: parsed.rawFrontmatter, body: parsed.content.trim() };
  } catch {
    return { raw: extractFrontmatter(text) ?? '' };
  }
}

function ours(text: string, withBody = true): { raw: string; body?: string } {
  const fm = splitFrontMatter(text);
  const split = fm ? { raw: fm.yaml, body: fm.body } : { raw: '', body: text.trim() };
  return withBody ? split : { raw: split.raw };
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

describe('the front-matter split', () => {
  const files = markdownFiles('tests/fixtures');

  it('is Astro’s on every entry file of the fixtures', () => {
    expect(files.length).toBeGreaterThan(150);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const theirs = astro(text);
      expect(ours(text, theirs.body !== undefined), f).toEqual(theirs);
    }
  });

  it('is Astro’s at the edges: BOM, blank lines first, CRLF, +++, unclosed, a delimiter mid-line', () => {
    const piece = fc.constantFrom(
      '---',
      '+++',
      '----',
      '--- x',
      '\n',
      '\r\n',
      '\ufeff',
      ' ',
      'name: A',
      'b: [1, 2]',
      '# note',
      'text ---',
      'Body text.',
      '',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        const theirs = astro(text);
        expect(ours(text, theirs.body !== undefined)).toEqual(theirs);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the data as Astro does: js-yaml 4, unquoted dates as dates, no front matter as {}', () => {
    const { data, body } = readFrontMatter('---\nname: A\nlast_verified: 2026-03-14\n---\n\nHello\n');
    expect(data).toEqual(load('name: A\nlast_verified: 2026-03-14\n'));
    expect((data as { last_verified: Date }).last_verified).toBeInstanceOf(Date);
    expect(body).toBe('Hello');
    expect(readFrontMatter('No front matter here.')).toEqual({ data: {}, body: 'No front matter here.' });
  });
});
