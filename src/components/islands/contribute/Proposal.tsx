/**
 * The last step: open GitHub's new-file page with the entry filled in, so a volunteer with a
 * GitHub account can propose it without git. When the entry is too long for a link, it offers
 * "copy" and "download" with short instructions instead. Email is the way without an account.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { newFileUrl } from '../../../lib/authoring/github-urls';
import { t } from '../../../lib/text/messages';

interface Props {
  id: string;
  path: string;
  text: string;
  repository: string;
  branch: string;
  correctionsEmail: string;
  /** Checks the form again just before leaving; false stops the link. */
  onBeforeOpen: () => boolean;
  /** Changes each time the volunteer presses "Check": the heading then takes focus. */
  focusKey: number;
}

/** `mailto:` links longer than this are unreliable in mail programs: attach the file instead. */
const MAX_MAILTO = 1800;

export function Proposal({ id, path, text, repository, branch, correctionsEmail, onBeforeOpen, focusKey }: Props) {
  const link = newFileUrl({ repository, branch, id, content: text });
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [focusKey]);
  const download = useMemo(
    () => URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' })),
    [text],
  );
  useEffect(() => () => URL.revokeObjectURL(download), [download]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('contribute.send.copied'));
    } catch {
      setStatus(t('contribute.send.noCopy'));
    }
  };

  const subject = t('contribute.send.subject', { id });
  const mailBody = t('contribute.send.body', { path, text });
  const mailto = `mailto:${correctionsEmail}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(mailBody)}`;
  const mailFits = mailto.length <= MAX_MAILTO;

  return (
    <section className="cf-proposal" aria-labelledby="cf-proposal-heading">
      <h2 id="cf-proposal-heading" tabIndex={-1} ref={heading}>
        {t('contribute.send')}
      </h2>
      <p>
        {t('contribute.send.passes')} <code>{path}</code>
        {t('page.notFound.end')}
      </p>
      {link.fits ? (
        <>
          <p>
            <a
              className="button"
              id="cf-propose"
              href={link.url}
              target="_blank"
              rel="noopener noreferrer"
              onClick={(e) => (onBeforeOpen() ? undefined : e.preventDefault())}
            >
              {t('contribute.send.propose')}
              <span className="visually-hidden"> {t('contribute.newTab')}</span>
            </a>
          </p>
          <ol className="cf-steps">
            <li>{t('contribute.send.signIn')}</li>
            <li>{t('contribute.send.shows')}</li>
            <li>
              {t('contribute.send.press')} <strong>{t('contribute.send.commit')}</strong>
              {t('contribute.send.then')} <strong>{t('contribute.send.proposeChanges')}</strong>
              {t('page.notFound.end')}
            </li>
            <li>
              {t('contribute.send.next')} <strong>{t('contribute.send.pr')}</strong>
              {t('contribute.send.checks')}
            </li>
          </ol>
        </>
      ) : (
        <>
          <p>{t('contribute.send.tooLong')}</p>
          <ol className="cf-steps">
            <li>{t('contribute.send.copyFirst')}</li>
            <li>
              {t('contribute.send.open')}{' '}
              <a href={link.url} target="_blank" rel="noopener noreferrer" id="cf-propose-empty">
                {t('contribute.send.newFile')}
                <span className="visually-hidden"> {t('contribute.newTab')}</span>
              </a>
              {t('contribute.send.filled', { path })}
            </li>
            <li>{t('contribute.send.paste')}</li>
            <li>
              {t('contribute.send.press')} <strong>{t('contribute.send.commit')}</strong>
              {t('contribute.send.then')} <strong>{t('contribute.send.proposeChanges')}</strong>
              {t('contribute.send.then')} <strong>{t('contribute.send.pr')}</strong>
              {t('page.notFound.end')}
            </li>
          </ol>
        </>
      )}
      <div className="cf-actions">
        <button type="button" className="button button--secondary" onClick={copy}>
          {t('contribute.send.copy')}
        </button>
        {download && (
          <a className="button button--secondary" href={download} download={`${id}.md`}>
            {t('contribute.send.download', { file: `${id}.md` })}
          </a>
        )}
      </div>
      <p role="status" className="cf-status">
        {status}
      </p>
      <h3>{t('contribute.send.noAccount')}</h3>
      <p>
        {mailFits ? (
          <>
            <a href={mailto}>{t('contribute.send.emailIt', { email: correctionsEmail })}</a>
            {t('contribute.send.willAdd')}
          </>
        ) : (
          <>
            {t('contribute.send.attach')}{' '}
            <a href={`mailto:${correctionsEmail}?subject=${encodeURIComponent(subject)}`}>{correctionsEmail}</a>
            {t('contribute.send.willAdd')}
          </>
        )}
      </p>
      <details className="cf-file">
        <summary>{t('contribute.send.show')}</summary>
        <pre tabIndex={0} role="region" aria-label={t('contribute.send.file', { path })}>
          {text}
        </pre>
      </details>
    </section>
  );
}
