/**
 * When each entry last changed: the date of the last commit of its file, for `last_modified` in
 * the Open Referral feed and the DTSTAMP / SEQUENCE of its calendar events. Node only (it runs
 * git); the pure builders get the result as data (`ExportContext.modified`).
 *
 * One `git log` for the whole content folder, newest commit first: the first commit that names a
 * file is its last. The dates are the commits' committer dates, so the same commit always gives
 * the same times (two builds of one commit are byte-identical). Outside a git work tree (a copy of
 * the project without `.git`, as `npm test` makes), or for a file with no commit yet, there is no
 * date here, and the builders fall back to the start of the day the entry was last verified
 * (`lastModified` in src/lib/exports/context.ts).
 *
 * BOOK_ENTRIES_HISTORY names another entries folder to read the history of: a shard of a big
 * book (scripts/build/shards.ts) is built from a folder outside git holding links to the book's
 * entry files, so its dates come from the book's own `entries/`.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { ModifiedTimes } from '../lib/exports/context';
import { contentDir, entryFileNames } from './content-paths';

const MARK = '\u0001';

/**
 * The lines of `git log --name-only --relative` in `cwd` (a commit's date after MARK, then the
 * files it changed, relative to `cwd`), newest commit first; undefined where git cannot run.
 */
function gitLog(cwd: string): string[] | undefined {
  try {
    const out = execFileSync(
      'git',
      [
        '-c',
        'core.quotePath=false',
        'log',
        `--format=${MARK}%cI`,
        '--name-only',
        '--relative',
        '--no-renames',
        '--',
        '.',
      ],
      { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 },
    );
    return out.split('\n');
  } catch {
    return undefined;
  }
}

/** An ISO date with offset, as git writes it, as a UTC instant with milliseconds. */
function utc(iso: string): string | undefined {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/**
 * When each entry of the content folder `dir` last changed, by entry id (its file name without
 * `.md`). Empty outside git.
 */
export function entryModifiedTimes(dir = contentDir()): ModifiedTimes {
  const out = new Map<string, string>();
  const names = new Set(entryFileNames(dir));
  if (!names.size) return out;
  const lines = gitLog(process.env.BOOK_ENTRIES_HISTORY || join(dir, 'entries'));
  if (!lines) return out;
  let date: string | undefined;
  for (const line of lines) {
    if (line.startsWith(MARK)) date = utc(line.slice(1));
    else if (date && names.has(line) && !out.has(line)) out.set(line, date);
  }
  return new Map([...out].map(([name, when]) => [name.slice(0, -'.md'.length), when]));
}
