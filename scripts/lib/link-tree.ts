/**
 * Puts a file or a folder's files at another place as hard links (no bytes copied), falling
 * back to copying a file where a link cannot be made (another disk, a file system without
 * them). A region's build puts its members' search bundles and feeds, hundreds of thousands of
 * files at 100,000 entries, into its own output this way (scripts/build/region.ts).
 *
 * One walk does it all: each folder is read once, with the kind of each name (no `stat` a file),
 * every call is synchronous (a promise a file costs more than the link), and the paths placed
 * are listed as they are made, so the caller need not walk the output again to know what it
 * holds (the service worker's list of files).
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One file, linked (or copied where a link cannot be made). */
export function linkFile(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * `from` (a file or a folder, whole) at `to`, which must not exist yet. Returns the number of
 * files placed; with `placed`, pushes each one's path there, `as` (the path `to` is known by,
 * such as its path in the site) joined with `/` to the path inside it.
 */
export function linkTree(from: string, to: string, placed?: string[], as = ''): number {
  if (!statSync(from).isDirectory()) {
    mkdirSync(dirname(to), { recursive: true });
    linkFile(from, to);
    placed?.push(as);
    return 1;
  }
  mkdirSync(to, { recursive: true });
  return linkFolder(from, to, placed, as);
}

function linkFolder(from: string, to: string, placed: string[] | undefined, as: string): number {
  let files = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    const path = as ? `${as}/${entry.name}` : entry.name;
    // A symbolic link is placed as what it points to, as before (stat follows it).
    const folder = entry.isDirectory() || (entry.isSymbolicLink() && statSync(source).isDirectory());
    if (folder) {
      mkdirSync(target, { recursive: true });
      files += linkFolder(source, target, placed, path);
    } else {
      linkFile(source, target);
      placed?.push(path);
      files++;
    }
  }
  return files;
}
