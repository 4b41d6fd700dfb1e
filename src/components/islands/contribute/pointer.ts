/**
 * Messages must never move what is under a pending tap or click. A field is left (blur) when the
 * pointer goes down on something else, a tick box say; if the field's message appeared then, it
 * would push the box down before the pointer came up, and the click would land elsewhere (the
 * box stays unticked). So the form says a field was left only once any press in progress has
 * finished, its click included, and then keeps the element that has focus where it was on the
 * screen (`keepInPlace`) while the message makes room above it.
 */

let pressed = false;
let queue: (() => void)[] = [];

function flush() {
  const q = queue;
  queue = [];
  for (const fn of q) fn();
}

if (typeof document !== 'undefined') {
  document.addEventListener('pointerdown', () => (pressed = true), true);
  const release = () => {
    if (!pressed) return;
    pressed = false;
    // After this event's click has been dispatched (pointerup, mouseup and click share one task).
    setTimeout(flush, 0);
  };
  document.addEventListener('pointerup', release, true);
  document.addEventListener('pointercancel', release, true);
}

/** Runs `fn` once no press is in progress and the focus has moved on (never during a blur). */
export function afterPress(fn: () => void): void {
  queue.push(fn);
  if (!pressed) setTimeout(flush, 0);
}

/** Where the focused element is on screen now, to keep it there while messages appear. */
export interface Anchor {
  el: Element;
  top: number;
}

export function focusAnchor(): Anchor | undefined {
  const el = document.activeElement;
  if (!el || el === document.body) return undefined;
  return { el, top: el.getBoundingClientRect().top };
}

/** Scrolls so that the anchor is back where it was; returns it, updated. */
export function keepInPlace(anchor: Anchor): Anchor {
  const top = anchor.el.getBoundingClientRect().top;
  const moved = top - anchor.top;
  if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
  return anchor;
}
