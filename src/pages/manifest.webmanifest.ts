import type { APIRoute } from 'astro';
import { loadSite } from '../server/content-files';
import { href } from '../lib/site/paths';

/** Web app manifest, so the book can be added to a home screen. */
export const GET: APIRoute = () => {
  const site = loadSite();
  const manifest = {
    name: site.title,
    short_name: site.title.length > 12 ? 'Community Book' : site.title,
    description: site.description,
    start_url: href('/'),
    scope: href('/'),
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#005a4e',
    icons: [{ src: href('/favicon.svg'), sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  };
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'Content-Type': 'application/manifest+json' } });
};
