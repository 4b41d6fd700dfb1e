/**
 * A problem the validator found, and how it is written: `path:line:column field — message` for
 * a terminal, a workflow command for a GitHub annotation, a one-line summary. Messages follow one
 * pattern: what is wrong, then `Fix:` and what to write instead.
 */
import type { BodyNode } from '../../schema/body';
import { plural } from '../text/words';

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
  /**
   * The build's Markdown parser, as `bodyNodes` in src/server/markdown.ts gives it (Node only):
   * images and links in the body are then checked as the build reads them. Without it (the
   * contribute form in a browser) the body is checked with patterns.
   */
  markdown?: (body: string) => readonly BodyNode[];
  /** Milliseconds one entry file may take to check (default `ENTRY_TIME_BUDGET_MS` in entry.ts). */
  timeBudgetMs?: number;
  /**
   * false: problems in the front matter are not given their line and column (each says line 1,
   * column 1), which saves building a second YAML document for a file with problems. For a caller
   * that needs only the fields and messages (the importer, for a record with a single error).
   * Detection is the same: repeated keys and impossible dates are still found.
   */
  positions?: boolean;
}

export interface BookOptions extends ValidateOptions {
  /**
   * Paths of other entry files that are not checked here but whose ids still count for the
   * duplicate-id check (`npm run validate one-file.md` checks against the whole folder).
   */
  otherPaths?: readonly string[];
}

export type Seg = string | number;

/** Where, in the YAML, a problem should point. */
export type Anchor = 'key' | 'value';

export interface Pending {
  path: Seg[];
  anchor: Anchor;
  field: string;
  message: string;
  severity: Severity;
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

/** Escapes a workflow command's message (GitHub's rules: %, CR, LF). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (as data, plus `:` and `,`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Characters a terminal or an annotation would not show as they are: shown as `\uXXXX` instead. */
// eslint-disable-next-line no-control-regex -- messages quote content; invisible characters are shown as escapes
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * One line per problem, nothing invisible: messages quote the content, which may hold line breaks,
 * control characters or bidirectional overrides that would garble a terminal or an annotation.
 */
export function sanitise(p: Problem): Problem {
  const clean = (s: string) => s.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // Messages and fields quote the content, which may be 10,000 characters long (a hostile key or
  // category id): cut long words, and keep the start and the `Fix:` at the end of a long message.
  const short = (s: string, max: number) => {
    const t = s.length > 100 ? s.replace(/[^\s`"]{80,}/g, (w) => `${w.slice(0, 40)}…`) : s;
    return t.length > max ? `${t.slice(0, Math.floor(max / 2))}…${t.slice(t.length - Math.floor(max / 2))}` : t;
  };
  return { ...p, file: clean(p.file), field: short(clean(p.field), 120), message: short(clean(p.message), 1000) };
}

export function problem(
  file: string,
  line: number,
  column: number,
  field: string,
  message: string,
  severity: Severity = 'error',
): Problem {
  return { file, line, column, field, message, severity };
}

export function internalError(file: string, err: unknown): Problem {
  return problem(
    file,
    1,
    1,
    'file',
    `The checker failed on this file (${clip(safeString(err), 120)}). This is a bug in the checker; please report it.`,
  );
}

export function safeString(v: unknown): string {
  try {
    if (typeof v === 'string') return v;
    if (v instanceof Error) return v.message;
    return String(v);
  } catch {
    return '?';
  }
}

export function basename(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(i + 1);
}

/** `venues[0].postcode` */
export function formatPath(path: readonly Seg[]): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

export function lastKey(path: readonly Seg[]): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return formatPath(path);
}

export function getPath(data: unknown, path: readonly Seg[]): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg as string];
  }
  return v;
}

export function countLines(text: string, upTo: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < upTo; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function clip(s: string, max = 40): string {
  const one = s.replace(/[\r\n]+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
