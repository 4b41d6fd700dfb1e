/**
 * Every page's small scripts, as one script (src/layouts/Base.astro): the frame guard, the
 * header's Menu button and "My list" count, the offline line, the example banner's "Hide" and
 * the service worker. Every page loads all of them, so they are one file (the `site` chunk in
 * astro.config.mjs), not one file each: on a page that shows facts the files' own overhead was a
 * fifth of its JavaScript (docs/performance.md, "Page weight"). The frame guard comes first.
 */
import './frame-guard';
import './site-nav';
import './list-count';
import './offline-notice';
import './example-banner';
import './service-worker';
