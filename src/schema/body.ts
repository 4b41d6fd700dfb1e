/**
 * Checks of an entry's Markdown body (its description). The body is plain Markdown: paragraphs,
 * lists, emphasis and links. No raw HTML, no images (they would load from other people's servers),
 * and links only to http(s), mailto: and tel:.
 */
import { linkTargetProblem } from './primitives';

export interface BodyIssue {
  /** 1-based line within the body. */
  line: number;
  column: number;
  message: string;
}

/** Longest body accepted, in characters. */
export const MAX_BODY = 5000;

/**
 * What the Markdown parser the build uses (Sätteri) makes of a body, as far as these checks need:
 * every image, link and link definition, with its target and 1-based position in the body.
 * `src/server/markdown.ts` gives it in Node; the contribute form in a browser has no parser and
 * leaves it out, so `checkBody` falls back to patterns there (the pull request's check then runs
 * with the parser).
 */
export interface BodyNode {
  type: 'image' | 'imageReference' | 'link' | 'definition' | 'html';
  /** The target, as the parser decoded it (`link`, `image`, `definition`). */
  url?: string;
  line: number;
  column: number;
}

/** The message for an image in a body. */
export const IMAGE_MESSAGE = 'The description contains an image. Fix: remove it; pictures are not shown in entries.';

/**
 * Problems in a Markdown body, with positions relative to the body's first line. With `nodes`
 * (the parser's view of the same body), images and links are checked as the build will read
 * them, at whatever spelling the parser accepts (`![a [b] c](x.png)`, alt text over two lines,
 * reference images, bare `https://…` addresses that GFM turns into links).
 *
 * Every check is one pass over the text, or a pattern whose work at each position is bounded, so
 * the time grows with the length of the body and no faster. A body over `MAX_BODY` gets only that
 * message: the limit is checked before any pattern runs.
 */
export function checkBody(body: string, nodes?: readonly BodyNode[]): BodyIssue[] {
  const issues: BodyIssue[] = [];
  if (body.length > MAX_BODY) {
    issues.push({
      line: 1,
      column: 1,
      message: `The description is ${body.length} characters long, more than ${MAX_BODY}. Fix: shorten it; link to the group's website for the rest. (The other checks of the description run once it fits.)`,
    });
    return issues;
  }
  const lines = body.split(/\r?\n/);
  // Where each line starts in `body`, and whether it is inside a fenced code block: the checks
  // below that span lines (link definitions, links broken over two lines) need both.
  const starts: number[] = [];
  const inFence: boolean[] = [];
  let fenced = false;
  for (let i = 0, at = 0; i < lines.length; i++) {
    starts.push(at);
    at += lines[i].length + 1 + (body[at + lines[i].length] === '\r' ? 1 : 0);
  }
  /** The 0-based line holding `index` (binary search). */
  const lineAt = (index: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const link = (target: string, line: number, column: number) => {
    const message = linkTargetProblem(decodeEntities(target), target);
    if (message) issues.push({ line, column, message });
  };
  lines.forEach((text, i) => {
    const line = i + 1;
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    inFence.push(fenced);
    // Hostile-input hardening: bidirectional overrides and isolates reorder how text is shown
    // (the "Trojan Source" trick), and control characters are invisible; both are checked in
    // code blocks too. Zero-width joiners and direction marks (emoji, Persian, Arabic) are fine.
    // eslint-disable-next-line no-control-regex -- hidden control characters are what this check refuses
    const hidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.exec(text);
    if (hidden) {
      const code = `U+${hidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      issues.push({
        line,
        column: hidden.index + 1,
        message: `The description contains a hidden control character (${code}) that can make text show differently from how it reads. Fix: retype the line as plain text.`,
      });
    }
    // A tag name followed by `>`, a space, a slash or the line's end (`<img src=x>`,
    // `<svg/onload=…>`, `<img` with attributes on the next line): raw HTML. The match is a fixed
    // few characters at each `<` (scanning on to a `>` from every `<` was quadratic on `<a <a …`);
    // the message quotes the tag up to its `>`.
    const html = /<\/?[a-z][a-z0-9-]*(?=[\s/>]|$)|<!--|<!\[CDATA\[|<![a-z]|<\?/i.exec(text);
    if (html) {
      const close = text.indexOf('>', html.index);
      const tag = /^<\/?[a-z]/i.test(html[0]);
      const shown = tag && close >= 0 && close - html.index < 60 ? text.slice(html.index, close + 1) : html[0];
      issues.push({
        line,
        column: html.index + 1,
        message: `The description contains HTML (${truncate(shown)}). Fix: write plain text and Markdown; no < > tags.`,
      });
    }
    if (fenced || nodes) return;
    // Without the parser: inline images `![x](…)` and reference images `![x][ref]`, `![x][]`
    // (alt text up to 999 characters on one line, so each position costs a bounded amount).
    const image = /!\[[^\]\n]{0,999}\][([]/.exec(text);
    if (image) issues.push({ line, column: image.index + 1, message: IMAGE_MESSAGE });
    // Autolinks `<scheme:…>`, as CommonMark reads them: no spaces, `<` or `>` inside.
    for (const m of text.matchAll(/<([a-z][a-z0-9+.-]{1,31}:[^<>\s]*)>/gi)) link(m[1], line, (m.index ?? 0) + 1);
  });
  if (nodes) {
    for (const n of nodes) {
      const i = n.line - 1;
      if (inFence[i]) continue;
      if (n.type === 'image' || n.type === 'imageReference')
        issues.push({ line: n.line, column: n.column, message: IMAGE_MESSAGE });
      else if ((n.type === 'link' || n.type === 'definition') && n.url !== undefined) {
        // Point at the target where it is written as the parser gave it (else at the link).
        const from = (starts[i] ?? 0) + n.column - 1;
        const at = n.url ? body.indexOf(n.url, from) : -1;
        const j = at >= 0 && at - from < 1000 ? lineAt(at) : -1;
        if (j >= 0) link(n.url, j + 1, at - starts[j] + 1);
        else link(n.url, n.line, n.column);
      }
    }
    return issues;
  }
  // Without the parser: inline links `[text](target)`; the target may start on the next line, and
  // may hold balanced parentheses (`javascript:void(0)`), as CommonMark allows.
  for (const m of body.matchAll(/\]\([ \t]*(?:\r?\n[ \t>]*)?<?((?:[^()\s>]|\([^()\s>]*\))*)/g)) {
    const i = lineAt(m.index ?? 0);
    if (!inFence[i]) link(m[1], i + 1, (m.index ?? 0) - starts[i] + 3);
  }
  // Link reference definitions `[label]: target`, as Markdown reads them: also inside block
  // quotes and list items (`> [1]: …`, `- [1]: …`), with the label over two lines or the target
  // on the next line. The target must end the line or be followed by a title, as in Markdown.
  // A label is at most 999 characters (CommonMark's own limit), which bounds the work per line.
  const defined = new Set<string>();
  const definition =
    /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)*\[((?:[^\]\\]|\\.){1,999})\]:[ \t]*(?:\r?\n[ \t>]*)?<?([^\s>]+)>?(?=[ \t]*(?:$|["'(]))/gm;
  for (const m of body.matchAll(definition)) {
    const i = lineAt(m.index ?? 0);
    if (inFence[i]) continue;
    defined.add(m[1].trim().toLowerCase());
    link(m[2], i + 1, 1);
  }
  // Shortcut reference images, `![label]` with a `[label]: …` definition.
  for (const m of body.matchAll(/!\[([^\]]{0,999})\](?![([])/g)) {
    const i = lineAt(m.index ?? 0);
    if (!inFence[i] && defined.has(m[1].trim().toLowerCase())) {
      issues.push({ line: i + 1, column: (m.index ?? 0) - starts[i] + 1, message: IMAGE_MESSAGE });
    }
  }
  return issues;
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** Decodes the HTML entities Markdown would decode in a link target (`&#106;avascript:`). */
function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '');
}
