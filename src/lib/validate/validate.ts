/**
 * Checks entry files the way the build reads them, and says what is wrong in plain words with a
 * file, line and column for every problem. Pure (no Node imports), so the contribute form in the
 * browser can run the same checks as `npm run validate`.
 *
 * The front matter is parsed exactly as Astro's build does (js-yaml 4 `load`, default schema: no
 * executable types, unquoted dates become Date objects) and checked with the same zod schema. The
 * `yaml` package is used only to find positions, and only for files that have problems.
 *
 * Nothing here throws: every entry point catches and turns surprises into a Problem.
 */
import { load } from 'js-yaml';
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { ZodType } from 'zod';
import {
  BOROUGH_WIDE,
  ENTRY_ID,
  checkBody,
  isRealDate,
  makeEntrySchema,
  toIsoDate,
  type SchemaContext,
} from '../../schema';
import { compiled } from '../../schema/zod';

export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the file. */
  column: number;
  /** What the problem is about: a field path such as `venues[0].postcode`, or `id`, `body`, `file`, `front matter`. */
  field: string;
  message: string;
  severity: Severity;
}

export interface ValidateOptions {
  /** The day to measure staleness from (default: now). A Date or `YYYY-MM-DD`. */
  today?: Date | string;
  /** Entries verified longer ago than this many months get a warning (default 12). */
  staleMonths?: number;
  /** false: skip the checks that can only warn (the build's `--quiet` run shows errors only). */
  warnings?: boolean;
}

export interface BookOptions extends ValidateOptions {
  /**
   * Paths of other entry files that are not checked here but whose ids still count for the
   * duplicate-id check (`npm run validate one-file.md` checks against the whole folder).
   */
  otherPaths?: readonly string[];
}

type Seg = string | number;

/** Where, in the YAML, a problem should point. */
type Anchor = 'key' | 'value';

interface Pending {
  path: Seg[];
  anchor: Anchor;
  field: string;
  message: string;
  severity: Severity;
}

// ---------------------------------------------------------------------------------------------
// Public API

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

/** Checks a set of entry files, plus the checks that need all of them (ids unique ignoring case). */
export function validateBook(
  files: readonly { path: string; text: string }[],
  ctx: SchemaContext,
  opts: BookOptions = {},
): Problem[] {
  const out: Problem[] = [];
  try {
    for (const f of files) out.push(...validateEntryText(f.text, f.path, ctx, opts));
    out.push(
      ...duplicateIdProblems(
        files.map((f) => f.path),
        opts.otherPaths ?? [],
      ),
    );
  } catch (err) {
    out.push(internalError('', err));
  }
  return sortProblems(out);
}

/**
 * Checks a YAML data file (site.yaml, categories.yaml, a neighbourhood) against its schema, with
 * positions. `ctx` only improves the examples in messages.
 */
export function validateDataFile(text: string, fileName: string, schema: ZodType, ctx?: SchemaContext): Problem[] {
  const file = safeString(fileName);
  try {
    const out: Problem[] = [];
    let src = typeof text === 'string' ? text : String(text ?? '');
    if (src.charCodeAt(0) === 0xfeff) {
      out.push(problem(file, 1, 1, 'file', BOM_MESSAGE));
      src = src.slice(1);
    }
    src = normaliseLineEndings(src, file, out);
    if (src.trim() === '') {
      out.push(
        problem(file, 1, 1, 'file', 'The file is empty. Fix: restore its contents (see the sample book in content/).'),
      );
      return out;
    }
    const yamlSrc: YamlSource = { text: src, firstLine: 1, firstLineShift: 0 };
    const loc = new Locator(yamlSrc);
    const data = parseYaml(yamlSrc, loc, file, out);
    if (data === FAILED) return sortProblems(out.map(sanitise));
    const pending: Pending[] = [];
    if (!withinBudget(data)) {
      out.push(problem(file, 1, 1, 'file', TOO_BIG_MESSAGE));
      return sortProblems(out.map(sanitise));
    }
    schemaIssues(schema, data, pending, ctx);
    for (const p of pending) out.push(loc.problem(file, p));
    return sortProblems(out.map(sanitise));
  } catch (err) {
    return [internalError(file, err)];
  }
}

/** Orders problems by file, then line, then column. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

/** `path:line:column field — message`, with `warning: ` before warnings. */
export function formatProblem(p: Problem): string {
  return `${p.severity === 'warning' ? 'warning: ' : ''}${p.file}:${p.line}:${p.column}${p.field ? ` ${p.field}` : ''} — ${p.message}`;
}

/** A GitHub Actions workflow command that shows the problem as an annotation on the file's line. */
export function githubAnnotation(p: Problem): string {
  const props = `file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(p.field || 'entry')}`;
  return `::${p.severity === 'warning' ? 'warning' : 'error'} ${props}::${escapeData(p.message)}`;
}

/** `Checked 160 entries: 3 errors in 1 file, 12 warnings.` */
export function summarise(entryCount: number, problems: readonly Problem[], warningsChecked = true): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.length - errors.length;
  const files = new Set(errors.map((p) => p.file)).size;
  const errorText = errors.length === 0 ? 'no errors' : `${plural(errors.length, 'error')} in ${plural(files, 'file')}`;
  if (!warningsChecked) return `Checked ${plural(entryCount, 'entry', 'entries')}: ${errorText}.`;
  const warningText = warnings === 0 ? 'no warnings' : plural(warnings, 'warning');
  return `Checked ${plural(entryCount, 'entry', 'entries')}: ${errorText}, ${warningText}.`;
}

/** The kebab-case id a file name should have: `Bad_Name.md` → `bad-name`. */
export function suggestId(name: string): string {
  return name
    .replace(/\.[a-z]+$/i, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, '-and-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Escapes a workflow command's message (GitHub's rules: %, CR, LF). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (as data, plus `:` and `,`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// ---------------------------------------------------------------------------------------------
// One entry

const BOM_MESSAGE = 'The file starts with an invisible byte-order mark. Fix: save it as UTF-8 without BOM.';
const TOO_BIG_MESSAGE =
  'The front matter is too big or too deeply nested (or uses YAML anchors `&` and aliases `*` to repeat itself). Fix: write each field out plainly, without & and *.';
const FAILED = Symbol('failed');

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

  // Front matter: the first line is `---`; it ends at the next line starting with `---` or `+++`
  // (where Astro ends it too).
  const firstEnd = text.indexOf('\n');
  const firstLine = firstEnd < 0 ? text : text.slice(0, firstEnd);
  if (!/^---[ \t]*$/.test(firstLine)) {
    out.push(problem(file, 1, 1, 'front matter', noFrontMatterMessage(text, firstLine)));
    return out;
  }
  let close = -1;
  let closeLine = 1;
  for (let pos = firstEnd, line = 2; pos >= 0; line++) {
    const start = pos + 1;
    if (text.startsWith('---', start) || text.startsWith('+++', start)) {
      close = start;
      closeLine = line;
      break;
    }
    pos = text.indexOf('\n', start);
  }
  if (close < 0) {
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
  const closeEnd = text.indexOf('\n', close);
  const closeText = closeEnd < 0 ? text.slice(close) : text.slice(close, closeEnd);
  const closeOk = /^---[ \t]*$/.test(closeText);
  if (!closeOk) {
    out.push(
      problem(
        file,
        closeLine,
        1,
        'front matter',
        `The front matter should end with a line of just \`---\`, but line ${closeLine} is "${clip(closeText)}". Fix: put \`---\` on a line of its own.`,
      ),
    );
  }

  // Body: everything after the closing line.
  if (closeOk && closeEnd >= 0) checkBodyText(text.slice(closeEnd + 1), closeLine + 1, file, out);

  if (!closeOk) return out;

  // Exactly the text Astro hands to js-yaml: from after the opening `---` to the closing line.
  const fm = text.slice(3, close);
  const yamlSrc: YamlSource = { text: fm, firstLine: 1, firstLineShift: 3 };

  if (checkTabs(fm, file, out)) return out;

  const loc = new Locator(yamlSrc);
  const data = parseYaml(yamlSrc, loc, file, out);
  if (data === FAILED) return out;

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
        'The front matter is not a set of `field: value` lines. Fix: write one field per line, like `name: Hindley Health Walks`.',
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
  if (opts.warnings !== false) warnings(data as Record<string, unknown>, opts, pending);
  for (const p of pending) out.push(loc.problem(file, p));
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
        `The file name \`${base}\` does not end in \`.md\`, so the site ignores it. Fix: rename it to \`${suggestId(base) || 'group-name'}.md\`.`,
      ),
    );
    return;
  }
  const id = base.slice(0, -3);
  if (!ENTRY_ID.test(id)) {
    const better = suggestId(id);
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

function checkBodyText(rest: string, startLine: number, file: string, out: Problem[]): void {
  // Astro trims the body; skip leading blank lines but keep counting them.
  const lead = /^(?:[ \t]*\n)*/.exec(rest)![0];
  const skipped = lead.split('\n').length - 1;
  const body = rest.slice(lead.length).trimEnd();
  for (const issue of checkBody(body)) {
    out.push(problem(file, startLine + skipped + issue.line - 1, issue.column, 'body', issue.message));
  }
}

/** Accepts CRLF (Astro does) by treating it as LF; a lone CR is an error. Keeps line numbers. */
function normaliseLineEndings(text: string, file: string, out: Problem[]): string {
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

// ---------------------------------------------------------------------------------------------
// YAML

interface YamlSource {
  text: string;
  /** File line of the YAML's first line. */
  firstLine: number;
  /** Columns before the YAML's first line starts (3 after an opening `---`). */
  firstLineShift: number;
}

/** Parses like Astro (js-yaml `load`, default schema). On a syntax error adds a problem and returns FAILED. */
function parseYaml(src: YamlSource, loc: Locator, file: string, out: Problem[]): unknown {
  try {
    return load(src.text);
  } catch (err) {
    const e = err as { reason?: unknown; mark?: { line?: unknown; column?: unknown }; message?: unknown };
    const reason = typeof e?.reason === 'string' ? e.reason : safeString(e?.message ?? err).split('\n')[0];
    const mline = typeof e?.mark?.line === 'number' ? e.mark.line : 0;
    const mcol = typeof e?.mark?.column === 'number' ? e.mark.column : 0;
    const line = src.firstLine + mline;
    const column = mcol + 1 + (mline === 0 ? src.firstLineShift : 0);
    if (/duplicated mapping key/.test(reason)) {
      const dups = loc.duplicateKeys();
      if (dups.length) {
        for (const d of dups) {
          out.push(
            problem(
              file,
              d.line,
              d.column,
              d.field,
              `The field \`${d.key}\` appears twice (lines ${d.firstLine} and ${d.line}). Fix: keep one of them and delete the other.`,
            ),
          );
        }
        return FAILED;
      }
      out.push(
        problem(
          file,
          line,
          column,
          'front matter',
          'A field appears twice. Fix: keep one of them and delete the other.',
        ),
      );
      return FAILED;
    }
    const lines = src.text.split('\n');
    const keyOf = (text: string) => /^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:/.exec(text)?.[1];
    // An unclosed quote or bracket shows up later, where the parser gives up: point at where it opened.
    const opened = unclosedOpening(lines, mline, /flow collection|missed comma/.test(reason));
    if (opened) {
      const at = src.firstLine + opened.line;
      const col = opened.column + 1 + (opened.line === 0 ? src.firstLineShift : 0);
      const what =
        opened.char === '['
          ? 'the list opened with [ here is not closed. Fix: add the closing ] at the end of the list, on the same line.'
          : `the quote (${opened.char}) that starts here is not closed. Fix: add the closing ${opened.char} at the end of the value.`;
      out.push(
        problem(
          file,
          at,
          col,
          keyOf(lines[opened.line]) ?? 'front matter',
          `The front matter is not valid YAML: ${what}`,
        ),
      );
      return FAILED;
    }
    const lineText = lines[mline] ?? '';
    out.push(
      problem(
        file,
        line,
        column,
        keyOf(lineText) ?? 'front matter',
        `The front matter is not valid YAML (${reason}). ${yamlHint(reason, lineText, mcol)}`,
      ),
    );
    return FAILED;
  }
}

/**
 * The first line, up to `last`, whose value opens a quote (or, when `lists`, a `[` list) that the
 * same line does not close. Volunteers write one field per line, so such a line is almost always the mistake.
 */
function unclosedOpening(
  lines: readonly string[],
  last: number,
  lists: boolean,
): { line: number; column: number; char: string } | undefined {
  for (let i = 0; i <= last && i < lines.length; i++) {
    const m = /^(\s*(?:-\s+)?(?:[^\s#'"[{][^:#]*:\s+)?)(["'[])/.exec(lines[i]);
    if (!m) continue;
    const start = m[1].length;
    const char = m[2];
    if (char === '[' && !lists) continue;
    const rest = lines[i].slice(start + 1);
    let closed: boolean;
    if (char === '"') closed = /^(?:[^"\\]|\\.)*"/.test(rest);
    else if (char === "'") closed = /^(?:[^']|'')*'(?!')/.test(rest);
    else {
      let depth = 1;
      let quote = '';
      for (const c of rest) {
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '[') depth++;
        else if (c === ']' && --depth === 0) break;
        else if (c === '#') break;
      }
      closed = depth === 0;
    }
    if (!closed) return { line: i, column: start, char };
  }
  return undefined;
}

function yamlHint(reason: string, lineText: string, col: number): string {
  const quote = 'Fix: put the whole value in double quotes, e.g. summary: "Meet at 10: bring boots".';
  if (/bad indentation/.test(reason)) {
    const indent = /^\s*(?:-\s+)?/.exec(lineText)?.[0].length ?? 0;
    if (col > indent)
      return `A value contains \`: \` or starts with a character YAML treats specially (" ' @ \` % * & ! | >). ${quote}`;
    return 'Fix: line this field up with the ones above it, using spaces.';
  }
  if (/double quoted/.test(reason))
    return 'A double quote (") is not closed. Fix: add the closing " at the end of the value.';
  if (/single quoted/.test(reason))
    return "A single quote (') is not closed. Fix: add the closing ', or use double quotes around text containing apostrophes.";
  if (/flow collection|missed comma/.test(reason))
    return 'A list or group in [ ] or { } is not closed, or is missing a comma. Fix: check the brackets and commas.';
  if (/alias/.test(reason)) return `\`*\` starts a YAML alias. ${quote}`;
  if (/tag/.test(reason))
    return '`!` starts a YAML tag, which entries do not use. Fix: put the value in double quotes.';
  if (/non-printable|BOM/.test(reason)) return 'The text contains invisible control characters. Fix: retype the line.';
  return `Fix: check this line; write fields as \`name: value\`, one per line. ${quote}`;
}

/** Finds positions in the YAML, building a `yaml` Document the first time it is asked. */
class Locator {
  private doc: ReturnType<typeof parseDocument> | undefined;
  private lc: LineCounter | undefined;
  private failed = false;

  constructor(private readonly src: YamlSource) {}

  private ensure(): boolean {
    if (this.doc || this.failed) return !this.failed;
    try {
      this.lc = new LineCounter();
      this.doc = parseDocument(this.src.text, {
        lineCounter: this.lc,
        uniqueKeys: false,
        prettyErrors: false,
        strict: false,
      });
      return true;
    } catch {
      this.failed = true;
      return false;
    }
  }

  get top(): { line: number; column: number } {
    return { line: this.src.firstLine, column: 1 };
  }

  private pos(node: unknown): { line: number; column: number } | undefined {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (!range || !this.lc) return undefined;
    const p = this.lc.linePos(range[0]);
    return { line: this.src.firstLine + p.line - 1, column: p.col + (p.line === 1 ? this.src.firstLineShift : 0) };
  }

  /** Position of a path: the key or the value at its end, or the deepest part of it that exists. */
  locate(path: readonly Seg[], anchor: Anchor): { line: number; column: number } {
    if (!this.ensure()) return this.top;
    let best = this.top;
    let node: unknown = this.doc!.contents;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(seg));
        if (!pair) break;
        const keyPos = this.pos(pair.key) ?? best;
        if (last) {
          if (anchor === 'key') return keyPos;
          const v = pair.value;
          if (isScalar(v) && v.range && v.range[1] > v.range[0]) return this.pos(v) ?? keyPos;
          if ((isSeq(v) || isMap(v)) && v.flow) return this.pos(v) ?? keyPos;
          if (isAlias(v)) return this.pos(v) ?? keyPos;
          return keyPos;
        }
        best = keyPos;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined || isPair(item)) break;
        best = this.pos(item) ?? best;
        node = item;
        if (last) return best;
      } else {
        break;
      }
    }
    return best;
  }

  problem(file: string, p: Pending): Problem {
    const { line, column } = this.locate(p.path, p.anchor);
    return { file, line, column, field: p.field, message: p.message, severity: p.severity };
  }

  /** Every repeated key (its second and later occurrences), for js-yaml's "duplicated mapping key". */
  duplicateKeys(): { key: string; field: string; line: number; column: number; firstLine: number }[] {
    const found: { key: string; field: string; line: number; column: number; firstLine: number }[] = [];
    if (!this.ensure()) return found;
    this.walk(this.doc!.contents, [], (node, path) => {
      if (!isMap(node)) return;
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const at = this.pos(pair.key);
        if (!at) continue;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, at.line);
        else found.push({ key, field: formatPath([...path, key]), line: at.line, column: at.column, firstLine: first });
      }
    });
    return found;
  }

  /** Plain scalars that js-yaml reads as a Date, when the date (or time) written does not exist. */
  impossibleDates(): { path: Seg[]; source: string }[] {
    const found: { path: Seg[]; source: string }[] = [];
    if (!this.ensure()) return found;
    this.walk(this.doc!.contents, [], (node, path) => {
      if (
        isScalar(node) &&
        node.type === 'PLAIN' &&
        typeof node.source === 'string' &&
        isImpossibleYamlTimestamp(node.source)
      ) {
        found.push({ path, source: node.source });
      }
    });
    return found;
  }

  private walk(node: unknown, path: Seg[], visit: (node: unknown, path: Seg[]) => void, depth = 0): void {
    if (depth > 200) return;
    visit(node, path);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        this.walk(pair.value, [...path, key], visit, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => this.walk(item, [...path, i], visit, depth + 1));
    }
  }
}

const YAML_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const YAML_TIMESTAMP =
  /^([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9]{2}))?))?$/;

/** True for text js-yaml turns into a Date even though that day (or time) does not exist. */
export function isImpossibleYamlTimestamp(text: string): boolean {
  let m = YAML_DATE.exec(text);
  if (m) return !isRealDate(text) || Number(m[1]) < 100;
  m = YAML_TIMESTAMP.exec(text);
  if (!m) return false;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return !isRealDate(date) || Number(m[1]) < 100 || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 60;
}

/** Impossible unquoted dates: js-yaml rolls 2026-02-30 over to 2 March without a word, so look at the text. */
function impossibleDates(fm: string, loc: Locator, pending: Pending[]): void {
  // Cheap test first; the Document is built only when a suspicious date is present.
  let suspicious = false;
  const re = /(\d{4})-(\d\d?)-(\d\d?)/g;
  for (let m = re.exec(fm); m; m = re.exec(fm)) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    const next = fm.charCodeAt(re.lastIndex);
    // A time after the date (`2026-03-14T10:00:00` or with a space) can roll over too.
    if (
      month < 1 ||
      month > 12 ||
      day < 1 ||
      day > 28 ||
      Number(m[1]) < 100 ||
      next === 84 ||
      next === 116 ||
      next === 32 ||
      next === 9
    ) {
      const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
      if (!isRealDate(date) || Number(m[1]) < 100 || next === 84 || next === 116 || next === 32 || next === 9) {
        suspicious = true;
        break;
      }
    }
  }
  if (!suspicious) return;
  for (const d of loc.impossibleDates()) {
    const field = formatPath(d.path);
    // This message replaces whatever the schema said about the rolled-over value.
    for (let i = pending.length - 1; i >= 0; i--)
      if (pending[i].field === field && pending[i].severity === 'error') pending.splice(i, 1);
    pending.push({
      path: d.path,
      anchor: 'value',
      field,
      severity: 'error',
      message: `${d.source} is not a real date (check the day and month). Fix: write a date that exists, e.g. 2026-03-14.`,
    });
  }
}

/**
 * True when walking the data visits a reasonable number of values. js-yaml shares aliased values
 * (and can even build cycles), which the schema would walk again and again.
 */
function withinBudget(data: unknown): boolean {
  let budget = 20000;
  const visit = (v: unknown, depth: number): boolean => {
    if (--budget < 0 || depth > 64) return false;
    if (v === null || typeof v !== 'object' || v instanceof Date) return true;
    if (Array.isArray(v)) {
      for (const x of v) if (!visit(x, depth + 1)) return false;
      return true;
    }
    for (const k of Object.keys(v)) if (!visit((v as Record<string, unknown>)[k], depth + 1)) return false;
    return true;
  };
  return visit(data, 0);
}

// ---------------------------------------------------------------------------------------------
// Schema issues → problems

/** Marks messages zod wrote itself (the schema gave no text of its own), to be replaced by plain words. */
const GENERIC = '\u0000generic';
const parseOptions = { error: () => GENERIC };

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: unknown[];
  format?: string;
}

function schemaIssues(schema: ZodType, data: unknown, pending: Pending[], ctx?: SchemaContext): void {
  let result: { success: boolean; error?: { issues: ZodIssueLike[] } };
  try {
    result = schema.safeParse(data, parseOptions as never) as never;
  } catch (err) {
    pending.push({
      path: [],
      anchor: 'key',
      field: 'front matter',
      severity: 'error',
      message: `The checker could not read the front matter (${clip(safeString(err))}).`,
    });
    return;
  }
  if (result.success || !result.error) return;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((s): s is Seg => typeof s === 'string' || typeof s === 'number');
    if (issue.code === 'unrecognized_keys' && Array.isArray(issue.keys)) {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        const full = [...path, key];
        pending.push({
          path: full,
          anchor: 'key',
          field: formatPath(full),
          severity: 'error',
          message: unknownKeyMessage(key, known, path.length === 0),
        });
      }
      continue;
    }
    const field = formatPath(path);
    const value = getPath(data, path);
    let message = issue.message;
    let anchor: Anchor = 'value';
    const wrongType = issue.code === 'invalid_type' || issue.code === 'invalid_union';
    if (wrongType && value === undefined && path.length > 0) {
      message = `\`${lastKey(path)}\` is missing. Fix: add ${example(path, ctx)}.`;
    } else if (wrongType && value === null && path.length > 0) {
      const optional = isOptionalAt(schema, path);
      message = `\`${lastKey(path)}\` is empty. Fix: fill it in, e.g. ${example(path, ctx)}${optional ? ', or delete the line' : ''}.`;
      anchor = 'key';
    } else if (message === GENERIC || typeof message !== 'string' || message === '') {
      message = genericMessage(issue, path, value, ctx);
    }
    pending.push({ path, anchor, field: field || 'front matter', severity: 'error', message });
  }
}

function genericMessage(issue: ZodIssueLike, path: Seg[], value: unknown, ctx?: SchemaContext): string {
  const name = path.length ? `\`${lastKey(path)}\`` : 'The front matter';
  const eg = path.length ? ` Fix: write it like ${example(path, ctx)}.` : '';
  switch (issue.code) {
    case 'invalid_type':
      return `${name} should be ${kindWords(issue.expected)}, but it is ${describe(value)}.${eg}`;
    case 'invalid_union':
      return `${name} has the wrong kind of value (${describe(value)}).${eg}`;
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = String(small ? issue.minimum : issue.maximum);
      if (issue.origin === 'array') {
        if (small && Array.isArray(value) && value.length === 0)
          return `${name} is an empty list. Fix: add at least ${limit}, e.g. ${example(path, ctx)}.`;
        return `${name} has ${small ? 'too few' : 'too many'} items: ${small ? 'at least' : 'at most'} ${limit}.${eg}`;
      }
      if (issue.origin === 'string')
        return `${name} is too ${small ? 'short' : 'long'}: ${small ? 'at least' : 'at most'} ${limit} characters. Fix: ${small ? 'write more' : 'shorten it'}.`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return `${name} is ${clip(String(value))}, but it must be ${small ? 'at least' : 'at most'} ${limit}. Fix: check the number.`;
      }
      return `${name} is too ${small ? 'small' : 'big'} (${small ? 'at least' : 'at most'} ${limit}).${eg}`;
    }
    case 'invalid_value': {
      const options = Array.isArray(issue.values) ? issue.values.map((v) => `\`${String(v)}\``).join(', ') : '';
      return `${name} is "${clip(String(value))}", which is not allowed.${options ? ` Fix: use ${options}.` : eg}`;
    }
    case 'invalid_format':
      return `${name} is not in the right form${issue.format ? ` (${issue.format})` : ''}.${eg}`;
    case 'not_multiple_of':
      return `${name} is not a whole step.${eg}`;
    default:
      return `${name} is not valid.${eg}`;
  }
}

function kindWords(expected: string | undefined): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
    case 'int':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
      return 'a group of `field: value` lines';
    case 'date':
      return 'a date';
    case 'tuple':
      return 'a list';
    default:
      return expected ? `a ${expected}` : 'something else';
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty';
  if (value instanceof Date) return 'a date';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text "${clip(value)}"`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `\`${value}\``;
    case 'object':
      return 'a group of fields';
    default:
      return typeof value;
  }
}

/** Known field names of the object at `path` in the schema, for "did you mean". */
function knownKeys(schema: ZodType, path: readonly Seg[]): string[] {
  const s = unwrap(schemaAt(schema, path));
  const shape = s?._zod?.def?.type === 'object' ? s._zod.def.shape : undefined;
  return shape ? Object.keys(shape) : [];
}

function isOptionalAt(schema: ZodType, path: readonly Seg[]): boolean {
  const s = schemaAt(schema, path);
  return s?._zod?.optin === 'optional';
}

// zod's internals are typed loosely here on purpose: only `_zod.def` is read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySchema = any;

function unwrap(s: AnySchema): AnySchema {
  for (let i = 0; i < 20 && s?._zod?.def; i++) {
    const def = s._zod.def;
    if (def.type === 'pipe') s = def.in;
    else if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type))
      s = def.innerType;
    else if (def.type === 'lazy' && typeof def.getter === 'function') s = def.getter();
    else break;
  }
  return s;
}

function schemaAt(schema: ZodType, path: readonly Seg[]): AnySchema {
  let s: AnySchema = schema;
  for (const seg of path) {
    s = unwrap(s);
    const def = s?._zod?.def;
    if (!def) return undefined;
    if (def.type === 'object' && typeof seg === 'string') s = def.shape?.[seg];
    else if (def.type === 'array' && typeof seg === 'number') s = def.element;
    else if (def.type === 'tuple' && typeof seg === 'number') s = def.items?.[seg];
    else return undefined;
  }
  return s;
}

const ALIASES: Record<string, string> = {
  title: 'name',
  url: 'website',
  web: 'website',
  homepage: 'website',
  site: 'website',
  phone: 'contacts',
  email: 'contacts',
  telephone: 'contacts',
  contact: 'contacts',
  category: 'categories',
  tags: 'categories',
  neighbourhood: 'neighbourhoods',
  neighborhood: 'neighbourhoods',
  neighborhoods: 'neighbourhoods',
  area: 'neighbourhoods',
  areas: 'neighbourhoods',
  venue: 'venues',
  location: 'venues',
  address: 'venues',
  schedule: 'schedules',
  times: 'schedules',
  when: 'schedules',
  price: 'cost',
  verified: 'last_verified',
  updated: 'last_verified',
  language: 'languages',
  organization: 'organisation',
  organiser: 'organisation',
  day: 'weekly',
  days: 'weekly',
  time: 'start',
  postal_code: 'postcode',
  post_code: 'postcode',
  latitude: 'lat',
  longitude: 'lng',
  lon: 'lng',
  long: 'lng',
};

function unknownKeyMessage(key: string, known: readonly string[], topLevel: boolean): string {
  if (topLevel && key === 'slug') {
    return "The field `slug` is not allowed: an entry's id and web address come from its file name. Fix: delete the `slug` line; to change the address, rename the file.";
  }
  if (topLevel && (key === 'description' || key === 'body')) {
    return `Unknown field \`${key}\`. Fix: remove it and write the description as plain text below the closing \`---\` line.`;
  }
  const guess = closest(key, known);
  return `Unknown field \`${key}\`. Fix: remove it or check the spelling${guess ? ` — did you mean \`${guess}\`?` : '.'}`;
}

/** The known field nearest to `key` by edit distance, if it is near enough to be a typo. */
export function closest(key: string, known: readonly string[]): string | undefined {
  if (!known.length) return undefined;
  const lower = key.toLowerCase().replace(/[\s-]+/g, '_');
  const exact = known.find((k) => k.toLowerCase() === lower);
  if (exact) return exact;
  const alias = ALIASES[lower];
  if (alias && known.includes(alias)) return alias;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(lower, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(lower.length / 3)) && bestDistance < lower.length ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length);
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      // Swapped neighbours count as one edit.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        cur[j] = Math.min(cur[j], before[j - 2] + 1);
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** `name: Hindley Health Walks` — an example line for the field at the end of `path`. */
function example(path: readonly Seg[], ctx?: SchemaContext): string {
  const key = lastKey(path);
  const parent = [...path].reverse().find((s, i) => i > 0 && typeof s === 'string');
  const firstCategory = ctx ? [...ctx.categoryIds][0] : undefined;
  const firstHood = ctx ? [...ctx.neighbourhoodIds][0] : undefined;
  const value =
    EXAMPLES[`${parent}.${key}`] ??
    (key === 'categories' && firstCategory ? `[${firstCategory}]` : undefined) ??
    (key === 'neighbourhoods' && firstHood ? `[${firstHood}]` : undefined) ??
    EXAMPLES[key];
  if (typeof path[path.length - 1] === 'number') {
    return value ? `\`${value}\`` : 'a value like the others in the list';
  }
  return value ? `\`${key}: ${value}\`` : `\`${key}: …\``;
}

const EXAMPLES: Record<string, string> = {
  name: 'Hindley Health Walks',
  summary: 'Friendly led walks of about an hour at a gentle pace.',
  organisation: 'Wigan Family Welfare',
  categories: '[walking]',
  neighbourhoods: `[${BOROUGH_WIDE}]`,
  status: 'active',
  alert: 'Closed over Christmas, back 6 January',
  join: '[drop-in]',
  delivery: '[in-person]',
  min_age: '18',
  max_age: '25',
  audience: '[older-people]',
  eligibility: 'Carers living in Wigan borough',
  cost: '{ free: true }',
  accessibility: '[step-free, hearing-loop]',
  languages: '[en]',
  venues: '[{ name: Hindley Library, address: Market Street, postcode: WN2 3AN, lat: 53.5423, lng: -2.5772 }]',
  schedules: '[{ weekly: [tue], start: "10:00", end: "11:00" }]',
  contacts: '[{ name: Group organiser, phone: "01942 123456" }]',
  website: 'https://example.org',
  last_verified: '2026-03-14',
  verified_by: 'Hindley neighbourhood team',
  'venues.name': 'Hindley Library',
  'venues.address': 'Market Street',
  'venues.town': 'Hindley',
  'venues.postcode': 'WN2 3AN',
  'venues.lat': '53.5423',
  'venues.lng': '-2.5772',
  'schedules.weekly': '[tue]',
  'schedules.every': '2',
  'schedules.monthly': '["2nd tue"]',
  'schedules.dates': '[2026-12-12]',
  'schedules.start': '"10:00"',
  'schedules.end': '"11:30"',
  'schedules.from': '2026-01-08',
  'schedules.until': '2026-07-17',
  'schedules.note': 'Term time only',
  'contacts.name': 'Group organiser',
  'contacts.phone': '"01942 123456"',
  'contacts.email': 'hello@example.org',
  'cost.free': 'true',
  'cost.amounts': '[{ amount: 2.5, description: per session }]',
  'cost.note': 'Donations welcome',
  'amounts.amount': '2.5',
  'amounts.description': 'per session',
  dates: '2026-12-12',
  weekly: 'tue',
};

// ---------------------------------------------------------------------------------------------
// Warnings

const FREE_MAIL = /@(?:gmail|googlemail|hotmail|outlook|yahoo|ymail|icloud|live|aol|btinternet|sky)\.[a-z.]+$/i;

function warnings(data: Record<string, unknown>, opts: ValidateOptions, pending: Pending[]): void {
  const verified = isoDateOf(data.last_verified);
  const staleMonths = typeof opts.staleMonths === 'number' && opts.staleMonths > 0 ? opts.staleMonths : 12;
  const today = verified ? todayIso(opts.today) : undefined;
  // Due at exactly N months, the same rule as the marker on entry pages and report:stale (isStale).
  if (verified && today && verified <= cutoff(today, staleMonths)) {
    const months = monthsBetween(verified, today);
    pending.push({
      path: ['last_verified'],
      anchor: 'value',
      field: 'last_verified',
      severity: 'warning',
      message: `These details were verified ${months} months ago (${verified}); entries are due for a check every ${staleMonths} months. Fix: ask the group to confirm the details are still right, then set last_verified to the date you checked.`,
    });
  }
  if (Array.isArray(data.contacts)) {
    data.contacts.forEach((c, i) => {
      if (!c || typeof c !== 'object') return;
      const { phone, email } = c as Record<string, unknown>;
      if (typeof phone === 'string') {
        const digits = phone.replace(/[\s().-]/g, '');
        if (/^(?:07|\+447|00447|447)\d{9}$/.test(digits)) {
          pending.push(personal(['contacts', i, 'phone'], `"${clip(phone)}" is a mobile number`));
        }
      }
      if (typeof email === 'string' && FREE_MAIL.test(email.trim())) {
        pending.push(personal(['contacts', i, 'email'], `${clip(email.trim())} is a personal email service`));
      }
    });
  }
}

function personal(path: Seg[], what: string): Pending {
  return {
    path,
    anchor: 'value',
    field: formatPath(path),
    severity: 'warning',
    message: `${what}, so it looks like a personal contact; use the group's own where possible, and make sure the person agreed to publish it.`,
  };
}

let todayCache: { at: number; iso: string } | undefined;
/** Today as YYYY-MM-DD (computed at most once a second when no day is given). */
function todayIso(today: Date | string | undefined): string | undefined {
  if (today !== undefined) return isoDateOf(today);
  const now = Date.now();
  if (!todayCache || now - todayCache.at > 1000) todayCache = { at: now, iso: toIsoDate(new Date(now)) };
  return todayCache.iso;
}

const cutoffCache = new Map<string, string>();
/** The day `months` months before `today`: anything verified before it is due a check. */
function cutoff(today: string, months: number): string {
  const key = `${today}/${months}`;
  let c = cutoffCache.get(key);
  if (c === undefined) {
    c = addMonths(today, -months);
    if (cutoffCache.size > 100) cutoffCache.clear();
    cutoffCache.set(key, c);
  }
  return c;
}

function isoDateOf(v: unknown): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : toIsoDate(v);
  if (typeof v === 'string' && isRealDate(v.trim())) return v.trim();
  return undefined;
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number);
  const [y2, m2, d2] = to.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

// ---------------------------------------------------------------------------------------------
// Across files

/**
 * Ids used by more than one file, ignoring case (`Walk.md` and `walk.md` clash on Windows and macOS
 * and in URLs). Reported on each of `paths` involved; `others` only take part in the comparison.
 */
export function duplicateIdProblems(paths: readonly string[], others: readonly string[] = []): Problem[] {
  const out: Problem[] = [];
  const byId = new Map<string, string[]>();
  const checked = new Set(paths);
  for (const p of new Set([...paths, ...others])) {
    const base = basename(p);
    if (!base.toLowerCase().endsWith('.md')) continue;
    const id = base.slice(0, -3).toLowerCase();
    const list = byId.get(id);
    if (list) list.push(p);
    else byId.set(id, [p]);
  }
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    for (const p of list) {
      if (!checked.has(p)) continue;
      const rest = list.filter((q) => q !== p).map((q) => `\`${q}\``);
      out.push(
        problem(
          p,
          1,
          1,
          'id',
          `The id \`${id}\` is used by another file too (${rest.join(', ')}); ids must be unique, ignoring capital letters. Fix: rename one of the files, or merge them if they are the same group.`,
        ),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/**
 * One line per problem, nothing invisible: messages quote the content, which may hold line breaks,
 * control characters or bidirectional overrides that would garble a terminal or an annotation.
 */
function sanitise(p: Problem): Problem {
  const clean = (s: string) =>
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/.test(s)
      ? // eslint-disable-next-line no-control-regex
        s.replace(
          /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
        )
      : s;
  // Messages and fields quote the content, which may be 10,000 characters long (a hostile key or
  // category id): cut long words, and keep the start and the `Fix:` at the end of a long message.
  const short = (s: string, max: number) => {
    const t = s.length > 100 ? s.replace(/[^\s`"]{80,}/g, (w) => `${w.slice(0, 40)}…`) : s;
    return t.length > max ? `${t.slice(0, Math.floor(max / 2))}…${t.slice(t.length - Math.floor(max / 2))}` : t;
  };
  return { ...p, file: clean(p.file), field: short(clean(p.field), 120), message: short(clean(p.message), 1000) };
}

function problem(
  file: string,
  line: number,
  column: number,
  field: string,
  message: string,
  severity: Severity = 'error',
): Problem {
  return { file, line, column, field, message, severity };
}

function internalError(file: string, err: unknown): Problem {
  return problem(
    file,
    1,
    1,
    'file',
    `The checker failed on this file (${clip(safeString(err), 120)}). This is a bug in the checker; please report it.`,
  );
}

function safeString(v: unknown): string {
  try {
    if (typeof v === 'string') return v;
    if (v instanceof Error) return v.message;
    return String(v);
  } catch {
    return '?';
  }
}

function basename(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(i + 1);
}

/** `venues[0].postcode` */
export function formatPath(path: readonly Seg[]): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

function lastKey(path: readonly Seg[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return formatPath(path);
}

function getPath(data: unknown, path: readonly Seg[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg as string];
  }
  return v;
}

function countLines(text: string, upTo: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function clip(s: string, max = 40): string {
  const one = s.replace(/[\r\n]+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
