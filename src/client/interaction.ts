/**
 * `client:interaction`: an island drawn on the server that loads its JavaScript on first use
 * (src/server/directives.ts registers it). Until then the page shows the island's HTML as the
 * server drew it and loads none of its code: no framework for a person who only looks.
 *
 * - It loads on the first sign of use inside the island: a pointer or finger going down, a key,
 *   or focus moving in (a keyboard user tabbing to it). It loads at once when the page's address
 *   carries a query (`/search/?q=walk`): a shared or reloaded search is wanted now.
 * - Nothing done before it has loaded is lost. Letters typed stay in their box (React keeps a
 *   field's value when it hydrates, and the island reads it then). A box ticked shows ticked at
 *   once and reaches the island as it starts. Any other click (a button, a filter group opened)
 *   or a form sent is held, and done again once the island can answer it.
 * - The island must say when it can answer (./ready.ts): held actions wait for that.
 * - If its code cannot load (no connection and not cached), the held click or form goes ahead
 *   as the browser would have done it, so nothing is swallowed.
 */
import type { ClientDirective } from 'astro';
import { ISLAND_READY } from './ready';

/** What starts the load. `pointerdown` comes before a click's `click`, so the load starts early. */
const USE = ['pointerdown', 'touchstart', 'keydown', 'focusin'] as const;

const isChoice = (el: Element): el is HTMLInputElement =>
  el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');

const interaction: ClientDirective = (load, _options, el) => {
  let started = false;
  let ready = false;
  /** What was done before the island could answer it, in order. */
  const held: Array<() => void> = [];
  /** The same, as the browser would have done it, should the code not load. */
  const fallback: Array<() => void> = [];

  const onClick = (e: Event) => {
    if (ready) return;
    const target = e.target as HTMLElement;
    void start();
    // A box or a round button is ticked by the browser now, so the person sees it; once the
    // island can hear it, it is unticked and clicked again (the state's one way in).
    if (isChoice(target)) {
      held.push(() => {
        target.checked = !target.checked;
        target.click();
      });
      return;
    }
    // A click on a box's label: the browser's click on the box follows, and is held as above.
    const label = target.closest('label');
    if (label?.control && isChoice(label.control)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    held.push(() => target.click());
    fallback.push(() => {
      stop();
      target.click();
    });
  };
  const onSubmit = (e: Event) => {
    if (ready) return;
    const form = e.target as HTMLFormElement;
    const submitter = (e as SubmitEvent).submitter;
    e.preventDefault();
    e.stopImmediatePropagation();
    held.push(() => form.requestSubmit(submitter));
    fallback.push(() => form.submit());
    void start();
  };
  const onUse = () => void start();

  function stop() {
    for (const type of USE) el.removeEventListener(type, onUse, true);
    el.removeEventListener('click', onClick, true);
    el.removeEventListener('submit', onSubmit, true);
  }

  async function start() {
    if (started) return;
    started = true;
    for (const type of USE) el.removeEventListener(type, onUse, true);
    // Listening before hydrating: the island says it is ready (./ready.ts) as it commits.
    const answering = new Promise<void>((resolve) =>
      el.addEventListener(ISLAND_READY, () => resolve(), { once: true }),
    );
    try {
      const hydrate = await load();
      await hydrate();
      await answering;
    } catch (err) {
      console.error(err);
      stop();
      ready = true;
      for (const act of fallback.splice(0)) act();
      return;
    }
    ready = true;
    stop();
    // The island has hydrated and its handlers are live: what was held is done again, in order.
    for (const act of held.splice(0)) act();
  }

  for (const type of USE) el.addEventListener(type, onUse, { capture: true, passive: true });
  el.addEventListener('click', onClick, true);
  el.addEventListener('submit', onSubmit, true);
  if (window.location.search.length > 1) void start();
};

export default interaction;
