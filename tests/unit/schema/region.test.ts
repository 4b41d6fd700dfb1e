import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { regionSchema } from '../../../src/schema/region';
import { validateDataFile } from '../../../src/lib/validate/book';

const ROOT = resolve(__dirname, '../../..');

const GOOD = `members:
  - id: wigan
    name: Wigan Community Book
    url: https://wigan.example.org
    path: ../wigan/dist
  - id: bolton
    name: Bolton Community Book
    url: https://example.github.io/bolton
`;

/** The problems the validator reports for a region.yaml, as `line:column field — message`. */
const problems = (text: string) =>
  validateDataFile(text, 'content/region.yaml', regionSchema).map(
    (p) => `${p.file}:${p.line}:${p.column} ${p.field} — ${p.message}`,
  );

describe('region.yaml (src/schema/region.ts)', () => {
  it('takes members with an id, a name, an address and, optionally, a local folder', () => {
    expect(problems(GOOD)).toEqual([]);
    const region = regionSchema.parse({
      members: [{ id: 'wigan', name: ' Wigan ', url: 'https://wigan.example.org', path: 'dist' }],
    });
    expect(region.members).toEqual([{ id: 'wigan', name: 'Wigan', url: 'https://wigan.example.org', path: 'dist' }]);
    expect(regionSchema.parse({ members: [{ id: 'a', name: 'A', url: 'http://a.example.org' }] }).members[0].path).toBe(
      undefined,
    );
  });

  it('needs at least one member', () => {
    expect(problems('members: []\n')).toEqual([
      'content/region.yaml:1:10 members — A region needs at least one member book. Fix: list them under members:, each with id, name and url.',
    ]);
    expect(problems('members:\n').join('\n')).toMatch(/members/);
    expect(regionSchema.safeParse({}).success).toBe(false);
  });

  it('names the line and field of an id that is not a slug, an address that is not http(s), an unknown field', () => {
    const text = GOOD.replace('id: bolton', 'id: Bolton Town')
      .replace('https://example.github.io/bolton', 'javascript:alert(1)')
      .replace('path: ../wigan/dist', 'path: ../wigan/dist\n    colour: red');
    expect(problems(text)).toEqual([
      expect.stringMatching(/^content\/region\.yaml:6:5 members\[0\]\.colour — /),
      'content/region.yaml:7:9 members[1].id — A member id is lower-case words joined by hyphens, e.g. wigan.',
      expect.stringMatching(
        /^content\/region\.yaml:9:10 members\[1\]\.url — url must be an http\(s\) address, e\.g\. https:\/\/wigan\.example\.org/,
      ),
    ]);
  });

  it('refuses a member id used twice, naming the line of the second', () => {
    const text = `${GOOD}  - id: wigan\n    name: Wigan again\n    url: https://wigan2.example.org\n`;
    expect(problems(text)).toEqual([
      'content/region.yaml:9:9 members[2].id — The member id "wigan" is used twice (member 1 has it too). Fix: give each member its own id.',
    ]);
  });

  it('refuses one book listed twice, however its address is written', () => {
    const text = `${GOOD}  - id: wigan-again\n    name: Wigan again\n    url: HTTPS://Wigan.example.org/\n`;
    expect(problems(text)).toEqual([
      'content/region.yaml:11:10 members[2].url — The address HTTPS://Wigan.example.org/ is listed twice (member 1, "wigan", has it too): one book is one member. Fix: remove one of them.',
    ]);
    // Another path on the same host is another book.
    const other = `${GOOD}  - id: bolton-two\n    name: Bolton two\n    url: https://example.github.io/bolton-two\n`;
    expect(problems(other)).toEqual([]);
  });
});

describe('npm run validate and region.yaml', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'book-region-'));
  cpSync(join(ROOT, 'tests/fixtures/book'), dir, { recursive: true });
  cpSync(join(ROOT, 'tests/fixtures/entries/valid'), join(dir, 'entries'), { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const validate = (...files: string[]) => {
    const r = spawnSync(process.execPath, ['scripts/lib/bundled.mjs', 'scripts/content/validate.ts', ...files], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BOOK_CONTENT: dir, GITHUB_ACTIONS: '' },
    });
    return { code: r.status, out: r.stdout + r.stderr };
  };
  const file = join(dir, 'region.yaml');

  it('passes a book without one, and one with a good one', () => {
    expect(validate().code).toBe(0);
    writeFileSync(file, GOOD);
    expect(validate()).toMatchObject({ code: 0 });
  });

  it('checks it with the whole book and when named, with its line and field', () => {
    writeFileSync(file, GOOD.replace('id: bolton', 'id: wigan'));
    const line = `${relative(ROOT, file)}:6:9 members[1].id — The member id "wigan" is used twice`;
    for (const r of [validate(), validate(file)]) {
      expect(r.code).toBe(1);
      expect(r.out).toContain(line);
    }
  });
});
