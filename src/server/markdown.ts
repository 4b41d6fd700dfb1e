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

/** Every image, link, link definition and raw HTML node in `body`, with 1-based positions in it. */
export function bodyNodes(body: string): BodyNode[] {
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
