/**
 * The prefilled links round-trip: decoding a link gives back exactly what was put in, and the
 * new-file link for a volunteer's entry decodes to a file that passes the validator.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolve } from 'node:path';
import {
  MAX_URL_LENGTH,
  editUrl,
  issueUrl,
  newFileUrl,
  parseRepository,
  readEditUrl,
  readIssueUrl,
  readNewFileUrl,
  reportProblemUrl,
} from '../../../src/lib/authoring/github-urls';
import { draftToFile, emptyDraft, type EntryDraft } from '../../../src/lib/authoring/entry-draft';
import { validateEntryText } from '../../../src/lib/validate';
import { loadContext } from '../../../src/server/content-files';

const REPO = 'https://github.com/community-book/community-book';
const ctx = loadContext(resolve('tests/fixtures/book'));

/** A complete draft, as a volunteer fills in the form. */
function sampleDraft(): EntryDraft {
  const d = emptyDraft('2026-03-14');
  Object.assign(d, {
    name: "St Mary's Carers' Café: tea & talk",
    summary: 'A cuppa, cake and a chat for carers, with advice on hand — "no need to book".',
    organisation: 'Leigh Carers # Centre',
    categories: ['carers', 'lunch-clubs'],
    neighbourhoods: ['leigh'],
    join: ['drop-in', 'self-referral'],
    cost: 'paid',
    amounts: [{ amount: '£2.50', description: 'per session' }],
    costNote: 'First visit free',
    accessibility: ['step-free'],
    languages: ['en', 'pl'],
    venues: [
      {
        name: 'Leigh Library',
        address: 'Turnpike Centre, Civic Square',
        town: 'Leigh',
        postcode: 'wn7 1eb',
        lat: '53.4975',
        lng: '-2.5157',
      },
    ],
    schedules: [
      {
        kind: 'weekly',
        days: ['tue'],
        every: '2',
        weeks: [],
        dates: '',
        start: '10:00',
        end: '11:30',
        from: '',
        until: '',
        note: 'Not on bank holidays',
      },
      {
        kind: 'monthly',
        days: ['fri'],
        every: '2',
        weeks: ['last'],
        dates: '',
        start: '18:00',
        end: '20:00',
        from: '',
        until: '',
        note: '',
      },
      {
        kind: 'every',
        days: ['thu'],
        every: '2',
        weeks: [],
        dates: '',
        start: '',
        end: '',
        from: '2026-01-08',
        until: '2026-07-16',
        note: '',
      },
      {
        kind: 'dates',
        days: [],
        every: '2',
        weeks: [],
        dates: '2026-12-12, 2026-12-19',
        start: '12:00',
        end: '',
        from: '',
        until: '',
        note: '',
      },
    ],
    contacts: [{ name: 'Café organiser', phone: '01942 404040', email: 'tea@example.org' }],
    website: 'https://example.org/cafe?x=1&y=2#top',
    description:
      'Come along for tea & cake.\n\n- Bring a friend\n- [Our site](https://example.org/cafe)\n\n100% welcoming; 50 + 50 = 100.',
    verifiedBy: 'Leigh neighbourhood team',
  });
  return d;
}

describe('parseRepository', () => {
  it('reads owner and repository, with or without .git and a trailing slash', () => {
    for (const url of [REPO, `${REPO}/`, `${REPO}.git`]) {
      expect(parseRepository(url)).toEqual({
        origin: 'https://github.com',
        owner: 'community-book',
        repo: 'community-book',
      });
    }
    expect(parseRepository('https://github.example.org/council/book')?.origin).toBe('https://github.example.org');
  });
  it('refuses anything else', () => {
    for (const url of [
      '',
      'github.com/a/b',
      'javascript:alert(1)//a/b',
      'https://github.com/a',
      'https://github.com/a/b/c',
      'https://github.com/a/b%20c',
    ]) {
      expect(parseRepository(url)).toBeUndefined();
    }
  });
});

describe('newFileUrl', () => {
  it("opens GitHub's new-file page for content/entries/<id>.md", () => {
    const link = newFileUrl({ repository: REPO, branch: 'main', id: 'leigh-knit', content: '---\nname: x\n---\n' });
    expect(link.fits).toBe(true);
    expect(link.filename).toBe('content/entries/leigh-knit.md');
    expect(link.url).toBe(
      `${REPO}/new/main?filename=content%2Fentries%2Fleigh-knit.md&value=---%0Aname%3A%20x%0A---%0A`,
    );
  });

  it("round-trips a volunteer's entry to a file that passes the validator", () => {
    const file = draftToFile(sampleDraft());
    expect(file.id).toBe('st-marys-carers-cafe-tea-and-talk');
    expect(validateEntryText(file.text, file.path, ctx, { today: '2026-03-20' })).toEqual([]);
    const link = newFileUrl({ repository: REPO, branch: 'main', id: file.id, content: file.text });
    expect(link.fits).toBe(true);
    const back = readNewFileUrl(link.url)!;
    expect(back.filename).toBe(file.path);
    expect(back.branch).toBe('main');
    expect(back.repository).toEqual({ origin: 'https://github.com', owner: 'community-book', repo: 'community-book' });
    expect(back.value).toBe(file.text);
    expect(validateEntryText(back.value!, back.filename, ctx, { today: '2026-03-20' })).toEqual([]);
  });

  it('round-trips any text exactly (lone surrogates aside, which become U+FFFD)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.constantFrom('main', 'gh-pages', 'release/2026'),
        (content, branch) => {
          const link = newFileUrl({ repository: REPO, branch, id: 'x', content, maxLength: Infinity });
          const back = readNewFileUrl(link.url)!;
          expect(back.value).toBe(content);
          expect(back.branch).toBe(branch);
          expect(link.url).not.toMatch(/[\s<>"]/);
        },
      ),
    );
    const lone = newFileUrl({ repository: REPO, branch: 'main', id: 'x', content: 'a\ud800b' });
    expect(readNewFileUrl(lone.url)!.value).toBe('a\ufffdb');
  });

  it('says when the content is too long for a link, and then links to the empty page with the file name', () => {
    const content = `---\nname: x\n---\n${'A long description. '.repeat(600)}`;
    const link = newFileUrl({ repository: REPO, branch: 'main', id: 'long', content });
    expect(link.fits).toBe(false);
    expect(link.length).toBeGreaterThan(MAX_URL_LENGTH);
    expect(link.url.length).toBeLessThan(200);
    const back = readNewFileUrl(link.url)!;
    expect(back.filename).toBe('content/entries/long.md');
    expect(back.value).toBeUndefined();
    // Exactly at the limit still fits.
    const exact = newFileUrl({ repository: REPO, branch: 'main', id: 'x', content: 'abc' });
    expect(
      newFileUrl({ repository: REPO, branch: 'main', id: 'x', content: 'abc', maxLength: exact.length }).fits,
    ).toBe(true);
    expect(
      newFileUrl({ repository: REPO, branch: 'main', id: 'x', content: 'abc', maxLength: exact.length - 1 }).fits,
    ).toBe(false);
  });
});

describe('editUrl and issue links', () => {
  it('edit link opens the entry file on the branch', () => {
    const url = editUrl({ repository: `${REPO}/`, branch: 'main', id: 'hindley-health-walks' });
    expect(url).toBe(`${REPO}/edit/main/content/entries/hindley-health-walks.md`);
    expect(readEditUrl(url)).toEqual({ branch: 'main', id: 'hindley-health-walks' });
    expect(readEditUrl(editUrl({ repository: REPO, branch: 'release/2026', id: 'a' }))).toEqual({
      branch: 'release/2026',
      id: 'a',
    });
  });

  it('report-a-problem link fills in the entry id of the change-a-group form', () => {
    const url = reportProblemUrl({ repository: REPO, id: 'leigh-lunch-club', name: 'Leigh Lunch & Chat #1' });
    expect(url.startsWith(`${REPO}/issues/new?`)).toBe(true);
    expect(readIssueUrl(url)).toEqual({
      template: 'change-a-group.yml',
      title: 'Change: Leigh Lunch & Chat #1',
      fields: { entry: 'leigh-lunch-club' },
    });
  });

  it('issue links round-trip any field values and leave out empty ones', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (title, entry) => {
        const url = issueUrl({ repository: REPO, template: 'closed', title, fields: { entry, until: '' } });
        const back = readIssueUrl(url)!;
        expect(back.template).toBe('group-closed.yml');
        expect(back.title ?? '').toBe(title);
        expect(back.fields).toEqual(entry ? { entry } : {});
      }),
    );
  });

  it('readers refuse links of another kind', () => {
    expect(readNewFileUrl(`${REPO}/edit/main/content/entries/a.md`)).toBeUndefined();
    expect(readEditUrl(`${REPO}/new/main?filename=a`)).toBeUndefined();
    expect(readIssueUrl(`${REPO}/issues/new`)).toBeUndefined();
    expect(readIssueUrl('not a url')).toBeUndefined();
  });
});
