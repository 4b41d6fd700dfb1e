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
    issues.push({ line: 1, column: 1, message: `The description is ${body.length} characters long, more than ${MAX_BODY}. Fix: shorten it; link to the group's website for the rest.` });
  }
  const lines = body.split(/\r?\n/);
  let fenced = false;
  lines.forEach((text, i) => {
    const line = i + 1;
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    const html = /<\/?[a-z][a-z0-9-]*(\s[^>]*)?\/?>|<!--|<!\[CDATA\[|<![a-z]/i.exec(text);
    if (html) {
      issues.push({ line, column: html.index + 1, message: `The description contains HTML (${truncate(html[0])}). Fix: write plain text and Markdown; no < > tags.` });
    }
    if (fenced) return;
    const image = /!\[[^\]]*\]\(/.exec(text);
    if (image) {
      issues.push({ line, column: image.index + 1, message: 'The description contains an image. Fix: remove it; pictures are not shown in entries.' });
    }
    for (const m of text.matchAll(/\]\(\s*<?([^)\s>]*)/g)) {
      if (!isSafeLinkTarget(decodeEntities(m[1]))) {
        issues.push({ line, column: (m.index ?? 0) + 3, message: `The link "${truncate(m[1])}" is not a web, email or phone link. Fix: use an address starting with https://, mailto: or tel:.` });
      }
    }
    for (const m of text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(\s|$)/g)) {
      if (!isSafeLinkTarget(decodeEntities(m[1]))) {
        issues.push({ line, column: 1, message: `The link "${truncate(m[1])}" is not a web, email or phone link. Fix: use an address starting with https://, mailto: or tel:.` });
      }
    }
    for (const m of text.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi)) {
      if (!isSafeLinkTarget(m[1])) {
        issues.push({ line, column: (m.index ?? 0) + 1, message: `The link "${truncate(m[1])}" is not a web, email or phone link. Fix: use an address starting with https://, mailto: or tel:.` });
      }
    }
  });
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
