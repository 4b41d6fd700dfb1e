/**
 * How an island loaded on first use (./interaction.ts) says it can answer: once it has hydrated
 * and its handlers are live, its root element sends this event (bubbling). What was done before
 * then (a click held, a box ticked) is done again only after it, never into a half-hydrated tree.
 */
export const ISLAND_READY = 'island:ready';

/** Sent by the island's root element, from an effect (after React has committed the hydration). */
export function sayReady(el: Element | null) {
  el?.dispatchEvent(new Event(ISLAND_READY, { bubbles: true }));
}
