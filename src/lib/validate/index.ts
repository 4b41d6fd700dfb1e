/**
 * The validator: every entry file and data file checked the way the build reads it, each
 * problem with its file, line, column and field, in plain words with a fix. `npm run validate`,
 * the build, `npm run new-entry` and the contribute form all check through here.
 *
 *   entry.ts      one entry file: file name, front matter, YAML, schema, body
 *   book.ts       across files (ids unique) and the YAML data files
 *   yaml.ts       the YAML, parsed as Astro parses it, and its syntax errors in words
 *   locate.ts     line and column of a field
 *   messages.ts   the schema's issues in words, with examples and "did you mean"
 *   warnings.ts   allowed but worth a look: stale details, personal contacts
 *   problems.ts   a problem, and how it is printed
 */
export { validateEntryText } from './entry';
export { validateBook, validateDataFile, duplicateIdProblems } from './book';
export { closest } from './messages';
export { isImpossibleYamlTimestamp } from './locate';
export {
  escapeData,
  escapeProperty,
  formatPath,
  formatProblem,
  githubAnnotation,
  sortProblems,
  summarise,
  type BookOptions,
  type Problem,
  type Severity,
  type ValidateOptions,
} from './problems';
