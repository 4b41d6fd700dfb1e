/**
 * Whether a media query matches, following it as the window changes (rotating a phone). Drawn on
 * the server (an island hydrated later, src/client/interaction.ts) it does not match, and the
 * browser's answer follows as the island hydrates.
 */
import { useCallback, useSyncExternalStore } from 'react';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}
