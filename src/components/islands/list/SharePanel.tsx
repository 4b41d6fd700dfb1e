/**
 * Sharing the list: the link (ids only, after the #), its QR code, the short and full texts,
 * and the person's own text-message, email or share app. Nothing is sent by the site.
 */
import { useState } from 'react';
import { mailtoHref, smsHref } from '../../../lib/list/text';
import QrCode from './LazyQrCode';
import { t } from '../../../lib/text/messages';

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
      setMessage(t('list.share.copied', { what }));
    } catch {
      setMessage(t('list.share.notCopied', { what: what.toLowerCase() }));
    }
  };

  const share = async () => {
    try {
      await navigator.share({ title: t('list.share.subject', { title }), text: short });
    } catch {
      // Cancelled, or not allowed: nothing to do.
    }
  };

  return (
    <section className="my-list__share no-print" aria-labelledby="share-heading">
      <h2 id="share-heading">{t('list.share.heading')}</h2>
      <p>{t('list.share.text')}</p>
      <label htmlFor="share-link">{t('list.share.link')}</label>
      <div className="my-list__copy">
        <input id="share-link" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button" onClick={() => copy(link, t('list.share.linkWhat'))}>
          {t('list.share.copyLink')}
        </button>
      </div>
      <figure className="my-list__qr">
        <QrCode text={link} label={t('list.qr')} className="qr" />
        <figcaption>{t('list.share.scan')}</figcaption>
      </figure>
      <h3>{t('list.share.send')}</h3>
      <ul className="my-list__actions">
        <li>
          <button
            type="button"
            className="button button--secondary"
            disabled={!short}
            onClick={() => copy(short, t('list.share.shortWhat'))}
          >
            {t('list.share.copyShort')}
          </button>
        </li>
        <li>
          <button
            type="button"
            className="button button--secondary"
            disabled={!full}
            onClick={() => copy(full, t('list.share.fullWhat'))}
          >
            {t('list.share.copyFull')}
          </button>
        </li>
        {short && (
          <li>
            <a href={smsHref(short)}>{t('list.share.sms')}</a>
          </li>
        )}
        {full && (
          <li>
            <a href={mailtoHref(t('list.share.subject', { title }), full, short)}>{t('list.share.email')}</a>
          </li>
        )}
        {canShare && short && (
          <li>
            <button type="button" className="button button--secondary" onClick={share}>
              {t('list.share.app')}
            </button>
          </li>
        )}
      </ul>
      <p className="my-list__message" role="status">
        {message}
      </p>
      {full && (
        <details className="my-list__texts">
          <summary>{t('list.share.see')}</summary>
          <label htmlFor="short-text">{t('list.share.shortLabel', { count: short.length })}</label>
          <textarea id="short-text" readOnly rows={6} value={short} />
          <label htmlFor="full-text">{t('list.share.fullWhat')}</label>
          <textarea id="full-text" readOnly rows={12} value={full} />
        </details>
      )}
    </section>
  );
}
