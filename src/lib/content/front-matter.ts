/**
 * How an entry file splits into front matter and body, exactly as Astro splits it (its
 * `parseFrontmatter`, in @astrojs/internal-helpers): an opening `---` (or `+++`) at the start of
 * the file, after an optional byte-order mark or blank lines, up to the next line that starts
 * with `---` (or `+++`). The body is what follows, trimmed. A unit test holds this to Astro's own
 * function on every fixture and on generated files.
 *
 * Everything that reads entry files outside Astro splits them here: the validator, the build's
 * data-files process, the generator, the benchmark and the tests. The validator adds its own,
 * stricter checks on top (the first line must be exactly `---`, and so must the closing line),
 * so that what it accepts, Astro reads the same way.
 */
import { load } from 'js-yaml';

/** Astro's pattern, unchanged. */
const FRONT_MATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

export interface FrontMatter {
  /** The opening delimiter: `---` (YAML) or `+++` (TOML, which entries do not use). */
  open: '---' | '+++';
  /** The text between the delimiters, as Astro hands it to the YAML parser (it ends with a line break). */
  yaml: string;
  /** Where `yaml` starts in the file (just after the opening delimiter). */
  yamlStart: number;
  /** Where the closing delimiter starts (at the start of a line). */
  closeStart: number;
  /** The Markdown body, as Astro keeps it: the rest of the file, trimmed. */
  body: string;
}

/** The file's front matter and body as Astro sees them, or undefined when Astro finds no front matter. */
export function splitFrontMatter(text: string): FrontMatter | undefined {
  const m = FRONT_MATTER.exec(text);
  if (!m) return undefined;
  const yaml = m[1];
  const closeStart = m.index + m[0].length - 3;
  const yamlStart = closeStart - yaml.length;
  const open = text.slice(yamlStart - 3, yamlStart) as FrontMatter['open'];
  // Astro removes `open + yaml + open` from the text (so a block opened with `---` and closed with
  // `+++` is not removed at all), then trims what is left.
  const block = `${open}${yaml}${open}`;
  const at = text.indexOf(block);
  const body = (at < 0 ? text : text.slice(0, at) + text.slice(at + block.length)).trim();
  return { open, yaml, yamlStart, closeStart, body };
}

/**
 * The front matter's data and the body, read the way Astro reads them (js-yaml 4 `load`, its
 * default schema: no executable types, unquoted dates as `Date`). No front matter gives `{}`,
 * like Astro; a YAML error is thrown, like Astro.
 */
export function readFrontMatter(text: string): { data: unknown; body: string } {
  const fm = splitFrontMatter(text);
  if (!fm) return { data: {}, body: text.trim() };
  const parsed = load(fm.yaml);
  return { data: parsed && typeof parsed === 'object' ? parsed : {}, body: fm.body };
}
