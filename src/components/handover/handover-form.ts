/**
 * The form of "Introduce someone to this group" (./introduce-someone.ts), loaded the first time a
 * worker opens it: who can be written to, the fields, the checks and the link that opens the
 * worker's own email or text-message app (src/lib/list/handover.ts). Built from text nodes, never
 * from HTML strings. Nothing typed is stored or sent by the site.
 */
import {
  handoverErrors,
  handoverHref,
  handoverMessage,
  recipients,
  type HandoverContact,
  type HandoverInput,
  type Recipient,
} from '../../lib/list/handover';
import { el } from '../enhance/dom';
import { t } from '../../lib/text/messages';

let count = 0;

function parseContacts(text: string | undefined): HandoverContact[] {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(value) ? (value as HandoverContact[]) : [];
  } catch {
    return [];
  }
}

const APP = (kind: Recipient['kind']) => (kind === 'email' ? t('handover.emailApp') : t('handover.smsApp'));

/** Fills the open `details` of an `<introduce-someone>` element with its form. */
export function fillHandover(host: HTMLElement, details: HTMLDetailsElement): void {
  const group = host.dataset.group ?? '';
  const to = recipients(parseContacts(host.dataset.contacts));
  const id = `handover-${++count}`;
  if (!to.length) {
    details.append(el('p', {}, t('handover.noOne')));
    return;
  }
  const field = (name: string, label: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: string) => {
    control.id = `${id}-${name}`;
    control.name = name;
    control.setAttribute('autocomplete', 'off');
    const wrap = el('div', { class: 'form-group' }, el('label', { for: control.id }, label));
    if (hint) {
      wrap.append(el('p', { class: 'hint', id: `${control.id}-hint` }, hint));
      control.setAttribute('aria-describedby', `${control.id}-hint`);
    }
    wrap.append(control);
    return wrap;
  };
  const firstName = el('input', { type: 'text', spellcheck: 'false' });
  const reach = el('input', { type: 'text' });
  const note = el('textarea', { rows: '3' });
  const consent = el('input', { type: 'checkbox', id: `${id}-consent`, name: 'consent' });
  const choice = to.map((_, i) =>
    el('input', { type: 'radio', name: `${id}-to`, id: `${id}-to-${i}`, value: String(i) }),
  );
  choice[0].checked = true;
  const errors = el('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: '' });
  const sent = el('p', { class: 'handover__sent', role: 'status' });
  const button = el('button', { type: 'submit', class: 'button' });
  const chosen = () => to[choice.findIndex((c) => c.checked)] ?? to[0];
  const label = () => (button.textContent = t('handover.open', { app: APP(chosen().kind) }));
  label();

  const form = el(
    'form',
    { novalidate: '', 'aria-describedby': `${id}-privacy` },
    ...(to.length > 1
      ? [
          el(
            'fieldset',
            { class: 'form-group' },
            el('legend', {}, t('handover.sendTo')),
            ...to.map((r, i) => el('div', { class: 'choice' }, choice[i], el('label', { for: choice[i].id }, r.label))),
          ),
        ]
      : [el('p', {}, t('handover.goesTo', { to: to[0].address }))]),
    field('firstName', t('handover.firstName'), firstName),
    field('reach', t('handover.reach'), reach, t('handover.reachHint')),
    field('note', t('handover.note'), note, t('handover.noteHint')),
    el(
      'div',
      { class: 'form-group choice' },
      consent,
      el('label', { for: consent.id }, t('handover.consent', { group })),
    ),
    button,
  );
  details.append(
    el(
      'div',
      { class: 'handover__body' },
      el('p', { class: 'hint', id: `${id}-privacy` }, t('handover.privacy')),
      errors,
      form,
      sent,
    ),
  );
  for (const c of choice) c.addEventListener('change', label);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input: HandoverInput = {
      firstName: firstName.value,
      reach: reach.value,
      note: note.value,
      consent: consent.checked,
    };
    const problems = handoverErrors(input);
    const controls = { firstName, reach, consent, note };
    for (const c of Object.values(controls)) c.removeAttribute('aria-invalid');
    errors.replaceChildren();
    sent.replaceChildren();
    if (problems.length) {
      errors.append(
        el('h3', {}, t('handover.problem')),
        el(
          'ul',
          {},
          ...problems.map((p) => {
            controls[p.field].setAttribute('aria-invalid', 'true');
            return el('li', {}, el('a', { href: `#${controls[p.field].id}` }, p.message));
          }),
        ),
      );
      errors.hidden = false;
      errors.focus();
      return;
    }
    errors.hidden = true;
    const r = chosen();
    const href = handoverHref(r, handoverMessage(group, r, input));
    sent.append(
      `${t('handover.sent', { app: APP(r.kind) })} `,
      el('a', { href, class: 'handover__again' }, t('handover.again')),
      t('page.notFound.end'),
    );
    window.location.assign(href);
  });
}
