/**
 * "Exit this page" (the GOV.UK pattern) for pages about sensitive support such as domestic abuse:
 * a button, and Escape pressed twice within a second, leave at once for a neutral site. The page
 * is hidden first and the visit is replaced in the history, so Back does not return to it.
 *
 * One behaviour for both places that show it: server-rendered sensitive pages
 * (src/components/ExitThisPage.astro) and the list page when a listed group is sensitive
 * (src/components/islands/shared/ExitThisPage.tsx).
 */

/** Where "Exit this page" goes: somewhere ordinary to be seen looking at. */
export const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';

/** Two presses of Escape no further apart than this leave the page. */
export const ESCAPE_WINDOW_MS = 1000;

/** Counts Escape presses; true when this press is the second within the window. */
export function escapeCounter(windowMs = ESCAPE_WINDOW_MS): (key: string, now: number) => boolean {
  let last = -Infinity;
  return (key, now) => {
    if (key !== 'Escape') return false;
    const leave = now - last < windowMs;
    last = leave ? -Infinity : now;
    return leave;
  };
}

/** Wires an exit link: its click and Escape twice anywhere on the page. Returns a function that unwires it. */
export function wireExitThisPage(link: HTMLAnchorElement, doc: Document = document): () => void {
  const leave = (event?: Event) => {
    event?.preventDefault();
    doc.body.style.visibility = 'hidden';
    // replace(): the Back button does not return here.
    doc.defaultView?.location.replace(link.href);
  };
  const isSecondEscape = escapeCounter();
  const onKey = (event: KeyboardEvent) => {
    if (isSecondEscape(event.key, Date.now())) leave();
  };
  link.addEventListener('click', leave);
  doc.addEventListener('keydown', onKey);
  return () => {
    link.removeEventListener('click', leave);
    doc.removeEventListener('keydown', onKey);
  };
}
