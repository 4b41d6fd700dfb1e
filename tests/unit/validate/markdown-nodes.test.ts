/**
 * src/server/markdown.ts `bodyNodes` skips the Markdown parser for a body that has none of the
 * characters an image, a link, a link definition or raw HTML needs (`mayHoldNodes`). These tests
 * hold that shortcut to the parser itself: a body without them gives no such node, whatever else
 * it holds, and on every body the project has the answer is the parser's.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateEntries, neighbourhoodGeo } from '../../../scripts/content/generate';
import { splitFrontMatter } from '../../../src/lib/content/front-matter';
import { loadContext } from '../../../src/server/content-files';
import { bodyNodes, mayHoldNodes, parsedNodes } from '../../../src/server/markdown';
import { REJECTED } from '../../fixtures/hostile-rejected';

/**
 * Markdown's punctuation and near misses of each trigger. Bodies holding a trigger (`[ < @ & \\`,
 * `:/`, `www.`: tokens can meet to make one) are left out below: those are parsed.
 */
const TOKENS = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...' \t\n\n\n',
  ...'!()]*_~`#>-+=|&;.,/\\\'"?%$^{}',
  'é',
  '’',
  '—',
  '😀',
  '\u200d',
  '    ',
  '```',
  '~~~',
  '---',
  '***',
  '1. ',
  '- ',
  '> ',
  '!alt]',
  '](x.png)',
  '&#91;',
  '&#x5b;',
  '&#60;',
  '&lt;',
  '&#x3C;',
  '&colon;',
  '&#58;',
  '&#64;',
  '&commat;',
  'https//example.org',
  'https:example.org',
  'http:',
  'https:',
  'HTTPS:',
  'mailto:',
  'xmpp:',
  'tel:0300 123 4567',
  'javascript:alert(1)',
  'data:text/html,x',
  'ftp:',
  'http:\\\\example.org',
  'Sessions: ',
  '10:00',
  ':',
  'http',
  'mailto',
  'xmpp',
  'ww.example.org',
  'w w.',
  'wwwexample',
  'www',
  'example.org',
  'hello at example.org',
  '^1',
  '| a | b |\n|---|---|\n',
];
const plainBody = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 80 })
  .map((parts) => parts.join(''))
  .filter((body) => !mayHoldNodes(body));

describe('bodyNodes: the parser is skipped only where it would find nothing', () => {
  it('mayHoldNodes sees each character a link, image, definition or HTML needs', () => {
    for (const body of [
      '[a](https://example.org)',
      '![a](x.png)',
      '<b>hi</b>',
      'see https://example.org',
      'mail hello@example.org',
      'www.example.org',
      'WWW.EXAMPLE.ORG',
      'mailto:a@example.org',
      'HTTPS://EXAMPLE.ORG',
      '[1]: /x',
      'a&commat;example.org',
      'www\\.example.org',
      'https:\\/\\/example.org',
    ])
      expect(mayHoldNodes(body), body).toBe(true);
    for (const body of [
      '',
      'Plain words.',
      'A list\n\n- one\n- two',
      '**bold** and _em_ (brackets)',
      'Sessions: 10:00 to 12:00',
    ])
      expect(mayHoldNodes(body), body).toBe(false);
  });

  it('the parser finds no image, link, definition or HTML in a body without those characters (random bodies)', () => {
    fc.assert(
      fc.property(plainBody, (body) => {
        expect(parsedNodes(body)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the parser’s answer for every body in the project, the hostile cases and generated entries', () => {
    const bodies: string[] = [];
    const dirs = [
      'tests/fixtures/sample-book/entries',
      'tests/fixtures/entries/valid',
      'tests/fixtures/entries/invalid',
      'tests/fixtures/hostile/entries',
    ];
    for (const dir of dirs) {
      let names: string[] = [];
      try {
        names = readdirSync(dir).filter((f) => f.endsWith('.md'));
      } catch {
        continue;
      }
      for (const f of names) bodies.push(splitFrontMatter(readFileSync(join(dir, f), 'utf8'))?.body ?? '');
    }
    for (const c of REJECTED) bodies.push(splitFrontMatter(c.text)?.body ?? '');
    const ctx = loadContext('tests/fixtures/sample-book');
    for (const e of generateEntries({
      count: 2000,
      seed: 7,
      ctx,
      neighbourhoods: neighbourhoodGeo('tests/fixtures/sample-book'),
      reference: '2026-11-01',
    }))
      bodies.push(e.body);
    let skipped = 0;
    for (const body of bodies) {
      if (!mayHoldNodes(body)) skipped++;
      expect(bodyNodes(body), body.slice(0, 80)).toEqual(parsedNodes(body));
    }
    // Both kinds are present, so the comparison covers the shortcut and the parser.
    expect(skipped).toBeGreaterThan(100);
    expect(bodies.length - skipped).toBeGreaterThan(100);
  });
});
