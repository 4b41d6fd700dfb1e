import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { loadContext } from '../../../src/server/content-files';
import {
  closest,
  escapeData,
  escapeProperty,
  formatProblem,
  githubAnnotation,
  isImpossibleYamlTimestamp,
  summarise,
  validateBook,
  validateDataFile,
  validateEntryText,
  type Problem,
} from '../../../src/lib/validate';
import { makeEntrySchema, neighbourhoodSchema, siteSchema, taxonomySchema } from '../../../src/schema';

const ROOT = resolve(__dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures');
const BOOK = join(FIXTURES, 'book');
const VALID = join(FIXTURES, 'entries/valid');
const INVALID = join(FIXTURES, 'entries/invalid');
const DUPLICATES = join(FIXTURES, 'entries/duplicates');
const ctx = loadContext(BOOK);
/** A fixed "today", so fixtures never go stale. */
const TODAY = '2026-10-01';

interface Expected {
  line: number;
  column: number;
  field: string;
  contains: string;
  severity?: 'error' | 'warning';
}

const read = (path: string) => readFileSync(path, 'utf8');
const mdFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();
const check = (text: string, name = 'hindley-health-walks.md', today = TODAY) =>
  validateEntryText(text, name, ctx, { today });
const errors = (ps: Problem[]) => ps.filter((p) => p.severity === 'error');

function expectProblems(actual: Problem[], expected: Expected[], label: string) {
  const shown = actual.map(formatProblem).join('\n');
  expect(actual.length, `${label}: got\n${shown}`).toBe(expected.length);
  expected.forEach((e, i) => {
    const p = actual[i];
    expect(
      { line: p.line, column: p.column, field: p.field, severity: p.severity },
      `${label} #${i}: got\n${shown}`,
    ).toEqual({
      line: e.line,
      column: e.column,
      field: e.field,
      severity: e.severity ?? 'error',
    });
    expect(p.message, `${label} #${i}`).toContain(e.contains);
  });
}

const base = read(join(INVALID, '../valid/hindley-health-walks.md'));

// -------------------------------------------------------------------------------------------

describe('the fixture corpus', () => {
  const expected: Record<string, Expected[]> = JSON.parse(read(join(INVALID, 'expected.json')));

  it('pairs every invalid fixture with its expected problems', () => {
    expect(mdFiles(INVALID)).toEqual(Object.keys(expected).sort());
  });

  for (const file of mdFiles(INVALID)) {
    it(`invalid/${file} yields exactly its expected problems`, () => {
      expectProblems(check(read(join(INVALID, file)), file), expected[file] ?? [], file);
    });
  }

  it('finds the same problems without positions, front-matter ones at line 1, column 1 (positions: false)', () => {
    const key = (p: Problem) => `${p.severity} ${p.field} ${p.message}`;
    let unplaced = 0;
    for (const file of mdFiles(INVALID)) {
      const text = read(join(INVALID, file));
      const placed = validateEntryText(text, file, ctx, { today: TODAY });
      const quick = validateEntryText(text, file, ctx, { today: TODAY, positions: false });
      expect(quick.map(key).sort(), file).toEqual(placed.map(key).sort());
      for (const p of quick)
        if (!placed.some((q) => key(q) === key(p) && q.line === p.line && q.column === p.column)) {
          expect({ line: p.line, column: p.column }, `${file} ${key(p)}`).toEqual({ line: 1, column: 1 });
          unplaced++;
        }
    }
    expect(unplaced).toBeGreaterThan(10);
  });

  for (const file of mdFiles(VALID)) {
    it(`valid/${file} has no problems`, () => {
      expect(check(read(join(VALID, file)), file).map(formatProblem)).toEqual([]);
    });
  }

  it('covers every schedule kind, several venues, online-only and borough-wide among the valid entries', () => {
    const all = mdFiles(VALID).map((f) => read(join(VALID, f)));
    expect(all.some((t) => /weekly: \[/.test(t))).toBe(true);
    expect(all.some((t) => /every: 2/.test(t))).toBe(true);
    expect(all.some((t) => /monthly: \[/.test(t))).toBe(true);
    expect(all.some((t) => /dates: \[/.test(t))).toBe(true);
    expect(all.some((t) => (t.match(/^ {2}- name:/gm) ?? []).length >= 2)).toBe(true);
    expect(all.some((t) => /delivery: \[online\]/.test(t) && !/venues:/.test(t))).toBe(true);
    expect(all.some((t) => /neighbourhoods: \[borough-wide\]/.test(t))).toBe(true);
  });

  it('reports duplicate ids ignoring case, on both files', () => {
    const dupExpected: Record<string, Expected[]> = JSON.parse(read(join(DUPLICATES, 'expected.json')));
    const files = Object.keys(dupExpected).map((path) => ({ path, text: read(join(DUPLICATES, path)) }));
    const problems = validateBook(files, ctx, { today: TODAY });
    for (const path of Object.keys(dupExpected)) {
      expectProblems(
        problems.filter((p) => p.file === path),
        dupExpected[path],
        path,
      );
    }
    expect(problems.find((p) => p.file === 'b/christmas-lunch.md')!.message).toBe(
      'The id `christmas-lunch` is used by another file too (`a/Christmas-Lunch.md`); ids must be unique, ignoring capital letters. Fix: rename one of the files, or merge them if they are the same group.',
    );
  });

  it('checks duplicates against files that are only listed, reporting on the checked ones', () => {
    const problems = validateBook([{ path: 'entries/walk.md', text: base }], ctx, {
      today: TODAY,
      otherPaths: ['entries/Walk.md', 'entries/walk.md'],
    });
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual(['entries/walk.md id']);
    expect(problems[0].message).toContain('`entries/Walk.md`');
  });
});

// -------------------------------------------------------------------------------------------

describe('line endings and invisible characters', () => {
  const expected: Record<string, Expected[]> = JSON.parse(read(join(INVALID, 'expected.json')));

  it('accepts CRLF line endings: valid entries stay valid', () => {
    for (const file of mdFiles(VALID)) {
      const crlf = read(join(VALID, file)).replace(/\r?\n/g, '\r\n');
      expect(check(crlf, file).map(formatProblem), file).toEqual([]);
    }
  });

  it('keeps every position right with CRLF line endings', () => {
    for (const file of mdFiles(INVALID)) {
      const crlf = read(join(INVALID, file)).replace(/\r?\n/g, '\r\n');
      expectProblems(check(crlf, file), expected[file], `${file} (CRLF)`);
    }
  });

  it('reports a stray CR (old Mac line ending) at its line, and keeps later positions', () => {
    const text = base
      .replace('summary: Friendly', 'summary:\r Friendly')
      .replace('    end: "11:00"', '    end: "09:00"');
    const ps = check(text);
    expect(ps.map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual(['3:9 file', '22:10 schedules[0].end']);
    expect(ps[0].message).toBe(
      'This line contains a stray carriage-return character (an old Mac line ending). Fix: save the file with normal line endings (LF, or CRLF).',
    );
  });

  it('reports a BOM at 1:1 and still checks the rest', () => {
    const ps = check(`\ufeff${base.replace('categories: [walking, social-connection]', 'categories: [knitting]')}`);
    expect(ps.map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual(['1:1 file', '5:14 categories[0]']);
    expect(ps[0].message).toBe('The file starts with an invisible byte-order mark. Fix: save it as UTF-8 without BOM.');
  });
});

// -------------------------------------------------------------------------------------------

describe('front matter', () => {
  it('explains blank lines before the opening ---', () => {
    const ps = check(`\n\n${base}`);
    expect(ps).toHaveLength(1);
    expect(ps[0].message).toBe(
      'The file starts with a blank line; the `---` that opens the front matter must be the very first line. Fix: delete the blank lines above `---`.',
    );
  });

  it('rejects TOML front matter and a wrong number of hyphens', () => {
    expect(check('+++\nname = "x"\n+++\n')[0].message).toContain('TOML');
    expect(check(base.replace(/^---/, '----'))[0].message).toContain('exactly three hyphens');
  });

  it('reports a closing line that is not just ---', () => {
    const ps = check(base.replace('\n---\nMeet', '\n--- the end\nMeet'));
    expect(ps.map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual(['30:1 front matter']);
    expect(ps[0].message).toContain('should end with a line of just `---`');
    // Astro ends the front matter at a line starting with +++ too.
    expect(
      check(base.replace('join: [drop-in]', '+++ join: [drop-in]')).map((p) => `${p.line}:${p.column} ${p.field}`),
    ).toEqual(['7:1 front matter']);
  });

  it('reports empty front matter and front matter that is not fields', () => {
    expect(check('---\n---\nHello\n')[0].message).toContain('The front matter is empty');
    expect(check('---\n- a\n- b\n---\nHello\n')[0].message).toContain('is not a set of `field: value` lines');
    expect(check('---\njust text\n---\nHello\n')[0].message).toContain('is not a set of `field: value` lines');
  });

  it('gives friendly YAML syntax messages at js-yaml’s position, on file lines', () => {
    // An unclosed quote or list is reported where it opens, not where the parser gave up.
    const unclosed = check(base.replace('summary: Friendly led walks', 'summary: "Friendly led walks'));
    expect(unclosed.map((p) => `${p.line}:${p.column} ${p.field} ${p.message}`)).toEqual([
      '3:10 summary The front matter is not valid YAML: the quote (") that starts here is not closed. Fix: add the closing " at the end of the value.',
    ]);
    const list = check(
      base.replace('categories: [walking, social-connection]', 'categories: [walking, social-connection'),
    );
    expect(list.map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual(['5:13 categories']);
    expect(list[0].message).toContain('the list opened with [ here is not closed');
    const colon = check(base.replace(/^summary: .*$/m, 'summary: Meet at 10: bring boots'));
    expect(colon.map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual(['3:20 summary']);
    expect(colon[0].message).toContain('Fix: put the whole value in double quotes');
    const indent = check(base.replace('organisation: Wigan', '   organisation: Wigan'));
    expect(indent.map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual(['4:16 organisation']);
    expect(indent[0].message).toContain('bad indentation');
  });

  it('never runs YAML tags: !!js types are unknown tags', () => {
    const ps = check(base.replace('name: Hindley Health Walks', 'name: !!js/function "function () { return 1 }"'));
    expect(ps).toHaveLength(1);
    expect(ps[0].message).toContain('unknown tag');
    expect(ps[0].message).toContain('`!` starts a YAML tag');
  });

  it('survives alias bombs and self-referencing aliases', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    const ps = check(`---\n${bomb.join('\n')}\n---\n`);
    expect(ps.map((p) => p.message)).toEqual([expect.stringContaining('too big or too deeply nested')]);
    const loop = check('---\nname: &a [*a]\n---\n');
    expect(loop.map((p) => p.message)).toEqual([expect.stringContaining('too big or too deeply nested')]);
  });

  it('reports every duplicated key, naming it', () => {
    const ps = check(
      base.replace('join: [drop-in]', 'join: [drop-in]\nsummary: Again\nwebsite: https://a.example.org'),
    );
    expect(ps.map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual(['8:1 summary', '29:1 website']);
    expect(ps[0].message).toBe(
      'The field `summary` appears twice (lines 3 and 8). Fix: keep one of them and delete the other.',
    );
  });

  it('reports tab indentation on each line, with the column of the tab', () => {
    const ps = check(
      base
        .replace('    address: Market Street', '  \taddress: Market Street')
        .replace('    town: Hindley', '\ttown: Hindley'),
    );
    expect(ps.map((p) => `${p.line}:${p.column}`)).toEqual(['14:3', '15:1']);
    expect(ps[0].message).toBe('Line 14 is indented with a tab. Fix: use spaces to indent (YAML does not allow tabs).');
  });
});

// -------------------------------------------------------------------------------------------

describe('schema problems in plain words', () => {
  it('takes `reopens` only with a temporary closure, on its own line', () => {
    expect(
      check(base.replace('join: [drop-in]', 'join: [drop-in]\nstatus: temporarily-closed\nreopens: 2027-01-05')),
    ).toEqual([]);
    const [p] = check(base.replace('join: [drop-in]', 'join: [drop-in]\nreopens: 2027-01-05'));
    expect(p).toMatchObject({ field: 'reopens', severity: 'error' });
    expect(p.message).toBe(
      '`reopens` only goes with `status: temporarily-closed`. Fix: set the status, or remove the `reopens` line.',
    );
    expect(p.line).toBe(base.split('\n').findIndex((l) => l.startsWith('join:')) + 2);
  });
  it('pins the unknown-field, slug, missing and file-name messages', () => {
    expect(check(base.replace('join: [drop-in]', 'join: [drop-in]\nsumary: x')).map((p) => p.message)).toEqual([
      'Unknown field `sumary`. Fix: remove it or check the spelling — did you mean `summary`?',
    ]);
    expect(check(base.replace('join: [drop-in]', 'join: [drop-in]\nslug: x'))[0].message).toBe(
      "The field `slug` is not allowed: an entry's id and web address come from its file name. Fix: delete the `slug` line; to change the address, rename the file.",
    );
    expect(check(base.replace(/^summary: .*\n/m, ''))[0].message).toBe(
      '`summary` is missing. Fix: add `summary: Friendly led walks of about an hour at a gentle pace.`.',
    );
    expect(check(base, 'Hindley Walks!.md')[0].message).toBe(
      'The file name `Hindley Walks!.md` is not a valid id: it becomes the page address, so use only lower-case letters, digits and single hyphens. Fix: rename it to `hindley-walks.md`.',
    );
  });

  it('reports one problem per unknown key, each at its own line, with suggestions inside lists too', () => {
    const text = base
      .replace('join: [drop-in]', 'join: [drop-in]\nTitle: x\nfacebook: https://fb.example.org')
      .replace('    postcode: WN2 3AN', '    postcode: WN2 3AN\n    postal_code: WN2 3AN');
    const ps = check(text);
    expect(ps.map((p) => `${p.line}:${p.column} ${p.field} ${p.message.split(' — ')[1] ?? '-'}`)).toEqual([
      '8:1 Title did you mean `name`?',
      '9:1 facebook -',
      '19:5 venues[0].postal_code did you mean `postcode`?',
    ]);
  });

  it('says a field is missing or empty whatever its type (dates and times accept several kinds)', () => {
    expect(check(base.replace(/^last_verified: .*\n/m, '')).map(formatProblem)).toEqual([
      'hindley-health-walks.md:1:1 last_verified — `last_verified` is missing. Fix: add `last_verified: 2026-03-14`.',
    ]);
    expect(check(base.replace(/^last_verified: .*$/m, 'last_verified:')).map(formatProblem)).toEqual([
      'hindley-health-walks.md:28:1 last_verified — `last_verified` is empty. Fix: fill it in, e.g. `last_verified: 2026-03-14`.',
    ]);
    expect(check(base.replace(/^ {4}start: .*$/m, '    start:')).map(formatProblem)).toEqual([
      'hindley-health-walks.md:21:5 schedules[0].start — `start` is empty. Fix: fill it in, e.g. `start: "10:00"`, or delete the line.',
    ]);
  });

  it('points a missing field inside a list item at the item', () => {
    const ps = check(base.replace('    postcode: WN2 3AN\n', ''));
    expect(ps.map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual(['13:5 venues[0].postcode']);
    expect(ps[0].message).toBe('`postcode` is missing. Fix: add `postcode: WN2 3AN`.');
  });

  it('says what kind of value was expected', () => {
    const ps = check(
      base.replace('  free: true', '  free: "yes"').replace('last_verified: 2026-09-14', 'last_verified: [2026, 9]'),
    );
    expect(ps.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'cost.free: `free` must be true or false.',
      'last_verified: `last_verified` has the wrong kind of value (a list). Fix: write it like `last_verified: 2026-03-14`.',
    ]);
  });

  it('explains an empty list in words', () => {
    const ps = check(base.replace('join: [drop-in]', 'join: [drop-in]\ndelivery: []'));
    expect(ps.map((p) => p.message)).toEqual([
      '`delivery` is an empty list. Fix: add at least 1, e.g. `delivery: [in-person]`.',
      'It has a venue but is not delivered in person. Fix: add `in-person` to delivery.',
    ]);
  });

  it('catches impossible unquoted dates that js-yaml rolls over, and quoted ones', () => {
    for (const [date, note] of [
      ['2026-02-30', 'rolls to 2 March'],
      ['2026-04-31', 'rolls to 1 May'],
      ['2026-00-10', 'month 0'],
      ['2026-02-29', 'not a leap year'],
    ]) {
      const ps = check(base.replace('last_verified: 2026-09-14', `last_verified: ${date}`));
      expect(
        ps.map((p) => `${p.line}:${p.column} ${p.field}`),
        note,
      ).toEqual(['28:16 last_verified']);
      expect(ps[0].message).toBe(
        `${date} is not a real date (check the day and month). Fix: write a date that exists, e.g. 2026-03-14.`,
      );
    }
    expect(check(base.replace('last_verified: 2026-09-14', 'last_verified: 2024-02-29'), 'x.md', '2024-10-01')).toEqual(
      [],
    );
    expect(check(base.replace('last_verified: 2026-09-14', 'last_verified: "2026-02-30"'))[0].message).toContain(
      '2026-02-30 is not a real date',
    );
    // A date inside quoted text is just text.
    expect(check(base.replace('Not on bank holidays', '"Not on 2026-02-30"'))).toEqual([]);
  });

  it('recognises timestamps js-yaml would roll over', () => {
    expect(isImpossibleYamlTimestamp('2026-03-14T25:00:00')).toBe(true);
    expect(isImpossibleYamlTimestamp('2026-3-32 10:00:00')).toBe(true);
    expect(isImpossibleYamlTimestamp('2026-03-14T10:00:00Z')).toBe(false);
    expect(isImpossibleYamlTimestamp('2026-02-30')).toBe(true);
    expect(isImpossibleYamlTimestamp('2026-3-1')).toBe(false);
  });

  it('suggests near field names', () => {
    expect(closest('catgories', ['categories', 'name'])).toBe('categories');
    expect(closest('xyz', ['categories', 'name'])).toBeUndefined();
  });
});

// -------------------------------------------------------------------------------------------

describe('warnings', () => {
  it('warns when last_verified is older than staleMonths', () => {
    const ps = check(base, 'hindley-health-walks.md', '2027-11-20');
    expect(ps).toEqual([
      {
        file: 'hindley-health-walks.md',
        line: 28,
        column: 16,
        field: 'last_verified',
        severity: 'warning',
        message:
          'These details were verified 14 months ago (2026-09-14); entries are due for a check every 12 months. Fix: ask the group to confirm the details are still right, then set last_verified to the date you checked.',
      },
    ]);
    expect(validateEntryText(base, 'x.md', ctx, { today: '2027-11-20', staleMonths: 18 })).toEqual([]);
    // A day short of twelve months is not yet stale; exactly twelve months is (as on entry pages).
    expect(check(base, 'x.md', '2027-09-13')).toEqual([]);
    expect(check(base, 'x.md', '2027-09-14').map((p) => p.severity)).toEqual(['warning']);
    // warnings: false (the build's --quiet run) skips them, and still reports errors.
    expect(validateEntryText(base, 'x.md', ctx, { today: '2027-11-20', warnings: false })).toEqual([]);
    const broken = base.replace('name: ', 'colour: green\nname: ');
    expect(
      validateEntryText(broken, 'x.md', ctx, { today: '2027-11-20', warnings: false }).map((p) => [
        p.field,
        p.severity,
      ]),
    ).toEqual([['colour', 'error']]);
  });

  it('warns about contacts that look personal, and not about the group’s own', () => {
    const text = base.replace(
      '  - name: Walk leader\n    phone: "01942 123456"',
      '  - name: Jo\n    phone: "07700 900123"\n  - phone: "+44 7700 900456"\n    email: jo.bloggs@gmail.com\n  - email: walks@hotmail.co.uk\n  - email: hello@outlook-walks.example.org\n    phone: "01942 123456"',
    );
    const ps = check(text);
    expect(ps.map((p) => `${p.line}:${p.column} ${p.field} ${p.severity}`)).toEqual([
      '26:12 contacts[0].phone warning',
      '27:12 contacts[1].phone warning',
      '28:12 contacts[1].email warning',
      '29:12 contacts[2].email warning',
    ]);
    expect(ps[0].message).toBe(
      '"07700 900123" is a mobile number, so it looks like a personal contact; use the group\'s own where possible, and make sure the person agreed to publish it.',
    );
    expect(ps[2].message).toContain(
      'jo.bloggs@gmail.com is a personal email service, so it looks like a personal contact',
    );
  });
});

// -------------------------------------------------------------------------------------------

describe('settings files', () => {
  it('accepts the fixture book’s own files', () => {
    expect(validateDataFile(read(join(BOOK, 'site.yaml')), 'site.yaml', siteSchema)).toEqual([]);
    expect(validateDataFile(read(join(BOOK, 'categories.yaml')), 'categories.yaml', taxonomySchema)).toEqual([]);
    for (const f of readdirSync(join(BOOK, 'neighbourhoods'))) {
      expect(validateDataFile(read(join(BOOK, 'neighbourhoods', f)), f, neighbourhoodSchema)).toEqual([]);
    }
  });

  it('reports settings problems with file, line and field', () => {
    const site = read(join(BOOK, 'site.yaml'))
      .replace('zoom: 11', 'zoom: 30')
      .replace('branch: main', 'branch: main\nbrnach: x');
    expect(validateDataFile(site, 'site.yaml', siteSchema).map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual([
      '11:9 map.zoom',
      '16:1 brnach',
    ]);
    const cats = read(join(BOOK, 'categories.yaml')).replace('parent: health-and-wellbeing', 'parent: nowhere');
    const ps = validateDataFile(cats, 'categories.yaml', taxonomySchema);
    expect(ps.map((p) => `${p.line}:${p.column} ${p.field} ${p.message}`)).toEqual([
      '6:11 [1].parent Parent "nowhere" is not a category.',
    ]);
  });
});

// -------------------------------------------------------------------------------------------

describe('output formats', () => {
  const p: Problem = {
    file: 'content/entries/a,b.md',
    line: 3,
    column: 7,
    field: 'venues[0].lat',
    message: '100% wrong\r\nreally',
    severity: 'error',
  };

  it('prints path:line:column field — message', () => {
    expect(formatProblem(p)).toBe('content/entries/a,b.md:3:7 venues[0].lat — 100% wrong\r\nreally');
    expect(formatProblem({ ...p, severity: 'warning' })).toBe(
      'warning: content/entries/a,b.md:3:7 venues[0].lat — 100% wrong\r\nreally',
    );
  });

  it('prints GitHub annotations with GitHub’s escaping', () => {
    expect(githubAnnotation(p)).toBe(
      '::error file=content/entries/a%2Cb.md,line=3,col=7,title=venues[0].lat::100%25 wrong%0D%0Areally',
    );
    expect(githubAnnotation({ ...p, field: 'a:b', severity: 'warning' })).toMatch(/^::warning file=.*,title=a%3Ab::/);
    expect(escapeData('%\r\n')).toBe('%25%0D%0A');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('summarises', () => {
    const w = { ...p, severity: 'warning' as const };
    expect(summarise(160, [p, p, { ...p, file: 'x.md' }, w])).toBe(
      'Checked 160 entries: 3 errors in 2 files, 1 warning.',
    );
    expect(summarise(1, [w, w])).toBe('Checked 1 entry: no errors, 2 warnings.');
    expect(summarise(0, [])).toBe('Checked 0 entries: no errors, no warnings.');
    // --quiet skips the warning checks, so the summary does not claim there were none.
    expect(summarise(160, [p], false)).toBe('Checked 160 entries: 1 error in 1 file.');
  });
});

// -------------------------------------------------------------------------------------------

describe('never throws', { timeout: 60_000 }, () => {
  const schema = makeEntrySchema(ctx);
  const wellFormed = (ps: Problem[]) => {
    expect(Array.isArray(ps)).toBe(true);
    for (const p of ps) {
      expect(Number.isInteger(p.line) && p.line >= 1).toBe(true);
      expect(Number.isInteger(p.column) && p.column >= 1).toBe(true);
      expect(typeof p.message).toBe('string');
      expect(p.message).not.toContain('The checker failed');
      expect(p.message).not.toContain('\u0000');
    }
  };
  const fragments = fc.constantFrom(
    '---\n',
    '---',
    '\n',
    '\r\n',
    '\r',
    '\ufeff',
    '\t',
    '  ',
    '- ',
    'name: ',
    'summary: ',
    'categories: [walking]\n',
    'neighbourhoods: [leigh]\n',
    'join: [drop-in]\n',
    'venues:\n  - name: x\n    lat: 53.5\n    lng: -2.5\n',
    'schedules:\n  - weekly: [tue]\n    start: "10:00"\n',
    'contacts:\n  - phone: 07700900123\n',
    'last_verified: ',
    '2026-02-30',
    '2026-13-45T99:99:99',
    '[',
    ']',
    '{',
    '}',
    '"',
    "'",
    ':',
    '#',
    '&a ',
    '*a',
    '!!js/function ',
    '!!binary ',
    '<<: *a\n',
    '? ',
    '|\n',
    '>-\n',
    '<script>',
    '](javascript:',
    '&#106;',
    '__proto__: ',
    'constructor: ',
    'null',
    '~',
    '0x1F',
    '.inf',
    'true',
    '\u202e',
    '\u0000',
    '😀',
    'x',
  );
  const frontMatterish = fc.array(fragments, { maxLength: 60 }).map((parts) => parts.join(''));
  const names = fc.oneof(fc.constant('entry.md'), fc.constant('Bad_Name.md'), fc.string({ maxLength: 20 }));

  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), names, (s, n) => wellFormed(validateEntryText(s, n, ctx))),
      { numRuns: 500 },
    );
  });

  it('on arbitrary full-Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => wellFormed(validateEntryText(s, 'x.md', ctx))),
      { numRuns: 500 },
    );
  });

  it('on strings built from front-matter fragments', () => {
    fc.assert(
      fc.property(frontMatterish, (s) => {
        wellFormed(validateEntryText(s, 'entry.md', ctx));
        wellFormed(validateEntryText(`---\n${s}\n---\n${s}`, 'entry.md', ctx));
      }),
      { numRuns: 1000 },
    );
  });

  it('on arbitrary bytes decoded as UTF-8', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        wellFormed(validateEntryText(Buffer.from(bytes).toString('utf8'), 'x.md', ctx));
        wellFormed(validateEntryText(`---\n${new TextDecoder().decode(bytes)}\n---\n`, 'x.md', ctx));
      }),
      { numRuns: 500 },
    );
  });

  it('on non-string input from careless callers', () => {
    for (const v of [undefined, null, 42, {}, [], Symbol('x')]) {
      expect(() => validateEntryText(v as never, v as never, ctx)).not.toThrow();
      expect(() => validateBook([{ path: v as never, text: v as never }], ctx)).not.toThrow();
    }
  });

  it('agrees with the build: no errors exactly when Astro’s parse and the schema accept the file', () => {
    const valid = mdFiles(VALID).map((f) => read(join(VALID, f)));
    const mutated = fc
      .tuple(
        fc.constantFrom(...valid),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fragments), { minLength: 1, maxLength: 3 }),
      )
      .map(([text, edits]) => {
        let t = text;
        for (const [at, del, frag] of edits) {
          const i = at % (t.length + 1);
          t = t.slice(0, i) + frag + t.slice(i + del);
        }
        return t;
      });
    fc.assert(
      fc.property(mutated, (text) => {
        const ours = errors(validateEntryText(text, 'entry.md', ctx, { today: TODAY }));
        let buildOk: boolean;
        try {
          const { frontmatter, content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
          buildOk = schema.safeParse(frontmatter).success && content.trim().length >= 0;
        } catch {
          buildOk = false;
        }
        // Whatever the build rejects, we report; when we report nothing, the build accepts it.
        if (!buildOk) expect(ours.length, text).toBeGreaterThan(0);
        if (ours.length === 0) expect(buildOk, text).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});

// -------------------------------------------------------------------------------------------

// Each run starts a process (about a second); give slow machines room.
describe('npm run validate', { timeout: 120_000 }, () => {
  let dir: string;
  const run = (args: string[], env: Record<string, string> = {}) => {
    // Exactly what `npm run validate` runs: the bundled script (scripts/lib/bundled.mjs).
    const r = spawnSync(process.execPath, ['scripts/lib/bundled.mjs', 'scripts/content/validate.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BOOK_CONTENT: dir, GITHUB_ACTIONS: '', ...env },
    });
    return { code: r.status, out: r.stdout, lines: r.stdout.trim().split('\n') };
  };
  const relEntry = (name: string) => relative(ROOT, join(dir, 'entries', name));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'book-'));
    cpSync(BOOK, dir, { recursive: true });
    mkdirSync(join(dir, 'entries'));
    for (const f of mdFiles(VALID)) cpSync(join(VALID, f), join(dir, 'entries', f));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 for a valid book', () => {
    const r = run([]);
    expect(r.code).toBe(0);
    expect(r.lines.at(-1)).toMatch(/^Checked 5 entries: no errors, (no warnings|\d+ warnings?)\.$/);
  });

  it('prints path:line:column field — message for each problem, and exits 1', () => {
    cpSync(join(INVALID, 'three-problems.md'), join(dir, 'entries', 'three-problems.md'));
    try {
      const r = run(['--quiet']);
      expect(r.code).toBe(1);
      const f = relEntry('three-problems.md');
      expect(r.lines.slice(0, 3)).toEqual([
        `${f}:7:1 colour — Unknown field \`colour\`. Fix: remove it or check the spelling.`,
        `${f}:17:10 schedules[0].end — The end time 08:00 is not after the start time 10:00. Fix: check the times (24-hour clock: 6pm is "18:00").`,
        `${f}:23:37 body — The link "javascript:void(0)" is not a web, email or phone link. Fix: use an address starting with https://, mailto: or tel:.`,
      ]);
      expect(r.lines).toHaveLength(4);
      // --quiet skips the warning checks, so the summary counts errors only.
      expect(r.lines.at(-1)).toBe('Checked 6 entries: 3 errors in 1 file.');
      // Just the named file; GitHub annotations on request.
      const g = run([f, '--quiet'], { GITHUB_ACTIONS: 'true' });
      expect(g.code).toBe(1);
      expect(g.lines).toContain(
        `::error file=${f},line=7,col=1,title=colour::Unknown field \`colour\`. Fix: remove it or check the spelling.`,
      );
      expect(g.lines.at(-1)).toBe('Checked 1 entry: 3 errors in 1 file.');
      // JSON.
      const j = run(['--json', f]);
      const parsed = JSON.parse(j.out);
      expect(j.code).toBe(1);
      expect(parsed.checked).toBe(1);
      expect(
        parsed.problems.filter((p: Problem) => p.severity === 'error').map((p: Problem) => [p.line, p.column, p.field]),
      ).toEqual([
        [7, 1, 'colour'],
        [17, 10, 'schedules[0].end'],
        [23, 37, 'body'],
      ]);
    } finally {
      rmSync(join(dir, 'entries', 'three-problems.md'));
    }
  });

  it('prints warnings with a warning: prefix, exits 0 for them, and hides them with --quiet', () => {
    const name = 'walks-with-jo.md';
    writeFileSync(
      join(dir, 'entries', name),
      base.replace('    phone: "01942 123456"', '    email: jo.walks@gmail.com'),
    );
    try {
      const r = run([]);
      expect(r.code).toBe(0);
      expect(r.lines).toContain(
        `warning: ${relEntry(name)}:26:12 contacts[0].email — jo.walks@gmail.com is a personal email service, so it looks like a personal contact; use the group's own where possible, and make sure the person agreed to publish it.`,
      );
      expect(r.lines.at(-1)).toMatch(/^Checked 6 entries: no errors, \d+ warnings?\.$/);
      expect(run(['--quiet'])).toMatchObject({ code: 0, out: '' });
    } finally {
      rmSync(join(dir, 'entries', name));
    }
  });

  it('checks a named file’s id against the whole folder', () => {
    const other = join(dir, 'Hindley-Health-Walks.md');
    writeFileSync(other, base);
    try {
      // Not in the entries folder itself: compared with it by id.
      const r = run([relative(ROOT, other), '--quiet']);
      expect(r.code).toBe(1);
      expect(
        r.lines.some(
          (l) => l.includes('is used by another file too') && l.includes(relEntry('hindley-health-walks.md')),
        ),
      ).toBe(true);
    } finally {
      rmSync(other);
    }
  });

  it('checks the settings files and reports their problems with file and field', () => {
    const hood = join(dir, 'neighbourhoods', 'leigh.yaml');
    const saved = read(hood);
    writeFileSync(hood, saved.replace('name: Leigh', 'name: Leigh\nnmae: Leigh'));
    try {
      const r = run(['--quiet']);
      expect(r.code).toBe(1);
      expect(r.lines[0]).toBe(
        `${relative(ROOT, hood)}:2:1 nmae — Unknown field \`nmae\`. Fix: remove it or check the spelling — did you mean \`name\`?`,
      );
    } finally {
      writeFileSync(hood, saved);
    }
  });
});

describe('npm run validate on a big book', { timeout: 180_000 }, () => {
  it('reports the same problems, every file checked once, when helper threads (started on the bundle) share the files', () => {
    // 6,000 generated entries plus every invalid fixture: enough work that a helper thread joins in.
    const dir = mkdtempSync(join(tmpdir(), 'book-big-'));
    try {
      const gen = spawnSync(
        'npx',
        ['tsx', 'scripts/content/generate.ts', '--count', '6000', '--out', dir, '--seed', '5'],
        {
          cwd: ROOT,
          encoding: 'utf8',
        },
      );
      expect(gen.status, gen.stderr).toBe(0);
      for (const f of mdFiles(INVALID)) cpSync(join(INVALID, f), join(dir, 'entries', f));
      const run = (env: Record<string, string>) =>
        spawnSync(process.execPath, ['scripts/lib/bundled.mjs', 'scripts/content/validate.ts', '--json'], {
          cwd: ROOT,
          encoding: 'utf8',
          maxBuffer: 256 * 1024 * 1024,
          env: { ...process.env, BOOK_CONTENT: dir, GITHUB_ACTIONS: '', ...env },
        });
      const alone = run({ BOOK_VALIDATE_HELPERS_FROM: '1000000' });
      const shared = run({ BOOK_VALIDATE_HELPERS_FROM: '2' });
      const a = JSON.parse(alone.stdout);
      expect(alone.status).toBe(1);
      expect(a.checked).toBe(6000 + mdFiles(INVALID).length);
      const invalidFiles = new Set(
        a.problems.filter((p: Problem) => p.severity === 'error').map((p: Problem) => p.file.split('/').pop()),
      );
      expect(invalidFiles.size).toBeGreaterThanOrEqual(mdFiles(INVALID).length - 1);
      expect(shared.status).toBe(1);
      expect(JSON.parse(shared.stdout)).toEqual(a);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
