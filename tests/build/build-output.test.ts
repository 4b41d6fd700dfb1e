/**
 * Tests of whole built sites, each book built once (`npm run build`, as CI does) in `beforeAll`:
 * - Hostile: the book of hostile-but-harmless entries (tests/fixtures/hostile) builds to a site
 *   with no script but the project's own, no javascript:/data:/vbscript: URL, no on…= attribute
 *   and no embed (scripts/security/scan.ts), and every hostile-looking text is shown literally.
 * - Nothing lost: every entry appears on its page, in the search index, in the map data and in
 *   the open-data files, and nothing else does; checked on the hostile book and the valid one.
 * - Reproducible: two builds of the same content, in different folders with cold caches, are
 *   byte-identical.
 * - Defence in depth: the descriptions the validator rejects, built with `astro build` alone (no
 *   validator), still give a site with nothing unsafe in it (src/lib/safety/safe-markdown.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VenueFile } from '../../src/lib/map/venue-file';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import yaml from 'js-yaml';
import {
  loadCategories,
  loadContext,
  loadNeighbourhoods,
  loadSite,
  readEntryFiles,
} from '../../src/server/content-files';
import { makeBook } from '../../src/lib/book/book';
import { bookDataFiles } from '../../src/lib/exports/book-files';
import { entryModifiedTimes } from '../../src/server/entry-dates';
import { serviceUuid } from '../../src/lib/exports/uuid';
import { decodeEntities, formatFinding, parseCsv, tokenize } from '../../scripts/security/scan';
import { makeEntrySchema, type EntryData } from '../../src/schema';
import { listFiles, scanBuild } from '../../scripts/security/scan-folder';
import { REJECTED } from '../fixtures/hostile-rejected';
import { buildBook, fixtureBook, removeBuild, repoRoot } from '../helpers/build';

const HOSTILE = join(repoRoot, 'tests/fixtures/hostile');
const VALID_ENTRIES = join(repoRoot, 'tests/fixtures/entries/valid');

let hostileSite: string;
let hostileSiteAgain: string;
let validContent: string;
let validSite: string;
let validSiteAgain: string;
let bypassContent: string;
let bypassSite: string;

/** The rejected cases that are only about the description: the schema, and so the build, lets them through. */
const bodyOnly = REJECTED.filter((c) => c.expect.every((e) => e.field === 'body'));
const bypassIds = bodyOnly.map(
  (c, i) =>
    `b${String(i + 1).padStart(2, '0')}-${c.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 40)
      .replace(/^-|-$/g, '')}`,
);

beforeAll(() => {
  // In search-index parts of two entries (src/lib/search/shards.ts), as a very big book is.
  hostileSite = buildBook(HOSTILE, 'hostile', { env: { BOOK_SEARCH_SHARD_SIZE: '2' } });
  hostileSiteAgain = buildBook(HOSTILE, 'hostile-b', { env: { BOOK_SEARCH_SHARD_SIZE: '2' } });
  validContent = fixtureBook([VALID_ENTRIES]);
  validSite = buildBook(validContent, 'valid-a');
  validSiteAgain = buildBook(validContent, 'valid-b');
  bypassContent = fixtureBook([], Object.fromEntries(bodyOnly.map((c, i) => [bypassIds[i], c.text])));
  bypassSite = buildBook(bypassContent, 'bypass', { astroOnly: true });
}, 900_000);

afterAll(() => {
  for (const site of [hostileSite, hostileSiteAgain, validSite, validSiteAgain, bypassSite]) removeBuild(site);
  for (const dir of [validContent, bypassContent]) if (dir) rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Reading a book and a built site

interface BookEntry {
  id: string;
  data: EntryData;
}

/** The entries of a content folder, read and parsed as the build reads them. */
function readBook(contentDir: string): BookEntry[] {
  const schema = makeEntrySchema(loadContext(contentDir));
  const dir = join(contentDir, 'entries');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const front = text.slice(4, text.indexOf('\n---', 4));
      return { id: f.slice(0, -3), data: schema.parse(yaml.load(front)) };
    });
}

const read = (site: string, path: string) => readFileSync(join(site, path), 'utf8');
const readJson = <T>(site: string, path: string): T => JSON.parse(read(site, path)) as T;

/** The text of an element's content: tags dropped, entities decoded. */
const textOf = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, ''));

/** The decoded text inside the first element matching `open` (a regex source for the start tag). */
function elementText(html: string, open: string, tag: string): string | undefined {
  const m = new RegExp(`${open}([\\s\\S]*?)</${tag}>`).exec(html);
  return m ? textOf(m[1]) : undefined;
}

/** The folders of the search index: pagefind/, and pagefind-2/… when it is in parts. */
function pagefindParts(site: string): string[] {
  return readdirSync(site).filter((d) => /^pagefind(-\d+)?$/.test(d));
}

/**
 * Every page Pagefind indexed, in every part of the index: the `url` and `meta` of each fragment
 * (gzip, after a `pagefind_dcd` signature).
 */
function pagefindFragments(site: string): { url: string; meta: Record<string, string> }[] {
  return pagefindParts(site).flatMap((part) => {
    const dir = join(site, part, 'fragment');
    return readdirSync(dir).map((f) => {
      const raw = gunzipSync(readFileSync(join(dir, f))).toString('utf8');
      const json = raw.startsWith('pagefind_dcd') ? raw.slice('pagefind_dcd'.length) : raw;
      return JSON.parse(json) as { url: string; meta: Record<string, string> };
    });
  });
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

// ---------------------------------------------------------------------------------------------

describe('the hostile book, built', () => {
  it('has no script but its own, no javascript:/data:/vbscript: URL, no on…= attribute, no embed', () => {
    const { files, findings } = scanBuild(hostileSite, (p) => readFileSync(p, 'utf8'));
    expect(files).toBeGreaterThan(30);
    expect(findings.map(formatFinding)).toEqual([]);
  });

  it('would be caught: a page with a planted script, handler or link fails the scan', () => {
    const page = read(hostileSite, 'entries/javascript-as-text/index.html');
    const planted = join(hostileSite, 'entries/zz-planted');
    mkdirSync(planted);
    try {
      writeFileSync(
        join(planted, 'index.html'),
        page.replace(
          '</h1>',
          '</h1><script>alert(1)</script><img src=x onerror=alert(1)><a href=" JaVa&#x09;ScRiPt:alert(1)">x</a><iframe src="/"></iframe>',
        ),
      );
      const { findings } = scanBuild(hostileSite, (p) => readFileSync(p, 'utf8'));
      expect(sorted(findings.map((f) => `${f.file} ${f.kind}`))).toEqual(
        sorted(['script', 'handler', 'url', 'embed'].map((k) => `entries/zz-planted/index.html ${k}`)),
      );
    } finally {
      rmSync(planted, { recursive: true, force: true });
    }
  });

  it('shows every hostile-looking field literally on its entry page', () => {
    for (const { id, data: d } of readBook(HOSTILE)) {
      const html = read(hostileSite, `entries/${id}/index.html`);
      const text = textOf(html);
      expect(elementText(html, '<h1[^>]*>', 'h1'), id).toBe(d.name);
      expect(elementText(html, '<title>', 'title'), id).toBe(`${d.name} – Fixture Community Book`);
      expect(elementText(html, '<p class="lead"[^>]*>', 'p'), id).toBe(d.summary);
      const plain = [
        d.organisation,
        d.alert,
        d.eligibility,
        ...d.venues.flatMap((v) => [v.name, v.address]),
        ...d.schedules.map((s) => s.note),
        ...d.contacts.map((c) => c.name),
        d.website,
      ];
      for (const value of plain) if (value) expect(text, `${id}: ${value.slice(0, 60)}`).toContain(value);
      // JSON-LD carries the same text, escaped for a <script> element.
      const ld = tokenize(html).find(
        (t) => t.name === 'script' && t.attrs.some(([k, v]) => k === 'type' && v === 'application/ld+json'),
      );
      expect(JSON.stringify(JSON.parse(ld?.text ?? 'null')), id).toContain(JSON.stringify(d.name).slice(1, -1));
    }
  });

  it('shows the hostile-looking descriptions as text, and only safe links as links', () => {
    const prose = (id: string) => {
      const html = read(hostileSite, `entries/${id}/index.html`);
      return /<div class="prose">([\s\S]*?)<\/div>/.exec(html)![1];
    };
    const links = (html: string) =>
      tokenize(html)
        .filter((t) => t.name === 'a')
        .map((t) => t.attrs.find(([k]) => k === 'href')?.[1]);

    expect(textOf(prose('entity-lookalikes'))).toContain('<script>alert(1)</script> is shown as text.');
    expect(textOf(prose('entity-lookalikes'))).toContain('<iframe src=javascript:alert(1)></iframe> is shown as text.');
    expect(links(prose('entity-lookalikes'))).toEqual([]);

    expect(textOf(prose('tom-and-jerrys-cafe'))).toContain(
      '< script >alert(1)< /script > and < img src=x onerror=alert(1) >',
    );
    expect(textOf(prose('tom-and-jerrys-cafe'))).toContain('Entities are text too: & © <b>not bold</b>.');

    const js = prose('javascript-as-text');
    expect(textOf(js)).toContain('Writing javascript:alert(1) or data:text/html;base64,PHNjcmlwdD4= in a sentence');
    expect(textOf(js)).toContain('(javascript:alert(1))');
    expect(textOf(js)).toContain('[a link shown as code](javascript:alert(1))');
    expect(links(js)).toEqual(['https://ok.example/safe']);

    expect(links(prose('markdown-safe-links'))).toEqual([
      'https://ok.example/path?a=1&b=2',
      'mailto:advice@example.org',
      'tel:+441942123456',
      '/entries/tom-and-jerrys-cafe/',
      '#main',
      'https://ok.example/guide',
      'https://ok.example/form',
      'https://ok.example/auto',
      'mailto:advice@example.org',
      'https://ok.example/bare',
      'http://www.example.org',
    ]);

    const emoji = textOf(prose('emoji-and-scripts'));
    expect(emoji).toContain('Zero\u200bwidth space, left\u200eto\u200fright marks, a soft\u00adhyphen');
    expect(emoji).toContain('\u{1F44B}\u{1F3FF} \u{1F1F5}\u{1F1F1}');

    // The 1,000-character word and the rest of a description at the length limit, kept whole.
    expect(textOf(prose('longest-allowed-fields'))).toContain('Llanfairpwllgwyngyll'.repeat(50));
  });

  it('puts the same text in the feeds, with spreadsheet formulas guarded in the CSV', () => {
    const book = readBook(HOSTILE);
    const rows = parseCsv(read(hostileSite, 'open-data/entries.csv'));
    const [header, ...body] = rows.map((r) => r.cells);
    const col = (name: string) => header.indexOf(name);
    for (const { id, data: d } of book) {
      const row = body.find((r) => r[col('id')] === id)!;
      expect(row[col('name')], id).toBe(/^[=+\-@]/.test(d.name) ? `'${d.name}` : d.name);
      expect(row[col('summary')], id).toBe(/^[=+\-@]/.test(d.summary) ? `'${d.summary}` : d.summary);
    }
    const hsds = readJson<{ contents: { id: string; name: string }[] }>(hostileSite, 'openreferral/services.json');
    for (const { id, data: d } of book.filter((e) => e.data.status !== 'closed')) {
      expect(hsds.contents.find((s) => s.id === serviceUuid(loadSite(HOSTILE).url, id))?.name, id).toBe(d.name);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe.each([
  ['hostile', () => HOSTILE, () => hostileSite],
  ['valid', () => validContent, () => validSite],
])('nothing lost: the %s book', (_label, content, site) => {
  const book = () => readBook(content());
  const ids = () => sorted(book().map((e) => e.id));
  const hsdsId = (id: string) => serviceUuid(loadSite(content()).url, id);

  it('has a page for every entry and no other entry page', () => {
    expect(sorted(readdirSync(join(site(), 'entries')))).toEqual(ids());
    for (const { id, data } of book()) {
      const html = read(site(), `entries/${id}/index.html`);
      expect(html, id).toContain(`data-entry-id="${id}"`);
      expect(elementText(html, '<h1[^>]*>', 'h1'), id).toBe(data.name);
    }
  });

  it('indexes exactly the entry pages for search, each under its own name', () => {
    const fragments = pagefindFragments(site());
    // The hostile book's index is in parts, the valid book's in one.
    expect(pagefindParts(site()).length).toBe(site() === hostileSite ? Math.ceil(ids().length / 2) : 1);
    expect(sorted(fragments.map((f) => f.url))).toEqual(ids().map((id) => `/entries/${id}/`));
    for (const { id, data } of book()) {
      const f = fragments.find((x) => x.url === `/entries/${id}/`)!;
      expect(f.meta.title, id).toBe(data.name);
      expect(f.meta.id, id).toBe(id);
    }
  });

  it('puts exactly the entries on the map data, each with all its venues', () => {
    const file = readJson<VenueFile>(site(), 'map/venues.json');
    expect(sorted(file.e.map((r) => r[0]))).toEqual(ids());
    for (const { id, data } of book()) {
      const r = file.e.find((x) => x[0] === id)!;
      expect(r[1], id).toBe(data.name);
      expect(
        r[6].map((v) => v[0]),
        id,
      ).toEqual(data.venues.map((v) => v.name));
    }
    // GeoJSON: one point per venue of each entry that is not closed.
    const geo = readJson<{ features: { id: string; properties: { entry_id: string } }[] }>(
      site(),
      'open-data/venues.geojson',
    );
    const expected = book()
      .filter((e) => e.data.status !== 'closed')
      .flatMap((e) => e.data.venues.map((_, i) => `${e.id}/${i}`));
    expect(sorted(geo.features.map((f) => f.id))).toEqual(sorted(expected));
  });

  it('lists exactly the open entries in the Open Referral feed, has a record for each entry, and a CSV row for each', () => {
    const open = book().filter((e) => e.data.status !== 'closed');
    const uuids = sorted(open.map((e) => hsdsId(e.id)));
    const list = readJson<{ total_items: number; contents: { id: string }[] }>(site(), 'openreferral/services.json');
    expect(sorted(list.contents.map((s) => s.id))).toEqual(uuids);
    expect(list.total_items).toBe(uuids.length);
    // One record per entry, closed ones too (status `defunct`), so a saved link keeps working: at
    // the API's address (no extension) and at the first feed's (.json), the same bytes; the list
    // is the folder's index file.
    expect(sorted(readdirSync(join(site(), 'openreferral/services')))).toEqual(
      sorted(['index.html', ...book().flatMap((e) => [hsdsId(e.id), `${hsdsId(e.id)}.json`])]),
    );
    expect(read(site(), 'openreferral/services/index.html')).toBe(read(site(), 'openreferral/services.json'));
    for (const { id, data } of book()) {
      expect(read(site(), `openreferral/services/${hsdsId(id)}`)).toBe(
        read(site(), `openreferral/services/${hsdsId(id)}.json`),
      );
      const service = readJson<{ id: string; name: string; status: string }>(
        site(),
        `openreferral/services/${hsdsId(id)}`,
      );
      expect([service.id, service.name, service.status === 'defunct'], id).toEqual([
        hsdsId(id),
        data.name,
        data.status === 'closed',
      ]);
    }

    const [header, ...rows] = parseCsv(read(site(), 'open-data/entries.csv')).map((r) => r.cells);
    const idCol = header.indexOf('id');
    expect(idCol).toBeGreaterThanOrEqual(0);
    expect(rows.filter((r) => r.length > 1).map((r) => r[idCol])).toHaveLength(ids().length);
    expect(sorted(rows.filter((r) => r.length > 1).map((r) => r[idCol]))).toEqual(ids());
  });

  it('has the book-wide data files the export process makes, from the same book the pages show', () => {
    const dir = content();
    const files = [
      ...bookDataFiles(
        makeBook({
          site: loadSite(dir),
          entries: readEntryFiles(dir, loadContext(dir)).entries,
          categories: loadCategories(dir),
          neighbourhoods: loadNeighbourhoods(dir),
        }),
        entryModifiedTimes(dir),
      ),
    ];
    expect(files.length).toBeGreaterThan(8);
    for (const f of files) expect(read(site(), f.path), f.path).toBe(f.body);
    // The category pages list their entries in the book's order, as Astro's content collection
    // gives it; the list data comes from the export process's own reading of the files. Every
    // entry is in one shard, and wherever a shard and a page share entries, they agree on the order.
    const shards = files
      .filter((f) => /^list-data\/\d+-\d+\.json$/.test(f.path))
      .map((f) => Object.keys(JSON.parse(f.body)));
    expect(sorted(shards.flat())).toEqual(ids());
    let compared = 0;
    for (const category of readdirSync(join(site(), 'categories'), { withFileTypes: true }).filter((d) =>
      d.isDirectory(),
    )) {
      const page = [
        ...read(site(), `categories/${category.name}/index.html`).matchAll(/<a href="\/entries\/([^/"]+)\/"/g),
      ].map((m) => m[1]);
      for (const keys of shards) {
        const shared = keys.filter((id) => page.includes(id));
        expect(shared, category.name).toEqual(page.filter((id) => shared.includes(id)));
        compared += shared.length > 1 ? 1 : 0;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('lists every entry page in the sitemap', () => {
    const urls = [...read(site(), 'sitemap.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map(
      (m) => new URL(decodeEntities(m[1])).pathname,
    );
    expect(sorted(urls.filter((u) => u.startsWith('/entries/')))).toEqual(ids().map((id) => `/entries/${id}/`));
  });
});

// ---------------------------------------------------------------------------------------------

describe('reproducible builds', () => {
  /** Paths of files that are not byte-identical in two sites (a missing file counts). */
  const differences = (one: string, two: string) => {
    const a = listFiles(one);
    expect(listFiles(two)).toEqual(a);
    return a.filter((f) => !readFileSync(join(one, f)).equals(readFileSync(join(two, f))));
  };

  it('gives byte-identical files for two builds of the same content', () => {
    expect(
      differences(validSite, validSiteAgain),
      `files that differ between ${validSite} and ${validSiteAgain}`,
    ).toEqual([]);
    expect(listFiles(validSite).length).toBeGreaterThan(40);
    expect(existsSync(join(validSite, 'pagefind/pagefind-entry.json'))).toBe(true);
  });

  it('gives byte-identical files for two builds of a book whose search index is in parts', () => {
    expect(
      differences(hostileSite, hostileSiteAgain),
      `files that differ between ${hostileSite} and ${hostileSiteAgain}`,
    ).toEqual([]);
    expect(existsSync(join(hostileSite, 'pagefind-2/pagefind-entry.json'))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe('defence in depth: rejected descriptions built without the validator', () => {
  it('builds a page for each of them', () => {
    expect(bodyOnly.length).toBeGreaterThan(30);
    expect(sorted(readdirSync(join(bypassSite, 'entries')))).toEqual(sorted(bypassIds));
  });

  it('still has no script but its own, no javascript:/data:/vbscript: URL, no on…= attribute, no embed', () => {
    const { findings } = scanBuild(bypassSite, (p) => readFileSync(p, 'utf8'));
    expect(findings.map(formatFinding)).toEqual([]);
  });

  it('keeps no image and no link to anywhere but the web, email or phone', () => {
    for (const id of bypassIds) {
      const html = read(bypassSite, `entries/${id}/index.html`);
      const prose = /<div class="prose">([\s\S]*?)<\/div>/.exec(html)![1];
      const tags = tokenize(prose);
      expect(
        tags
          .filter(
            (t) =>
              ![
                'p',
                'a',
                'code',
                'pre',
                'blockquote',
                'ul',
                'ol',
                'li',
                'table',
                'thead',
                'tbody',
                'tr',
                'th',
                'td',
                'em',
                'strong',
                'br',
              ].includes(t.name),
          )
          .map((t) => t.name),
        id,
      ).toEqual([]);
      for (const t of tags.filter((x) => x.name === 'a'))
        expect(t.attrs.find(([k]) => k === 'href')?.[1], id).toMatch(/^(https?:|mailto:|tel:|\/[^/]|#)/);
    }
  });
});
