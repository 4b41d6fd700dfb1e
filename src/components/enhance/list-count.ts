/**
 * `<list-count>`: the number of groups on my list, inside the header's "My list" link, so the
 * link reads "My list (3)". Empty until this runs in the browser, and empty for an empty list.
 * Follows changes made on the page (the "Add to my list" buttons, the list page) and in other
 * tabs (src/lib/list/store.ts). No framework: this is on every page.
 */
import { readList, subscribe } from '../../lib/list/store';
import { define, el, useElementMessages } from './dom';
import { t } from '../../lib/text/messages';

export class ListCount extends HTMLElement {
  #unsubscribe?: () => void;

  connectedCallback() {
    useElementMessages(this);
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
      el('span', { class: 'visually-hidden' }, t('enhance.listCount.count', { count })),
    );
  }
}

define('list-count', ListCount);
