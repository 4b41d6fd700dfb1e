/**
 * `npm run validate [files…]`: checks the content and prints every problem as
 * `path:line:column field — message`, then a summary. Exit code 1 when there is any error.
 *
 * With no files: every `*.md` in `<content>/entries`, plus site.yaml, categories.yaml, vocabulary.yaml, region.yaml, shards.yaml and messages/*.yaml (if any) and each
 * neighbourhood. With files: just those (ids are still checked against the whole entries folder).
 * The content folder is `content/`, or the one named by BOOK_CONTENT.
 *
 * Options: --json (machine-readable), --quiet (errors only). On GitHub Actions
 * (GITHUB_ACTIONS=true) each problem is also printed as an annotation.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve, dirname, basename, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ZodType } from 'zod';
import { contentDir, loadContext, loadSite } from '../../src/server/content-files';
import {
  SYMBOLIC_LINK,
  entryFileNames,
  entryFolderStrays,
  neighbourhoodFileNames,
  readFileNotFollowing,
  relativeNamer,
} from '../../src/server/content-paths';
import { messagesFile, messagesSchemaFor } from '../../src/server/messages';
import { primaryLanguage } from '../../src/schema';
import { bodyNodes } from '../../src/server/markdown';
import {
  neighbourhoodSchema,
  regionSchema,
  shardsSchema,
  shardsSchemaFor,
  siteSchema,
  taxonomySchema,
  vocabularySchema,
  type SchemaContext,
} from '../../src/schema';
import {
  duplicateIdProblems,
  formatProblem,
  githubAnnotation,
  sortProblems,
  summarise,
  validateDataFile,
  validateEntryText,
  type Problem,
} from '../../src/lib/validate';

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
  const dir = contentDir();
  const entriesDir = join(dir, 'entries');
  const rel = relativeNamer(cwd, entriesDir);
  const hoodsDir = join(dir, 'neighbourhoods');
  const sitePath = join(dir, 'site.yaml');
  const categoriesPath = join(dir, 'categories.yaml');
  // Optional: the everyday words search understands (src/schema/vocabulary.ts).
  const vocabularyPath = join(dir, 'vocabulary.yaml');
  // Optional: the member books of a region (src/schema/region.ts).
  const regionPath = join(dir, 'region.yaml');
  // Optional: the book built in shards (src/schema/shards.ts), checked against its neighbourhoods.
  const shardsPath = join(dir, 'shards.yaml');
  const checkShards = () => checkData(shardsPath, ctx ? shardsSchemaFor(ctx.neighbourhoodIds) : shardsSchema);
  // Optional: the site's words reworded or translated, one file per language (src/schema/messages.ts).
  const messagesDir = join(dir, 'messages');
  const checkMessages = (path: string) => {
    const language = basename(path).replace(/\.yaml$/, '');
    if (!/^[a-z]{2,3}$/.test(language)) {
      problems.push(
        fileProblem(
          path,
          `The file name \`${basename(path)}\` is not a language: messages files are named after one, e.g. en.yaml or cy.yaml.`,
        ),
      );
    } else checkData(path, messagesSchemaFor(language));
  };

  const problems: Problem[] = [];
  const fileProblem = (path: string, message: string): Problem => ({
    file: rel(path),
    line: 1,
    column: 1,
    field: 'file',
    message,
    severity: 'error',
  });
  const read = (path: string): string | undefined => {
    if (isSymlink(path)) {
      problems.push(fileProblem(path, SYMLINK_MESSAGE));
      return undefined;
    }
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      problems.push(
        fileProblem(path, `The file could not be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).`),
      );
      return undefined;
    }
  };
  const checkData = (path: string, schema: ZodType, ctx?: SchemaContext) => {
    const text = read(path);
    if (text !== undefined) problems.push(...validateDataFile(text, rel(path), schema, ctx));
  };
  // `join` for each of the files, quicker: a name from the folder's listing holds no separator.
  const listEntries = (): string[] => entryFileNames(dir).map((name) => `${entriesDir}${sep}${name}`);
  const checkNeighbourhood = (path: string) => {
    checkData(path, neighbourhoodSchema);
    const id = basename(path).replace(/\.yaml$/, '');
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      problems.push(
        fileProblem(
          path,
          `The file name \`${basename(path)}\` is not a valid neighbourhood id. Fix: use lower-case words joined by hyphens, e.g. hindley-and-abram.yaml.`,
        ),
      );
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
    if (!existsSync(sitePath))
      problems.push(fileProblem(sitePath, 'site.yaml is missing. Fix: copy it from the sample book and edit it.'));
    else checkData(sitePath, siteSchema);
    if (!existsSync(categoriesPath))
      problems.push(
        fileProblem(categoriesPath, 'categories.yaml is missing. Fix: copy it from the sample book and edit it.'),
      );
    else checkData(categoriesPath, taxonomySchema);
    if (existsSync(vocabularyPath)) checkData(vocabularyPath, vocabularySchema);
    if (existsSync(regionPath)) checkData(regionPath, regionSchema);
    if (existsSync(shardsPath)) checkShards();
    const language = ctx ? loadSite(dir).language : 'en';
    if (primaryLanguage(language) !== 'en' && !existsSync(messagesFile(dir, language)))
      problems.push(
        fileProblem(
          messagesFile(dir, language),
          `site.yaml's language is ${language}, so the site's words must come from this file, which is missing. Fix: add it, with every message of src/lib/text/messages-en.ts in that language.`,
        ),
      );
    if (existsSync(messagesDir))
      for (const f of readdirSync(messagesDir).sort()) if (f.endsWith('.yaml')) checkMessages(join(messagesDir, f));
    const hoods = neighbourhoodFileNames(dir);
    if (!existsSync(hoodsDir)) {
      problems.push(
        fileProblem(hoodsDir, 'The neighbourhoods folder is missing. Fix: add one .yaml file per neighbourhood.'),
      );
    }
    for (const h of hoods) checkNeighbourhood(join(hoodsDir, h));
    if (!existsSync(entriesDir))
      problems.push(
        fileProblem(entriesDir, 'The entries folder is missing. Fix: create it and add entries as <id>.md files.'),
      );
    entryPaths = listEntries();
    for (const stray of entryFolderStrays(dir)) problems.push(fileProblem(join(entriesDir, stray.name), strayMessage(stray)));
  } else {
    // Just the named files; a settings file given by name is checked as one.
    entryPaths = [];
    for (const f of files) {
      const abs = resolve(f);
      if (abs === sitePath) checkData(abs, siteSchema);
      else if (abs === categoriesPath) checkData(abs, taxonomySchema);
      else if (abs === vocabularyPath) checkData(abs, vocabularySchema);
      else if (abs === regionPath) checkData(abs, regionSchema);
      else if (abs === shardsPath) checkShards();
      else if (dirname(abs) === messagesDir && abs.endsWith('.yaml')) checkMessages(abs);
      else if (dirname(abs) === hoodsDir && abs.endsWith('.yaml')) checkNeighbourhood(abs);
      else if (isSymlink(abs)) problems.push(fileProblem(abs, SYMLINK_MESSAGE));
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
    problems.push(
      ...duplicateIdProblems(
        files.map((f) => f.rel),
        otherPaths,
      ),
    );
  } else {
    const why =
      'The entries were not checked, because site.yaml or categories.yaml (which they are checked against) has errors. Fix: correct those first.';
    if (!problems.some((p) => p.severity === 'error'))
      problems.push(fileProblem(sitePath, `${why} (They could not be read.)`));
    else problems.push({ ...fileProblem(entriesDir, why), field: 'entries' });
    entryPaths = [];
  }

  sortProblems(problems);
  const shown = quiet ? problems.filter((p) => p.severity === 'error') : problems;
  const errorCount = problems.filter((p) => p.severity === 'error').length;

  if (json) {
    // With --quiet the warning checks are skipped, so there is no count to give.
    const warningsCount = quiet ? null : problems.length - errorCount;
    process.stdout.write(
      `${JSON.stringify({ checked: entryPaths.length, errors: errorCount, warnings: warningsCount, problems: shown }, null, 2)}\n`,
    );
    return errorCount > 0 ? 1 : 0;
  }

  const lines: string[] = [];
  for (const p of shown) lines.push(formatProblem(p));
  if (github) for (const p of shown) lines.push(githubAnnotation(p));
  if (!quiet || errorCount > 0) lines.push(summarise(entryPaths.length, problems, !quiet));
  if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
  return errorCount > 0 ? 1 : 0;
}

/** True for a symbolic link (looked at with lstat: the link's target is never opened). */
function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

const SYMLINK_MESSAGE =
  'This is a symbolic link, so it was not read: a link could publish a file from outside the repository. Fix: replace the link with the file itself.';

/** Why something in the entries folder is not an entry. */
function strayMessage(stray: { name: string; kind: 'symlink' | 'folder' | 'extension' | 'other' }): string {
  const md = stray.name.replace(/\.(?:md\.txt|markdown|mdown|md|txt)$/i, '');
  switch (stray.kind) {
    case 'symlink':
      return SYMLINK_MESSAGE;
    case 'folder':
      return `Entries are not read from sub-folders, so the site ignores everything in \`${stray.name}\`. Fix: move each entry file up into the entries folder itself.`;
    case 'extension':
      return `The file name \`${stray.name}\` does not end in \`.md\`, so the site ignores it. Fix: rename it to \`${md.toLowerCase()}.md\` (lower-case \`.md\`), or remove it if it is not an entry.`;
    default:
      return 'This is not an ordinary file, so the site ignores it. Fix: remove it from the entries folder.';
  }
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
 * Below this many files one thread is as quick: a helper loads the schema again, and the two
 * threads share the cores with the garbage collector (figures in docs/performance.md).
 * BOOK_VALIDATE_HELPERS_FROM overrides it (the tests use it to run the threaded path on a small book).
 */
const FILES_FOR_HELPERS = Number(process.env.BOOK_VALIDATE_HELPERS_FROM) || 20_000;

function checkJob(job: Job, ctx: SchemaContext): Problem[] {
  const out: Problem[] = [];
  for (const f of job.files) {
    let text: string | typeof SYMBOLIC_LINK;
    try {
      // Never through a link, in one step: a file swapped for a link after it was listed is not read either.
      text = readFileNotFollowing(f.abs);
    } catch (err) {
      out.push({
        file: f.rel,
        line: 1,
        column: 1,
        field: 'file',
        message: `The file could not be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).`,
        severity: 'error',
      });
      continue;
    }
    if (text === SYMBOLIC_LINK) {
      out.push({ file: f.rel, line: 1, column: 1, field: 'file', message: SYMLINK_MESSAGE, severity: 'error' });
      continue;
    }
    out.push(
      ...validateEntryText(text, f.rel, ctx, {
        staleMonths: job.staleMonths,
        warnings: job.warnings,
        markdown: bodyNodes,
      }),
    );
  }
  return out;
}

interface Shared {
  /** [0]: index of the next file to check, taken with Atomics.add by whichever thread is free. */
  next: Int32Array;
}

/** Checks files, taking the next unclaimed one until none are left. Returns what it found and how many it checked. */
function checkShare(job: Job, ctx: SchemaContext, shared: Shared): { problems: Problem[]; checked: number } {
  const problems: Problem[] = [];
  let checked = 0;
  for (let i = Atomics.add(shared.next, 0, 1); i < job.files.length; i = Atomics.add(shared.next, 0, 1)) {
    problems.push(...checkJob({ ...job, files: [job.files[i]] }, ctx));
    checked++;
  }
  return { problems, checked };
}

/**
 * Every file is checked exactly once. On a big book, helper threads (one per spare core) start
 * while this thread is already checking; each thread takes the next unchecked file, so a helper
 * that is slow to start just takes fewer. When this thread has checked them all before a helper
 * took any, the helper is stopped and not waited for.
 */
async function checkEntries(job: Job, ctx: SchemaContext): Promise<Problem[]> {
  const helpers = job.files.length < FILES_FOR_HELPERS ? 0 : Math.min(availableParallelism() - 1, 7);
  if (helpers < 1) return checkJob(job, ctx);
  const shared: Shared = { next: new Int32Array(new SharedArrayBuffer(4)) };
  const workers: Worker[] = [];
  // A helper that fails reports it here instead of throwing, so it can't end the process early.
  const results: Promise<{ problems: Problem[]; checked: number } | Error>[] = [];
  for (let h = 0; h < helpers; h++) {
    try {
      // Workers inherit tsx through execArgv. A roomy young generation saves garbage-collection time.
      const worker = new Worker(fileURLToPath(import.meta.url), {
        workerData: { job, next: shared.next },
        resourceLimits: { maxYoungGenerationSizeMb: 64 },
      });
      workers.push(worker);
      results.push(
        new Promise((done) => {
          worker.once('message', (r: { problems: Problem[]; checked: number }) => done(r));
          worker.once('error', (err: unknown) => done(err instanceof Error ? err : new Error(String(err))));
          worker.once('exit', (code) => done(new Error(`a validate helper thread stopped (exit code ${code})`)));
        }),
      );
    } catch {
      // No threads here: this thread checks every file.
    }
  }
  const mine = checkShare(job, ctx, shared);
  if (mine.checked === job.files.length) {
    await Promise.all(workers.map((w) => w.terminate()));
    return mine.problems;
  }
  const theirs = (await Promise.all(results)).filter(
    (r): r is { problems: Problem[]; checked: number } => !(r instanceof Error),
  );
  const checked = mine.checked + theirs.reduce((n, r) => n + r.checked, 0);
  // Only when a helper failed part-way: never report a book as checked when some files were not.
  if (checked !== job.files.length)
    throw new Error(`validate checked ${checked} of ${job.files.length} files: a helper thread failed.`);
  return [...mine.problems, ...theirs.flatMap((r) => r.problems)];
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
  const { job, next } = workerData as { job: Job; next: Int32Array };
  parentPort!.postMessage(checkShare(job, loadContext(job.dir), { next }));
}
