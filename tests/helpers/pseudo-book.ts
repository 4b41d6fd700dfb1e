/**
 * Test helper (not a test file): a book in the pseudo-locale. The fork book (tests/fixtures/fork-book)
 * with every message of the site transformed (content/messages/en.yaml from the English defaults,
 * "Search" → "⟦Śéàŕçĥ⟧") and every word of its content accented ("Lunch club" → "Ĺúñçĥ çĺúƀ"), so
 * on its pages a run of plain letters is text that comes from neither: a string the code writes
 * itself instead of taking it from the messages.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { readFrontMatter } from '../../src/lib/content/front-matter';
import { EN_MESSAGES } from '../../src/lib/text/messages-en';
import { accent, pseudoMessages } from '../../src/lib/text/pseudo';
import { repoRoot, tempFolder } from './build';

/** The fields of content that are words for people (ids, addresses of the web, postcodes and numbers stay). */
const WORDS = new Set([
  'title',
  'place',
  'publisher',
  'description',
  'attribution',
  'name',
  'summary',
  'organisation',
  'alert',
  'eligibility',
  'address',
  'town',
  'note',
  'synonyms',
  'group',
  'venue',
  'verified_by',
]);

function transform(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return WORDS.has(key) ? accent(value) : value;
  if (Array.isArray(value)) return value.map((v) => transform(v, key));
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, transform(v, k)]));
  return value;
}

/** A Markdown body with its words accented, its link targets kept. */
function accentBody(body: string): string {
  return body.replace(/(\]\([^)]*\))|(<[^>]*>)|([^\]<]+)/g, (whole, link?: string, auto?: string) =>
    link || auto ? whole : accent(whole),
  );
}

// Dates stay dates (js-yaml reads `2026-05-01` as a Date and would write it back as a timestamp).
const dump = (data: unknown) => yaml.dump(data, { lineWidth: -1 }).replace(/T00:00:00\.000Z$/gm, '');

/** A new content folder: the fork book in the pseudo-locale. */
export function pseudoBook(): string {
  const dir = tempFolder('pseudo-book');
  cpSync(join(repoRoot, 'tests/fixtures/fork-book'), dir, { recursive: true });
  const rewrite = (file: string) => writeFileSync(file, dump(transform(yaml.load(readFileSync(file, 'utf8')))));
  rewrite(join(dir, 'site.yaml'));
  rewrite(join(dir, 'categories.yaml'));
  for (const f of readdirSync(join(dir, 'neighbourhoods'))) rewrite(join(dir, 'neighbourhoods', f));
  for (const f of readdirSync(join(dir, 'entries'))) {
    const file = join(dir, 'entries', f);
    const { data, body } = readFrontMatter(readFileSync(file, 'utf8'));
    writeFileSync(file, `---\n${dump(transform(data))}---\n${accentBody(body)}`);
  }
  mkdirSync(join(dir, 'messages'));
  writeFileSync(join(dir, 'messages', 'en.yaml'), dump(pseudoMessages(EN_MESSAGES)));
  return dir;
}
