/**
 * Checks of an entry's Markdown body (its description). The body is plain Markdown: paragraphs,
 * lists, emphasis and links. No raw HTML, no images (they would load from other people's servers),
 * and links only to http(s), mailto: and tel:.
 */
import { isSafeLinkTarget } from './primitives';

export interface BodyIssue {
  /** 1-based line within the body. */
  line: number;
  column: number;
  message: string;
}

/** Longest body accepted, in characters. */
export const MAX_BODY = 5000;

/** Problems in a Markdown body, with positions relative to the body's first line. */
export function checkBody(body: string): BodyIssue[] {
  const issues: BodyIssue[] = [];
  if (body.length > MAX_BODY) {
    issues.push({
      line: 1,
      column: 1,
      message: `The description is ${body.length} characters long, more than ${MAX_BODY}. Fix: shorten it; link to the group's website for the rest.`,
    });
  }
  const lines = body.split(/\r?\n/);
  // Where each line starts in `body`, and whether it is inside a fenced code block: the checks
  // below that span lines (link definitions, links broken over two lines) need both.
  const starts: number[] = [];
  const inFence: boolean[] = [];
  let fenced = false;
  const link = (m: string) =>
    `The link "${truncate(m)}" is not a web, email or phone link. Fix: use an address starting with https://, mailto: or tel:.`;
  for (let i = 0, at = 0; i < lines.length; i++) {
    starts.push(at);
    at += lines[i].length + 1 + (body[at + lines[i].length] === '\r' ? 1 : 0);
  }
  /** The 0-based line holding `index` (binary search: bodies over the limit are still checked). */
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
    // A tag closed on this line (`<img src=x>`, `<svg/onload=…>`), or a tag name left open at a
    // space, slash or the line's end (`<img` + attributes on the next line is still raw HTML).
    const html = /<\/?[a-z][a-z0-9-]*(?:(?:[\s/][^>]*)?>|(?=[\s/]|$))|<!--|<!\[CDATA\[|<![a-z]|<\?/i.exec(text);
    if (html) {
      issues.push({
        line,
        column: html.index + 1,
        message: `The description contains HTML (${truncate(html[0])}). Fix: write plain text and Markdown; no < > tags.`,
      });
    }
    if (fenced) return;
    // Inline images `![x](…)` and reference images `![x][ref]`, `![x][]`.
    const image = /!\[[^\]]*\][([]/.exec(text);
    if (image) {
      issues.push({
        line,
        column: image.index + 1,
        message: 'The description contains an image. Fix: remove it; pictures are not shown in entries.',
      });
    }
    for (const m of text.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi)) {
      if (!isSafeLinkTarget(m[1])) {
        issues.push({ line, column: (m.index ?? 0) + 1, message: link(m[1]) });
      }
    }
  });
  // Inline links `[text](target)`; the target may start on the next line, and may hold balanced
  // parentheses (`javascript:void(0)`), as CommonMark allows.
  for (const m of body.matchAll(/\]\([ \t]*(?:\r?\n[ \t>]*)?<?((?:[^()\s>]|\([^()\s>]*\))*)/g)) {
    const i = lineAt(m.index ?? 0);
    if (inFence[i]) continue;
    if (!isSafeLinkTarget(decodeEntities(m[1]))) {
      issues.push({ line: i + 1, column: (m.index ?? 0) - starts[i] + 3, message: link(m[1]) });
    }
  }
  // Link reference definitions `[label]: target`, as Markdown reads them: also inside block
  // quotes and list items (`> [1]: …`, `- [1]: …`), with the label over two lines or the target
  // on the next line. The target must end the line or be followed by a title, as in Markdown.
  const defined = new Set<string>();
  const definition =
    /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)*\[((?:[^\]\\]|\\.)+)\]:[ \t]*(?:\r?\n[ \t>]*)?<?([^\s>]+)>?(?=[ \t]*(?:$|["'(]))/gm;
  for (const m of body.matchAll(definition)) {
    const i = lineAt(m.index ?? 0);
    if (inFence[i]) continue;
    defined.add(m[1].trim().toLowerCase());
    if (!isSafeLinkTarget(decodeEntities(m[2]))) {
      issues.push({ line: i + 1, column: 1, message: link(m[2]) });
    }
  }
  // Shortcut reference images, `![label]` with a `[label]: …` definition.
  for (const m of body.matchAll(/!\[([^\]]*)\](?![([])/g)) {
    const i = lineAt(m.index ?? 0);
    if (!inFence[i] && defined.has(m[1].trim().toLowerCase())) {
      issues.push({
        line: i + 1,
        column: (m.index ?? 0) - starts[i] + 1,
        message: 'The description contains an image. Fix: remove it; pictures are not shown in entries.',
      });
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
