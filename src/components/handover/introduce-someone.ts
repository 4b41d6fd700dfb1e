/**
 * `<introduce-someone data-group="…" data-contacts="[…]">`: "Introduce someone to this group",
 * a small form that writes an introduction to the group's contact and opens the worker's own
 * email or text-message app with it (src/lib/list/handover.ts). Used on entry pages
 * (IntroduceSomeone.astro) and for each group on the list page (the React list renders the
 * element). No framework: it builds its form from text nodes, never from HTML strings.
 *
 * Nothing typed is stored or sent by the site: the fields are not saved, autocomplete is off,
 * nothing goes into this page's address, and the words leave only in the `mailto:`/`sms:` link.
 * Works offline (the offline copy holds its form).
 */
import './handover.css';
import { define, el } from '../enhance/dom';
import { useElementMessages } from '../enhance/messages';
import { t } from '../../lib/text/messages';

/**
 * The element draws only its closed "Introduce someone to this group" at first; the form
 * (./handover-form.ts, most of this feature's code) loads the first time it is opened, so pages
 * that show it load little more than its summary line.
 */
export class IntroduceSomeone extends HTMLElement {
  connectedCallback() {
    if (this.firstChild) return;
    useElementMessages(this);
    const details = el('details', { class: 'handover no-print' }, el('summary', {}, t('handover.summary')));
    this.append(details);
    let loading: Promise<void> | undefined;
    details.addEventListener('toggle', () => {
      if (!details.open || loading) return;
      loading = import('./handover-form').then(
        ({ fillHandover }) => fillHandover(this, details),
        () => {
          // Offline on a first visit, say: let the next opening try again.
          loading = undefined;
        },
      );
    });
  }
}

define('introduce-someone', IntroduceSomeone);
