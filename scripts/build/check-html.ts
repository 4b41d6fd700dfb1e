/**
 * `npm run check:html -- --site DIR`: the Nu HTML Checker over every page of a built site
 * (scripts/lib/html-check.ts); prints each error with its page and line, and fails if there is
 * one. Needs Java (Debian: `apt-get install -y default-jre-headless`).
 */
import { resolve } from 'node:path';
import { checkHtml, htmlPages } from '../lib/html-check';

const i = process.argv.indexOf('--site');
const site = resolve(i >= 0 ? (process.argv[i + 1] ?? 'dist') : 'dist');
const errors = checkHtml(site);
for (const e of errors) console.error(`${e.file}:${e.line ?? 0}: ${e.message}`);
console.log(`${htmlPages(site).length} pages checked, ${errors.length} errors.`);
if (errors.length) process.exitCode = 1;
