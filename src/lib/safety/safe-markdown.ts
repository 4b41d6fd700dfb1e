/**
 * Defence in depth for entry bodies, as a Sätteri HAST plugin (Astro 7's Markdown processor).
 * `npm run validate` rejects raw HTML, images and unsafe links before the build; this plugin
 * makes sure none of them can reach a page even if an entry skipped validation:
 * - raw HTML (kept by the parser as opaque `raw` nodes) is dropped, never emitted;
 * - images and embeds are dropped (they would load from other people's servers);
 * - a link whose target is not http(s), mailto:, tel: or a same-site path becomes plain text, and
 *   so does one the validator's link rule refuses (`linkTargetProblem`: a name before the host, a
 *   private host, a `mailto:` with more than one address);
 * - external links get rel="noopener noreferrer".
 */
import { defineHastPlugin, defineMdastPlugin } from 'satteri';
import { linkTargetProblem } from '../../schema/primitives';

const DROP = [
  'img',
  'picture',
  'source',
  'iframe',
  'object',
  'embed',
  'script',
  'style',
  'form',
  'input',
  'button',
  'svg',
  'math',
  'video',
  'audio',
];

/**
 * Images go before Astro's image step sees them (an mdast plugin, run before Astro's own "collect
 * images" one): a body image such as `![a [b] c](#x.png)` would otherwise make the whole build
 * fail with ImageNotFound, naming no file. The validator refuses images (at every spelling the
 * parser accepts); this keeps a book that skipped it building.
 */
export const dropEntryImages = defineMdastPlugin({
  name: 'community-book-drop-images',
  image(node, ctx) {
    ctx.removeNode(node);
  },
  imageReference(node, ctx) {
    ctx.removeNode(node);
  },
});

export const safeEntryHtml = defineHastPlugin({
  name: 'community-book-safe-html',
  raw(node, ctx) {
    ctx.removeNode(node);
  },
  element: [
    {
      filter: DROP,
      visit(node, ctx) {
        ctx.removeNode(node);
      },
    },
    {
      filter: ['a'],
      visit(node, ctx) {
        const href = String((node.properties as Record<string, unknown>)?.href ?? '');
        if (linkTargetProblem(href) !== undefined) {
          ctx.replaceNode(node, { type: 'text', value: ctx.textContent(node) });
        } else if (/^https?:/i.test(href)) {
          ctx.setProperty(node, 'rel', ['noopener', 'noreferrer']);
        }
      },
    },
  ],
});
