/**
 * A task that runs one call at a time: calls that arrive while it runs are folded into a single
 * next run with the latest argument. A fast typist then causes a few searches, not one per key,
 * and nothing waits on a timer. Each run is handed `isCurrent()`, false once a newer call has
 * come in (its result would then be stale and is not shown).
 */
import { useCallback, useEffect, useRef } from 'react';

type Task<T> = (arg: T, isCurrent: () => boolean) => Promise<void>;

export interface Coalesced<T> {
  /** Asks for a run with `arg`: now if none is running, else as the next run. */
  request: (arg: T) => void;
  /** An `isCurrent` for the latest request, for work that follows it (such as "show more"). */
  current: () => () => boolean;
}

export function useCoalesced<T>(task: Task<T>): Coalesced<T> {
  const taskRef = useRef(task);
  useEffect(() => {
    taskRef.current = task;
  });
  const queue = useRef({ generation: 0, pending: null as { arg: T; generation: number } | null, running: false });
  const request = useCallback((arg: T) => {
    const q = queue.current;
    q.pending = { arg, generation: ++q.generation };
    if (q.running) return;
    q.running = true;
    void (async () => {
      while (q.pending) {
        const next = q.pending;
        q.pending = null;
        try {
          await taskRef.current(next.arg, () => next.generation === q.generation);
        } catch (err) {
          console.error(err);
        }
      }
      q.running = false;
    })();
  }, []);
  const current = useCallback(() => {
    const q = queue.current;
    const generation = q.generation;
    return () => generation === q.generation;
  }, []);
  return { request, current };
}
