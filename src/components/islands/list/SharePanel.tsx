/**
 * Sharing the list: the link (ids only, after the #), its QR code, the short and full texts,
 * and the person's own text-message, email or share app. Nothing is sent by the site.
 */
import { useState } from 'react';
import { mailtoHref, smsHref } from '../../../lib/list/text';
import QrCode from './LazyQrCode';

interface Props {
  /** The share link. */
  link: string;
  /** The text-message version ("" while nothing is loaded). */
  short: string;
  /** The full version, for an email or case notes. */
  full: string;
  /** The book's name. */
  title: string;
}

export default function SharePanel({ link, short, full, title }: Props) {
  const [message, setMessage] = useState('');
  const [canShare] = useState(() => typeof navigator.share === 'function');

  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setMessage(`${what} copied. Paste it where you need it.`);
    } catch {
      setMessage(`Could not copy automatically. Select the ${what.toLowerCase()} and copy it.`);
    }
  };

  const share = async () => {
    try {
      await navigator.share({ title: `Local support from ${title}`, text: short });
    } catch {
      // Cancelled, or not allowed: nothing to do.
    }
  };

  return (
    <section className="my-list__share no-print" aria-labelledby="share-heading">
      <h2 id="share-heading">Share this list</h2>
      <p>
        The link holds only the groups' ids, after the #, so it never reaches a server log. Whoever opens it sees this
        list and can save it.
      </p>
      <label htmlFor="share-link">Link to this list</label>
      <div className="my-list__copy">
        <input id="share-link" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button" onClick={() => copy(link, 'Link')}>
          Copy link
        </button>
      </div>
      <figure className="my-list__qr">
        <QrCode text={link} label="QR code of the link to this list" className="qr" />
        <figcaption>Scan with a phone's camera to open this list.</figcaption>
      </figure>
      <h3>Send the details</h3>
      <ul className="my-list__actions">
        <li>
          <button
            type="button"
            className="button button--secondary"
            disabled={!short}
            onClick={() => copy(short, 'Short text')}
          >
            Copy short text (for a text message)
          </button>
        </li>
        <li>
          <button
            type="button"
            className="button button--secondary"
            disabled={!full}
            onClick={() => copy(full, 'Full text')}
          >
            Copy full text (for an email or case notes)
          </button>
        </li>
        {short && (
          <li>
            <a href={smsHref(short)}>Send by text message</a>
          </li>
        )}
        {full && (
          <li>
            <a href={mailtoHref(`Local support from ${title}`, full, short)}>Send by email</a>
          </li>
        )}
        {canShare && short && (
          <li>
            <button type="button" className="button button--secondary" onClick={share}>
              Share with an app…
            </button>
          </li>
        )}
      </ul>
      <p className="my-list__message" role="status">
        {message}
      </p>
      {full && (
        <details className="my-list__texts">
          <summary>See the text before sending</summary>
          <label htmlFor="short-text">Short text ({short.length} characters)</label>
          <textarea id="short-text" readOnly rows={6} value={short} />
          <label htmlFor="full-text">Full text</label>
          <textarea id="full-text" readOnly rows={12} value={full} />
        </details>
      )}
    </section>
  );
}
