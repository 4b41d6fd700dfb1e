/**
 * The validator in linear time: the crafted inputs that made it run for minutes (a field of
 * `<a<a<a…`, bodies of `![![![…` and `<a:<a:…`, and others of the same kind) are now refused at
 * once, and the per-file time budget turns anything slower into a clear error naming the file.
 * The time limits are generous (each input took from 9 seconds to minutes before the fix); the
 * figures are measured by scripts/bench/validate-attack.ts, not asserted here.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadContext } from '../../../src/server/content-files';
import { bodyNodes } from '../../../src/server/markdown';
import { validateEntryText, type Problem } from '../../../src/lib/validate';
import { MAX_ENTRY_FILE, TOO_COMPLEX_MESSAGE } from '../../../src/lib/validate/entry';
import { checkBody, MAX_BODY } from '../../../src/schema';

const ROOT = resolve(__dirname, '../../..');
const ctx = loadContext(join(ROOT, 'tests/fixtures/hostile'));
const BASE = readFileSync(join(ROOT, 'tests/fixtures/entries/valid/hindley-health-walks.md'), 'utf8');
const SPLIT = BASE.indexOf('\n---\n', 4) + 5;
const FRONT = BASE.slice(0, SPLIT);

/** The base entry with `name:` set to `value` (quoted), or its body replaced. */
const withName = (value: string) =>
  FRONT.replace(/^name:.*$/m, () => `name: ${JSON.stringify(value)}`) + BASE.slice(SPLIT);
const withBody = (body: string) => FRONT + body + '\n';

function timed(text: string): { problems: Problem[]; ms: number } {
  const t = performance.now();
  const problems = validateEntryText(text, 'content/entries/crafted.md', ctx, { markdown: bodyNodes });
  return { problems, ms: performance.now() - t };
}

/** Generous: before the fix each of these took 9 s to minutes; now each takes milliseconds. */
const LIMIT_MS = 1500;

describe('crafted input is refused in linear time', () => {
  const fields: [string, string, string][] = [
    ['a 120 KB name of <a<a<a…', '<a'.repeat(60_000), 'The name is longer than 120 characters'],
    ['a 480 KB name of <a<a<a…', '<a'.repeat(240_000), 'more than the 200,000'],
    ['a 150 KB name of <!<!<!…', '<!'.repeat(75_000), 'The name is longer than 120 characters'],
  ];
  for (const [what, value, message] of fields) {
    it(`${what}`, () => {
      const { problems, ms } = timed(withName(value));
      expect(problems.some((p) => p.message.includes(message))).toBe(true);
      expect(ms).toBeLessThan(LIMIT_MS);
    });
  }

  const bodies: [string, string][] = [
    ['![![![…', '!['.repeat(60_000)],
    ['<a:<a:<a:…', '<a:'.repeat(40_000)],
    ['<a <a <a …', '<a '.repeat(40_000)],
    ['[a\\n[a\\n…', '[a\n'.repeat(40_000)],
    ['](](](…', ']('.repeat(60_000)],
    ['a 480 KB body of ![![![…', '!['.repeat(240_000)],
  ];
  for (const [what, body] of bodies) {
    it(`a body of ${what} (${Math.round(body.length / 1000)} KB)`, () => {
      const { problems, ms } = timed(withBody(body));
      expect(problems.some((p) => /more than 5000|more than the 200,000/.test(p.message))).toBe(true);
      expect(ms).toBeLessThan(LIMIT_MS);
    });
  }

  it('a 1 MB file is refused before it is parsed, naming the file', () => {
    const { problems, ms } = timed(withBody('<a:'.repeat(350_000)));
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/entries/crafted.md', field: 'file', severity: 'error' }),
    ]);
    expect(problems[0].message).toContain(`more than the ${MAX_ENTRY_FILE.toLocaleString('en-GB')}`);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('a body at the limit costs about the same per character as a short one, with and without the parser', () => {
    // Every crafted shape at the longest allowed body: each well under the limit.
    for (const unit of ['![', '<a:', '<a ', '[a\n', '](', '<a', '[', '![a]']) {
      const body = unit.repeat(Math.floor(MAX_BODY / unit.length));
      const t = performance.now();
      checkBody(body);
      checkBody(body, bodyNodes(body));
      expect(performance.now() - t, unit).toBeLessThan(LIMIT_MS);
    }
  });
});

describe('the per-file time budget', () => {
  it('turns a file that takes too long into "too complex to check", naming the file', () => {
    const problems = validateEntryText(withBody('Hello'), 'content/entries/slow.md', ctx, {
      markdown: (body) => {
        const until = performance.now() + 30;
        while (performance.now() < until); // a parser that takes 30 ms
        return bodyNodes(body);
      },
      timeBudgetMs: 10,
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'content/entries/slow.md', field: 'file', message: TOO_COMPLEX_MESSAGE }),
    );
  });

  it('never fires on a normal entry', () => {
    expect(
      validateEntryText(BASE, 'hindley-health-walks.md', ctx, { markdown: bodyNodes, today: '2026-11-01' }),
    ).toEqual([]);
  });
});
