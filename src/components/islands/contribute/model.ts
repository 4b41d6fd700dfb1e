/**
 * The contribute form's logic, apart from React: checking a draft with the same validator as
 * `npm run validate` (on exactly the file that will be proposed), and placing each message next
 * to the form field it is about. Pure; unit-tested in tests/unit/contribute/model.test.ts. With
 * the schema, zod and the validator this is most of the form's code, so the form loads it when it
 * is first used (./checker.ts); what the form draws with is in ./keys.ts.
 */
import { CONTACT_FIELDS, ENTRY_FIELDS, VENUE_FIELDS, type SchemaContext } from '../../../schema';
import { validateEntryText, type Problem } from '../../../lib/validate';
import { draftId, draftToInput, scheduleInput, type EntryDraft } from '../../../lib/authoring/entry-draft';
import { serialiseEntry } from '../../../lib/authoring/entry-file';
import { entryPath } from '../../../lib/authoring/github-urls';
import { isEntryId, uniqueEntryId } from '../../../lib/authoring/entry-id';
import type { BookContext, CheckResult, FormMessage } from './keys';
import { t } from '../../../lib/text/messages';
import type { MessageKey } from '../../../lib/text/messages-en';

// The form's light parts, which the form draws with before this checker has loaded (./checker.ts).
export {
  inputId,
  isShown,
  messageId,
  schemaContext,
  formContext,
  type BookContext,
  type CheckResult,
  type FormMessage,
} from './keys';

/** Draft index of each item the input kept (empty venues, schedules… are left out of the file). */
interface IndexMaps {
  venues: number[];
  schedules: number[];
  contacts: number[];
  amounts: number[];
}

function indexMaps(d: EntryDraft): IndexMaps {
  const kept = <T>(items: T[], filled: (t: T) => boolean) =>
    items.map((t, i) => (filled(t) ? i : -1)).filter((i) => i >= 0);
  const any = (o: object) => Object.values(o).some((v) => typeof v === 'string' && v.trim() !== '');
  return {
    venues: kept(d.venues, any),
    schedules: kept(d.schedules, (s) => scheduleInput(s) !== undefined),
    contacts: kept(d.contacts, any),
    amounts: d.cost === 'paid' || d.cost === 'pwyc' ? kept(d.amounts, any) : [],
  };
}

/**
 * A problem's field (`venues[0].postcode`, in the file's numbering) as a form key (in the form's
 * numbering: empty items were left out of the file).
 */
export function remapField(field: string, maps: IndexMaps): string {
  return field
    .replace(
      /^(venues|schedules|contacts)\[(\d+)\]/,
      (_, list: keyof IndexMaps, i: string) => `${list}[${maps[list][Number(i)] ?? Number(i)}]`,
    )
    .replace(/^cost\.amounts\[(\d+)\]/, (_, i: string) => `cost.amounts[${maps.amounts[Number(i)] ?? Number(i)}]`);
}

/** Every key the form shows a message at, for a draft. */
export function fieldKeys(d: EntryDraft): Set<string> {
  const keys: string[] = ['form', 'id', ...ENTRY_FIELDS, 'cost.note', 'body'];
  if (d.cost === 'paid' || d.cost === 'pwyc') {
    keys.push('cost.amounts');
    d.amounts.forEach((_, i) =>
      keys.push(`cost.amounts[${i}]`, `cost.amounts[${i}].amount`, `cost.amounts[${i}].description`),
    );
  }
  d.venues.forEach((_, i) => keys.push(`venues[${i}]`, ...VENUE_FIELDS.map((k) => `venues[${i}].${k}`)));
  d.contacts.forEach((_, i) => keys.push(`contacts[${i}]`, ...CONTACT_FIELDS.map((k) => `contacts[${i}].${k}`)));
  d.schedules.forEach((s, i) => {
    keys.push(`schedules[${i}]`, ...['start', 'end', 'from', 'until', 'note'].map((k) => `schedules[${i}].${k}`));
    if (s.kind === 'weekly' || s.kind === 'every') keys.push(`schedules[${i}].weekly`);
    if (s.kind === 'every') keys.push(`schedules[${i}].every`);
    if (s.kind === 'monthly') keys.push(`schedules[${i}].monthly`);
    if (s.kind === 'dates') keys.push(`schedules[${i}].dates`);
  });
  return new Set(keys);
}

/** The nearest key the form has for a field path: `schedules[0].weekly[2]` → `schedules[0].weekly`. */
export function anchorKey(field: string, keys: ReadonlySet<string>): string {
  let f = field;
  while (f && !keys.has(f)) {
    const cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
    f = cut > 0 ? f.slice(0, cut) : '';
  }
  return f || 'form';
}

/** Plainer words for the messages a form shows most (the validator's words suit files). */
const PLAIN: [key: RegExp, message: RegExp, replacement: MessageKey][] = [
  [/^name$/, /missing/, 'contribute.msg.name'],
  [/^summary$/, /missing/, 'contribute.msg.summary'],
  [/^categories$/, /./, 'contribute.msg.categories'],
  [/^neighbourhoods$/, /No neighbourhood|missing/, 'contribute.msg.neighbourhoods'],
  [/^neighbourhoods$/, /already covers/, 'contribute.msg.neighbourhoodsBoth'],
  [/^join$/, /./, 'contribute.msg.join'],
  [/^delivery$/, /not delivered in person/, 'contribute.msg.inPerson'],
  [/^delivery$/, /too_small|at least|empty/, 'contribute.msg.delivery'],
  [/^venues$/, /no venue/, 'contribute.msg.venues'],
  [/^contacts$/, /no way to get in touch/i, 'contribute.msg.contacts'],
  [/^contacts\[\d+\]$/, /no phone or email/, 'contribute.msg.contact'],
  [/^last_verified$/, /missing/, 'contribute.msg.lastVerified'],
  [/^venues\[\d+\]\.name$/, /missing/, 'contribute.msg.venueName'],
  [/^venues\[\d+\]\.address$/, /missing/, 'contribute.msg.address'],
  [/^venues\[\d+\]\.postcode$/, /missing/, 'contribute.msg.postcode'],
  [/^venues\[\d+\]\.lat$/, /missing/, 'contribute.msg.lat'],
  [/^venues\[\d+\]\.lng$/, /missing/, 'contribute.msg.lng'],
  [/^schedules\[\d+\]\.weekly$/, /No days|empty list/, 'contribute.msg.days'],
  [/^schedules\[\d+\]\.monthly$/, /No days|empty list/, 'contribute.msg.monthly'],
  [/^schedules\[\d+\]\.dates$/, /No dates|empty list/, 'contribute.msg.dates'],
  [/^cost\.amounts$/, /./, 'contribute.msg.amounts'],
  [/^cost$/, /not given/, 'contribute.msg.amounts'],
  [/^cost\.amounts\[\d+\]\.amount$/, /missing/, 'contribute.msg.amount'],
];

export function plainMessage(key: string, message: string): string {
  for (const [k, m, replacement] of PLAIN) if (k.test(key) && m.test(message)) return t(replacement);
  return message;
}

/** The id field's own checks: valid, and not used by another entry. */
export function idMessages(
  id: string,
  name: string,
  taken: boolean | undefined,
  existing?: ReadonlySet<string>,
): FormMessage[] {
  if (!id) {
    if (!name.trim()) return [];
    return [
      {
        key: 'id',
        severity: 'error',
        message: t('contribute.msg.noId'),
      },
    ];
  }
  if (!isEntryId(id)) {
    return [
      {
        key: 'id',
        severity: 'error',
        message: t('contribute.msg.badId'),
      },
    ];
  }
  if (taken) {
    const free = existing ? uniqueEntryId(id, existing) : `${id}-2`;
    return [
      {
        key: 'id',
        severity: 'error',
        message: t('contribute.msg.taken', { id, free }),
      },
    ];
  }
  return [];
}

/**
 * Checks a draft: builds the file exactly as it will be proposed, runs validateEntryText over it
 * and places each problem on the form. `taken` says whether the id is already used.
 */
export function checkDraft(
  d: EntryDraft,
  book: BookContext,
  ctx: SchemaContext,
  taken?: boolean,
  existing?: ReadonlySet<string>,
): CheckResult {
  const id = draftId(d);
  const path = entryPath(id || 'group-name');
  const text = serialiseEntry(draftToInput(d), d.description);
  const keys = fieldKeys(d);
  const maps = indexMaps(d);
  const problems: Problem[] = validateEntryText(text, path, ctx, { staleMonths: book.staleMonths });
  const messages: FormMessage[] = idMessages(id, d.name, taken, existing);
  for (const p of problems) {
    // The file-name check is the id field's own, in plainer words.
    if (p.field === 'id') continue;
    const key = anchorKey(remapField(p.field, maps), keys);
    messages.push({ key, severity: p.severity, message: plainMessage(key, p.message) });
  }
  // The schema checks the entry as a whole (a venue when in person, some way to get in touch)
  // only once every field is readable; say it now, so nobody fixes one round and meets another.
  const has = (key: string) => messages.some((m) => m.key === key && m.severity === 'error');
  if (d.delivery.includes('in-person') && maps.venues.length === 0 && !has('venues')) {
    messages.push({ key: 'venues', severity: 'error', message: plainMessage('venues', 'no venue') });
  }
  const reachable = d.contacts.some((c) => c.phone.trim() || c.email.trim()) || d.website.trim();
  if (!reachable && !has('contacts')) {
    messages.push({ key: 'contacts', severity: 'error', message: plainMessage('contacts', 'no way to get in touch') });
  }
  // One message per key and severity is enough beside a field (the first is the most specific).
  const seen = new Set<string>();
  const unique = messages.filter((m) => {
    const k = `${m.key}|${m.severity}|${m.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  unique.sort((a, b) => formOrder(a.key) - formOrder(b.key));
  return { id, path, text, messages: unique, errors: unique.filter((m) => m.severity === 'error').length };
}

/** The order fields appear in on the form, so the error summary reads top to bottom. */
const FORM_ORDER = [
  'form',
  'name',
  'id',
  'summary',
  'organisation',
  'categories',
  'neighbourhoods',
  'join',
  'delivery',
  'min_age',
  'max_age',
  'audience',
  'eligibility',
  'cost',
  'venues',
  'schedules',
  'contacts',
  'website',
  'accessibility',
  'languages',
  'body',
  'status',
  'alert',
  'last_verified',
  'verified_by',
];

/** Position of a key on the form (items in their own order: `venues[1].name` after `venues[0].town`). */
function formOrder(key: string): number {
  const root = key.split(/[.[]/)[0];
  const at = FORM_ORDER.indexOf(root);
  const index = /\[(\d+)\]/.exec(key);
  return (at < 0 ? FORM_ORDER.length : at) * 1000 + (index ? Number(index[1]) + 1 : 0);
}
