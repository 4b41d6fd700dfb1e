/**
 * `npm run test:as-fork -- <command…>`: runs a command in a copy of the project whose content/ is
 * another place (tests/fixtures/fork-book), as a council or charity that forks Community Book
 * would have it. `npm test` runs the test suites this way, so they can never come to depend on
 * the sample book in content/: its first pull request would then fail.
 *
 * The copy holds the files git knows (committed or not, ignored ones left out) as they are in the
 * working tree, and uses the project's node_modules through a link. It is removed afterwards.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeContributing } from '../content/field-reference';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FORK_BOOK = join(root, 'tests', 'fixtures', 'fork-book');

/** The project's files: what git tracks or would track (ignored files left out). */
export function projectFiles(dir = root): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return out.split('\0').filter((f) => f && existsSync(join(dir, f)));
}

/** A copy of the project with `book` as its content/; returns its folder. */
export function forkCopy(book = FORK_BOOK): string {
  const copy = mkdtempSync(join(tmpdir(), 'community-book-fork-'));
  for (const file of projectFiles()) {
    if (file === 'content' || file.startsWith('content/')) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  cpSync(book, join(copy, 'content'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  // As a forking place would (npm run new-place does it): CONTRIBUTING.md's examples in its words.
  writeContributing(copy, join(copy, 'content'));
  return copy;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const command = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
  if (!command.length) {
    process.stderr.write(
      'Usage: npm run test:as-fork -- <command…>   e.g. npm run test:as-fork -- npm run test:unit\n',
    );
    process.exit(2);
  }
  const copy = forkCopy();
  process.stdout.write(
    `Running \`${command.join(' ')}\` in a copy whose content/ is tests/fixtures/fork-book (${copy}).\n`,
  );
  const run = spawnSync(command[0], command.slice(1), { cwd: copy, stdio: 'inherit', env: process.env });
  rmSync(copy, { recursive: true, force: true });
  process.exit(run.status ?? 1);
}
