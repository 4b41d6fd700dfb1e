/**
 * Checks across files: a set of entry files together (ids unique, ignoring capital letters),
 * and the YAML data files (site.yaml, categories.yaml, the neighbourhoods) against their schemas.
 */
import type { ZodType } from 'zod';
import type { SchemaContext } from '../../schema';
import { BOM_MESSAGE, normaliseLineEndings, validateEntryText } from './entry';
import { Locator, type YamlSource } from './locate';
import { schemaIssues } from './messages';
import {
  basename,
  internalError,
  problem,
  safeString,
  sanitise,
  sortProblems,
  type BookOptions,
  type Pending,
  type Problem,
} from './problems';
import { FAILED, TOO_BIG_MESSAGE, parseYaml, withinBudget } from './yaml';

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
