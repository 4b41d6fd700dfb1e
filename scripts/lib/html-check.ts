/**
 * The Nu HTML Checker (vnu.jar, from the npm package vnu-jar, run with the machine's Java) over
 * every HTML page of a built site: the errors, each with its page, line and message. Pagefind's
 * files and the Open Referral folder (JSON documents named index.html) are not HTML pages.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';

export interface HtmlError {
  /** The page's file, from the site folder: `entries/x/index.html`. */
  file: string;
  line?: number;
  message: string;
}

const SKIP = new Set(['_astro', 'pagefind', 'openreferral']);

export function htmlPages(site: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const f = join(dir, name);
      if (statSync(f).isDirectory()) {
        if (!(dir === site && SKIP.has(name)) && !/^pagefind(-\d+)?$/.test(name)) walk(f);
      } else if (name.endsWith('.html')) out.push(f);
    }
  };
  walk(site);
  return out;
}

/** The checker's errors over the pages of `site` (none: every page passes). Needs `java`. */
export function checkHtml(siteDir: string): HtmlError[] {
  const site = resolve(siteDir);
  const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
  const pages = htmlPages(site);
  let report = '';
  try {
    execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'json', ...pages], {
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as { code?: string; stderr?: Buffer; status?: number };
    if (e.code === 'ENOENT')
      throw new Error('The HTML check needs Java (Debian: apt-get install -y default-jre-headless).');
    report = e.stderr?.toString() ?? '';
    if (!report.trim().startsWith('{')) throw new Error(`vnu.jar failed (${e.status}): ${report.slice(0, 2000)}`);
  }
  if (!report) return [];
  const { messages } = JSON.parse(report) as {
    messages: { url: string; lastLine?: number; message: string; type: string }[];
  };
  return messages
    .filter((m) => m.type === 'error')
    .map((m) => ({
      file: relative(site, decodeURIComponent(new URL(m.url).pathname))
        .split(sep)
        .join('/'),
      line: m.lastLine,
      message: m.message,
    }));
}
