/**
 * "Exit this page" inside an island: the list page shows it when a group on the list is
 * sensitive (the page itself is the same for every list). Same markup and behaviour as
 * src/components/ExitThisPage.astro (src/lib/safety/exit-this-page.ts).
 */
import { useEffect, useRef } from 'react';
import { NEUTRAL_SITE, wireExitThisPage } from '../../../lib/safety/exit-this-page';
import { t } from '../../../lib/text/messages';

export default function ExitThisPage() {
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => (link.current ? wireExitThisPage(link.current) : undefined), []);
  return (
    <div className="exit-this-page">
      <a
        ref={link}
        className="button button--warning"
        href={NEUTRAL_SITE}
        rel="nofollow noreferrer"
        data-exit-this-page
      >
        {t('layout.exit')} <span className="visually-hidden">{t('layout.exit.more')}</span>
      </a>
    </div>
  );
}
