/**
 * `npm run validate [files…]`: checks the content and prints every problem as
 * `path:line:column field — message`, then a summary. Exit code 1 when there is any error.
 *
 * With no files: every `*.md` in `<content>/entries`, plus site.yaml, categories.yaml and each
 * neighbourhood. With files: just those (ids are still checked against the whole entries folder).
 * The content folder is `content/`, or the one named by BOOK_CONTENT.
 *
 * Options: --json (machine-readable), --quiet (errors only). On GitHub Actions
 * (GITHUB_ACTIONS=true) each problem is also printed as an annotation.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ZodType } from 'zod';
import { contentDir, loadContext, loadSite } from '../src/lib/content-files';
import { neighbourhoodSchema, siteSchema, taxonomySchema, type SchemaContext } from '../src/schema';
import {
  duplicateIdProblems,
  formatProblem,
  githubAnnotation,
  sortProblems,
  summarise,
  validateDataFile,
  validateEntryText,
  type Problem,
} from '../src/lib/validate';

const USAGE = `Usage: npm run validate [-- [--json] [--quiet] [files…]]

Checks the entries in <content>/entries (content/, or BOOK_CONTENT) and prints each problem as
path:line:column field — message. Exit code 1 when there is any error.

  --json    print the problems as JSON
  --quiet   print errors only (no warnings)
`;

async function main(argv: string[]): Promise<number> {
  const flags = new Set<string>();
  const files: string[] = [];
  for (const arg of argv) {
    if (arg === '--') continue;
    if (arg.startsWith('--')) flags.add(arg);
    else files.push(arg);
  }
  for (const f of flags) {
    if (!['--json', '--quiet', '--help'].includes(f)) {
      process.stderr.write(`Unknown option ${f}.\n\n${USAGE}`);
      return 2;
    }
  }
  if (flags.has('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const json = flags.has('--json');
  const quiet = flags.has('--quiet');
  const github = process.env.GITHUB_ACTIONS === 'true';

  const cwd = process.cwd();
  const rel = (p: string) => relative(cwd, p) || p;
  const dir = contentDir();
  const entriesDir = join(dir, 'entries');
  const hoodsDir = join(dir, 'neighbourhoods');
  const sitePath = join(dir, 'site.yaml');
  const categoriesPath = join(dir, 'categories.yaml');

  const problems: Problem[] = [];
  const fileProblem = (path: string, message: string): Problem => ({ file: rel(path), line: 1, column: 1, field: 'file', message, severity: 'error' });
  const read = (path: string): string | undefined => {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      problems.push(fileProblem(path, `The file could not be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).`));
      return undefined;
    }
  };
  const checkData = (path: string, schema: ZodType, ctx?: SchemaContext) => {
    const text = read(path);
    if (text !== undefined) problems.push(...validateDataFile(text, rel(path), schema, ctx));
  };
  const listEntries = (): string[] => {
    try {
      return readdirSync(entriesDir, { withFileTypes: true })
        .filter((d) => !d.isDirectory() && d.name.endsWith('.md'))
        .map((d) => join(entriesDir, d.name))
        .sort();
    } catch {
      return [];
    }
  };
  const checkNeighbourhood = (path: string) => {
    checkData(path, neighbourhoodSchema);
    const id = basename(path).replace(/\.yaml$/, '');
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      problems.push(fileProblem(path, `The file name \`${basename(path)}\` is not a valid neighbourhood id. Fix: use lower-case words joined by hyphens, e.g. hindley-and-abram.yaml.`));
    }
  };

  // The context (bounds, category and neighbourhood ids) comes from the content folder.
  let ctx: SchemaContext | undefined;
  let staleMonths = 12;
  try {
    ctx = loadContext(dir);
    staleMonths = loadSite(dir).stale_after_months;
  } catch {
    ctx = undefined;
  }

  let entryPaths: string[];
  let otherPaths: string[] = [];
  if (files.length === 0) {
    // The whole book.
    if (!existsSync(sitePath)) problems.push(fileProblem(sitePath, 'site.yaml is missing. Fix: copy it from the sample book and edit it.'));
    else checkData(sitePath, siteSchema);
    if (!existsSync(categoriesPath)) problems.push(fileProblem(categoriesPath, 'categories.yaml is missing. Fix: copy it from the sample book and edit it.'));
    else checkData(categoriesPath, taxonomySchema);
    let hoods: string[] = [];
    try {
      hoods = readdirSync(hoodsDir).filter((f) => f.endsWith('.yaml')).sort();
    } catch {
      problems.push(fileProblem(hoodsDir, 'The neighbourhoods folder is missing. Fix: add one .yaml file per neighbourhood.'));
    }
    for (const h of hoods) checkNeighbourhood(join(hoodsDir, h));
    if (!existsSync(entriesDir)) problems.push(fileProblem(entriesDir, 'The entries folder is missing. Fix: create it and add entries as <id>.md files.'));
    entryPaths = listEntries();
  } else {
    // Just the named files; a settings file given by name is checked as one.
    entryPaths = [];
    for (const f of files) {
      const abs = resolve(f);
      if (abs === sitePath) checkData(abs, siteSchema);
      else if (abs === categoriesPath) checkData(abs, taxonomySchema);
      else if (dirname(abs) === hoodsDir && abs.endsWith('.yaml')) checkNeighbourhood(abs);
      else if (!existsSync(abs)) problems.push(fileProblem(abs, 'There is no such file.'));
      else entryPaths.push(abs);
    }
    entryPaths = [...new Set(entryPaths)];
    otherPaths = listEntries().map(rel);
    if (!ctx) {
      // Say why the entries can't be checked.
      if (existsSync(sitePath)) checkData(sitePath, siteSchema);
      if (existsSync(categoriesPath)) checkData(categoriesPath, taxonomySchema);
    }
  }

  if (ctx) {
    const files = entryPaths.map((abs) => ({ abs, rel: rel(abs) }));
    problems.push(...(await checkEntries({ dir, staleMonths, warnings: !quiet, files }, ctx)));
    problems.push(...duplicateIdProblems(files.map((f) => f.rel), otherPaths));
  } else {
    const why = 'The entries were not checked, because site.yaml or categories.yaml (which they are checked against) has errors. Fix: correct those first.';
    if (!problems.some((p) => p.severity === 'error')) problems.push(fileProblem(sitePath, `${why} (They could not be read.)`));
    else problems.push({ ...fileProblem(entriesDir, why), field: 'entries' });
    entryPaths = [];
  }

  sortProblems(problems);
  const shown = quiet ? problems.filter((p) => p.severity === 'error') : problems;
  const errorCount = problems.filter((p) => p.severity === 'error').length;

  if (json) {
    // With --quiet the warning checks are skipped, so there is no count to give.
    const warningsCount = quiet ? null : problems.length - errorCount;
    process.stdout.write(`${JSON.stringify({ checked: entryPaths.length, errors: errorCount, warnings: warningsCount, problems: shown }, null, 2)}\n`);
    return errorCount > 0 ? 1 : 0;
  }

  const lines: string[] = [];
  for (const p of shown) lines.push(formatProblem(p));
  if (github) for (const p of shown) lines.push(githubAnnotation(p));
  if (!quiet || errorCount > 0) lines.push(summarise(entryPaths.length, problems, !quiet));
  if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
  return errorCount > 0 ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Checking the entries, split across worker threads for big books.

interface Job {
  dir: string;
  staleMonths: number;
  /** false with --quiet: the checks that can only warn are skipped (their output is not shown). */
  warnings: boolean;
  files: { abs: string; rel: string }[];
}

/**
 * Below twice this many files one thread is quicker than starting workers: each worker loads tsx
 * and the schema again (measured at 10,000 entries on 2 cores: one thread 3.3 s, two workers 5.8 s).
 */
const FILES_PER_WORKER = 10_000;

function checkJob(job: Job, ctx: SchemaContext): Problem[] {
  const out: Problem[] = [];
  for (const f of job.files) {
    let text: string;
    try {
      text = readFileSync(f.abs, 'utf8');
    } catch (err) {
      out.push({ file: f.rel, line: 1, column: 1, field: 'file', message: `The file could not be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).`, severity: 'error' });
      continue;
    }
    out.push(...validateEntryText(text, f.rel, ctx, { staleMonths: job.staleMonths, warnings: job.warnings }));
  }
  return out;
}

async function checkEntries(job: Job, ctx: SchemaContext): Promise<Problem[]> {
  const threads = Math.min(availableParallelism(), 8, Math.floor(job.files.length / FILES_PER_WORKER));
  if (threads < 2) return checkJob(job, ctx);
  const size = Math.ceil(job.files.length / threads);
  const parts: Job[] = [];
  for (let i = 0; i < job.files.length; i += size) parts.push({ ...job, files: job.files.slice(i, i + size) });
  const results = await Promise.all(
    parts.map(
    (part) =>
      new Promise<Problem[]>((done) => {
        let settled = false;
        const finish = (problems: Problem[]) => {
          if (!settled) {
            settled = true;
            done(problems);
          }
        };
        try {
          // Workers inherit tsx through execArgv. A roomy young generation saves garbage-collection time.
          const worker = new Worker(fileURLToPath(import.meta.url), { workerData: part, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
          worker.once('message', (problems: Problem[]) => finish(problems));
          worker.once('error', () => finish(checkJob(part, ctx)));
          worker.once('exit', (code) => {
            if (code !== 0) finish(checkJob(part, ctx));
          });
        } catch {
          finish(checkJob(part, ctx));
        }
      }),
    ),
  );
  return results.flat();
}

if (isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`validate: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
} else {
  const job = workerData as Job;
  const r = checkJob(job, loadContext(job.dir));
  parentPort!.postMessage(r);
}
