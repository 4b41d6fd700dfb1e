/**
 * Offline support: registers the service worker (scripts/build/service-worker.ts) once the page
 * has loaded. Production builds only (the dev server has no sw.js). One of every page's small
 * scripts (./site.ts); bundled, so the Content-Security-Policy covers it.
 */
import { href } from '../../lib/site/paths';

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => navigator.serviceWorker.register(href('/sw.js')).catch(() => {}));
}
