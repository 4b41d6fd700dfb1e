/**
 * Which files of a content folder are entries (`entries/*.md`) and neighbourhoods
 * (`neighbourhoods/*.yaml`), in file-name order. The build, the validator, the content
 * collections' reader and the data-files process all list them here, so they agree on what the
 * book holds. No schema is loaded, so the build can count entries before it starts its steps.
 */
import { constants, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** The content folder: `content/`, unless BOOK_CONTENT names another (fixture and generated books). */
export function contentDir(): string {
  return resolve(process.env.BOOK_CONTENT ?? 'content');
}

/**
 * The entry files' names (`<id>.md`), sorted; none when the folder has no entries folder. Only
 * ordinary files: a symbolic link is never an entry (it could publish a file from outside the
 * repository); `entryFolderStrays` reports it, and anything else in the folder that is not read.
 */
export function entryFileNames(dir: string): string[] {
  try {
    return readdirSync(join(dir, 'entries'), { withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.md'))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

/** Something in the entries folder that is not an entry file, and why it is not read. */
export interface EntryFolderStray {
  /** Path inside the entries folder, with forward slashes. */
  name: string;
  kind: 'symlink' | 'folder' | 'extension' | 'other';
}

/** Names a folder may hold that are not content: editors' and systems' own files. */
const IGNORED = new Set(['.gitkeep', '.DS_Store', 'Thumbs.db', 'desktop.ini']);

/**
 * Everything in `<content>/entries` that the build does not read as an entry: symbolic links
 * (never followed, never read), sub-folders (entries are not read from them), and files whose
 * name does not end in `.md` (`walk.MD`, `walk.markdown`, `walk.md.txt`). None of them is an entry,
 * so each is reported rather than silently skipped.
 */
export function entryFolderStrays(dir: string): EntryFolderStray[] {
  let found;
  try {
    found = readdirSync(join(dir, 'entries'), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: EntryFolderStray[] = [];
  for (const d of found) {
    if (IGNORED.has(d.name)) continue;
    if (d.isSymbolicLink()) out.push({ name: d.name, kind: 'symlink' });
    else if (d.isDirectory()) out.push({ name: `${d.name}/`, kind: 'folder' });
    else if (!d.isFile()) out.push({ name: d.name, kind: 'other' });
    else if (!d.name.endsWith('.md')) out.push({ name: d.name, kind: 'extension' });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** How many entry files the content folder has. */
export function countEntryFiles(dir = contentDir()): number {
  return entryFileNames(dir).length;
}

/** The neighbourhood files' names (`<id>.yaml`), sorted; none when the folder has none. */
export function neighbourhoodFileNames(dir: string): string[] {
  try {
    return readdirSync(join(dir, 'neighbourhoods'))
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  } catch {
    return [];
  }
}

/** What `readFileNotFollowing` answers for a symbolic link. */
export const SYMBOLIC_LINK = Symbol('a symbolic link');

/**
 * A file's text, never through a symbolic link: `SYMBOLIC_LINK` when `path` is one (a link could
 * publish a file from outside the repository). The file is opened with O_NOFOLLOW, so the system
 * refuses a link in the same step as the open: one call fewer per file than asking lstat first (in
 * a CPU profile of `npm run validate` on 10,000 entries, the lstat calls took about as long as the
 * reads). When the open fails, lstat says whether it was a link (O_NOFOLLOW's error differs between
 * systems, and a loop of links in a folder above gives the same one); any other failure throws, as
 * `readFileSync` does (ENOENT, EACCES, EISDIR). Where the system has no O_NOFOLLOW (Windows),
 * lstat first. `noFollow` is for the tests.
 */
export function readFileNotFollowing(
  path: string,
  noFollow: number | undefined = constants.O_NOFOLLOW,
): string | typeof SYMBOLIC_LINK {
  if (noFollow === undefined) return isSymbolicLink(path) ? SYMBOLIC_LINK : readFileSync(path, 'utf8');
  try {
    // Opened, read and closed in one call (Node's UTF-8 fast path takes the open flags).
    return readFileSync(path, { encoding: 'utf8', flag: constants.O_RDONLY | noFollow });
  } catch (err) {
    if (isSymbolicLink(path)) return SYMBOLIC_LINK;
    throw err;
  }
}

/** True for a symbolic link (looked at with lstat: the link's target is never opened). */
function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * `(p) => relative(from, p) || p`, the path a problem names, made once for a folder of many files:
 * for a file directly in `folder` (an absolute, normalised path, as `join` makes it) it is the
 * folder's own relative path and the file's name, without working out `relative` again for each of
 * 10,000 entries. Any other path goes through `relative`. The tests hold it to `relative`.
 */
export function relativeNamer(from: string, folder: string): (p: string) => string {
  const prefix = folder.endsWith(sep) ? folder : folder + sep;
  const folderRel = relative(from, folder);
  const head = folderRel === '' ? '' : folderRel + sep;
  return (p: string) => {
    if (p.startsWith(prefix)) {
      const name = p.slice(prefix.length);
      if (name !== '' && name !== '.' && name !== '..' && !name.includes(sep) && !name.includes('/'))
        return head + name;
    }
    return relative(from, p) || p;
  };
}
