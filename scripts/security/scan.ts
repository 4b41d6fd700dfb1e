/**
 * A security scan of a built site: the last line of defence behind the validator and the safe
 * Markdown plugin. Reads every file a browser, feed reader or spreadsheet might open and reports
 * anything that could run code or load from elsewhere:
 * - a `<script>` that is not the project's own: own means a `src` under `/_astro/` or
 *   `/pagefind/`, JSON-LD data (`type="application/ld+json"` that parses as JSON), an inline
 *   script whose SHA-256 is listed in the page's own Content-Security-Policy (Astro lists exactly
 *   the scripts it generated, so entry text can never be on that list), or an inline script whose
 *   text is one of the project's own `is:inline` scripts (`ownScripts`, read from src/);
 * - a `javascript:`, `data:` or `vbscript:` URL in any URL attribute (href, src, action,
 *   formaction, xlink:href, srcset, meta refresh …), read as a browser reads it: entities decoded,
 *   whitespace and control characters removed, any case;
 * - an `on…=` event-handler attribute on any element;
 * - an `<iframe>`, `<frame>`, `<object>`, `<embed>`, `<applet>` or `<base>` element;
 * - in JSON, CSV and calendar files: markup (`<script`, `<iframe` …) inside values, a dangerous
 *   URL in a URL field, and (CSV) a cell a spreadsheet would run as a formula.
 *
 * Pure string logic (plus node:crypto for the hashes); `scripts/security/scan-build.ts` walks a folder.
 * It tokenises HTML itself, so a page that a parser would read differently from how it looks is
 * more likely to be reported than missed.
 */
import { createHash } from 'node:crypto';

export type FindingKind = 'script' | 'url' | 'handler' | 'embed' | 'markup' | 'formula' | 'unreadable';

export interface Finding {
  /** Path of the file, as given to the scan. */
  file: string;
  /** 1-based line of the problem in the file (1 when not known). */
  line: number;
  kind: FindingKind;
  /** What was found, clipped: `<script src="https://evil.example/x.js">`. */
  detail: string;
}

/** File types the build scan reads; others (JavaScript bundles, CSS, images, the index) are the project's code or binary. */
export const SCANNED_EXTENSIONS = ['.html', '.htm', '.xml', '.svg', '.json', '.webmanifest', '.ics', '.csv'] as const;

const DANGEROUS_SCHEMES = ['javascript', 'data', 'vbscript'];
/** Attributes whose value is a URL (or a list of them), in HTML, SVG and MathML. */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'background',
  'data',
  'cite',
  'ping',
  'manifest',
  'codebase',
  'longdesc',
  'usemap',
  'lowsrc',
  'dynsrc',
  'icon',
  'archive',
  'profile',
  'classid',
  'srcset',
  'imagesrcset',
  'itemtype',
]);
const EMBEDS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'fencedframe']);
/** Elements whose content is raw text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/**
 * Markup that has no business inside a data value: the start of an element that would run or
 * load something if a consumer put the value into a page. (Text such as `< script >`, `5 < 6` or
 * `onerror=` without a tag is not markup: no HTML parser reads it as an element.)
 */
const MARKUP_IN_DATA =
  /<(script|iframe|frame|frameset|object|embed|applet|base|svg|math|img|image|video|audio|source|link|meta|style|form|input|button|a|body|html)[\s/>]/i;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
  nbsp: '\u00a0',
  lpar: '(',
  rpar: ')',
  sol: '/',
  bsol: '\\',
  period: '.',
  comma: ',',
  semi: ';',
  equals: '=',
  num: '#',
  excl: '!',
  quest: '?',
  percnt: '%',
};

/** Decodes HTML character references the way an attribute value is read (numeric ones with or without `;`). */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(
    /&(?:#x([0-9a-f]+);?|#(\d+);?|([a-z][a-z0-9]*);)/gi,
    (whole, hex: string, dec: string, name: string) => {
      if (hex || dec) {
        const code = hex ? parseInt(hex, 16) : Number(dec);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
      }
      return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    },
  );
}

/**
 * The dangerous scheme (`javascript`, `data`, `vbscript`) a URL attribute would run or load, or
 * undefined. Reads it as a browser does, and then some: entities decoded, every whitespace,
 * control and invisible formatting character removed, case ignored.
 */
export function dangerousScheme(value: string): string | undefined {
  const v = decodeEntities(value)
    // eslint-disable-next-line no-control-regex -- the scan reads URLs as a browser does, ignoring control characters
    .replace(/[\u0000-\u0020\u007f-\u00a0\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .toLowerCase();
  const m = /^([a-z][a-z0-9+.-]*):/.exec(v);
  return m && DANGEROUS_SCHEMES.includes(m[1]) ? m[1] : undefined;
}

// ---------------------------------------------------------------------------------------------
// HTML (and XML, SVG)

export interface Tag {
  /** Lower-case element name. */
  name: string;
  /** Attributes in order, names lower-cased, values entity-decoded. */
  attrs: [string, string][];
  /** Offset of the `<`. */
  start: number;
  /** For raw-text elements (script, style …): the text up to the end tag. */
  text?: string;
}

/**
 * The start tags of an HTML or XML document, in order. Comments, doctypes, processing
 * instructions, CDATA sections and end tags are skipped; the content of raw-text elements
 * (script, style, title …) is attached to their tag rather than read as markup.
 */
export function tokenize(html: string): Tag[] {
  const tags: Tag[] = [];
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', lt)) {
      const end = html.indexOf(']]>', lt + 9);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (html[lt + 1] === '/') {
      const end = html.indexOf('>', lt + 2);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const nameMatch = /^[a-zA-Z][^\s/>]*/.exec(html.slice(lt + 1, lt + 200));
    if (!nameMatch) {
      i = lt + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    let j = lt + 1 + nameMatch[0].length;
    const attrs: [string, string][] = [];
    while (j < n) {
      while (j < n && /[\s/]/.test(html[j])) j++;
      if (j >= n || html[j] === '>') break;
      const an = /^[^\s/>][^\s/>=]*/.exec(html.slice(j, j + 200));
      if (!an) {
        j++;
        continue;
      }
      const attrName = an[0].toLowerCase();
      j += an[0].length;
      let k = j;
      while (k < n && /\s/.test(html[k])) k++;
      let value = '';
      if (html[k] === '=') {
        k++;
        while (k < n && /\s/.test(html[k])) k++;
        const q = html[k];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, k + 1);
          value = html.slice(k + 1, end < 0 ? n : end);
          j = end < 0 ? n : end + 1;
        } else {
          const m = /^[^\s>]*/.exec(html.slice(k))!;
          value = m[0];
          j = k + m[0].length;
        }
      }
      attrs.push([attrName, decodeEntities(value)]);
    }
    const tag: Tag = { name, attrs, start: lt };
    tags.push(tag);
    i = j + 1;
    if (RAW_TEXT.has(name) && !/\/\s*$/.test(html.slice(lt, j))) {
      const close = new RegExp(`</${name}[\\s/>]`, 'i').exec(html.slice(i));
      const end = close ? i + close.index : n;
      tag.text = html.slice(i, end);
      i = end;
    }
  }
  return tags;
}

/** `'sha256-…'` sources of the page's Content-Security-Policy `script-src`, from its `<meta>`. */
function cspScriptHashes(tags: readonly Tag[]): Set<string> {
  const hashes = new Set<string>();
  for (const t of tags) {
    if (t.name !== 'meta') continue;
    const equiv = t.attrs.find(([k]) => k === 'http-equiv')?.[1];
    if (equiv?.toLowerCase() !== 'content-security-policy') continue;
    const content = t.attrs.find(([k]) => k === 'content')?.[1] ?? '';
    for (const directive of content.split(';')) {
      const [dname, ...sources] = directive.trim().split(/\s+/);
      if (dname?.toLowerCase() !== 'script-src') continue;
      for (const s of sources) {
        const m = /^'sha256-([A-Za-z0-9+/=]+)'$/.exec(s);
        if (m) hashes.add(m[1]);
      }
    }
  }
  return hashes;
}

const attr = (t: Tag, name: string) => t.attrs.find(([k]) => k === name)?.[1];

export interface ScanOptions {
  /** Texts (trimmed) of the project's own `is:inline` scripts: see `inlineScriptsOf`. */
  ownScripts?: ReadonlySet<string>;
  /** The book's base path (`/bolton-book/` at a project address; `/` otherwise): own scripts are under it. */
  base?: string;
}

/** The trimmed texts of the `<script is:inline>` elements in an .astro source file. */
export function inlineScriptsOf(source: string): string[] {
  const out: string[] = [];
  // Attributes may hold quoted strings and {expressions}; `<script … />` has no text.
  for (const m of source.matchAll(
    /<script\b((?:[^>"'{}/]|\/(?!>)|"[^"]*"|'[^']*'|\{[^}]*\})*)(?:\/>|>([\s\S]*?)<\/script>)/gi,
  )) {
    if (m[2] !== undefined && /\bis:inline\b/.test(m[1]) && !/\bset:(html|text)\b/.test(m[1])) out.push(m[2].trim());
  }
  return out;
}

/** Findings in an HTML, SVG or XML document. */
export function scanHtml(html: string, file = '', opts: ScanOptions = {}): Finding[] {
  const out: Finding[] = [];
  const tags = tokenize(html);
  const hashes = cspScriptHashes(tags);
  const at = lineFinder(html);
  const add = (t: Tag, kind: FindingKind, detail: string) =>
    out.push({ file, line: at(t.start), kind, detail: clip(detail) });

  for (const t of tags) {
    for (const [k, v] of t.attrs) {
      if (/^on/.test(k)) add(t, 'handler', `<${t.name} ${k}="${v}">`);
      if (URL_ATTRIBUTES.has(k) || k.endsWith(':href')) {
        const values = k.endsWith('srcset') ? v.split(',').map((s) => s.trim().split(/\s+/)[0]) : [v];
        for (const u of values) {
          const scheme = dangerousScheme(u);
          if (scheme) add(t, 'url', `<${t.name} ${k}="${u}">`);
        }
      }
      if (
        k === 'style' &&
        (/expression\s*\(/i.test(v) || /url\s*\(\s*['"]?\s*(javascript|vbscript|data):/i.test(decodeEntities(v)))
      ) {
        add(t, 'url', `<${t.name} style="${v}">`);
      }
    }
    if (t.name === 'meta' && attr(t, 'http-equiv')?.toLowerCase() === 'refresh') {
      const url = /url\s*=\s*['"]?([^'"]*)/i.exec(attr(t, 'content') ?? '')?.[1];
      if (url !== undefined && dangerousScheme(url))
        add(t, 'url', `<meta http-equiv="refresh" content="${attr(t, 'content')}">`);
    }
    if (EMBEDS.has(t.name)) add(t, 'embed', `<${t.name}${t.attrs.map(([k, v]) => ` ${k}="${v}"`).join('')}>`);
    if (t.name === 'script') {
      const src = attr(t, 'src');
      const type = (attr(t, 'type') ?? '').trim().toLowerCase();
      if (src !== undefined) {
        const base = opts.base ?? '/';
        const own = src.startsWith(base) && /^(_astro|pagefind)\/[^/]/.test(src.slice(base.length));
        if (!own || src.includes('..') || src.includes('\\')) add(t, 'script', `<script src="${src}">`);
      } else if (type === 'application/ld+json') {
        try {
          const data: unknown = JSON.parse(t.text ?? '');
          for (const f of scanJsonValue(data, file, at(t.start))) out.push(f);
        } catch {
          add(t, 'script', `<script type="application/ld+json"> that is not JSON: ${t.text ?? ''}`);
        }
      } else {
        const hash = createHash('sha256')
          .update(t.text ?? '', 'utf8')
          .digest('base64');
        if (!hashes.has(hash) && !opts.ownScripts?.has((t.text ?? '').trim()))
          add(
            t,
            'script',
            `inline <script${type ? ` type="${type}"` : ''}> not listed in the page's Content-Security-Policy: ${t.text ?? ''}`,
          );
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Data files

/** Keys whose string value is a URL (HSDS `url`, `website`, `term_uri`; manifest `src`, `start_url`; JSON-LD `@id`, `sameAs` …). */
const URL_KEY = /(^|_|-)(url|uri|href|src|link|website|email|image|logo|icon)s?$|^@id$|^sameas$|^(url|uri|href|src)/i;

function scanJsonValue(root: unknown, file: string, line: number): Finding[] {
  const out: Finding[] = [];
  const walk = (v: unknown, key: string, depth: number) => {
    if (depth > 100) return;
    if (typeof v === 'string') {
      if (MARKUP_IN_DATA.test(v)) out.push({ file, line, kind: 'markup', detail: clip(`${key}: ${v}`) });
      if (URL_KEY.test(key) && dangerousScheme(v)) out.push({ file, line, kind: 'url', detail: clip(`${key}: ${v}`) });
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, key, depth + 1);
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, k, depth + 1);
    }
  };
  walk(root, '', 0);
  return out;
}

/** Findings in a JSON file (or web manifest): markup inside any value, a dangerous URL in a URL field. */
export function scanJson(text: string, file = ''): Finding[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return [{ file, line: 1, kind: 'unreadable', detail: clip(`not JSON: ${(err as Error).message}`) }];
  }
  return scanJsonValue(data, file, 1);
}

/** Rows of an RFC 4180 CSV text (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push({ cells: row, line: rowLine });
      row = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push({ cells: row, line: rowLine });
  }
  return rows;
}

/** Findings in a CSV file: markup in a cell, a dangerous URL in a URL column, a cell a spreadsheet would run as a formula. */
export function scanCsv(text: string, file = ''): Finding[] {
  const out: Finding[] = [];
  const rows = parseCsv(text);
  const header = rows[0]?.cells ?? [];
  for (const { cells, line } of rows.slice(1)) {
    cells.forEach((v, i) => {
      const col = header[i] ?? String(i + 1);
      if (MARKUP_IN_DATA.test(v)) out.push({ file, line, kind: 'markup', detail: clip(`${col}: ${v}`) });
      if (URL_KEY.test(col) && dangerousScheme(v)) out.push({ file, line, kind: 'url', detail: clip(`${col}: ${v}`) });
      // A number the book wrote itself (a negative longitude) is fine; text starting = + - @ tab CR is a formula.
      if (/^[=+\-@\t\r]/.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v))
        out.push({ file, line, kind: 'formula', detail: clip(`${col}: ${v}`) });
    });
  }
  return out;
}

/** Findings in an iCalendar file: markup in a value, a dangerous URL in URL / ATTACH, and HTML descriptions scanned as HTML. */
export function scanIcs(text: string, file = ''): Finding[] {
  const out: Finding[] = [];
  // Unfold: a line starting with a space or tab continues the one before (RFC 5545 3.1).
  const lines: { text: string; line: number }[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (/^[ \t]/.test(l) && lines.length) lines[lines.length - 1].text += l.slice(1);
    else lines.push({ text: l, line: i + 1 });
  });
  for (const { text: l, line } of lines) {
    const colon = l.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    if (colon < 0) continue;
    const name = l.slice(0, colon).split(';')[0].toUpperCase();
    const value = l
      .slice(colon + 1)
      .replace(/\\n/gi, '\n')
      .replace(/\\([,;\\])/g, '$1');
    if (name === 'X-ALT-DESC' || /FMTTYPE=text\/html/i.test(l.slice(0, colon))) {
      for (const f of scanHtml(value, file, { ownScripts: new Set() })) out.push({ ...f, line });
    } else if (MARKUP_IN_DATA.test(value)) out.push({ file, line, kind: 'markup', detail: clip(`${name}: ${value}`) });
    if ((name === 'URL' || name === 'ATTACH' || name === 'TZURL' || /^X-.*URL$/.test(name)) && dangerousScheme(value)) {
      out.push({ file, line, kind: 'url', detail: clip(`${name}: ${value}`) });
    }
  }
  return out;
}

/** Findings in one built file, chosen by its extension (see SCANNED_EXTENSIONS); none for other files. */
export function scanFile(path: string, text: string, opts: ScanOptions = {}): Finding[] {
  const ext = path.slice(path.lastIndexOf('.')).toLowerCase();
  switch (ext) {
    case '.html':
    case '.htm':
    case '.xml':
    case '.svg':
      return scanHtml(text, path, opts);
    case '.json':
    case '.webmanifest':
      return scanJson(text, path);
    case '.csv':
      return scanCsv(text, path);
    case '.ics':
      return scanIcs(text, path);
    default:
      return [];
  }
}

/** `file:line kind — detail` */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line} ${f.kind} — ${f.detail}`;
}

// ---------------------------------------------------------------------------------------------

function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function clip(s: string, max = 160): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
