/**
 * Checks one entry file the way the build reads it and says what is wrong in plain words, with
 * a file, line and column for every problem. Runs in Node and in the browser, so the contribute
 * form gives the same messages as `npm run validate`. Nothing here throws: surprises become a
 * problem of their own.
 */
import type { ZodType } from 'zod';
import { ENTRY_ID, MAX_BODY, MAX_ID_LENGTH, checkBody, makeEntrySchema, type SchemaContext } from '../../schema';
import { compiled } from '../../schema/zod';
import { entryIdFromName } from '../authoring/entry-id';
import { splitFrontMatter } from '../content/front-matter';
import { Locator, type YamlSource } from './locate';
import { schemaIssues } from './messages';
import {
  basename,
  clip,
  countLines,
  internalError,
  problem,
  safeString,
  sanitise,
  sortProblems,
  type Pending,
  type Problem,
  type ValidateOptions,
} from './problems';
import { warnings } from './warnings';
import { FAILED, TOO_BIG_MESSAGE, impossibleDates, parseYaml, withinBudget } from './yaml';

/** Checks one entry file's text. `fileName` is the path shown in problems; its base name is the id. */
export function validateEntryText(
  text: string,
  fileName: string,
  ctx: SchemaContext,
  opts: ValidateOptions = {},
): Problem[] {
  const file = safeString(fileName);
  try {
    return sortProblems(checkEntry(text, file, ctx, opts).map(sanitise));
  } catch (err) {
    return [internalError(file, err)];
  }
}

/**
 * The longest entry file checked, in characters. The longest entry the schema allows is about
 * 10,000 (tests/fixtures/hostile/entries/longest-allowed-fields.md is 7,100); a file twenty times
 * that is not an entry. Checked before anything is parsed, so a crafted megabyte costs nothing.
 */
export const MAX_ENTRY_FILE = 200_000;

/**
 * Time one entry file may take to check, in milliseconds, before it is reported as too complex.
 * Every check grows linearly with the file (at most `MAX_ENTRY_FILE`), and a normal entry takes
 * well under a millisecond, so this never fires on a real entry; it is the backstop for input that
 * finds a slow path nobody foresaw. The budget is looked at between the steps of the check (body,
 * YAML, schema, warnings): a step is not interrupted, but none runs after it is spent.
 */
export const ENTRY_TIME_BUDGET_MS = 2000;

export const tooBigFileMessage = (length: number) =>
  `The file is ${length.toLocaleString('en-GB')} characters long, more than the ${MAX_ENTRY_FILE.toLocaleString('en-GB')} an entry can be, so it was not checked. Fix: an entry is a short description with its details; shorten it (link to the group's website for more).`;

export const TOO_COMPLEX_MESSAGE = `This file is too complex to check: checking it took longer than ${ENTRY_TIME_BUDGET_MS / 1000} seconds, which no real entry does. Fix: simplify it (an ordinary entry has a few fields and a short description); if it is a real entry, report it as a bug.`;

export const BOM_MESSAGE = 'The file starts with an invisible byte-order mark. Fix: save it as UTF-8 without BOM.';

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

const schemaCache = new WeakMap<SchemaContext, ZodType>();

function entrySchema(ctx: SchemaContext): ZodType {
  let s = schemaCache.get(ctx);
  if (!s) {
    s = compiled(makeEntrySchema(ctx)) as unknown as ZodType;
    schemaCache.set(ctx, s);
  }
  return s;
}

function checkEntry(input: string, file: string, ctx: SchemaContext, opts: ValidateOptions): Problem[] {
  const out: Problem[] = [];
  checkFileName(file, out);
  let text = typeof input === 'string' ? input : String(input ?? '');
  if (text.length > MAX_ENTRY_FILE) {
    out.push(problem(file, 1, 1, 'file', tooBigFileMessage(text.length)));
    return out;
  }
  const deadline = now() + (opts.timeBudgetMs ?? ENTRY_TIME_BUDGET_MS);
  /** True (and the problem said) when the file's time is spent. */
  const spent = () => {
    if (now() <= deadline) return false;
    out.push(problem(file, 1, 1, 'file', TOO_COMPLEX_MESSAGE));
    return true;
  };

  if (text.trim() === '' || text === '\ufeff') {
    out.push(
      problem(
        file,
        1,
        1,
        'file',
        'The file is empty. Fix: add the front matter (the fields between two `---` lines) and a description; copying an existing entry is the easiest start.',
      ),
    );
    return out;
  }
  if (text.charCodeAt(0) === 0xfeff) {
    out.push(problem(file, 1, 1, 'file', BOM_MESSAGE));
    text = text.slice(1);
  }
  text = normaliseLineEndings(text, file, out);

  // Astro's split (src/lib/content/front-matter.ts), with the entry format's stricter lines: the
  // file starts with a line of just `---`, and the line that closes the front matter is just `---`.
  const firstEnd = text.indexOf('\n');
  const firstLine = firstEnd < 0 ? text : text.slice(0, firstEnd);
  if (!/^---[ \t]*$/.test(firstLine)) {
    out.push(problem(file, 1, 1, 'front matter', noFrontMatterMessage(text, firstLine)));
    return out;
  }
  const split = splitFrontMatter(text);
  if (!split) {
    out.push(
      problem(
        file,
        1,
        1,
        'front matter',
        'The front matter starts with `---` on line 1 but is never closed. Fix: add a line with just `---` after the last field, before the description.',
      ),
    );
    return out;
  }
  const close = split.closeStart;
  const closeLine = countLines(text, close);
  const closeEnd = text.indexOf('\n', close);
  const closeText = closeEnd < 0 ? text.slice(close) : text.slice(close, closeEnd);
  if (!/^---[ \t]*$/.test(closeText)) {
    out.push(
      problem(
        file,
        closeLine,
        1,
        'front matter',
        `The front matter should end with a line of just \`---\`, but line ${closeLine} is "${clip(closeText)}". Fix: put \`---\` on a line of its own.`,
      ),
    );
    return out;
  }

  // Body: everything after the closing line.
  if (closeEnd >= 0) checkBodyText(text.slice(closeEnd + 1), closeLine + 1, file, out, opts);
  if (spent()) return out;

  // Exactly the text Astro hands to js-yaml.
  const fm = split.yaml;
  const yamlSrc: YamlSource = { text: fm, firstLine: 1, firstLineShift: 3 };

  if (checkTabs(fm, file, out)) return out;

  const loc = new Locator(yamlSrc, opts.positions !== false);
  const data = parseYaml(yamlSrc, loc, file, out);
  if (data === FAILED || spent()) return out;

  if (data === null || data === undefined) {
    out.push(
      problem(
        file,
        1,
        1,
        'front matter',
        'The front matter is empty. Fix: add the fields between the `---` lines: name, summary, categories, neighbourhoods, join and last_verified.',
      ),
    );
    return out;
  }
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof Date) {
    out.push(
      problem(
        file,
        2,
        1,
        'front matter',
        'The front matter is not a set of `field: value` lines. Fix: write one field per line, like `name: Riverside Health Walks`.',
      ),
    );
    return out;
  }
  if (!withinBudget(data)) {
    out.push(problem(file, 1, 1, 'front matter', TOO_BIG_MESSAGE));
    return out;
  }

  const pending: Pending[] = [];
  schemaIssues(entrySchema(ctx), data, pending, ctx);
  impossibleDates(fm, loc, pending);
  if (spent()) return out;
  if (opts.warnings !== false) warnings(data as Record<string, unknown>, opts, pending);
  for (const p of pending) out.push(loc.problem(file, p));
  spent();
  return out;
}

function noFrontMatterMessage(text: string, firstLine: string): string {
  const fix =
    'Fix: start the file with a line of just `---`, then the fields (name:, summary:, …), then another `---` line, then the description.';
  if (firstLine.trim() === '' && /^\s*\n---[ \t]*(\n|$)/.test(text)) {
    return 'The file starts with a blank line; the `---` that opens the front matter must be the very first line. Fix: delete the blank lines above `---`.';
  }
  if (/^\s*\+\+\+/.test(firstLine))
    return `The front matter uses \`+++\` (TOML); entries use YAML between \`---\` lines. ${fix}`;
  if (/^-{1,2}\s*$|^-{4,}\s*$/.test(firstLine))
    return `The first line should be exactly three hyphens, \`---\`, but it is "${clip(firstLine)}". ${fix}`;
  return `The file has no front matter: the first line must be \`---\`. ${fix}`;
}

function checkFileName(file: string, out: Problem[]): void {
  const base = basename(file);
  if (!/\.md$/.test(base)) {
    out.push(
      problem(
        file,
        1,
        1,
        'id',
        `The file name \`${base}\` does not end in \`.md\`, so the site ignores it. Fix: rename it to \`${entryIdFromName(base.replace(/\.[a-z]+$/i, '')) || 'group-name'}.md\`.`,
      ),
    );
    return;
  }
  const id = base.slice(0, -3);
  if (id.length > MAX_ID_LENGTH) {
    // The list, sharing and the contribute form refuse longer ids (isEntryId): one limit everywhere.
    const better = entryIdFromName(id);
    out.push(
      problem(
        file,
        1,
        1,
        'id',
        `The file name is ${id.length} characters long before \`.md\`, more than the ${MAX_ID_LENGTH} an id can be (a longer one could not be added to a list or shared). Fix: rename it to a shorter id, e.g. \`${better || 'group-name'}.md\`.`,
      ),
    );
  } else if (!ENTRY_ID.test(id)) {
    const better = entryIdFromName(id);
    out.push(
      problem(
        file,
        1,
        1,
        'id',
        `The file name \`${base}\` is not a valid id: it becomes the page address, so use only lower-case letters, digits and single hyphens. Fix: rename it to \`${better || 'group-name'}.md\`.`,
      ),
    );
  }
}

function checkBodyText(rest: string, startLine: number, file: string, out: Problem[], opts: ValidateOptions): void {
  // Astro trims the body; skip leading blank lines but keep counting them.
  const lead = /^(?:[ \t]*\n)*/.exec(rest)![0];
  const skipped = lead.split('\n').length - 1;
  const body = rest.slice(lead.length).trimEnd();
  // The parser runs only on a body within the limit (checkBody says so first for a longer one).
  const nodes = opts.markdown && body.length <= MAX_BODY ? opts.markdown(body) : undefined;
  for (const issue of checkBody(body, nodes)) {
    out.push(problem(file, startLine + skipped + issue.line - 1, issue.column, 'body', issue.message));
  }
}

/** Accepts CRLF (Astro does) by treating it as LF; a lone CR is an error. Keeps line numbers. */
export function normaliseLineEndings(text: string, file: string, out: Problem[]): string {
  if (text.indexOf('\r') < 0) return text;
  let t = text.replace(/\r\n/g, '\n');
  const lone = t.indexOf('\r');
  if (lone >= 0) {
    const line = countLines(t, lone);
    const column = lone - t.lastIndexOf('\n', lone - 1);
    out.push(
      problem(
        file,
        line,
        column,
        'file',
        'This line contains a stray carriage-return character (an old Mac line ending). Fix: save the file with normal line endings (LF, or CRLF).',
      ),
    );
    t = t.replace(/\r/g, ' ');
  }
  return t;
}

/** Tabs used for indentation in the front matter. Returns true when any were found. */
function checkTabs(fm: string, file: string, out: Problem[]): boolean {
  if (fm.indexOf('\t') < 0) return false;
  let found = false;
  const lines = fm.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const m = /^( *)\t[ \t]*\S/.exec(lines[i]);
    if (m) {
      found = true;
      out.push(
        problem(
          file,
          i + 1,
          m[1].length + 1,
          'front matter',
          `Line ${i + 1} is indented with a tab. Fix: use spaces to indent (YAML does not allow tabs).`,
        ),
      );
    }
  }
  return found;
}
