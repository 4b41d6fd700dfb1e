/**
 * `npm run import -- <source> [options]`: entries from another directory, written into
 * content/entries/ (or --out) so that they pass `npm run validate`, with a report in Markdown and
 * JSON. See docs/importing.md.
 *
 * Sources: an Open Referral API's base address (http…); a JSON file or a folder of JSON files of
 * `service_full` documents (or paged lists of them); a folder of HSDS CSV tables with
 * datapackage.json; a spreadsheet (.csv, .xlsx) with --mapping.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import yaml from 'js-yaml';
import { contentDir, loadCategories, loadContext, loadNeighbourhoods, loadSite } from '../../src/server/content-files';
import { loadMessages } from '../../src/server/messages';
import { readFrontMatter } from '../../src/lib/content/front-matter';
import { bodyNodes } from '../../src/server/markdown';
import { toIsoDate } from '../../src/schema/primitives';
import type { Candidate, ImportBook } from '../../src/lib/import/context';
import type { NotImported } from '../../src/lib/import/finish';
import { serviceToCandidate } from '../../src/lib/import/hsds';
import { servicesIn } from '../../src/lib/import/documents';
import { tablesToServices } from '../../src/lib/import/tables';
import { FeedError, readFeed } from '../../src/lib/import/api';
import { postcodeLookup } from '../../src/lib/import/places';
import { isWritten, planImport, type ExistingEntry, type ImportResult } from '../../src/lib/import/plan';
import { reportJson, reportMarkdown, summary } from '../../src/lib/import/report';
import { checkMapping, guessHeaderRow, headersOf, sheetToCandidates, suggestMapping } from '../../src/lib/import/sheet';
import { startWriter } from './writer';
import { readSheet } from './xlsx';

const USAGE = `Usage: npm run import -- <source> [options]
       npm run import -- --suggest-mapping <sheet.csv|sheet.xlsx>

<source> is an Open Referral API base address (https://…), a JSON file or folder of service
documents, a folder of HSDS CSV tables (with datapackage.json), or a spreadsheet (.csv, .xlsx).

  --mapping FILE        spreadsheets: which column holds which field (YAML)
  --categories FILE     a source's terms -> category ids (YAML map)
  --default-category ID for records whose terms match no category
  --postcodes FILE      ONS Postcode Directory CSV (or an extract: pcds, lat, long)
  --out DIR             write entries here (default: <content>/entries)
  --report FILE         report path without extension (default: import-report -> .md and .json)
  --dry-run             write only the report
  --force               overwrite entries edited by hand since they were imported
  --merge-duplicates    leave out the second record of each duplicate pair
  --today YYYY-MM-DD    the day of the import (default: today)
`;

interface Args {
  source?: string;
  flags: Set<string>;
  opts: Map<string, string>;
}

const VALUE_OPTS = [
  '--mapping',
  '--categories',
  '--default-category',
  '--postcodes',
  '--out',
  '--report',
  '--today',
  '--suggest-mapping',
  '--concurrency',
];
const FLAG_OPTS = ['--dry-run', '--force', '--merge-duplicates', '--help', '--quiet'];

function parseArgs(argv: string[]): Args {
  const a: Args = { flags: new Set(), opts: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') continue;
    if (VALUE_OPTS.includes(arg)) {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value.`);
      a.opts.set(arg, v);
    } else if (FLAG_OPTS.includes(arg)) a.flags.add(arg);
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}.`);
    else if (a.source) throw new Error(`Two sources given (${a.source} and ${arg}): import one at a time.`);
    else a.source = arg;
  }
  return a;
}

function readCsvObjects(file: string): Record<string, string>[] {
  return parseCsv(readFileSync(file, 'utf8').replace(/^\ufeff/, ''), {
    columns: true,
    skip_empty_lines: true,
    bom: true,
  });
}

function loadBook(dir: string, a: Args): ImportBook {
  // The book's words: its labels are read back from feeds, and its schedules and areas compared.
  loadMessages(dir);
  const site = loadSite(dir);
  const book: ImportBook = {
    ctx: loadContext(dir),
    site,
    categories: loadCategories(dir),
    neighbourhoods: loadNeighbourhoods(dir).map((n) => ({ id: n.id, name: n.name, boundary: n.boundary })),
    today: a.opts.get('--today') ?? toIsoDate(new Date()),
    // As `npm run validate` checks each file: the book's staleness and the build's Markdown parser.
    validate: { staleMonths: site.stale_after_months, markdown: bodyNodes },
  };
  const pc = a.opts.get('--postcodes');
  if (pc) book.postcodes = postcodeLookup(parseCsv(readFileSync(pc, 'utf8'), { relax_column_count: true, bom: true }));
  const cats = a.opts.get('--categories');
  if (cats) {
    const m = yaml.load(readFileSync(cats, 'utf8')) as Record<string, string>;
    book.categoryMap = new Map(
      Object.entries(m ?? {}).map(([k, v]) => [k.trim().toLowerCase().replace(/\s+/g, ' '), String(v)]),
    );
    for (const v of book.categoryMap.values())
      if (!book.ctx.categoryIds.has(v)) throw new Error(`${cats}: "${v}" is not a category id in categories.yaml.`);
  }
  const def = a.opts.get('--default-category');
  if (def) {
    if (!book.ctx.categoryIds.has(def))
      throw new Error(`--default-category ${def} is not a category id in categories.yaml.`);
    book.defaultCategory = def;
  }
  return book;
}

function existingEntries(dir: string): ExistingEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      let source: ExistingEntry['source'];
      try {
        const data = readFrontMatter(text).data as { source?: { system?: unknown; id?: unknown } };
        if (data.source && typeof data.source.system === 'string' && data.source.id !== undefined)
          source = { system: data.source.system, id: String(data.source.id) };
      } catch {
        // A file that does not parse is the validator's business; its id still counts as taken.
      }
      return { id: f.slice(0, -3), text, source };
    });
}

async function candidatesFrom(source: string, a: Args, book: ImportBook, progress: (s: string) => void) {
  const candidates: Candidate[] = [];
  const notImported: NotImported[] = [];
  const fromDoc = (doc: unknown, file: string, system: string) => {
    const { services, other } = servicesIn(doc);
    for (const s of services)
      candidates.push(serviceToCandidate(s.doc, { system, file: s.at ? `${file} ${s.at}` : file }, book));
    for (const o of other) notImported.push({ origin: { system, file }, reasons: [o] });
  };
  if (/^https?:\/\//.test(source)) {
    const system = source.replace(/\/+$/, '');
    const { services, pageErrors } = await readFeed(system, {
      concurrency: Number(a.opts.get('--concurrency') ?? 4),
      progress: (d, t) => progress(`read ${d}/${t} services`),
    });
    for (const e of pageErrors)
      notImported.push({
        origin: { system },
        reasons: [`a page of the list did not answer: ${e}; its services may be missing`],
      });
    for (const s of services) {
      if (s.doc) candidates.push(serviceToCandidate(s.doc, { system, id: s.id, file: s.url }, book));
      else notImported.push({ origin: { system, id: s.id, file: s.url }, reasons: [s.error ?? 'no answer'] });
    }
    return { candidates, notImported };
  }
  if (!existsSync(source)) throw new Error(`${source} does not exist.`);
  const system = basename(resolve(source));
  if (statSync(source).isDirectory()) {
    const files = readdirSync(source).sort();
    if (files.includes('datapackage.json') || files.includes('services.csv')) {
      const tables: Record<string, Record<string, string>[]> = {};
      for (const f of files.filter((f) => f.endsWith('.csv'))) tables[f.slice(0, -4)] = readCsvObjects(join(source, f));
      const { services, unread } = tablesToServices(tables);
      for (const s of services)
        candidates.push(serviceToCandidate(s.doc, { system, file: `services.csv row ${s.row}` }, book));
      for (const u of unread)
        notImported.push({ origin: { system, file: `${u.table}.csv`, row: u.row }, reasons: [u.reason] });
      return { candidates, notImported };
    }
    for (const f of files.filter((f) => f.endsWith('.json')))
      fromDoc(JSON.parse(readFileSync(join(source, f), 'utf8')), join(source, f), system);
    return { candidates, notImported };
  }
  const ext = extname(source).toLowerCase();
  if (ext === '.json') {
    fromDoc(JSON.parse(readFileSync(source, 'utf8')), source, system);
    return { candidates, notImported };
  }
  if (ext === '.csv' || ext === '.xlsx') {
    const mapFile = a.opts.get('--mapping');
    if (!mapFile)
      throw new Error(
        `${source} is a spreadsheet: say which column holds what with --mapping map.yaml. Fix: start from npm run import -- --suggest-mapping ${source}`,
      );
    const raw = yaml.load(readFileSync(mapFile, 'utf8')) as { sheet?: string; header_row?: number };
    const rows = await readSheet(source, raw?.sheet);
    const mapping = checkMapping(raw, headersOf(rows, raw?.header_row));
    const out = sheetToCandidates(rows, mapping, system, book);
    return out;
  }
  throw new Error(
    `${source}: not a source the importer reads (an http(s) address, a .json file, a folder, a .csv or .xlsx file).`,
  );
}

async function main(argv: string[]): Promise<number> {
  let a: Args;
  try {
    a = parseArgs(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (a.flags.has('--help')) return (void process.stdout.write(USAGE), 0);
  const suggest = a.opts.get('--suggest-mapping');
  if (suggest) {
    const rows = await readSheet(suggest);
    const at = guessHeaderRow(rows);
    const dir = contentDir();
    const [category] = loadCategories(dir);
    const [neighbourhood] = loadNeighbourhoods(dir);
    process.stdout.write(
      suggestMapping(headersOf(rows, at), at, {
        category: category && { id: category.id, name: category.name },
        neighbourhood: neighbourhood && { id: neighbourhood.id, name: neighbourhood.name },
      }),
    );
    return 0;
  }
  if (!a.source) {
    process.stderr.write(USAGE);
    return 2;
  }
  const dir = contentDir();
  const quiet = a.flags.has('--quiet');
  const progress = (s: string) => {
    if (!quiet && process.stderr.isTTY) process.stderr.write(`\r${s}   `);
  };
  try {
    const book = loadBook(dir, a);
    const outDir = resolve(a.opts.get('--out') ?? join(dir, 'entries'));
    const started = performance.now();
    const { candidates, notImported } = await candidatesFrom(a.source, a, book, progress);
    const dryRun = a.flags.has('--dry-run');
    // Each file is written as soon as its entry is settled, on a helper thread (./writer.ts).
    const writer = dryRun ? undefined : startWriter();
    let written = 0;
    let result: ImportResult;
    try {
      result = planImport(candidates, book, existingEntries(outDir), {
        force: a.flags.has('--force'),
        mergeDuplicates: a.flags.has('--merge-duplicates'),
        progress: (d, t) => progress(`mapped ${d}/${t} records`),
        settled: (e) => {
          if (!writer || !isWritten(e)) return;
          if (written++ === 0) mkdirSync(outDir, { recursive: true });
          writer.write(join(outDir, `${e.id}.md`), e.text);
        },
      });
    } finally {
      if (writer) written = await writer.finish();
    }
    result.notImported.unshift(...notImported);
    result.records += notImported.length;
    const seconds = (performance.now() - started) / 1000;
    const reportBase = a.opts.get('--report') ?? 'import-report';
    const meta = {
      source: a.source,
      out: outDir,
      dry_run: dryRun,
      seconds: Math.round(seconds * 100) / 100,
    };
    writeFileSync(`${reportBase}.md`, reportMarkdown(result, a.source));
    writeFileSync(`${reportBase}.json`, reportJson(result, meta));
    const s = summary(result);
    if (process.stderr.isTTY && !quiet) process.stderr.write('\n');
    process.stdout.write(
      `${s.records} records: ${s.imported} entries (${
        Object.entries(s.byAction)
          .map(([k, n]) => `${n} ${k}`)
          .join(', ') || 'none'
      }), ${s.notImported} not imported, ${s.duplicates} possible duplicate pairs. ${written} files written${dryRun ? ' (dry run)' : ` to ${outDir}`} in ${seconds.toFixed(2)} s. Report: ${reportBase}.md, ${reportBase}.json\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`${err instanceof FeedError ? '' : 'Import failed: '}${(err as Error).message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
