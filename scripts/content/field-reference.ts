/**
 * `npm run docs:fields`: writes the field reference in CONTRIBUTING.md (between the
 * `field-reference` markers) from the doc comments in src/schema/entry.ts and the vocabularies in
 * src/schema/vocab.ts, so the guide and the validator cannot drift apart.
 *
 * It also writes the guide's example entry and example message (between the `example-entry` and
 * `example-message` markers) in the book's own terms: the names, phone number and postcode of
 * content/site.yaml `examples`, a point from its map centre, a category and neighbourhood of the
 * book; the example is checked with the validator and the message is the validator's own. The
 * schema's doc comments write those examples in braces (`{group}`, `{postcode}`) for the same
 * words. `npm run new-place` runs it for the new place.
 *
 * `npm run docs:check` (`--check`): exits 1 when CONTRIBUTING.md is not what this would write.
 *
 * The schema source is read with the TypeScript compiler API: every `z.strictObject({ … })` is a
 * table, each property with a `/** … *\/` comment is a row, and a field is optional when its
 * definition ends in `.optional()` or `.default(…)`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import {
  ACCESSIBILITY_LABELS,
  AUDIENCE_LABELS,
  DAY_LABELS,
  DELIVERY_LABELS,
  JOIN_LABELS,
  LANGUAGES,
  STATUS_LABELS,
  BOROUGH_WIDE,
} from '../../src/schema/vocab';
import { loadMessages } from '../../src/server/messages';
import { pointExample } from '../../src/schema/context';
import { loadCategories, loadContext, loadNeighbourhoods, loadSite } from '../../src/server/content-files';
import { formatProblem, validateEntryText } from '../../src/lib/validate';
import { entryIdFromName } from '../../src/lib/authoring/entry-id';

export const START = '<!-- field-reference:start -->';
export const END = '<!-- field-reference:end -->';
export const SCHEMA_PATH = 'src/schema/entry.ts';
export const CONTRIBUTING_PATH = 'CONTRIBUTING.md';
export const EXAMPLE_ENTRY = ['<!-- example-entry:start -->', '<!-- example-entry:end -->'] as const;
export const EXAMPLE_MESSAGE = ['<!-- example-message:start -->', '<!-- example-message:end -->'] as const;

/** The book's own example words, for the braces in the schema's comments and the example entry. */
export type PlaceWords = Record<
  'group' | 'venue' | 'phone' | 'postcode' | 'verified_by' | 'eligibility' | 'lat' | 'lng' | 'category' | 'neighbourhood',
  string
>;

/** The example words of the book in `content` (site.yaml `examples`, its map centre, its first category and neighbourhood). */
export function placeWords(content: string): PlaceWords {
  const site = loadSite(content);
  const e = site.examples;
  const point = pointExample({ bounds: site.bounds, centre: site.map.centre });
  const categories = loadCategories(content);
  const category = categories.find((c) => c.parent) ?? categories[0];
  return {
    group: e.group,
    venue: e.venue,
    phone: e.phone,
    postcode: e.postcode,
    verified_by: e.verified_by,
    eligibility: e.eligibility ?? `Carers living in ${site.place}`,
    lat: point.lat,
    lng: point.lng,
    category: category?.id ?? 'your-category',
    neighbourhood: loadNeighbourhoods(content)[0]?.id ?? BOROUGH_WIDE,
  };
}

/** `{group}` → the book's example; braces with no example stay as they are. */
export function fillWords(text: string, words?: PlaceWords): string {
  return words ? text.replace(/\{([a-z_]+)\}/g, (all, key: string) => words[key as keyof PlaceWords] ?? all) : text;
}

/** The example entry file, in the book's own terms. */
export function exampleEntry(w: PlaceWords): string {
  return `---
name: ${w.group}
summary: A friendly get-together every Tuesday morning. Everyone is welcome.
categories: [${w.category}]
neighbourhoods: [${w.neighbourhood}]
join: [drop-in]
cost:
  free: true
accessibility: [step-free, hearing-loop]
venues:
  - name: ${w.venue}
    address: Market Street
    postcode: ${w.postcode}
    lat: ${w.lat}
    lng: ${w.lng}
schedules:
  - weekly: [tue]
    start: "10:00"
    end: "11:30"
    note: Not on bank holidays
contacts:
  - name: Group organiser
    phone: "${w.phone}"
website: https://example.org/our-group
last_verified: 2026-03-14
verified_by: ${w.verified_by}
---

Come along on the day: someone will say hello and show you how it works. Beginners are very
welcome.

- Tea and biscuits are free.
- The room is on the ground floor.
`;
}

/** The example entry and the validator's message about a bad postcode in it, for the book in `content`. */
export function examples(content: string): { entry: string; message: string } {
  const words = placeWords(content);
  const ctx = loadContext(content);
  const file = `content/entries/${entryIdFromName(words.group)}.md`;
  const entry = exampleEntry(words);
  const wrong = validateEntryText(entry, file, ctx).filter((p) => p.severity === 'error');
  if (wrong.length)
    throw new Error(
      `The example entry for ${file} does not pass the validator: ${wrong.map(formatProblem).join('; ')}. Fix: check content/site.yaml examples.`,
    );
  const bad = entry.replace(`postcode: ${words.postcode}`, 'postcode: none');
  const problem = validateEntryText(bad, file, ctx).find((p) => p.field === 'venues[0].postcode')!;
  const message = [
    '  ```',
    `  ${formatProblem(problem)}`,
    '  ```',
    '',
    `  means: in that file, line ${problem.line}, the postcode of the first venue.`,
  ].join('\n');
  return { entry: ['```markdown', entry.trimEnd(), '```'].join('\n'), message };
}

export interface Field {
  name: string;
  doc: string;
  required: boolean;
  /** The default as written in the schema (`'active'`, `['en']`), when there is one. */
  defaultValue?: string;
}

export interface Section {
  /** Where the object is defined: `makeEntrySchema`, `venueSchema`… */
  owner: string;
  doc: string;
  fields: Field[];
}

/** Cleans a `/** … *\/` comment into text; indented lines (examples) keep their indentation. */
function commentText(raw: string): string {
  return raw
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();
}

/** The last doc comment right before a node, or "". */
function docBefore(node: ts.Node, source: string): string {
  const ranges = ts.getLeadingCommentRanges(source, node.getFullStart()) ?? [];
  const docs = ranges.map((r) => source.slice(r.pos, r.end)).filter((c) => c.startsWith('/**'));
  return docs.length ? commentText(docs[docs.length - 1]) : '';
}

/** Method names along a call chain, outermost first: `z.string().trim().optional()` → [optional, trim, string]. */
function chain(node: ts.Expression): { name: string; args: readonly ts.Expression[] }[] {
  const out: { name: string; args: readonly ts.Expression[] }[] = [];
  let n: ts.Expression = node;
  while (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
    out.push({ name: n.expression.name.text, args: n.arguments });
    n = n.expression.expression;
  }
  return out;
}

/** Which declaration a node sits in: the variable or function name. */
function ownerOf(node: ts.Node): { name: string; decl: ts.Node } | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) return { name: n.name.text, decl: n.parent.parent };
    if (ts.isFunctionDeclaration(n) && n.name) return { name: n.name.text, decl: n };
  }
  return undefined;
}

/** Every `z.strictObject({ … })` in the schema source, in source order. */
export function readSchemaSections(source: string, fileName = SCHEMA_PATH): Section[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const sections: Section[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      (node.expression.name.text === 'strictObject' || node.expression.name.text === 'object') &&
      node.arguments[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    ) {
      const owner = ownerOf(node);
      const fields: Field[] = [];
      for (const prop of (node.arguments[0] as ts.ObjectLiteralExpression).properties) {
        if (!ts.isPropertyAssignment(prop)) continue;
        const name =
          ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : prop.name.getText(file);
        const calls = chain(prop.initializer);
        const optional = calls.some((c) => c.name === 'optional');
        const def = calls.find((c) => c.name === 'default');
        fields.push({
          name,
          doc: docBefore(prop, source),
          required: !optional && !def,
          defaultValue: def?.args[0]?.getText(file),
        });
      }
      sections.push({ owner: owner?.name ?? '?', doc: owner ? docBefore(owner.decl, source) : '', fields });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return sections;
}

/** Headings for the schema's objects, in the order the guide shows them. Others follow, named by owner. */
const HEADINGS: [owner: string, heading: string, key: string][] = [
  ['makeEntrySchema', 'Entry fields', ''],
  ['costSchema', 'Cost', 'cost:'],
  ['amountSchema', 'Each amount', 'cost: amounts:'],
  ['venueSchema', 'Each venue', 'venues:'],
  ['scheduleSchema', 'Each schedule', 'schedules:'],
  ['contactSchemaFor', 'Each contact', 'contacts:'],
];

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

/** `'active'` → `active`, `['in-person']` → `[in-person]`. */
function yamlish(value: string): string {
  return value.replace(/'([^']*)'/g, '$1').replace(/"([^"]*)"/g, '$1');
}

/** A section's own doc comment as Markdown: prose, with indented lines as a YAML example. */
function sectionDoc(doc: string): string {
  const out: string[] = [];
  let code: string[] = [];
  const flush = () => {
    if (code.length) out.push('', '```yaml', ...code, '```', '');
    code = [];
  };
  for (const line of doc.split('\n')) {
    if (/^\s{2,}\S/.test(line)) code.push(line.replace(/^\s{2}/, ''));
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function valueTable(title: string, field: string, labels: Record<string, string>): string[] {
  return [
    `**${title}** (\`${field}\`)`,
    '',
    '| Write | Means |',
    '|---|---|',
    ...Object.entries(labels).map(([k, v]) => `| \`${k}\` | ${cell(v)} |`),
    '',
  ];
}

/** The Markdown between the markers. */
export function fieldReference(source: string, words?: PlaceWords): string {
  const sections = readSchemaSections(source);
  const order = [
    ...HEADINGS.map(([o]) => o),
    ...sections.map((s) => s.owner).filter((o) => !HEADINGS.some(([h]) => h === o)),
  ];
  const lines: string[] = [
    '<!-- Generated by `npm run docs:fields` from the comments in src/schema/entry.ts and the lists in src/schema/vocab.ts. Edit those, not this. -->',
    '',
  ];
  for (const owner of order) {
    const section = sections.find((s) => s.owner === owner);
    if (!section || !section.fields.length) continue;
    const [, heading, key] = HEADINGS.find(([o]) => o === owner) ?? [owner, owner, ''];
    lines.push(`### ${heading}${key ? ` (\`${key}\`)` : ''}`, '');
    if (section.doc && owner !== 'makeEntrySchema') lines.push(sectionDoc(fillWords(section.doc, words)), '');
    lines.push('| Field | Needed? | What to write |', '|---|---|---|');
    for (const f of section.fields) {
      const needed = f.required
        ? '**Required**'
        : f.defaultValue && !/^\[\s*\]$/.test(f.defaultValue)
          ? `Optional (if left out: \`${cell(yamlish(f.defaultValue))}\`)`
          : 'Optional';
      lines.push(`| \`${f.name}\` | ${needed} | ${cell(fillWords(f.doc, words)) || '–'} |`);
    }
    lines.push('');
  }
  lines.push(
    '### Allowed values',
    '',
    `Categories and neighbourhoods are the ids in \`content/categories.yaml\` and the file names in \`content/neighbourhoods/\` (or \`${BOROUGH_WIDE}\` for the whole area). The other lists take these values:`,
    '',
    ...valueTable('How to take part', 'join', JOIN_LABELS),
    ...valueTable('How it is delivered', 'delivery', DELIVERY_LABELS),
    ...valueTable('Status', 'status', STATUS_LABELS),
    ...valueTable('Who it is especially for', 'audience', AUDIENCE_LABELS),
    ...valueTable('Accessibility', 'accessibility', ACCESSIBILITY_LABELS),
    ...valueTable('Languages', 'languages', LANGUAGES),
    ...valueTable('Days', 'weekly, monthly', DAY_LABELS),
  );
  return lines.join('\n').trim();
}

/** The document with the block between the markers replaced. Throws when the markers are missing. */
export function replaceBlock(doc: string, block: string, [startMark, endMark]: readonly [string, string] = [START, END]): string {
  const start = doc.indexOf(startMark);
  const end = doc.indexOf(endMark);
  if (start < 0 || end < start)
    throw new Error(
      `${CONTRIBUTING_PATH} has no ${startMark === START ? 'field reference' : startMark.replace(/^<!-- |:start -->$/g, '')} markers (${startMark} … ${endMark}). Fix: put them where it should go.`,
    );
  // The end marker keeps its indentation (inside a list item).
  return `${doc.slice(0, start + startMark.length)}\n${block}\n${doc.slice(doc.lastIndexOf('\n', end) + 1)}`;
}

/** CONTRIBUTING.md as docs:fields writes it, for the schema `source` and the book in `content`. */
export function contributingText(doc: string, source: string, content: string): string {
  // The labels of the values are the book's words (content/messages/<lang>.yaml over the defaults).
  loadMessages(content);
  const ex = examples(content);
  let out = replaceBlock(doc, fieldReference(source, placeWords(content)));
  out = replaceBlock(out, ex.entry, EXAMPLE_ENTRY);
  return replaceBlock(out, ex.message, EXAMPLE_MESSAGE);
}

/** Compares CONTRIBUTING.md with what `docs:fields` would write. */
export function checkContributing(
  root = process.cwd(),
  content = process.env.BOOK_CONTENT ?? join(root, 'content'),
): { ok: boolean; message: string } {
  const source = readFileSync(resolve(root, SCHEMA_PATH), 'utf8');
  const doc = readFileSync(resolve(root, CONTRIBUTING_PATH), 'utf8');
  let wanted: string;
  try {
    wanted = contributingText(doc, source, content);
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
  if (wanted === doc) return { ok: true, message: `${CONTRIBUTING_PATH}: the field reference is up to date.` };
  const a = doc.split('\n');
  const b = wanted.split('\n');
  let line = 0;
  while (line < a.length && a[line] === b[line]) line++;
  return {
    ok: false,
    message: `${CONTRIBUTING_PATH}:${line + 1}: the field reference or examples are out of date with ${SCHEMA_PATH} and content/site.yaml (first difference: "${(a[line] ?? '').slice(0, 80)}" should be "${(b[line] ?? '').slice(0, 80)}"). Fix: run npm run docs:fields and commit CONTRIBUTING.md.`,
  };
}

/** Rewrites the block in CONTRIBUTING.md. Returns true when the file changed. */
export function writeContributing(
  root = process.cwd(),
  content = process.env.BOOK_CONTENT ?? join(root, 'content'),
): boolean {
  const path = resolve(root, CONTRIBUTING_PATH);
  const doc = readFileSync(path, 'utf8');
  const next = contributingText(doc, readFileSync(resolve(root, SCHEMA_PATH), 'utf8'), content);
  if (next === doc) return false;
  writeFileSync(path, next);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    if (process.argv.includes('--check')) {
      const r = checkContributing();
      (r.ok ? process.stdout : process.stderr).write(`${r.message}\n`);
      process.exitCode = r.ok ? 0 : 1;
    } else {
      const changed = writeContributing();
      process.stdout.write(
        changed
          ? `Updated the field reference in ${CONTRIBUTING_PATH}.\n`
          : `${CONTRIBUTING_PATH} was already up to date.\n`,
      );
    }
  } catch (err) {
    process.stderr.write(`field-reference: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
