/**
 * Test helper (not a test file): checks JSON-LD against the schema.org vocabulary, offline.
 *
 * The vocabulary comes from schema-dts (npm; Google's TypeScript types generated from the whole
 * of schema.org, every type, property and enumeration), and the TypeScript compiler does the
 * checking: each document is written into a scratch module as a literal of schema-dts's `Graph`
 * type, and the compiler's errors are the findings. That catches an unknown type, a property the
 * type does not have (excess property checks on literals), a value of a type the property does
 * not take (a Place where a Schedule belongs, text where a number must be), and an enumeration
 * value that is not one (`https://schema.org/Mondy`). What types cannot check, the form of dates
 * and times (schema-dts types them as strings), `isoDates` checks.
 *
 * Why not an online validator (validator.schema.org, Google's Rich Results Test): the tests run
 * without the network. Why not @adobe/structured-data-validator: it needs the schema.org
 * vocabulary file handed to it, and no npm package ships that file; schema-dts is that vocabulary.
 */
import ts from 'typescript';
import { join } from 'node:path';
import { repoRoot } from './build';

/** Compiler diagnostics for each document that does not fit schema.org (empty: all fit). */
export function schemaOrgFindings(docs: { name: string; json: unknown }[]): string[] {
  const file = join(repoRoot, 'node_modules', '.schema-org-check', 'pages.ts');
  const names = docs.map((_, i) => `page${i}`);
  const source = [
    `import type { Graph } from 'schema-dts';`,
    ...docs.map((d, i) => `export const ${names[i]}: Graph = ${JSON.stringify(d.json)};`),
  ].join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (f) => (f === file ? source : read(f));
  host.fileExists = (f) => f === file || exists(f);
  host.getSourceFile = (
    (orig) =>
    (f, lang, ...rest) =>
      f === file ? ts.createSourceFile(f, source, lang) : orig.call(host, f, lang, ...rest)
  )(host.getSourceFile);
  const program = ts.createProgram([file], options, host);
  const sf = program.getSourceFile(file)!;
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
    const doc = line >= 1 && d.file === sf ? docs[line - 1]?.name : 'schema-dts';
    return `${doc}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n').slice(0, 600)}`;
  });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2})?$/;

/** The dates and times of a JSON-LD value that are not ISO 8601 (startDate, endDate, startTime…). */
export function isoDates(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => isoDates(v, `${at}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const here = `${at}.${k}`;
    if ((k === 'startDate' || k === 'endDate') && typeof v === 'string')
      return DATE.test(v) || DATE_TIME.test(v) ? [] : [`${here}: ${v}`];
    if ((k === 'startTime' || k === 'endTime') && typeof v === 'string') return TIME.test(v) ? [] : [`${here}: ${v}`];
    return isoDates(v, here);
  });
}
