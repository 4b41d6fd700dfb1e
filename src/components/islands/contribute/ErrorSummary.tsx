/**
 * The GOV.UK error summary: "There is a problem", with a link to each field that has one. It is
 * focused when the person asks to check the details, so a screen reader reads it first.
 */
import type { MouseEvent, Ref } from 'react';
import { inputId, type FormMessage } from './keys';
import { t } from '../../../lib/text/messages';

/** A link to a field that focuses it and brings it into view. */
const goTo = (key: string) => (e: MouseEvent) => {
  const el = document.getElementById(inputId(key));
  if (!el) return;
  e.preventDefault();
  el.focus();
  el.scrollIntoView({ block: 'center' });
};

export default function ErrorSummary({ messages, ref }: { messages: FormMessage[]; ref: Ref<HTMLDivElement> }) {
  return (
    <div className="cf-error-summary" ref={ref} tabIndex={-1} aria-labelledby="cf-error-summary-title" role="alert">
      <h2 id="cf-error-summary-title">{t('contribute.problem')}</h2>
      <ul>
        {messages.map((m) => (
          <li key={`${m.key}|${m.message}`}>
            {m.key === 'form' ? (
              m.message
            ) : (
              <a href={`#${inputId(m.key)}`} onClick={goTo(m.key)}>
                {m.message}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
