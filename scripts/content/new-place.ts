/**
 * `npm run new-place`: makes the book another place's. Asks for the place's name, the word for
 * its area, the address the book is published at (a GitHub Pages project address such as
 * `https://org.github.io/book` works as it is), the repository, a contact email and the data
 * licence; writes `content/site.yaml`, clears the example entries and neighbourhoods (kept with
 * `--keep-examples`), sets `example_data: false`, points the issue forms' contact link at the new
 * book's /contribute/ page, and says what to add next.
 *
 *   npm run new-place
 *   npm run new-place -- --name Bolton --area borough --url https://boltoncvs.github.io/bolton-book \
 *     --repository https://github.com/boltoncvs/bolton-book --email book@boltoncvs.example \
 *     --licence ogl --publisher "Bolton CVS"
 *
 * Reads and writes `content/` (or BOOK_CONTENT) and `.github/` under the current folder (or `--root`).
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';
import { siteSchema } from '../../src/schema/site';
import { isSafeUrl } from '../../src/schema/primitives';
import { absoluteUrl } from '../../src/lib/site/paths';
import { CONTRIBUTING_PATH, writeContributing } from './field-reference';

export const LICENCES: Record<string, { name: string; url: string }> = {
  ogl: {
    name: 'Open Government Licence v3.0',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  },
  'cc-by-4.0': { name: 'Creative Commons Attribution 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
  'cc0-1.0': { name: 'CC0 1.0 (public domain)', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
};

export interface PlaceAnswers {
  /** "Bolton" */
  name: string;
  /** "borough", "county", "city", "district" … */
  area: string;
  url: string;
  repository: string;
  email: string;
  /** A key of LICENCES, or `name|url`. */
  licence: string;
  publisher?: string;
}

/** Each answer's own check: a message for the person, or undefined when it is fine. */
export const CHECKS: Record<keyof PlaceAnswers, (v: string) => string | undefined> = {
  name: (v) => (v.trim() ? undefined : 'Enter the place’s name, like Bolton.'),
  area: (v) => (/^[a-z][a-z -]{1,29}$/i.test(v.trim()) ? undefined : 'Enter one word for the area, like borough.'),
  url: (v) =>
    isSafeUrl(v.trim()) ? undefined : 'Enter the address the book will be at, like https://org.github.io/book.',
  repository: (v) =>
    /^https:\/\/github\.com\/[^/\s]+\/[^/\s]+\/?$/.test(v.trim())
      ? undefined
      : 'Enter the repository on GitHub, like https://github.com/org/book.',
  email: (v) => (/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(v.trim()) ? undefined : 'Enter an email address.'),
  licence: (v) =>
    LICENCES[v.trim().toLowerCase()] || /^[^|]+\|https?:\/\/\S+$/.test(v.trim())
      ? undefined
      : `Enter ${Object.keys(LICENCES).join(', ')}, or "Licence name|https://its-address".`,
  publisher: () => undefined,
};

function licenceOf(v: string): { name: string; url: string } {
  const known = LICENCES[v.trim().toLowerCase()];
  if (known) return known;
  const [name, url] = v.split('|');
  return { name: name.trim(), url: url.trim() };
}

/** The new site.yaml's settings: the old file's map, bounds and other settings, the new place's words. */
export function newSite(old: Record<string, unknown>, a: PlaceAnswers, keepExamples: boolean): Record<string, unknown> {
  const name = a.name.trim();
  const place = `${name} ${a.area.trim().toLowerCase()}`;
  const site: Record<string, unknown> = {
    ...old,
    title: `${name} Community Book`,
    place,
    area: a.area.trim().toLowerCase(),
    publisher: a.publisher?.trim() || `${name} Community Book`,
    description: `Local groups, activities and support across ${place}, for residents and the people who support them.`,
    url: a.url.trim().replace(/\/+$/, ''),
    repository: a.repository.trim().replace(/\/+$/, ''),
    corrections_email: a.email.trim(),
    data_licence: licenceOf(a.licence),
    example_data: keepExamples,
  };
  if (!keepExamples) site.examples = { eligibility: `Carers living in ${place}` };
  return siteSchema.parse(site) && site;
}

/** The issue forms' "without a GitHub account" link, pointed at the new book's form. */
export function fixIssueConfig(text: string, siteUrl: string): string {
  return text.replace(/(^\s*url:\s*).*\/contribute\/?\s*$/m, `$1${absoluteUrl(siteUrl, '/contribute/')}`);
}

export function makePlace(
  content: string,
  root: string,
  a: PlaceAnswers,
  keepExamples = false,
): { removed: number; issueConfig: boolean; contributing: boolean } {
  const sitePath = join(content, 'site.yaml');
  const old = yaml.load(readFileSync(sitePath, 'utf8')) as Record<string, unknown>;
  const site = newSite(old, a, keepExamples);
  writeFileSync(
    sitePath,
    `# Site configuration, written by npm run new-place: see docs/maintainers.md for every setting.\n${yaml.dump(site, { lineWidth: 100 })}`,
  );
  let removed = 0;
  if (!keepExamples) {
    for (const dir of ['entries', 'neighbourhoods']) {
      const full = join(content, dir);
      if (!existsSync(full)) continue;
      for (const f of readdirSync(full)) {
        if (!/\.(md|ya?ml)$/.test(f)) continue;
        rmSync(join(full, f));
        removed++;
      }
    }
  }
  const config = join(root, '.github', 'ISSUE_TEMPLATE', 'config.yml');
  const issueConfig = existsSync(config);
  if (issueConfig) writeFileSync(config, fixIssueConfig(readFileSync(config, 'utf8'), String(site.url)));
  // CONTRIBUTING's examples in the new place's words (npm run docs:fields).
  const contributing = existsSync(join(root, CONTRIBUTING_PATH)) && writeContributing(root, content);
  return { removed, issueConfig, contributing };
}

const NEXT = `Next:
  1. Set bounds and map (centre, zoom) in content/site.yaml to your area, and examples (a group,
     venue, phone number and postcode of your place) for the form's hints; then npm run docs:fields
     puts them in CONTRIBUTING.md.
  2. Add a file per neighbourhood in content/neighbourhoods/ (name, boundary, centre).
  3. Check content/categories.yaml fits your place.
  4. Add entries: npm run new-entry, the /contribute/ form, or npm run import from a spreadsheet.
  5. npm run validate, then npm start to look at it; push, and turn on GitHub Pages (GitHub Actions).`;

async function main() {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const content = resolve(process.env.BOOK_CONTENT ?? 'content');
  const root = resolve(flag('root') ?? '.');
  const keep = args.includes('--keep-examples');
  const questions: [keyof PlaceAnswers, string][] = [
    ['name', 'The place’s name (Bolton)'],
    ['area', 'The word for the whole area (borough, county, city, district)'],
    ['url', 'The address the book will be at (https://org.github.io/book, or your own domain)'],
    ['repository', 'The repository on GitHub (https://github.com/org/book)'],
    ['email', 'An email address for corrections'],
    ['licence', `The data licence (${Object.keys(LICENCES).join(', ')}, or "Name|https://address")`],
    ['publisher', 'Who publishes it (optional)'],
  ];
  const answers: Partial<PlaceAnswers> = {};
  const tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const { createInterface } = await import('node:readline/promises');
  const rl = tty ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  try {
    for (const [key, question] of questions) {
      let value = flag(key);
      // Each answer is checked when it is given, and only that question is asked again.
      for (;;) {
        if (value === undefined && key === 'publisher' && !rl) value = '';
        if (value === undefined) {
          if (!rl) throw new Error(`--${key} is missing (${question}).`);
          value = await rl.question(`${question}: `);
        }
        const problem = CHECKS[key](value);
        if (!problem) break;
        if (!rl) throw new Error(`--${key}: ${problem}`);
        console.log(`  ${problem}`);
        value = undefined;
      }
      answers[key] = value;
    }
  } finally {
    rl?.close();
  }
  const done = makePlace(content, root, answers as PlaceAnswers, keep);
  console.log(
    `Wrote ${join(content, 'site.yaml')}${keep ? '' : `, removed ${done.removed} example files`}${done.issueConfig ? ', and pointed .github/ISSUE_TEMPLATE/config.yml at the new /contribute/ page' : ''}${done.contributing ? '; CONTRIBUTING.md gives your examples (npm run docs:fields again after changing them)' : ''}.`,
  );
  console.log(NEXT);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err: Error) => {
    console.error(`new-place: ${err.message}`);
    process.exit(1);
  });
}
