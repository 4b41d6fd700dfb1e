import { describe, expect, it } from 'vitest';
import { hasClass, indexedHtml } from '../../../scripts/lib/indexed-html';

const page = (body: string) =>
  `<!DOCTYPE html><html><head><script>var a = "<article data-pagefind-body>";</script></head><body><header><a href="/">Home</a></header>${body}<footer>Footer</footer></body></html>`;

describe('indexedHtml (what an entry page gives Pagefind)', () => {
  it('keeps the body element’s inside with its Pagefind attributes', () => {
    const html = page(
      '<article data-pagefind-body data-entry-id="a"><h1 data-pagefind-meta="title" data-pagefind-weight="10">Walk</h1><div hidden data-pagefind-meta="id[data-id]" data-id="a"><span data-pagefind-filter="day:tue"></span></div><p class="lead" data-pagefind-weight="2">A walk</p></article>',
    );
    expect(indexedHtml(html)).toBe(
      '<h1 data-pagefind-meta="title" data-pagefind-weight="10">Walk</h1><div hidden data-pagefind-meta="id[data-id]" data-id="a"><span data-pagefind-filter="day:tue"></span></div><p class="lead" data-pagefind-weight="2">A walk</p>',
    );
  });

  it('drops data-pagefind-ignore parts, nested ones and scripts, and keeps the text around them', () => {
    const html = page(
      '<article data-pagefind-body><h2 data-pagefind-ignore>When</h2><ul data-pagefind-ignore><li><ul><li>x</li></ul></li></ul>Tuesdays <span data-pagefind-ignore="all">label</span>at ten<script type="application/ld+json">{"a":"</article>"}</script><br>end</article>',
    );
    expect(indexedHtml(html)).toBe('Tuesdays at ten<br>end');
  });

  it('reads attribute values holding > and quotes of either kind', () => {
    const html = page(
      `<article data-pagefind-body><div data-summary="a > b" data-x='c "d"'>t</div><p data-pagefind-ignore title="x>y">gone</p>kept</article>`,
    );
    expect(indexedHtml(html)).toBe(`<div data-summary="a > b" data-x='c "d"'>t</div>kept`);
  });

  it('cuts what the caller names, such as the Markdown part', () => {
    const html = page(
      '<article data-pagefind-body><p>a</p><div class="x prose"><p>md <em>text</em></p></div><p>b</p></article>',
    );
    expect(indexedHtml(html, (tag) => hasClass(tag, 'prose'))).toBe('<p>a</p><p>b</p>');
    expect(indexedHtml(html, (tag) => hasClass(tag, 'pros'))).toContain('md <em>text</em>');
  });

  it('ignores comments and void elements, and gives null for a page with no body element', () => {
    expect(indexedHtml(page('<main data-pagefind-body><!-- </main> --><img src="a.png" alt="x"><hr/>t</main>'))).toBe(
      '<!-- </main> --><img src="a.png" alt="x"><hr/>t',
    );
    expect(indexedHtml(page('<main><p>nothing indexed</p></main>'))).toBeNull();
  });
});
