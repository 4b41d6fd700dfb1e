import { useEffect, useState } from 'react';
import { href } from '../../../lib/site/paths';

/** How long to wait after the last key press before asking whether an id is taken. */
const ASK_DELAY = 300;

/** Whether an id is taken: from the list when the page gave one, else by asking for its page. */
export function useTaken(id: string, existing: ReadonlySet<string> | undefined): boolean | undefined {
  const [known, setKnown] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (existing || !id || id in known) return;
    const controller = new AbortController();
    const t = setTimeout(() => {
      fetch(href(`/entries/${encodeURIComponent(id)}/`), { method: 'HEAD', signal: controller.signal })
        .then((r) => setKnown((k) => ({ ...k, [id]: r.ok })))
        .catch(() => undefined);
    }, ASK_DELAY);
    return () => {
      clearTimeout(t);
      controller.abort();
    };
  }, [id, existing, known]);
  if (!id) return false;
  return existing ? existing.has(id.toLowerCase()) : known[id];
}
