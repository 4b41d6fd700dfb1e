/**
 * Every calendar the site publishes, read by strict clients: libical (Debian's libical-dev, through
 * the small C program tests/helpers/ical-strict.c: its parser and its RFC 5545 / 5546 restriction
 * check) and ical.js (Mozilla's parser, with its recurrence expansion). Plus what a subscribed
 * calendar needs to follow a change: a changed session time gives a higher SEQUENCE and a new
 * DTSTAMP, from the entry file's last commit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ICAL from 'ical.js';
import { dataFiles } from '../../src/server/data-files';
import { bankHolidayOn } from '../../src/lib/calendar/bank-holidays';
import { loadSite } from '../../src/server/content-files';
import { repoRoot, tempFolder } from '../helpers/build';

const content = resolve(repoRoot, 'tests/fixtures/sample-book');
const made: string[] = [];
let checker: string;
let site: string;
let calendars: { path: string; body: string }[];

/** libical's verdict on each file: its output lines and exit status. */
function libical(paths: string[]): { status: number; lines: string[] } {
  const run = spawnSync(checker, paths, { encoding: 'utf8' });
  return { status: run.status ?? -1, lines: run.stdout.trim().split('\n') };
}

beforeAll(() => {
  const out = tempFolder('ical-strict');
  made.push(out);
  checker = join(out, 'ical-strict');
  let flags: string[];
  try {
    flags = execFileSync('pkg-config', ['--cflags', '--libs', 'libical'], { encoding: 'utf8' }).trim().split(/\s+/);
  } catch {
    throw new Error('libical is not installed: apt-get install -y libical-dev pkg-config gcc (.ci/run does this)');
  }
  execFileSync('cc', ['-o', checker, join(repoRoot, 'tests/helpers/ical-strict.c'), ...flags]);
  site = tempFolder('calendars');
  made.push(site);
  calendars = [...dataFiles(content)].filter((f) => f.path.endsWith('.ics'));
  for (const f of calendars) {
    mkdirSync(dirname(join(site, f.path)), { recursive: true });
    writeFileSync(join(site, f.path), f.body);
  }
});

afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("libical's strict parse", () => {
  it('accepts every calendar of the sample book', () => {
    const { status, lines } = libical(calendars.map((f) => join(site, f.path)));
    console.log(
      `libical (icalparser + icalrestriction_check): ${lines.filter((l) => l.startsWith('OK ')).length} of ${calendars.length} calendars OK`,
    );
    expect(lines.filter((l) => !l.startsWith('OK '))).toEqual([]);
    expect(status).toBe(0);
    expect(lines).toHaveLength(calendars.length);
  });

  it('rejects what it rejected before: METHOD:PUBLISH without an ORGANIZER (RFC 5546)', () => {
    const bad = join(site, 'publish.ics');
    const one = calendars.find((f) => f.path.startsWith('calendar/') && !f.path.includes('neighbourhoods'))!;
    writeFileSync(bad, one.body.replace('VERSION:2.0\r\n', 'VERSION:2.0\r\nMETHOD:PUBLISH\r\n'));
    const { status, lines } = libical([bad]);
    expect(status).toBe(1);
    expect(lines.join('\n')).toMatch(/FAIL .*ORGANIZER/);
  });
});

describe('ical.js', () => {
  const holidays = loadSite(content).bank_holidays;

  it('parses every calendar into events it can expand', () => {
    let events = 0;
    for (const f of calendars) {
      const cal = new ICAL.Component(ICAL.parse(f.body));
      expect(cal.name, f.path).toBe('vcalendar');
      for (const v of cal.getAllSubcomponents('vevent')) {
        const ev = new ICAL.Event(v);
        expect(ev.uid, f.path).toBeTruthy();
        expect(ev.startDate, f.path).toBeTruthy();
        expect(Number(v.getFirstPropertyValue('sequence')), f.path).toBeGreaterThan(0);
        const it = ev.iterator();
        const first = it.next();
        expect(first, f.path).toBeTruthy();
        events++;
      }
    }
    console.log(`ical.js: ${calendars.length} calendars, ${events} events parsed and expanded`);
    expect(events).toBeGreaterThan(calendars.length);
  });

  it('ends every line, the last one too, with CRLF', () => {
    for (const f of calendars) {
      expect(f.body.endsWith('END:VCALENDAR\r\n'), f.path).toBe(true);
      expect(/[^\r]\n/.test(f.body), f.path).toBe(false);
    }
  });

  it('never expands a session onto a bank holiday a schedule does not meet on', () => {
    const skipping = calendars.filter((f) => f.body.includes('EXDATE'));
    expect(skipping.length).toBeGreaterThan(0);
    for (const f of skipping) {
      const cal = new ICAL.Component(ICAL.parse(f.body));
      for (const v of cal.getAllSubcomponents('vevent')) {
        const exdates = v.getAllProperties('exdate').flatMap((p) => p.getValues().map((d) => String(d).slice(0, 10)));
        if (!exdates.length) continue;
        const it = new ICAL.Event(v).iterator();
        const seen: string[] = [];
        for (let next = it.next(), n = 0; next && n < 200; next = it.next(), n++)
          seen.push(next.toString().slice(0, 10));
        for (const d of exdates) expect(seen, `${f.path} ${d}`).not.toContain(d);
        // What was excluded is what the rule falls on: bank holidays (or a closure before reopening).
        expect(exdates.some((d) => bankHolidayOn(d, holidays)) || /Temporarily closed/.test(f.body), f.path).toBe(true);
      }
    }
  });
});

describe('SEQUENCE and DTSTAMP follow the entry file’s last commit', () => {
  const git = (cwd: string, args: string[], date?: string) =>
    execFileSync('git', args, {
      cwd,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.org',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.org',
        ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
      },
      encoding: 'utf8',
    });
  const calendarOf = (dir: string, id: string) =>
    [...dataFiles(dir)].find((f) => f.path === `calendar/${id}.ics`)!.body;
  const field = (ics: string, name: string) => new RegExp(`^${name}:(.+)\\r$`, 'm').exec(ics)![1];

  it('a changed session time: a higher SEQUENCE and a new DTSTAMP; the same commit: the same bytes', () => {
    const dir = tempFolder('sequence');
    made.push(dir);
    cpSync(content, dir, { recursive: true });
    const id = 'orrell-knit-and-natter';
    const file = join(dir, 'entries', `${id}.md`);
    git(dir, ['init', '-q']);
    git(dir, ['add', '.']);
    git(dir, ['commit', '-q', '-m', 'book'], '2026-03-01T09:00:00+00:00');
    const before = calendarOf(dir, id);
    expect(field(before, 'DTSTAMP')).toBe('20260301T090000Z');
    expect(calendarOf(dir, id)).toBe(before);
    const text = readFileSync(file, 'utf8');
    const changed = text.replace(
      /start: "(\d\d):(\d\d)"/,
      (_m, h: string, m: string) => `start: "${String(Number(h) + 1).padStart(2, '0')}:${m}"`,
    );
    expect(changed).not.toBe(text);
    writeFileSync(file, changed);
    git(dir, ['commit', '-q', '-am', 'later start'], '2026-03-08T18:30:00+00:00');
    const after = calendarOf(dir, id);
    expect(field(after, 'DTSTAMP')).toBe('20260308T183000Z');
    expect(Number(field(after, 'SEQUENCE'))).toBeGreaterThan(Number(field(before, 'SEQUENCE')));
    // Another entry, not changed, keeps its SEQUENCE.
    const other = [...dataFiles(dir)].find((f) => f.path.startsWith('calendar/') && !f.path.includes(id))!;
    expect(field(other.body, 'SEQUENCE')).toBe(field(before, 'SEQUENCE'));
  });

  it('outside git: the start of the day each entry was last verified', () => {
    const dir = tempFolder('no-git');
    made.push(dir);
    cpSync(content, dir, { recursive: true });
    const ics = [...dataFiles(dir)].find((f) => f.path === 'calendar/orrell-knit-and-natter.ics')!.body;
    const verified = /last_verified: (\S+)/.exec(
      readFileSync(join(dir, 'entries/orrell-knit-and-natter.md'), 'utf8'),
    )![1];
    expect(field(ics, 'DTSTAMP')).toBe(`${verified.replace(/-/g, '')}T000000Z`);
  });
});
