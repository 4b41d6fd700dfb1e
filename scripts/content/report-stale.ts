/**
 * `npm run report:stale`: the entries due for re-verification (last checked 12 or more months ago,
 * or site.yaml's `stale_after_months`), oldest first, with whom to ask.
 *
 *   npm run report:stale                      # for a terminal
 *   npm run --silent report:stale -- --markdown   # the weekly issue's body (stale-report.yml)
 *
 * Options: --markdown, --json, --months N, --today YYYY-MM-DD (default BOOK_TODAY, else today in
 * London), --include-closed. Reads `content/` or the folder named by BOOK_CONTENT. Entries that
 * do not pass the schema are skipped with a note on stderr (npm run validate says why).
 */
import { pathToFileURL } from 'node:url';
import { contentDir, loadContext, loadSite, readEntryFiles } from '../../src/server/content-files';
import type { SchemaContext } from '../../src/schema';
import { londonDate } from '../../src/lib/calendar/london';
import { formatStaleMarkdown, formatStaleText, staleEntries, type StaleSource } from '../../src/lib/book/stale-report';

const USAGE = `Usage: npm run report:stale [-- [--markdown | --json] [--months N] [--today YYYY-MM-DD] [--include-closed]]

Lists the entries last checked N or more months ago (default: stale_after_months in site.yaml),
oldest first, with whom to ask.
`;

/** Reads every entry the way the build does (js-yaml, the entry schema). */
export function readEntries(dir: string, ctx: SchemaContext): { entries: StaleSource[]; skipped: string[] } {
  const { entries, invalid } = readEntryFiles(dir, ctx);
  return { entries, skipped: invalid };
}

export interface ReportArgs {
  format: 'text' | 'markdown' | 'json';
  months?: number;
  today?: string;
  includeClosed: boolean;
}

export function parseArgs(argv: readonly string[]): ReportArgs | string {
  const args: ReportArgs = { format: 'text', includeClosed: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    if (a === '--markdown') args.format = 'markdown';
    else if (a === '--json') args.format = 'json';
    else if (a === '--include-closed') args.includeClosed = true;
    else if (a === '--months' || a.startsWith('--months=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1)
        return `--months needs a whole number of months, e.g. --months 12 (got "${v ?? ''}").`;
      args.months = n;
    } else if (a === '--today' || a.startsWith('--today=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return `--today needs a date as YYYY-MM-DD (got "${v ?? ''}").`;
      args.today = v;
    } else if (a === '--help' || a === '-h') return '';
    else return `Unknown option ${a}.`;
  }
  return args;
}

/** Runs the report; returns the text for stdout. */
export function report(args: ReportArgs, dir = contentDir()): { out: string; skipped: string[] } {
  const site = loadSite(dir);
  const ctx = loadContext(dir);
  const { entries, skipped } = readEntries(dir, ctx);
  const pinned = process.env.BOOK_TODAY;
  const today = args.today ?? (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? pinned : londonDate(new Date()));
  const months = args.months ?? site.stale_after_months;
  const items = staleEntries(entries, { today, months, includeClosed: args.includeClosed });
  const opts = { today, months, total: entries.length, repository: site.repository, branch: site.branch };
  if (args.format === 'json')
    return {
      out: `${JSON.stringify({ today, months, total: entries.length, due: items, skipped }, null, 2)}\n`,
      skipped,
    };
  if (args.format === 'markdown') {
    let out = formatStaleMarkdown(items, opts);
    if (skipped.length)
      out += `\n${skipped.length} ${skipped.length === 1 ? 'entry was' : 'entries were'} not read because ${skipped.length === 1 ? 'it has' : 'they have'} errors: run \`npm run validate\`.\n`;
    return { out, skipped };
  }
  return { out: formatStaleText(items, opts), skipped };
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    if (args === '') {
      process.stdout.write(USAGE);
      return 0;
    }
    process.stderr.write(`${args}\n\n${USAGE}`);
    return 2;
  }
  const { out, skipped } = report(args);
  process.stdout.write(out);
  if (skipped.length && args.format === 'text') {
    process.stderr.write(
      `\nSkipped ${skipped.length} entries with errors (${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''}): run npm run validate.\n`,
    );
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`report:stale: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
