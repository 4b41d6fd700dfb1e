/**
 * A warm handover: a key worker introduces someone to a group's contact, by the worker's own
 * email or text-message app. The site stores nothing and sends nothing: what is typed goes only
 * into the `mailto:` or `sms:` link the worker then opens (src/components/handover/).
 *
 * Pure: who can be written to, what the message says, and the link that carries it.
 */
import { gsmFriendly } from '../text/gsm';
import { t } from '../text/messages';

/** A contact of a group, as the list data and entry pages have it. */
export interface HandoverContact {
  name?: string;
  phone?: string;
  email?: string;
}

/** Someone a message can go to: an email address, or a mobile number for a text message. */
export interface Recipient {
  kind: 'email' | 'sms';
  /** The address or number, as written in the entry. */
  to: string;
  /** The contact's name, when the entry gives one. */
  name?: string;
  /** Who and where: "Group organiser (hello@example.org)", "07700 900123". */
  address: string;
  /** "Email Group organiser (hello@example.org)", "Text 07700 900123". */
  label: string;
}

/** What the worker types. */
export interface HandoverInput {
  /** The person's first name. */
  firstName: string;
  /** How the group can reach them: a phone number, an email, "through me". */
  reach: string;
  /** Anything else the group should know. */
  note: string;
  /** The person has agreed to their details being shared with the group. */
  consent: boolean;
}

/** A UK mobile number (07… or +44 7…), which can take a text message; landlines cannot. */
export function isMobile(phone: string): boolean {
  const digits = phone.replace(/[^\d+]/g, '');
  return /^(?:07\d{9}|\+447\d{9}|00447\d{9})$/.test(digits);
}

/** Everyone a group's introduction can go to: each email address, then each mobile number. */
export function recipients(contacts: readonly HandoverContact[]): Recipient[] {
  const who = (c: HandoverContact, address: string) =>
    c.name ? t('handover.named', { name: c.name, address }) : t('handover.unnamed', { address });
  return [
    ...contacts.flatMap((c) =>
      c.email
        ? [
            {
              kind: 'email' as const,
              to: c.email,
              ...(c.name && { name: c.name }),
              address: who(c, c.email),
              label: t('handover.emailTo', { who: who(c, c.email) }),
            },
          ]
        : [],
    ),
    ...contacts.flatMap((c) =>
      c.phone && isMobile(c.phone)
        ? [
            {
              kind: 'sms' as const,
              to: c.phone,
              ...(c.name && { name: c.name }),
              address: who(c, c.phone),
              label: t('handover.textTo', { who: who(c, c.phone) }),
            },
          ]
        : [],
    ),
  ];
}

/** What is missing from the form, in the order of its fields: field name and message. */
export function handoverErrors(input: HandoverInput): { field: keyof HandoverInput; message: string }[] {
  const out: { field: keyof HandoverInput; message: string }[] = [];
  if (!input.firstName.trim()) out.push({ field: 'firstName', message: t('handover.error.firstName') });
  if (!input.reach.trim()) out.push({ field: 'reach', message: t('handover.error.reach') });
  if (!input.consent) out.push({ field: 'consent', message: t('handover.error.consent') });
  return out;
}

/** The subject and body of the introduction. One line per fact; the worker signs it in their own app. */
export function handoverMessage(group: string, to: Recipient, input: HandoverInput): { subject: string; body: string } {
  const name = input.firstName.trim();
  const lines = [
    to.name ? t('handover.body.helloName', { name: to.name }) : t('handover.body.hello'),
    '',
    t('handover.body.introduce', { name, group }),
    t('handover.body.reach', { name, reach: input.reach.trim() }),
  ];
  if (input.note.trim()) lines.push(t('handover.body.note', { note: input.note.trim() }));
  lines.push('', t('handover.body.agreed', { name }), '', t('handover.body.thanks'));
  return { subject: t('handover.body.subject', { name, group }), body: lines.join('\n') };
}

/** The `mailto:` or `sms:` link that opens the worker's own app with the message filled in. */
export function handoverHref(to: Recipient, message: { subject: string; body: string }): string {
  if (to.kind === 'email')
    return `mailto:${encodeURIComponent(to.to).replace(/%40/g, '@')}?subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(message.body)}`;
  // `?&body=` is read by both Android and iOS messaging apps.
  return `sms:${to.to.replace(/[^\d+]/g, '')}?&body=${encodeURIComponent(gsmFriendly(message.body))}`;
}
