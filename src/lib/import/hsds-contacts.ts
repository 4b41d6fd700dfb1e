/**
 * How much an HSDS service costs (`cost_options`, else `fees_description` read as words) and who
 * to contact (its contacts, phones and email). Part of ./hsds.ts. Pure.
 */
import type { ContactInput, CostInput } from './entry-input';
import { costLabel } from '../view/format';
import { costFromText, fitText } from './values';
import { arr, str, type ServiceRead } from './hsds-read';

/** The cost onto the entry; a note that does not fit goes into the body. */
export function readCost({ doc, r, c, e, body }: ServiceRead): void {
  const fees = str(r.take('fees_description')) ?? str(r.peek('fees'));
  if (str(r.peek('fees')) && (str(r.peek('fees')) === fees || str(r.peek('fees')) === 'fees_description'))
    r.take('fees');
  const options = arr(doc.cost_options);
  let cost: CostInput | undefined;
  if (options.length) {
    const free =
      options.length === 1 && (Number(options[0].amount) === 0 || /^free$/i.test(str(options[0].option) ?? ''));
    const pwyc = options.some((o) => /^pay what you can/i.test(str(o.option) ?? ''));
    const paid = options.filter((o) => typeof o.amount === 'number' && !(free && o.amount === 0));
    if (free) cost = { free: true };
    else if (paid.length)
      cost = {
        ...(pwyc ? { pay_what_you_can: true } : {}),
        amounts: paid.map((o) => {
          const desc = str(o.amount_description) ?? (pwyc ? undefined : str(o.option));
          return {
            amount: o.amount as number,
            ...(desc && desc !== 'Cost' ? { description: fitText(desc, 120).text } : {}),
          };
        }),
      };
    else if (pwyc) cost = { pay_what_you_can: true };
    if (cost)
      options.forEach((o, i) => {
        for (const k of ['option', 'amount', 'amount_description', 'currency']) r.take('cost_options', i, k);
        if (str(o.currency) && str(o.currency)!.toUpperCase() !== 'GBP')
          c.guesses.push(`cost: the amounts are in ${o.currency}, read as pounds`);
      });
  }
  if (!cost && fees) cost = costFromText(fees);
  if (cost && fees) {
    const label = costLabel(cost as never);
    const note = fees.startsWith(`${label}.`) ? fees.slice(label.length + 1).trim() : fees === label ? '' : fees;
    if (note && !cost.note && note !== label) {
      const n = fitText(note, 200);
      cost.note = n.text;
      if (n.cut) body.push(`**Cost:** ${fees}`);
    }
  } else if (fees && !cost) body.push(`**Cost:** ${fees}`);
  if (cost) e.cost = cost;
  c.from.cost = options.length ? 'cost_options' : 'fees_description';
}

/** Contacts: each contact with its first phone; the service's own phones and email. */
export function readContacts({ doc, r, c, e }: ServiceRead): void {
  const contacts: ContactInput[] = [];
  const seenPhones = new Set<string>();
  const phoneOf = (v: unknown) => str(v)?.replace(/^"+|"+$/g, '');
  arr(doc.contacts).forEach((k, i) => {
    const phones = arr(k.phones);
    const phone = phoneOf(phones[0]?.number);
    const contact: ContactInput = {};
    const cname = str(k.name) ?? str(k.title);
    if (cname) contact.name = fitText(cname, 80).text;
    if (phone) contact.phone = phone;
    if (str(k.email)) contact.email = str(k.email);
    if (contact.phone || contact.email) {
      contacts.push(contact);
      r.take('contacts', i, str(k.name) ? 'name' : 'title');
      r.take('contacts', i, 'email');
      r.take('contacts', i, 'service_id');
      if (phone) {
        seenPhones.add(phone);
        r.take('contacts', i, 'phones', 0, 'number');
        if (str(phones[0].type) === 'voice') r.take('contacts', i, 'phones', 0, 'type');
      }
      c.from[`contacts[${contacts.length - 1}]`] = `contacts[${i}]`;
    }
  });
  arr(doc.phones).forEach((p, i) => {
    const phone = phoneOf(p.number);
    if (!phone) return;
    if (!seenPhones.has(phone)) {
      contacts.push({ phone, ...(str(p.description) ? { name: fitText(str(p.description)!, 80).text } : {}) });
      c.from[`contacts[${contacts.length - 1}]`] = `phones[${i}]`;
      r.take('phones', i, 'description');
      seenPhones.add(phone);
    }
    r.take('phones', i, 'number');
    if (str(p.type) === 'voice') r.take('phones', i, 'type');
  });
  const email = str(r.take('email'));
  if (email && !contacts.some((k) => k.email === email)) contacts.push({ email });
  if (contacts.length) e.contacts = contacts;
  c.from.contacts = 'contacts';
}
