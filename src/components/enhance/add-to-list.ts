/**
 * `<add-to-list data-id="…" data-name="…" [data-sensitive]>`: "Add to my list" / "Remove from my
 * list", one button for one entry, whose words say what it will do. On entry pages
 * (AddToList.astro) and in search results (the React results render the element). No framework.
 *
 * Not a toggle (aria-pressed) but an action button: a person pressing "Add" again must not remove
 * the group silently, so once the group is in the list the button says "Remove from my list", and
 * a status line says "In your list", with a link to the list. It cannot work without JavaScript,
 * so there is nothing in it until this runs; the page keeps its room (`.add-to-list-slot`). The
 * button is made once and then updated, so it keeps the keyboard focus when it changes.
 */
import { addId, hasId, readList, removeId, subscribe } from '../../lib/list/store';
import { MAX_LIST } from '../../lib/list/codec';
import { warmEntry } from '../islands/shared/list-client';
import { define, el } from './dom';
import { useElementMessages } from './messages';
import { t } from '../../lib/text/messages';
import { href } from '../../lib/site/paths';

let count = 0;

export class AddToList extends HTMLElement {
  static observedAttributes = ['data-id', 'data-name'];
  #unsubscribe?: () => void;
  #full = false;
  #parts?: { button: HTMLButtonElement; status: HTMLSpanElement };

  connectedCallback() {
    if (!this.#parts) this.#parts = this.build();
    this.#full = false;
    this.update();
    this.#unsubscribe = subscribe(() => {
      this.#full = false;
      this.update();
    });
  }

  disconnectedCallback() {
    this.#unsubscribe?.();
  }

  attributeChangedCallback() {
    this.#full = false;
    if (this.#parts) this.update();
  }

  build() {
    useElementMessages(this);
    const statusId = `add-to-list-${++count}`;
    const button = el('button', { type: 'button', 'aria-describedby': statusId });
    const status = el('span', { id: statusId, class: 'add-to-list__status', role: 'status' });
    const box = el('div', { class: 'add-to-list no-print' }, button, status);
    // The hint for a sensitive group comes with the page (AddToList.astro), so its room is kept.
    const hint = this.querySelector('.add-to-list__hint');
    if (hint) box.append(hint);
    else if (this.hasAttribute('data-sensitive'))
      box.append(el('p', { class: 'add-to-list__hint hint' }, t('enhance.add.sensitive')));
    button.addEventListener('click', () => this.toggle());
    this.replaceChildren(box);
    return { button, status };
  }

  toggle() {
    const id = this.dataset.id ?? '';
    if (hasId(id)) return removeId(id);
    if (!addId(id)) {
      this.#full = true;
      return this.update();
    }
    warmEntry(id);
  }

  /** The button's words and the status line, for the list as it is now. */
  update() {
    const { button, status } = this.#parts!;
    const inList = hasId(this.dataset.id ?? '');
    const action = inList ? t('enhance.add.remove') : t('enhance.add.add');
    button.className = `button ${inList ? 'button--secondary ' : ''}add-to-list__button`;
    button.setAttribute('aria-label', t('enhance.add.label', { action, name: this.dataset.name ?? '' }));
    button.dataset.inList = String(inList);
    button.textContent = action;
    if (this.#full)
      status.replaceChildren(
        t('enhance.add.fullBefore', { count: MAX_LIST }),
        el('a', { href: href('/list/') }, t('enhance.add.fullLink')),
        t('enhance.add.fullAfter'),
      );
    else if (inList)
      status.replaceChildren(
        el('span', { 'aria-hidden': 'true' }, '✓ '),
        t('enhance.add.inList'),
        el('a', { href: href('/list/') }, t('enhance.add.view', { count: readList().length })),
      );
    else status.replaceChildren();
  }
}

define('add-to-list', AddToList);
