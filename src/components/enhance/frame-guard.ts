/**
 * The frame guard's script (../FrameGuard.astro): a page that finds itself inside another site's
 * frame hides everything but the link that opens it in its own window. One of every page's small
 * scripts (./site.ts); bundled, so the Content-Security-Policy covers it.
 */
if (window.top !== window.self) {
  document.documentElement.classList.add('framed');
  const guard = document.querySelector<HTMLElement>('[data-frame-guard]');
  if (guard) guard.hidden = false;
}
