/**
 * "Hide" on the example-data banner (../ExampleBanner.astro): put away for the rest of the visit
 * (src/lib/view/banner.ts). Does nothing on a book without the banner. One of every page's small
 * scripts (./site.ts).
 */
import { bannerHidden, hideBanner, tabStore } from '../../lib/view/banner';

const banner = document.querySelector<HTMLElement>('[data-example-banner]');
const hide = banner?.querySelector<HTMLButtonElement>('.example-banner__hide');
if (banner && hide) {
  const store = tabStore();
  if (bannerHidden(store)) banner.hidden = true;
  hide.addEventListener('click', () => {
    hideBanner(store);
    banner.hidden = true;
    document.getElementById('main')?.focus();
  });
}
