/**
 * The contribute form's checker, loaded when the form is first used (a field focused, or "Check
 * the details" pressed), so the form draws without waiting for it: the schema, zod, the validator
 * and the YAML parsers are most of the form's code (docs/performance.md, "Page weight"). Still one
 * schema: this loads ./checks.ts, which brings src/schema and src/lib/validate as they are.
 */
import { useSyncExternalStore } from 'react';
import type * as Checks from './checks';

export type Checker = typeof Checks;

let checker: Checker | undefined;
let loading: Promise<Checker> | undefined;
const waiting = new Set<() => void>();

/** Starts loading the checker (once; again after a failure) and resolves with it. */
export function loadChecker(): Promise<Checker> {
  loading ??= import('./checks').then(
    (c) => {
      checker = c;
      for (const w of waiting) w();
      return c;
    },
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}

function subscribe(onChange: () => void): () => void {
  waiting.add(onChange);
  return () => void waiting.delete(onChange);
}

/** The checker once it has loaded (undefined until then); the component draws again when it arrives. */
export function useChecker(): Checker | undefined {
  return useSyncExternalStore(
    subscribe,
    () => checker,
    () => checker,
  );
}

/** Starts loading the checker, on the form's first use (a field focused). */
export function startChecker(): void {
  loadChecker().catch(() => {});
}
