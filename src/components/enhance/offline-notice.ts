/**
 * Fills the line under the header (../OfflineNotice.astro): "You are offline" while the browser
 * has no connection, and "A newer version is ready" when a new build's service worker has taken
 * over the page. One of every page's small scripts (./site.ts).
 */
const notice = document.querySelector<HTMLElement>('[data-offline-notice]');
const line = notice?.querySelector<HTMLElement>('[data-offline-line]');
const update = notice?.querySelector<HTMLElement>('[data-update-line]');
if (notice && line && update) {
  const show = () => {
    const offline = navigator.onLine === false;
    line.hidden = !offline;
    notice.classList.toggle('offline-notice--on', offline || !update.hidden);
  };
  show();
  addEventListener('online', show);
  addEventListener('offline', show);
  // A page that a service worker already controlled, taken over by a newer one: a new build.
  // (The first worker taking over a page on a first visit is not news.)
  const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
  if (sw?.controller) {
    sw.addEventListener('controllerchange', () => {
      update.hidden = false;
      show();
    });
    update.querySelector('button')?.addEventListener('click', () => location.reload());
  }
}
