import { describe, expect, it } from 'vitest';
import {
  handoverErrors,
  handoverHref,
  handoverMessage,
  isMobile,
  recipients,
  type HandoverInput,
} from '../../../src/lib/list/handover';

const contacts = [
  { name: 'Group organiser', phone: '01942 123456', email: 'hello@example.org' },
  { phone: '07700 900123' },
];
const typed: HandoverInput = {
  firstName: ' Margaret ',
  reach: '07700 900456, mornings',
  note: 'Uses a wheelchair; would like a lift.',
  consent: true,
};

describe('a warm handover', () => {
  it('writes to each email address and each mobile number, never to a landline', () => {
    expect(isMobile('07700 900123')).toBe(true);
    expect(isMobile('+44 7700 900123')).toBe(true);
    expect(isMobile('01942 123456')).toBe(false);
    expect(recipients(contacts).map((r) => [r.kind, r.to, r.label])).toEqual([
      ['email', 'hello@example.org', 'Email Group organiser (hello@example.org)'],
      ['sms', '07700 900123', 'Text (07700 900123)'],
    ]);
    expect(recipients([{ phone: '01942 123456' }])).toEqual([]);
  });

  it('needs a first name, a way to reach them and their agreement', () => {
    expect(handoverErrors({ firstName: ' ', reach: '', note: '', consent: false }).map((e) => e.field)).toEqual([
      'firstName',
      'reach',
      'consent',
    ]);
    expect(handoverErrors(typed)).toEqual([]);
  });

  it('puts what was typed, and the agreement, into the message', () => {
    const [email] = recipients(contacts);
    const m = handoverMessage('Leigh Lunch Club', email, typed);
    expect(m.subject).toBe('Introduction: Margaret, for Leigh Lunch Club');
    expect(m.body.split('\n')).toEqual([
      'Hello Group organiser,',
      '',
      'I would like to introduce Margaret, who would like to come to Leigh Lunch Club.',
      'You can contact Margaret by: 07700 900456, mornings',
      'A note: Uses a wheelchair; would like a lift.',
      '',
      'Margaret has agreed that I share these details with you.',
      '',
      'Thank you',
    ]);
    expect(handoverMessage('X', email, { ...typed, note: '' }).body).not.toContain('A note');
  });

  it('makes a mailto: or sms: link carrying the message, and nothing else', () => {
    const [email, sms] = recipients(contacts);
    const m = handoverMessage('Leigh Lunch Club', email, typed);
    const mail = new URL(handoverHref(email, m));
    expect(mail.protocol).toBe('mailto:');
    expect(mail.pathname).toBe('hello@example.org');
    expect(mail.searchParams.get('subject')).toBe(m.subject);
    expect(mail.searchParams.get('body')).toBe(m.body);
    const text = handoverHref(sms, handoverMessage('Leigh Lunch Club', sms, typed));
    expect(text.startsWith('sms:07700900123?&body=')).toBe(true);
    expect(decodeURIComponent(text.slice(text.indexOf('body=') + 5))).toContain('introduce Margaret');
  });
});
