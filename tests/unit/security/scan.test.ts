import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  dangerousScheme,
  decodeEntities,
  formatFinding,
  inlineScriptsOf,
  parseCsv,
  scanCsv,
  scanFile,
  scanHtml,
  scanIcs,
  scanJson,
  tokenize,
  type Finding,
} from '../../../scripts/security/scan';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('base64');
const csp = (...scripts: string[]) =>
  `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' ${scripts.map((s) => `'sha256-${sha(s)}'`).join(' ')}; style-src 'self'">`;
const page = (body: string, head = '') => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const kinds = (fs: Finding[]) => fs.map((f) => f.kind);

describe('dangerousScheme', () => {
  it.each([
    ['javascript:alert(1)', 'javascript'],
    ['JaVaScRiPt:alert(1)', 'javascript'],
    ['   javascript:alert(1)', 'javascript'],
    ['\tjava\nscript:alert(1)', 'javascript'],
    ['&#106;avascript:alert(1)', 'javascript'],
    ['&#x6A;avascript:alert(1)', 'javascript'],
    ['&#0000106&#0000097vascript:alert(1)', 'javascript'],
    ['java&#x09;script:alert(1)', 'javascript'],
    ['java&Tab;script:alert(1)', 'javascript'],
    ['javascript&colon;alert(1)', 'javascript'],
    ['java\u200bscript:alert(1)', 'javascript'],
    ['data:text/html,<script>alert(1)</script>', 'data'],
    [' DATA:image/svg+xml;base64,PHN2Zz4=', 'data'],
    ['vbscript:msgbox(1)', 'vbscript'],
  ])('reads %j as %s', (url, scheme) => {
    expect(dangerousScheme(url)).toBe(scheme);
  });

  it.each([
    'https://example.org/',
    '/entries/x/',
    '#main',
    'mailto:a@example.org',
    'tel:+441942123456',
    'javascript%3Aalert(1)',
    '/search/?q=javascript:alert(1)',
    'https://ok.example/?u=data:x',
  ])('lets %j through', (url) => {
    expect(dangerousScheme(url)).toBeUndefined();
  });
});

describe('decodeEntities', () => {
  it('decodes numeric and common named references, leaving unknown ones', () => {
    expect(decodeEntities('&lt;a&gt; &amp; &#60;&#x3c;&#x3C &quot;&apos; &unknown; &#0;')).toBe(
      '<a> & <<< "\' &unknown; \ufffd',
    );
  });
});

describe('tokenize', () => {
  it('reads tags and attributes, skipping comments, CDATA, doctypes and end tags', () => {
    const tags = tokenize(
      `<!DOCTYPE html><!-- <script>x</script> --><![CDATA[<iframe>]]><A HREF='/x' title="a > b" data-x=1 hidden></A><br/>`,
    );
    expect(tags.map((t) => [t.name, t.attrs])).toEqual([
      [
        'a',
        [
          ['href', '/x'],
          ['title', 'a > b'],
          ['data-x', '1'],
          ['hidden', ''],
        ],
      ],
      ['br', []],
    ]);
  });

  it('keeps the text of a script or title as text, not markup', () => {
    const tags = tokenize(
      '<title><img src=x onerror=alert(1)></title><script>if (a<b) document.write("<iframe>")</script><p>',
    );
    expect(tags.map((t) => t.name)).toEqual(['title', 'script', 'p']);
    expect(tags[1].text).toBe('if (a<b) document.write("<iframe>")');
  });

  it('decodes attribute values', () => {
    expect(tokenize('<a href="&#106;avascript&colon;x">')[0].attrs).toEqual([['href', 'javascript:x']]);
  });
});

describe('scanHtml', () => {
  it('passes a page with only its own scripts', () => {
    const own = '(()=>{console.log(1)})();';
    const html = page(
      `<script type="module" src="/_astro/app.js"></script><script>${own}</script><script type="application/ld+json">{"@type":"Organization","url":"https://example.org"}</script>` +
        `<a href="/x/">x</a> <a href="mailto:a@example.org">m</a> <p>&lt;script&gt;alert(1)&lt;/script&gt; onclick=alert(1) javascript:alert(1)</p>`,
      csp(own),
    );
    expect(scanHtml(html, 'ok.html')).toEqual([]);
  });

  it('reports an inline script the page did not list in its CSP, with its line', () => {
    const html = `${page('', csp('a()'))}\n<p>\n<script>alert(1)</script>`;
    const found = scanHtml(html, 'x.html');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'x.html', line: 3, kind: 'script' });
    expect(formatFinding(found[0])).toContain('x.html:3 script — inline <script> not listed');
  });

  it('accepts an inline script that is one of the project’s own is:inline scripts', () => {
    const html = page('<script>\n  window.x = 1;\n</script>');
    expect(kinds(scanHtml(html))).toEqual(['script']);
    expect(scanHtml(html, '', { ownScripts: new Set(['window.x = 1;']) })).toEqual([]);
  });

  it.each([
    ['<script src="https://evil.example/x.js"></script>'],
    ['<script src="//evil.example/x.js"></script>'],
    ['<script src="/_astro/../evil.js"></script>'],
    ['<SCRIPT SRC=/uploads/x.js></SCRIPT>'],
    ['<script type="application/ld+json">alert(1)</script>'],
    ['<script type="module">import("/x")</script>'],
  ])('reports a script that is not the project’s own: %s', (html) => {
    expect(kinds(scanHtml(page(html)))).toEqual(['script']);
  });

  it.each([
    ['<a href="javascript:alert(1)">x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['<a href="  javascript:alert(1)">x</a>'],
    ['<a href="&#106;avascript:alert(1)">x</a>'],
    ['<a href="java&#x09;script:alert(1)">x</a>'],
    ['<a href=javascript:alert(1)>x</a>'],
    ['<a href="data:text/html,hi">x</a>'],
    ['<img src="data:image/svg+xml,<svg onload=alert(1)>">'],
    ['<form action="javascript:alert(1)"></form>'],
    ['<button formaction="vbscript:x">b</button>'],
    ['<svg><a xlink:href="javascript:alert(1)">x</a></svg>'],
    ['<img srcset="/a.png 1x, javascript:alert(1) 2x">'],
    ['<meta http-equiv="refresh" content="0; url=javascript:alert(1)">'],
    ['<div style="background:url(javascript:alert(1))"></div>'],
  ])('reports a dangerous URL: %s', (html) => {
    expect(kinds(scanHtml(page(html)))).toContain('url');
  });

  it.each([
    ['<img src=x onerror=alert(1)>'],
    ['<body ONLOAD="x()">'],
    ['<svg/onload=alert(1)>'],
    ['<details open ontoggle=alert(1)>'],
    ["<a href='/x' onmouseover='x()'>x</a>"],
  ])('reports an event-handler attribute: %s', (html) => {
    expect(kinds(scanHtml(page(html)))).toContain('handler');
  });

  it.each([
    ['<iframe src="https://evil.example"></iframe>'],
    ['<object data="/x.swf"></object>'],
    ['<embed src="/x">'],
    ['<base href="https://evil.example/">'],
    ['<frameset><frame src="/x"></frameset>'],
  ])('reports an embed: %s', (html) => {
    expect(kinds(scanHtml(page(html)))).toContain('embed');
  });

  it('checks JSON-LD values like any JSON', () => {
    const html = page(
      '<script type="application/ld+json">{"@type":"Organization","url":"javascript:alert(1)","name":"\\u003cscript>x"}</script>',
    );
    expect(kinds(scanHtml(html)).sort()).toEqual(['markup', 'url']);
  });
});

describe('data files', () => {
  it('JSON: markup in any value, a dangerous URL in a URL field only', () => {
    expect(
      scanJson(
        JSON.stringify({ name: 'javascript:alert(1)', summary: '5 < 6 & onerror=x', url: 'https://ok.example' }),
      ),
    ).toEqual([]);
    expect(kinds(scanJson(JSON.stringify({ services: [{ url: ' JavaScript:alert(1)' }] })))).toEqual(['url']);
    expect(kinds(scanJson(JSON.stringify({ contents: [{ description: 'Hi <img src=x onerror=alert(1)>' }] })))).toEqual(
      ['markup'],
    );
    expect(kinds(scanJson(JSON.stringify({ icons: [{ src: 'data:image/png;base64,AAAA' }] })))).toEqual(['url']);
    expect(kinds(scanJson('{not json'))).toEqual(['unreadable']);
  });

  it('CSV: parses quoted cells and reports formulas, markup and dangerous URLs by column', () => {
    const csv =
      'id,name,website,lng\r\na,"Tom ""&"" Jerry, Ltd",https://ok.example,-2.63\r\nb,"\'=HYPERLINK(""x"")","line\nbreak",1\r\n';
    expect(parseCsv(csv).map((r) => r.cells)).toEqual([
      ['id', 'name', 'website', 'lng'],
      ['a', 'Tom "&" Jerry, Ltd', 'https://ok.example', '-2.63'],
      ['b', '\'=HYPERLINK("x")', 'line\nbreak', '1'],
    ]);
    expect(scanCsv(csv)).toEqual([]);
    const bad = 'id,name,website\r\nc,=cmd|x,javascript:alert(1)\r\nd,<script>x</script>,https://ok.example\r\n';
    expect(scanCsv(bad, 'e.csv').map((f) => [f.line, f.kind])).toEqual([
      [2, 'formula'],
      [2, 'url'],
      [3, 'markup'],
    ]);
  });

  it('iCalendar: unfolds lines, checks URL properties and HTML descriptions', () => {
    const ok = 'BEGIN:VEVENT\r\nSUMMARY:Tom & Jerry <3\r\nURL:https://ok.example/\r\n  x\r\nEND:VEVENT\r\n';
    expect(scanIcs(ok)).toEqual([]);
    const bad =
      'BEGIN:VEVENT\r\nURL:java\r\n script:alert(1)\r\nX-ALT-DESC;FMTTYPE=text/html:<p onclick=x()>hi</p>\r\nDESCRIPTION:<iframe src=x>\r\nEND:VEVENT\r\n';
    expect(kinds(scanIcs(bad)).sort()).toEqual(['handler', 'markup', 'url']);
  });

  it('scanFile picks the scan by extension and ignores other files', () => {
    expect(kinds(scanFile('a/index.html', page('<iframe></iframe>')))).toEqual(['embed']);
    expect(kinds(scanFile('feed.xml', '<feed><link href="javascript:x"/></feed>'))).toEqual(['url']);
    expect(kinds(scanFile('manifest.webmanifest', '{"start_url":"javascript:x"}'))).toEqual(['url']);
    expect(scanFile('_astro/x.js', 'document.write("<iframe>")')).toEqual([]);
  });
});

describe('inlineScriptsOf', () => {
  it('finds the is:inline scripts of an .astro file, not bundled or set:html ones', () => {
    const src =
      '<script is:inline>\n  a();\n</script>\n<script>b()</script>\n<script type="application/ld+json" is:inline set:html={x} />\n<script slot="head" is:inline>c()</script>';
    expect(inlineScriptsOf(src)).toEqual(['a();', 'c()']);
  });
});
