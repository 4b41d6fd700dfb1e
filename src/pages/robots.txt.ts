import type { APIRoute } from 'astro';
import { loadSite } from '../server/content-files';
import { buildRobots } from '../lib/exports/sitemap';

/**
 * `/robots.txt`, written from the site config so its `Sitemap:` line has this book's own address
 * (a fork changes only content/site.yaml). Disallowed paths: ROBOTS_DISALLOW in sitemap.ts.
 */
export const GET: APIRoute = () =>
  new Response(buildRobots(loadSite().url), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
