/**
 * What an entry page gives Pagefind to index, cut out of the built page: the inside of its
 * `data-pagefind-body` element with every `data-pagefind-ignore` part removed (Pagefind skips those
 * parts, so a page without them indexes the same), and anything else a caller names (the
 * benchmark's floor renders the entry's Markdown itself, so it cuts the `.prose` part out).
 *
 * The benchmark's floor (scripts/bench/floor) puts this into bare Astro pages, so that the floor
 * and the full build give Pagefind the same text, filters, metadata, sorts and weights: the
 * difference between them is then the site's own cost, not a smaller index.
 *
 * Astro writes well-formed HTML, so a small tag scanner is enough: attribute values are quoted
 * (and may hold `>`), comments are skipped, and void elements have no end tag.
 */

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** A start tag, an end tag or a comment; attribute values in either quote may hold `>`. */
const TAG =
  /<!--[\s\S]*?-->|<\/([a-zA-Z][^\s/>]*)\s*>|<([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>/g;

/** One start tag as the scanner reads it: its name and its attribute text. */
export interface StartTag {
  name: string;
  attributes: string;
}

/** Whether a start tag carries an attribute (by name, with or without a value). */
export const hasAttribute = (tag: StartTag, name: string) =>
  new RegExp(`(?:^|\\s)${name.replace(/[-]/g, '\\-')}(?:\\s*=|\\s|$)`).test(tag.attributes);

/** Whether a start tag's class list holds a class. */
export const hasClass = (tag: StartTag, name: string) => {
  const m = /(?:^|\s)class\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag.attributes);
  return !!m && (m[1] ?? m[2]).split(/\s+/).includes(name);
};

/**
 * The inside of the first element with `data-pagefind-body`, without the parts `skip` names
 * (and always without `data-pagefind-ignore` parts and scripts), or null when the page has none.
 */
export function indexedHtml(html: string, skip: (tag: StartTag) => boolean = () => false): string | null {
  const cut = (tag: StartTag) => hasAttribute(tag, 'data-pagefind-ignore') || tag.name === 'script' || skip(tag);
  let bodyDepth = -1;
  let skipDepth = -1;
  const stack: string[] = [];
  let out = '';
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const [text, endName, startName, attributes = '', selfClosing] = m;
    const inBody = bodyDepth >= 0 && skipDepth < 0;
    if (inBody) out += html.slice(last, m.index);
    last = m.index + text.length;
    if (!endName && !startName) {
      if (inBody) out += text;
      continue;
    }
    if (startName) {
      const name = startName.toLowerCase();
      const tag = { name, attributes };
      const opens = !VOID.has(name) && !selfClosing;
      if (name === 'script' && opens) {
        // A script's text is not HTML: the scan goes on from its end tag.
        const close = html.toLowerCase().indexOf('</script', last);
        TAG.lastIndex = close < 0 ? html.length : close;
      }
      if (bodyDepth < 0) {
        if (hasAttribute(tag, 'data-pagefind-body')) bodyDepth = stack.length;
        if (opens) stack.push(name);
        continue;
      }
      if (skipDepth < 0 && cut(tag)) {
        if (opens) skipDepth = stack.length;
      } else if (skipDepth < 0) out += text;
      if (opens) stack.push(name);
      continue;
    }
    const name = endName.toLowerCase();
    const at = stack.lastIndexOf(name);
    if (at < 0) {
      if (inBody) out += text;
      continue;
    }
    stack.length = at;
    if (bodyDepth >= 0 && at === bodyDepth) return out;
    if (skipDepth >= 0 && at === skipDepth) skipDepth = -1;
    else if (inBody) out += text;
  }
  return bodyDepth >= 0 ? out : null;
}
