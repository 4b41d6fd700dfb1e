import { describe, expect, it } from 'vitest';
import { mkdtempSync, cpSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  escapeMarkdown,
  formatStaleMarkdown,
  formatStaleText,
  staleEntries,
  whomToAsk,
  type StaleSource,
} from '../../../src/lib/book/stale-report';
import { isStale } from '../../../src/lib/book/stale';
import { parseArgs, report } from '../../../scripts/content/report-stale';

const entry = (id: string, last_verified: string, extra: Partial<StaleSource['data']> = {}): StaleSource => ({
  id,
  data: { name: id.replace(/-/g, ' '), last_verified, status: 'active', contacts: [], ...extra },
});

const book: StaleSource[] = [
  entry('fresh', '2026-01-10'),
  entry('just-due', '2025-03-14', {
    verified_by: 'Leigh team',
    contacts: [{ name: 'Organiser', phone: '01942 111111' }],
  }),
  entry('not-quite', '2025-03-15'),
  entry('oldest', '2023-06-01', { website: 'https://example.org/old', organisation: 'Old Org' }),
  entry('closed-one', '2022-01-01', { status: 'closed' }),
  entry('paused', '2024-02-02', { status: 'temporarily-closed', contacts: [{ email: 'hi@example.org' }] }),
  entry('b-same-day', '2024-05-05'),
  entry('a-same-day', '2024-05-05'),
];

describe('staleEntries', () => {
  const today = '2026-03-14';
  it('lists entries checked 12 or more months ago, oldest first, then by name', () => {
    expect(staleEntries(book, { today }).map((e) => e.id)).toEqual([
      'oldest',
      'paused',
      'a-same-day',
      'b-same-day',
      'just-due',
    ]);
  });
  it('uses the same test as the marker on entry pages', () => {
    for (const e of book) {
      const listed = staleEntries([e], { today, includeClosed: true }).length === 1;
      expect(listed).toBe(isStale(e.data.last_verified, today, 12));
    }
  });
  it('leaves closed groups out unless asked, and honours other periods', () => {
    expect(staleEntries(book, { today, includeClosed: true })[0].id).toBe('closed-one');
    expect(staleEntries(book, { today, months: 24 }).map((e) => e.id)).toEqual(['oldest', 'paused']);
    expect(staleEntries([], { today })).toEqual([]);
  });
  it('counts whole months', () => {
    const [e] = staleEntries([entry('x', '2024-03-15')], { today });
    expect(e.months).toBe(23);
  });
});

describe('whomToAsk', () => {
  const [oldest, paused, , , due] = staleEntries(book, { today: '2026-03-14' });
  it('names the contacts, the website and who checked it last', () => {
    expect(whomToAsk(due)).toEqual([
      { label: 'Organiser', ways: ['01942 111111'] },
      { label: 'Checked last time by', ways: ['Leigh team'] },
    ]);
    expect(whomToAsk(paused)).toEqual([{ label: 'Contact', ways: ['hi@example.org'] }]);
    expect(whomToAsk(oldest)).toEqual([{ label: 'Website', ways: ['https://example.org/old'] }]);
  });
  it('says so when there is no one to ask', () => {
    const [e] = staleEntries([entry('lonely', '2020-01-01')], { today: '2026-03-14' });
    expect(whomToAsk(e)[0].label).toBe('No contact details');
  });
});

describe('the report', () => {
  const opts = {
    today: '2026-03-14',
    months: 12,
    total: book.length,
    repository: 'https://github.com/o/r',
    branch: 'main',
  };
  const items = staleEntries(book, opts);

  it('as text: a headline, then each entry with the date, months and whom to ask', () => {
    const text = formatStaleText(items, opts);
    expect(text.split('\n')[0]).toBe(
      '5 entries of 8 were last checked 12 or more months ago (as of 2026-03-14). Oldest first.',
    );
    expect(text).toContain('2023-06-01  33 months ago  oldest (oldest)');
    expect(text).toContain('2024-02-02  25 months ago  paused (paused) [temporarily closed]');
    expect(text).toContain('    ask: Organiser: 01942 111111');
    expect(text.indexOf('oldest (oldest)')).toBeLessThan(text.indexOf('just due (just-due)'));
  });

  it('as Markdown: a task list with edit links', () => {
    const md = formatStaleMarkdown(items, opts);
    expect(md).toContain(
      '- [ ] **oldest** `oldest` · last checked 2023-06-01 (33 months ago) · [edit](https://github.com/o/r/edit/main/content/entries/oldest.md)',
    );
    expect(md).toContain('  - Website: <https://example.org/old>');
    expect(md.match(/^- \[ \]/gm)).toHaveLength(5);
  });

  it('says when nothing is due', () => {
    expect(formatStaleText([], opts)).toMatch(
      /^No entries are due for re-verification: all 8 entries were checked within the last 12 months/,
    );
  });

  it('keeps names from becoming Markdown, HTML, mentions or issue links', () => {
    const [e] = staleEntries(
      [
        entry('x', '2020-01-01', {
          name: '<img src=x onerror=alert(1)> **Big** [link](javascript:x) @everyone #12',
          contacts: [{ name: '@org/team', email: 'jo_smith@example.org' }],
        }),
      ],
      opts,
    );
    const md = formatStaleMarkdown([e], opts);
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).toContain('\\<img');
    expect(md).toContain('\\*\\*Big\\*\\*');
    expect(md).toContain('\\[link\\]\\(javascript:x\\)');
    expect(md).not.toMatch(/(^|\s)@everyone/);
    expect(md).not.toMatch(/(^|\s)#12/);
    expect(escapeMarkdown('a\nb')).toBe('a b');
    // Emails keep their @ (GitHub does not treat them as mentions).
    expect(md).toContain('@example.org');
  });

  it('lists at most `limit` entries and says how many more', () => {
    const many = Array.from({ length: 12 }, (_, i) => entry(`e${i}`, '2020-01-01'));
    const md = formatStaleMarkdown(staleEntries(many, opts), { ...opts, limit: 10 });
    expect(md.match(/^- \[ \]/gm)).toHaveLength(10);
    expect(md).toContain('…and 2 more. Run `npm run report:stale` for the full list.');
  });
});

describe('npm run report:stale', () => {
  it('reads a content folder and skips entries with errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stale-'));
    cpSync(resolve('tests/fixtures/book'), dir, { recursive: true });
    mkdirSync(join(dir, 'entries'), { recursive: true });
    cpSync(
      resolve('tests/fixtures/entries/valid/hindley-health-walks.md'),
      join(dir, 'entries/hindley-health-walks.md'),
    );
    writeFileSync(join(dir, 'entries/broken.md'), '---\nname: [\n---\n');
    const { out, skipped } = report({ format: 'markdown', includeClosed: false, today: '2028-01-01' }, dir);
    expect(skipped).toEqual(['broken']);
    expect(out).toContain('**Hindley Health Walks**');
    expect(out).toContain('1 entry was not read because it has errors');
    const json = JSON.parse(report({ format: 'json', includeClosed: false, today: '2026-10-01' }, dir).out);
    expect(json).toMatchObject({ today: '2026-10-01', months: 12, total: 1, due: [] });
  });

  it('reads its options', () => {
    expect(parseArgs(['--', '--markdown', '--months', '6', '--today=2026-01-02'])).toEqual({
      format: 'markdown',
      months: 6,
      today: '2026-01-02',
      includeClosed: false,
    });
    expect(parseArgs(['--months', 'x'])).toMatch(/whole number/);
    expect(parseArgs(['--today', '2026-1-2'])).toMatch(/YYYY-MM-DD/);
    expect(parseArgs(['--bogus'])).toMatch(/Unknown option/);
  });
});
