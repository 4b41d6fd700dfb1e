/**
 * A fork speaks of its own place: tests/fixtures/fork-book (Kestrel Vale, its own examples in
 * site.yaml) built with the real `npm run build` has no word of the sample book's place on any
 * page, in any script (the contribute form's hints included) or data file, and the validator's
 * messages give the fork's own postcode and phone examples.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../scripts/security/scan-folder';
import { buildBook, removeBuild, repoRoot } from '../helpers/build';
import { loadContext, loadSite } from '../../src/server/content-files';
import { validateEntryText } from '../../src/lib/validate';

const FORK = join(repoRoot, 'tests/fixtures/fork-book');
/** Words of the sample book's place (Wigan) that must not reach another place's book. */
const SAMPLE_PLACE = /Wigan|Hindley|01942|\bWN\d|53\.5423|-2\.5772|-2\.6318/;

let site = '';
beforeAll(() => {
  site = buildBook(FORK, 'fork-words');
}, 600_000);
afterAll(() => removeBuild(site));

describe('a fork built from its own content', () => {
  it('has no word of the sample place on any page, script or data file', () => {
    const found: string[] = [];
    let scanned = 0;
    for (const file of listFiles(site)) {
      if (!/\.(html|js|json|xml|txt|webmanifest|csv|ics|geojson)$/.test(file)) continue;
      scanned++;
      const text = readFileSync(join(site, file), 'utf8');
      const m = SAMPLE_PLACE.exec(text);
      if (m) found.push(`${file}: …${text.slice(Math.max(0, m.index - 60), m.index + 40)}…`);
    }
    expect(scanned).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });

  it("speaks of the area in the fork's own word (site.yaml area), never the sample's", () => {
    const { area } = loadSite(FORK);
    expect(area).toBe('district');
    const hood = readdirSync(join(site, 'neighbourhoods'), { withFileTypes: true }).find((d) => d.isDirectory())!;
    const page = readFileSync(join(site, 'neighbourhoods', hood.name, 'index.html'), 'utf8');
    expect(page).toContain('District-wide services');
    // No page's text (between tags) says "borough" ("Borough-wide" included); the id borough-wide
    // (in addresses, and named as the id in the CSV's column notes) is not the word.
    const said: string[] = [];
    for (const file of listFiles(site)) {
      if (!file.endsWith('.html')) continue;
      for (const [text] of readFileSync(join(site, file), 'utf8').matchAll(/>[^<]+</g))
        if (/\bborough\b(?!-wide)|Borough-wide/i.test(text.replace(/\bborough-wide\b/g, '')))
          said.push(`${file}: ${text}`);
    }
    expect(said).toEqual([]);
  });

  it("the form's hints carry the fork's own examples", () => {
    const page = readFileSync(join(site, 'contribute/index.html'), 'utf8');
    const examples = loadSite(FORK).examples;
    for (const value of [examples.group, examples.venue, examples.phone, examples.postcode])
      expect(page).toContain(value);
  });

  it("the validator's messages give the fork's postcode and phone", () => {
    const ctx = loadContext(FORK);
    const { examples } = loadSite(FORK);
    const text = [
      '---',
      'name: Test group',
      'summary: A test.',
      `categories: [${[...ctx.categoryIds][0]}]`,
      `neighbourhoods: [${[...ctx.neighbourhoodIds][0]}]`,
      'join: [drop-in]',
      'venues:',
      `  - { name: Hall, address: 1 High Street, postcode: "not one", lat: 52.18, lng: -1.25 }`,
      'contacts:',
      '  - phone: "12"',
      'last_verified: 2026-11-01',
      '---',
      '',
    ].join('\n');
    const messages = validateEntryText(text, 'content/entries/test-group.md', ctx).map((p) => p.message);
    expect(messages.find((m) => m.includes('not a UK postcode'))).toContain(examples.postcode);
    expect(messages.find((m) => m.includes('UK phone number'))).toContain(examples.phone);
    const latitude = validateEntryText(text.replace('lat: 52.18', 'lat: north'), 'content/entries/test-group.md', ctx);
    expect(latitude.find((p) => p.field === 'venues[0].lat')?.message).toContain('e.g. 52.1800');
    expect(messages.join('\n')).not.toMatch(SAMPLE_PLACE);
  });
});
