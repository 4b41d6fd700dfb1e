/**
 * Form fields in the GOV.UK pattern: label, hint, message, input; the message is tied to the
 * input with aria-describedby and the group gets a red bar when there is an error. All text is
 * rendered as React text nodes.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { inputId, messageId, type FormMessage } from './keys';
import type { PlaceExamples } from '../../../schema/site';
import { EXAMPLE_DEFAULTS } from '../../../schema/site-examples';
import { t } from '../../../lib/text/messages';

/** What every field needs from the form: its messages and a way to say it was left. */
export interface FieldContext {
  /** Messages to show now, by key. */
  shown: (key: string) => FormMessage[];
  /** The field with this key was left (blur) or changed (ticks): its messages may show. */
  touch: (key: string) => void;
}
export const Fields = createContext<FieldContext>({ shown: () => [], touch: () => {} });

/** The hints' examples in the place's own terms (site.yaml `examples`, `place`, and a point: its map centre). */
export const Examples = createContext<PlaceExamples & { place: string; point: { lat: string; lng: string } }>({
  ...EXAMPLE_DEFAULTS,
  place: '',
  point: { lat: '51.5000', lng: '-0.1000' },
});

export function Message({ fieldKey }: { fieldKey: string }) {
  const { shown } = useContext(Fields);
  const messages = shown(fieldKey);
  if (!messages.length) return null;
  return (
    <div id={messageId(fieldKey)}>
      {messages.map((m, i) => (
        <p key={i} className={m.severity === 'error' ? 'error-message' : 'cf-warning-message'}>
          <span className="visually-hidden">
            {t(m.severity === 'error' ? 'contribute.error' : 'contribute.warning')}{' '}
          </span>
          {m.message}
        </p>
      ))}
    </div>
  );
}

/** aria-describedby and aria-invalid for a control. */
export function useDescribed(fieldKey: string, hint?: string, extra?: string) {
  const { shown } = useContext(Fields);
  const messages = shown(fieldKey);
  const ids = [hint ? `${inputId(fieldKey)}-hint` : '', extra ?? '', messages.length ? messageId(fieldKey) : ''].filter(
    Boolean,
  );
  return {
    'aria-describedby': ids.length ? ids.join(' ') : undefined,
    'aria-invalid': messages.some((m) => m.severity === 'error') ? (true as const) : undefined,
    hasError: messages.some((m) => m.severity === 'error'),
  };
}

function groupClass(hasError: boolean, extra = ''): string {
  return ['cf-group', hasError ? 'cf-group--error' : '', extra].filter(Boolean).join(' ');
}

interface TextProps {
  fieldKey: string;
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'url' | 'date' | 'time';
  inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel' | 'url';
  autoComplete?: string;
  width?: 'full' | 'medium' | 'short' | 'tiny';
  /** Extra element id for aria-describedby (a character count). */
  describedBy?: string;
  onPaste?: (text: string) => boolean;
  spellCheck?: boolean;
  children?: ReactNode;
}

export function TextField({
  fieldKey,
  label,
  hint,
  value,
  onChange,
  type = 'text',
  inputMode,
  autoComplete = 'off',
  width = 'full',
  describedBy,
  onPaste,
  spellCheck,
  children,
}: TextProps) {
  const { touch } = useContext(Fields);
  const d = useDescribed(fieldKey, hint ? 'y' : undefined, describedBy);
  const id = inputId(fieldKey);
  return (
    <div className={groupClass(d.hasError)}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      )}
      <Message fieldKey={fieldKey} />
      <input
        id={id}
        name={fieldKey}
        className={`cf-input cf-input--${width}`}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        value={value}
        aria-describedby={d['aria-describedby']}
        aria-invalid={d['aria-invalid']}
        onChange={(e) => onChange(e.currentTarget.value)}
        onBlur={() => touch(fieldKey)}
        onPaste={
          onPaste
            ? (e) => {
                if (onPaste(e.clipboardData.getData('text'))) e.preventDefault();
              }
            : undefined
        }
      />
      {children}
    </div>
  );
}

export function TextArea({
  fieldKey,
  label,
  hint,
  value,
  onChange,
  rows = 5,
  describedBy,
  children,
}: Omit<TextProps, 'type' | 'inputMode' | 'width'> & { rows?: number }) {
  const { touch } = useContext(Fields);
  const d = useDescribed(fieldKey, hint ? 'y' : undefined, describedBy);
  const id = inputId(fieldKey);
  return (
    <div className={groupClass(d.hasError)}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      )}
      <Message fieldKey={fieldKey} />
      <textarea
        id={id}
        name={fieldKey}
        rows={rows}
        value={value}
        aria-describedby={d['aria-describedby']}
        aria-invalid={d['aria-invalid']}
        onChange={(e) => onChange(e.currentTarget.value)}
        onBlur={() => touch(fieldKey)}
      />
      {children}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

interface ChoiceProps {
  fieldKey: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: Option[];
  /** Small legend (inside a bigger fieldset) rather than a question heading. */
  small?: boolean;
  columns?: boolean;
  /** Options for a divider and one exclusive choice after it ("or: the whole area"). */
  exclusive?: Option;
}

/** Tick boxes. The first box carries the group's id so the error summary can link to it. */
export function Checkboxes({
  fieldKey,
  legend,
  hint,
  options,
  values,
  onChange,
  small,
  columns,
  exclusive,
}: ChoiceProps & { values: string[]; onChange: (values: string[]) => void }) {
  const { touch } = useContext(Fields);
  const d = useDescribed(fieldKey, hint ? 'y' : undefined);
  const id = inputId(fieldKey);
  const toggle = (value: string, on: boolean) => {
    let next: string[];
    if (exclusive && value === exclusive.value) next = on ? [value] : [];
    else next = on ? [...values.filter((v) => v !== exclusive?.value), value] : values.filter((v) => v !== value);
    onChange(next);
    touch(fieldKey);
  };
  const box = (o: Option, i: number) => {
    const boxId = i === 0 ? id : `${id}-${i}`;
    return (
      <div className="cf-choice" key={o.value}>
        <input
          type="checkbox"
          id={boxId}
          name={fieldKey}
          value={o.value}
          checked={values.includes(o.value)}
          onChange={(e) => toggle(o.value, e.currentTarget.checked)}
        />
        <label htmlFor={boxId}>
          {o.label}
          {o.hint && <span className="cf-choice__hint">{o.hint}</span>}
        </label>
      </div>
    );
  };
  return (
    <div className={groupClass(d.hasError)}>
      <fieldset className="cf-fieldset" aria-describedby={d['aria-describedby']}>
        <legend className={small ? 'cf-legend--small' : 'cf-legend'}>{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="hint">
            {hint}
          </div>
        )}
        <Message fieldKey={fieldKey} />
        <div className={columns ? 'cf-choices cf-choices--columns' : 'cf-choices'}>{options.map(box)}</div>
        {exclusive && (
          <>
            <p className="cf-or">{t('contribute.or')}</p>
            {box(exclusive, options.length)}
          </>
        )}
      </fieldset>
    </div>
  );
}

export function Radios({
  fieldKey,
  legend,
  hint,
  options,
  value,
  onChange,
  small,
  inline,
}: ChoiceProps & { value: string; onChange: (value: string) => void; inline?: boolean }) {
  const { touch } = useContext(Fields);
  const d = useDescribed(fieldKey, hint ? 'y' : undefined);
  const id = inputId(fieldKey);
  return (
    <div className={groupClass(d.hasError)}>
      <fieldset className="cf-fieldset" aria-describedby={d['aria-describedby']}>
        <legend className={small ? 'cf-legend--small' : 'cf-legend'}>{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="hint">
            {hint}
          </div>
        )}
        <Message fieldKey={fieldKey} />
        <div className={inline ? 'cf-choices cf-choices--inline' : 'cf-choices'}>
          {options.map((o, i) => {
            const boxId = i === 0 ? id : `${id}-${i}`;
            return (
              <div className="cf-choice" key={o.value}>
                <input
                  type="radio"
                  id={boxId}
                  name={id}
                  value={o.value}
                  checked={value === o.value}
                  onChange={() => {
                    onChange(o.value);
                    touch(fieldKey);
                  }}
                />
                <label htmlFor={boxId}>
                  {o.label}
                  {o.hint && <span className="cf-choice__hint">{o.hint}</span>}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A repeatable item (a venue, a schedule, a contact): its own fieldset with a remove button. */
export function Item({
  fieldKey,
  legend,
  onRemove,
  removeLabel,
  children,
}: {
  fieldKey: string;
  legend: string;
  onRemove?: () => void;
  removeLabel: string;
  children: ReactNode;
}) {
  const d = useDescribed(fieldKey);
  return (
    <fieldset
      id={inputId(fieldKey)}
      tabIndex={-1}
      className={`cf-item ${d.hasError ? 'cf-item--error' : ''}`}
      aria-describedby={d['aria-describedby']}
    >
      <legend className="cf-legend--small">{legend}</legend>
      <Message fieldKey={fieldKey} />
      {children}
      {onRemove && (
        <button type="button" className="button button--secondary cf-remove" onClick={onRemove}>
          {removeLabel}
        </button>
      )}
    </fieldset>
  );
}
