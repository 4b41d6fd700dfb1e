/**
 * The hostile corpus against the validator: every hostile-but-harmless entry in
 * tests/fixtures/hostile/entries/ passes with no problem at all, and every rejected case in
 * tests/fixtures/hostile-rejected.ts fails with the right field and a clear message. (The build
 * of the accepted ones is scanned in build-output.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadContext } from '../../../src/server/content-files';
import { formatProblem, validateEntryText } from '../../../src/lib/validate';
import { checkBody, isSafeUrl } from '../../../src/schema';
import { bodyNodes } from '../../../src/server/markdown';
import { REJECTED } from '../../fixtures/hostile-rejected';

const ROOT = resolve(__dirname, '../../..');
const HOSTILE = join(ROOT, 'tests/fixtures/hostile');
const ctx = loadContext(HOSTILE);
const TODAY = '2026-11-01';
const accepted = readdirSync(join(HOSTILE, 'entries'))
  .filter((f) => f.endsWith('.md'))
  .sort();

describe('accepted hostile entries (tests/fixtures/hostile/entries)', () => {
  it('are a small book of at most 12 entries', () => {
    expect(accepted.length).toBeGreaterThanOrEqual(8);
    expect(accepted.length).toBeLessThanOrEqual(12);
  });

  for (const file of accepted) {
    it(`${file} passes with no problems`, () => {
      const text = readFileSync(join(HOSTILE, 'entries', file), 'utf8');
      expect(validateEntryText(text, file, ctx, { today: TODAY }).map(formatProblem)).toEqual([]);
      expect(validateEntryText(text, file, ctx, { today: TODAY, markdown: bodyNodes }).map(formatProblem)).toEqual([]);
    });
  }
});

describe('rejected hostile inputs (tests/fixtures/hostile-rejected.ts)', () => {
  it('have unique names', () => {
    expect(new Set(REJECTED.map((c) => c.name)).size).toBe(REJECTED.length);
  });

  // Each case twice: as the contribute form checks (patterns), and as `npm run validate` and the
  // build check (with the build's Markdown parser), except the spellings only the parser sees.
  const runs = REJECTED.flatMap((c) => [
    ...(c.parserOnly ? [] : [{ c, how: 'patterns', markdown: undefined, expected: c.expect }]),
    { c, how: 'parser', markdown: bodyNodes, expected: c.withParser ?? c.expect },
  ]);
  for (const { c, how, markdown, expected } of runs) {
    it(`rejects ${c.name} (${how})`, () => {
      const problems = validateEntryText(c.text, 'hindley-health-walks.md', ctx, { today: TODAY, markdown });
      const errors = problems.filter((p) => p.severity === 'error');
      const shown = problems.map(formatProblem).join('\n');
      expect(errors.length, `no error for ${c.name}`).toBeGreaterThan(0);
      for (const e of expected) {
        expect(
          errors.some((p) => p.field === e.field && p.message.includes(e.contains)),
          `expected ${e.field} — …${e.contains}…, got:\n${shown}`,
        ).toBe(true);
      }
      const fields = new Set(expected.map((e) => e.field));
      expect(errors.filter((p) => !fields.has(p.field)).map(formatProblem), 'errors about other fields').toEqual([]);
      // Clear messages: one line, short, nothing invisible, a fix for the volunteer.
      for (const p of errors) {
        expect(p.message.length, p.message.slice(0, 200)).toBeLessThanOrEqual(1000);
        expect(p.field.length).toBeLessThanOrEqual(120);
        // eslint-disable-next-line no-control-regex -- the test looks for control characters in messages
        expect(p.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      }
    });
  }
});

describe('the hardening, unit by unit', () => {
  it('checkBody keeps zero-width joiners, direction marks and right-to-left text', () => {
    expect(
      checkBody('Family \u{1F468}\u200d\u{1F469}\u200d\u{1F467} می\u200cخواهم left\u200eright zero\u200bwidth עברית'),
    ).toEqual([]);
  });

  it('checkBody reports the position of a hidden character', () => {
    expect(checkBody('ok\nab\u202ec')).toEqual([{ line: 2, column: 3, message: expect.stringContaining('(U+202E)') }]);
  });

  it('checkBody does not treat text that only looks like HTML as HTML', () => {
    expect(
      checkBody('5 < 6 and 7 > 3, a -> b, <3, < script >, x<5, <https://ok.example/>, <hello@example.org>'),
    ).toEqual([]);
  });

  it('checkBody does not report a line that only looks like a definition', () => {
    // Not a definition in Markdown ("food" is not a title), so not a link.
    expect(checkBody('- [Note]: bring food')).toEqual([]);
  });

  it('checkBody leaves links shown as code in a fenced block alone', () => {
    expect(checkBody('```\n[x](javascript:alert(1))\n[1]: javascript:alert(1)\n```')).toEqual([]);
  });

  it('checkBody says only that a body over the limit is too long, before any pattern runs', () => {
    const big = '[x](javascript:a)\n'.repeat(200_000);
    expect(checkBody(big)).toEqual([{ line: 1, column: 1, message: expect.stringContaining('more than 5000') }]);
  });

  it('checkBody reports every link of a body at the limit', () => {
    // A quadratic line lookup would make this slow; tests/unit/validate/linear.test.ts times it.
    const links = '[x](javascript:a)\n'.repeat(250);
    expect(checkBody(links.trimEnd())).toHaveLength(250);
    expect(checkBody(links.trimEnd(), bodyNodes(links.trimEnd()))).toHaveLength(250);
  });

  it.each([
    ['https://example.org/group', true],
    ['https://ok.example/?q=%3Cscript%3E', true],
    ['https://user@example.org/', false],
    ['https://user:pass@example.org/', false],
    ['https://ok.example/"onmouseover=x', false],
    ['https://ok.example/<b>', false],
    ['https://ok.example\\@evil.example/', false],
  ])('isSafeUrl(%j) is %s', (url, ok) => {
    expect(isSafeUrl(url)).toBe(ok);
  });
});
