/**
 * `<list-count>`: the number of groups on my list, inside the header's "My list" link, so the
 * link reads "My list (3)". Empty until this runs in the browser, and empty for an empty list.
 * Follows changes made on the page (the "Add to my list" buttons, the list page) and in other
 * tabs (src/lib/list/store.ts). No framework: this is on every page.
 */
import { readList, subscribe } from '../../lib/list/store';
import { define, el } from './dom';

export class ListCount extends HTMLElement {
  #unsubscribe?: () => void;

  connectedCallback() {
    const sync = () => this.show(readList().length);
    sync();
    this.#unsubscribe = subscribe(sync);
  }

  disconnectedCallback() {
    this.#unsubscribe?.();
  }

  /** The badge (seen) and "(3)" (read out): a screen reader says "My list (3)". */
  show(count: number) {
    if (String(count) === this.dataset.count) return;
    this.dataset.count = String(count);
    if (!count) return void this.replaceChildren();
    this.replaceChildren(
      el('span', { class: 'list-count', 'aria-hidden': 'true', 'data-list-count': String(count) }, String(count)),
      el('span', { class: 'visually-hidden' }, this.countText(count)),
    );
  }

  /**
   * "(3)": the page's message (`data-label`, `enhance.listCount.count`, with its `{count}` left in)
   * filled in here, so this script, on every page, does not load the messages module.
   */
  countText(count: number): string {
    const n = count.toLocaleString(document.documentElement.lang || undefined);
    return (this.dataset.label ?? '({count})').replaceAll('{count}', n);
  }
}

define('list-count', ListCount);
