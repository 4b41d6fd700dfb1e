import type { APIRoute } from 'astro';
import { sitemapFiles } from '../server/sitemap';

/** `/sitemap.xml`: every page search engines may list, or, for a very big book, the index of the parts. */
export const GET: APIRoute = async () =>
  new Response((await sitemapFiles()).find((f) => f.path === 'sitemap.xml')!.body, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
