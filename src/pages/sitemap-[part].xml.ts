import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapFiles } from '../server/sitemap';

/** `/sitemap-<n>.xml`: the parts of a very big book's sitemap (none for a book under 50,000 pages). */
export const getStaticPaths = (async () =>
  (await sitemapFiles())
    .filter((f) => f.path !== 'sitemap.xml')
    .map((f) => ({
      params: { part: f.path.replace(/^sitemap-|\.xml$/g, '') },
      props: { body: f.body },
    }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ body: string }> = ({ props }) =>
  new Response(props.body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
