/**
 * The last step: open GitHub's new-file page with the entry filled in, so a volunteer with a
 * GitHub account can propose it without git. When the entry is too long for a link, it offers
 * "copy" and "download" with short instructions instead. Email is the way without an account.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { newFileUrl } from '../../../lib/authoring/github-urls';

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
      setStatus('Copied. Now paste it into GitHub or an email.');
    } catch {
      setStatus('Your browser did not allow copying. Select the text in "Show the file" below and copy it.');
    }
  };

  const subject = `New entry: ${id}`;
  const mailBody = `Please add this group to the book.\n\nFile: ${path}\n\n${text}`;
  const mailto = `mailto:${correctionsEmail}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(mailBody)}`;
  const mailFits = mailto.length <= MAX_MAILTO;

  return (
    <section className="cf-proposal" aria-labelledby="cf-proposal-heading">
      <h2 id="cf-proposal-heading" tabIndex={-1} ref={heading}>
        Send it for review
      </h2>
      <p>
        The details pass every check. The entry will be saved as <code>{path}</code>.
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
              Propose on GitHub<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </p>
          <ol className="cf-steps">
            <li>Sign in to GitHub, or create a free account.</li>
            <li>GitHub shows the new file with your details filled in. Do not change the file name.</li>
            <li>
              Press <strong>Commit changes…</strong>, then <strong>Propose changes</strong>.
            </li>
            <li>
              On the next page press <strong>Create pull request</strong>. Automatic checks run; if one goes red, its
              message says what to fix. A maintainer then reviews it and publishes it.
            </li>
          </ol>
        </>
      ) : (
        <>
          <p>The entry is too long to send to GitHub in a link, so copy it or download it instead:</p>
          <ol className="cf-steps">
            <li>Copy the entry (or download it) with the buttons below.</li>
            <li>
              Open{' '}
              <a href={link.url} target="_blank" rel="noopener noreferrer" id="cf-propose-empty">
                GitHub's new-file page<span className="visually-hidden"> (opens in a new tab)</span>
              </a>
              ; the file name <code>{path}</code> is already filled in.
            </li>
            <li>Paste the entry into the big box.</li>
            <li>
              Press <strong>Commit changes…</strong>, then <strong>Propose changes</strong>, then{' '}
              <strong>Create pull request</strong>.
            </li>
          </ol>
        </>
      )}
      <div className="cf-actions">
        <button type="button" className="button button--secondary" onClick={copy}>
          Copy the entry
        </button>
        {download && (
          <a className="button button--secondary" href={download} download={`${id}.md`}>
            Download {id}.md
          </a>
        )}
      </div>
      <p role="status" className="cf-status">
        {status}
      </p>
      <h3>No GitHub account?</h3>
      <p>
        {mailFits ? (
          <>
            <a href={mailto}>Email the entry to {correctionsEmail}</a>. A maintainer will add it for you.
          </>
        ) : (
          <>
            Download the entry and email it as an attachment to{' '}
            <a href={`mailto:${correctionsEmail}?subject=${encodeURIComponent(subject)}`}>{correctionsEmail}</a>. A
            maintainer will add it for you.
          </>
        )}
      </p>
      <details className="cf-file">
        <summary>Show the file</summary>
        <pre tabIndex={0} role="region" aria-label={`The file ${path}`}>
          {text}
        </pre>
      </details>
    </section>
  );
}
