/**
 * The repeatable parts of the form: venues, contacts and cost amounts (schedules are in
 * ScheduleFields.tsx).
 * Each item is a fieldset; "Add another" appends one and moves focus to its first field.
 */
import { useContext, useEffect, useRef, type ReactNode } from 'react';
import {
  emptyAmount,
  emptyContact,
  emptyVenue,
  splitLatLng,
  type AmountDraft,
  type ContactDraft,
  type VenueDraft,
} from '../../../lib/authoring/entry-draft';
import { Examples, Item, Message, TextField, useDescribed } from './fields';
import { inputId } from './keys';
import { PlacePicker } from './PlacePicker';
import type { PickerMap } from '../../../lib/map/picker';
import { t } from '../../../lib/text/messages';

/**
 * Keeps focus somewhere sensible: on the first field of the newest item after "Add another", and
 * on the list itself after "Remove" (the button that had focus is gone).
 */
export function useFocusNewest(count: number, keyOf: (i: number) => string, listKey: string) {
  const previous = useRef(count);
  useEffect(() => {
    if (count > previous.current) document.getElementById(inputId(keyOf(count - 1)))?.focus();
    else if (count < previous.current) document.getElementById(inputId(listKey))?.focus();
    previous.current = count;
  }, [count, keyOf, listKey]);
}

/** The list's own message ("add a venue") and an anchor for the error summary. */
export function ListGroup({ fieldKey, children }: { fieldKey: string; children: ReactNode }) {
  const d = useDescribed(fieldKey);
  return (
    <div id={inputId(fieldKey)} tabIndex={-1} className={d.hasError ? 'cf-list cf-group--error' : 'cf-list'}>
      <Message fieldKey={fieldKey} />
      {children}
    </div>
  );
}

export function update<T>(list: T[], i: number, patch: Partial<T>): T[] {
  return list.map((item, j) => (j === i ? { ...item, ...patch } : item));
}

// ---------------------------------------------------------------------------------------------

export function Venues({
  venues,
  onChange,
  picker,
  onArea,
}: {
  venues: VenueDraft[];
  onChange: (v: VenueDraft[]) => void;
  /** The place picker's picture, when the book has neighbourhoods. */
  picker?: PickerMap;
  /** A picked point falls in this neighbourhood. */
  onArea?: (id: string) => void;
}) {
  const keyOf = (i: number) => `venues[${i}].name`;
  const examples = useContext(Examples);
  useFocusNewest(venues.length, keyOf, 'venues');
  const set = (i: number, patch: Partial<VenueDraft>) => onChange(update(venues, i, patch));
  return (
    <ListGroup fieldKey="venues">
      {venues.map((v, i) => {
        const k = `venues[${i}]`;
        const pasteBoth = (text: string) => {
          const pair = splitLatLng(text);
          if (!pair) return false;
          set(i, pair);
          return true;
        };
        return (
          <Item
            key={i}
            fieldKey={k}
            legend={venues.length > 1 ? t('contribute.venueN', { n: i + 1 }) : t('contribute.venue')}
            removeLabel={t('contribute.venue.remove', { n: i + 1 })}
            onRemove={venues.length > 1 ? () => onChange(venues.filter((_, j) => j !== i)) : undefined}
          >
            <TextField
              fieldKey={`${k}.name`}
              label={t('contribute.venue.name')}
              hint={t('contribute.example', { example: examples.venue })}
              value={v.name}
              onChange={(name) => set(i, { name })}
            />
            <TextField
              fieldKey={`${k}.address`}
              label={t('contribute.venue.address')}
              hint={t('contribute.venue.address.hint')}
              value={v.address}
              onChange={(address) => set(i, { address })}
              autoComplete="off"
            />
            <TextField
              fieldKey={`${k}.town`}
              label={t('contribute.venue.town')}
              value={v.town}
              onChange={(town) => set(i, { town })}
              width="medium"
            />
            <TextField
              fieldKey={`${k}.postcode`}
              label={t('contribute.venue.postcode')}
              hint={t('contribute.example', { example: examples.postcode })}
              value={v.postcode}
              onChange={(postcode) => set(i, { postcode })}
              width="short"
              spellCheck={false}
            />
            <div className="cf-latlng">
              {picker && (
                <PlacePicker
                  map={picker}
                  place={examples.place}
                  idPrefix={inputId(k)}
                  lat={v.lat}
                  lng={v.lng}
                  onPick={(p) => {
                    set(i, { lat: p.lat, lng: p.lng });
                    if (p.area) onArea?.(p.area.id);
                  }}
                />
              )}
              <p className="hint" id={`${inputId(k)}-where`}>
                {t('contribute.venue.where')}
              </p>
              <TextField
                fieldKey={`${k}.lat`}
                label={t('contribute.venue.lat')}
                hint={t('contribute.example', { example: examples.point.lat })}
                value={v.lat}
                onChange={(lat) => set(i, { lat })}
                inputMode="decimal"
                width="medium"
                describedBy={`${inputId(k)}-where`}
                onPaste={pasteBoth}
                spellCheck={false}
              />
              <TextField
                fieldKey={`${k}.lng`}
                label={t('contribute.venue.lng')}
                hint={t(Number(examples.point.lng) < 0 ? 'contribute.venue.lng.west' : 'contribute.example', {
                  example: examples.point.lng,
                })}
                value={v.lng}
                onChange={(lng) => set(i, { lng })}
                inputMode="decimal"
                width="medium"
                spellCheck={false}
              />
            </div>
          </Item>
        );
      })}
      <button type="button" className="button button--secondary" onClick={() => onChange([...venues, emptyVenue()])}>
        {t('contribute.venue.add')}
      </button>
    </ListGroup>
  );
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------

export function Contacts({ contacts, onChange }: { contacts: ContactDraft[]; onChange: (c: ContactDraft[]) => void }) {
  const keyOf = (i: number) => `contacts[${i}].name`;
  const examples = useContext(Examples);
  useFocusNewest(contacts.length, keyOf, 'contacts');
  const set = (i: number, patch: Partial<ContactDraft>) => onChange(update(contacts, i, patch));
  return (
    <ListGroup fieldKey="contacts">
      {contacts.map((c, i) => {
        const k = `contacts[${i}]`;
        return (
          <Item
            key={i}
            fieldKey={k}
            legend={contacts.length > 1 ? t('contribute.contactN', { n: i + 1 }) : t('contribute.contact.one')}
            removeLabel={t('contribute.contact.remove', { n: i + 1 })}
            onRemove={() => onChange(contacts.filter((_, j) => j !== i))}
          >
            <TextField
              fieldKey={`${k}.name`}
              label={t('contribute.contact.name')}
              hint={t('contribute.contact.name.hint')}
              value={c.name}
              onChange={(name) => set(i, { name })}
            />
            <TextField
              fieldKey={`${k}.phone`}
              label={t('contribute.contact.phone')}
              hint={t('contribute.example', { example: examples.phone })}
              type="tel"
              value={c.phone}
              onChange={(phone) => set(i, { phone })}
              width="medium"
            />
            <TextField
              fieldKey={`${k}.email`}
              label={t('contribute.contact.email')}
              type="email"
              value={c.email}
              onChange={(email) => set(i, { email })}
              spellCheck={false}
            />
          </Item>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...contacts, emptyContact()])}
      >
        {t(contacts.length ? 'contribute.contact.addAnother' : 'contribute.contact.add')}
      </button>
    </ListGroup>
  );
}

// ---------------------------------------------------------------------------------------------

export function Amounts({ amounts, onChange }: { amounts: AmountDraft[]; onChange: (a: AmountDraft[]) => void }) {
  const keyOf = (i: number) => `cost.amounts[${i}].amount`;
  useFocusNewest(amounts.length, keyOf, 'cost.amounts');
  const set = (i: number, patch: Partial<AmountDraft>) => onChange(update(amounts, i, patch));
  return (
    <ListGroup fieldKey="cost.amounts">
      {amounts.map((a, i) => {
        const k = `cost.amounts[${i}]`;
        return (
          <div key={i} className="cf-row cf-amount">
            <TextField
              fieldKey={`${k}.amount`}
              label={amounts.length > 1 ? t('contribute.amountN', { n: i + 1 }) : t('contribute.amount')}
              hint={t('contribute.amount.hint')}
              value={a.amount}
              onChange={(amount) => set(i, { amount })}
              inputMode="decimal"
              width="short"
            />
            <TextField
              fieldKey={`${k}.description`}
              label={t('contribute.amount.for')}
              hint={t('contribute.amount.for.hint')}
              value={a.description}
              onChange={(description) => set(i, { description })}
              width="medium"
            />
            {amounts.length > 1 && (
              <button
                type="button"
                className="button button--secondary cf-remove"
                onClick={() => onChange(amounts.filter((_, j) => j !== i))}
              >
                {t('contribute.amount.remove', { n: i + 1 })}
              </button>
            )}
          </div>
        );
      })}
      <button type="button" className="button button--secondary" onClick={() => onChange([...amounts, emptyAmount()])}>
        {t('contribute.amount.add')}
      </button>
    </ListGroup>
  );
}
