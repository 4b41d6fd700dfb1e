/**
 * Whether the "Example data" banner is put away for this visit: a flag in the tab's
 * sessionStorage (gone when the tab closes), nothing else. Storage may be refused (private
 * modes, strict settings): then the banner simply shows.
 */

/** The sessionStorage key. */
export const BANNER_KEY = 'community-book:example-banner';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The tab's sessionStorage, or undefined where even reading the property is refused (a page
 * framed by another site, storage blocked): a SecurityError, not a missing store.
 */
export function tabStore(from: () => Store = () => sessionStorage): Store | undefined {
  try {
    return from();
  } catch {
    return undefined;
  }
}

export function bannerHidden(store: Store | undefined): boolean {
  try {
    return store?.getItem(BANNER_KEY) === 'hidden';
  } catch {
    return false;
  }
}

export function hideBanner(store: Store | undefined): void {
  try {
    store?.setItem(BANNER_KEY, 'hidden');
  } catch {
    // Not kept: it shows again on the next page, which is harmless.
  }
}
