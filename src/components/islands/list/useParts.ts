/**
 * The list page's parts for a list with groups (./parts.ts), loaded the first time the list has
 * any (in parallel with the groups' details, so the list is not drawn later for it). Until they
 * are there the list says "Loading details…", as it does while the details are on their way.
 */
import { useEffect, useState } from 'react';
import type * as PartsModule from './parts';

export type Parts = typeof PartsModule;

let loaded: Parts | undefined;
let loading: Promise<Parts> | undefined;

export function useParts(wanted: boolean): Parts | undefined {
  const [parts, setParts] = useState(loaded);
  useEffect(() => {
    if (!wanted || parts) return;
    let live = true;
    loading ??= import('./parts').then((m) => (loaded = m));
    loading.then(
      (m) => live && setParts(m),
      () => (loading = undefined),
    );
    return () => {
      live = false;
    };
  }, [wanted, parts]);
  return parts;
}
