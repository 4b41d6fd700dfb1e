import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { shardsSchema, shardsSchemaFor } from '../../../src/schema/shards';
import { validateDataFile } from '../../../src/lib/validate/book';

const GOOD = `url: https://directory.kestrelvale.example
whole_area: north
shards:
  - id: north
    name: Kestrel Vale North
    url: https://north.kestrelvale.example
    neighbourhoods: [brackenford, harrow-cross]
  - id: south
    name: Kestrel Vale South
    url: https://south.kestrelvale.example
    neighbourhoods: [oakmere]
`;
const HOODS = ['brackenford', 'harrow-cross', 'oakmere'];
const ROOT = resolve(__dirname, '../../..');

/** The problems the validator reports for a shards.yaml, as `line:column field — message`. */
const problems = (text: string, hoods: string[] | null = HOODS) =>
  validateDataFile(text, 'content/shards.yaml', hoods ? shardsSchemaFor(hoods) : shardsSchema).map(
    (p) => `${p.line}:${p.column} ${p.field} — ${p.message}`,
  );

describe('shards.yaml (src/schema/shards.ts)', () => {
  it('takes the region address, the whole-area shard and shards holding every neighbourhood once', () => {
    expect(problems(GOOD)).toEqual([]);
    const parsed = shardsSchema.parse({
      url: 'https://a.example.org',
      whole_area: 'x',
      shards: [{ id: 'x', name: ' X ', url: 'https://x.example.org', neighbourhoods: ['a'] }],
    });
    expect(parsed.shards[0].name).toBe('X');
    expect(parsed.title).toBe(undefined);
  });

  it('names a neighbourhood in no shard, and one in two shards at its line', () => {
    expect(problems(GOOD.replace('[oakmere]', '[harrow-cross]'))).toEqual([
      '3:1 shards — The neighbourhood "oakmere" is in no shard, so its entries would be built nowhere. Fix: add it to the neighbourhoods of one shard.',
      '11:22 shards[1].neighbourhoods[0] — The neighbourhood "harrow-cross" is in two shards ("north" has it too); every neighbourhood is in exactly one. Fix: remove it from one of them.',
    ]);
  });

  it('names a neighbourhood the book does not have, and borough-wide, which is none', () => {
    expect(problems(GOOD.replace('[oakmere]', '[oakmere, nowhere, borough-wide]'))).toEqual([
      expect.stringMatching(/^11:31 shards\[1\]\.neighbourhoods\[1\] — "nowhere" is not a neighbourhood of the book/),
      expect.stringMatching(/^11:40 shards\[1\]\.neighbourhoods\[2\] — borough-wide is not a neighbourhood: /),
    ]);
    // Without the book's neighbourhoods, only what the file says alone is checked.
    expect(problems(GOOD.replace('[oakmere]', '[nowhere]'), null)).toEqual([]);
  });

  it('refuses a whole_area that is no shard, an id or address used twice, the region address as a shard', () => {
    const text = GOOD.replace('whole_area: north', 'whole_area: east')
      .replace('id: south', 'id: north')
      .replace('https://south.kestrelvale.example', 'https://North.kestrelvale.example/');
    expect(problems(text)).toEqual([
      '2:13 whole_area — whole_area names "east", which is not a shard. Fix: use one of north.',
      '8:9 shards[1].id — The shard id "north" is used twice (shard 1 has it too). Fix: give each shard its own id.',
      '10:10 shards[1].url — The address https://North.kestrelvale.example/ is listed twice (shard 1, "north", has it too). Fix: give each shard its own address.',
    ]);
    expect(
      problems(GOOD.replace('https://south.kestrelvale.example', 'https://directory.kestrelvale.example')),
    ).toEqual([
      "10:10 shards[1].url — The address https://directory.kestrelvale.example is the region's own (url: at the top). Fix: give the shard an address of its own.",
    ]);
  });

  it('needs a shard with a neighbourhood, slug ids, http(s) addresses and no unknown field', () => {
    expect(problems('url: https://a.example.org\nwhole_area: x\nshards: []\n')).toEqual([
      '3:9 shards — A book in shards needs at least one shard. Fix: list them under shards:.',
    ]);
    const text = GOOD.replace('id: south', 'id: South Side')
      .replace('https://south.kestrelvale.example', 'javascript:alert(1)')
      .replace('[oakmere]', '[oakmere]\n    colour: red');
    expect(problems(text)).toEqual([
      '8:9 shards[1].id — A shard id is lower-case words joined by hyphens, e.g. north.',
      expect.stringMatching(/^10:10 shards\[1\]\.url — url must be an http\(s\) address/),
      expect.stringMatching(/^12:5 shards\[1\]\.colour — /),
    ]);
  });
});

describe('npm run validate and shards.yaml', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'book-shards-'));
  cpSync(join(ROOT, 'tests/fixtures/fork-book'), dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const validate = (...files: string[]) => {
    const r = spawnSync(process.execPath, ['scripts/lib/bundled.mjs', 'scripts/content/validate.ts', ...files], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BOOK_CONTENT: dir, GITHUB_ACTIONS: '' },
    });
    return { code: r.status, out: r.stdout + r.stderr };
  };
  const file = join(dir, 'shards.yaml');

  it('passes a book with a good one', () => {
    writeFileSync(file, GOOD);
    expect(validate()).toMatchObject({ code: 0 });
  });

  it("checks it against the book's own neighbourhoods, with the whole book and when named", () => {
    writeFileSync(file, GOOD.replace('[oakmere]', '[oak-mere]'));
    for (const r of [validate(), validate(file)]) {
      expect(r.code).toBe(1);
      expect(r.out).toContain(`${relative(ROOT, file)}:3:1 shards — The neighbourhood "oakmere" is in no shard`);
      expect(r.out).toContain(
        `${relative(ROOT, file)}:11:22 shards[1].neighbourhoods[0] — "oak-mere" is not a neighbourhood`,
      );
    }
  });
});
