/**
 * What the build's Markdown parser makes of an entry's body, for the validator: the same parser
 * (Sätteri, Astro 7's Markdown processor) with the same features as astro.config.mjs gives it
 * (GFM, smart punctuation, raw HTML kept opaque), so an image or a link is found at whatever
 * spelling the build would read it, and what validates, builds. Node only (a native parser): the
 * contribute form in the browser checks bodies with patterns instead (src/schema/body.ts).
 * The parser's time grows with the length of the body (see tests/unit/validate/linear.test.ts).
 */
import { markdownToMdast, type MdastNode } from 'satteri';
import type { BodyNode } from '../schema/body';

const FEATURES = { gfm: true, smartPunctuation: true, rawHtml: false } as const;

/**
 * True when `body` could hold an image, a link, a link definition or raw HTML as the parser reads
 * them. Each needs one of these: `[` (links, images, references, definitions), `<` (raw HTML,
 * `<https://…>` autolinks), `:/` (GFM's bare `https://…`; a colon alone, as in "Sessions: …" or
 * `https:example.org`, makes no link), `@` (GFM's bare email addresses, `mailto:…` and `xmpp:…`),
 * `www.` (GFM's bare `www.example.org`), or `&` or `\`: the parser finds GFM's bare links after
 * decoding character references and backslash escapes, so `a&commat;example.org` and
 * `www\.example.org` are links. A body with none of them has none of those nodes
 * (tests/unit/validate/markdown-nodes.test.ts holds the parser to this), and the parser need not
 * run: most descriptions are plain paragraphs.
 */
export function mayHoldNodes(body: string): boolean {
  return /[[<@&\\]|:\/|www\./i.test(body);
}

/** Every image, link, link definition and raw HTML node in `body`, with 1-based positions in it. */
export function bodyNodes(body: string): BodyNode[] {
  return mayHoldNodes(body) ? parsedNodes(body) : [];
}

/** `bodyNodes` from the parser itself, whatever the body holds (the tests compare the two). */
export function parsedNodes(body: string): BodyNode[] {
  const out: BodyNode[] = [];
  const walk = (node: MdastNode) => {
    const n = node as MdastNode & {
      url?: string;
      children?: MdastNode[];
      position?: { start: { line: number; column: number } };
    };
    if (
      n.type === 'image' ||
      n.type === 'imageReference' ||
      n.type === 'link' ||
      n.type === 'definition' ||
      n.type === 'html'
    ) {
      out.push({
        type: n.type,
        url: n.url,
        line: n.position?.start.line ?? 1,
        column: n.position?.start.column ?? 1,
      });
    }
    // Iterative over siblings, recursive only into children: Markdown nests a few levels deep.
    for (const child of n.children ?? []) walk(child);
  };
  walk(markdownToMdast(body, { features: FEATURES }));
  return out;
}
