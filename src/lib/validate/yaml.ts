/**
 * The front matter as YAML: parsed exactly as Astro parses it (js-yaml 4 `load`, default schema:
 * no executable types, unquoted dates become `Date`s), with a plain-words message and a position
 * for every syntax error; tabs; dates js-yaml would silently roll over; and a limit on how much a
 * file may make the schema walk.
 */
import { load } from 'js-yaml';
import { isRealDate } from '../../schema';
import { type Locator, type YamlSource } from './locate';
import { formatPath, problem, safeString, type Pending, type Problem } from './problems';

export const TOO_BIG_MESSAGE =
  'The front matter is too big or too deeply nested (or uses YAML anchors `&` and aliases `*` to repeat itself). Fix: write each field out plainly, without & and *.';

export const FAILED = Symbol('failed');

/** Parses like Astro (js-yaml `load`, default schema). On a syntax error adds a problem and returns FAILED. */
export function parseYaml(src: YamlSource, loc: Locator, file: string, out: Problem[]): unknown {
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

/** Impossible unquoted dates: js-yaml rolls 2026-02-30 over to 2 March without a word, so look at the text. */
export function impossibleDates(fm: string, loc: Locator, pending: Pending[]): void {
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
export function withinBudget(data: unknown): boolean {
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
