/**
 * An import against the book as it is: which files to write, which entries a re-import updates
 * (found by `source`), which were edited by hand since and are left alone (unless `force`), and
 * the duplicates. Pure: the script reads and writes the files.
 */
import type { Candidate, ImportBook } from './context';
import { findDuplicates, type DuplicatePair } from './duplicates';
import { checksumState, finishCandidate, isImported, type ImportedEntry, type NotImported } from './finish';

/** An entry file already in the book. */
export interface ExistingEntry {
  id: string;
  text: string;
  /** `source.system` and `source.id`, when it was imported. */
  source?: { system: string; id: string };
}

export type Action = 'new' | 'update' | 'unchanged' | 'kept-edited' | 'overwrite-edited' | 'merged';

export interface PlannedEntry extends ImportedEntry {
  action: Action;
  /** With `merged`: the entry this record was merged into. */
  mergedInto?: string;
}

export interface ImportResult {
  entries: PlannedEntry[];
  notImported: NotImported[];
  duplicates: DuplicatePair[];
  /** How many source records there were. */
  records: number;
}

export interface PlanOptions {
  force?: boolean;
  mergeDuplicates?: boolean;
  /** Called every so often on long imports. */
  progress?: (done: number, total: number) => void;
  /**
   * Called with each entry as soon as what happens to it is settled (with `mergeDuplicates`, only
   * once the duplicates are known), in source order: the script starts writing files while the
   * rest are still being mapped and checked.
   */
  settled?: (entry: PlannedEntry) => void;
}

const sourceKey = (s: { system: string; id: string }) => `${s.system}\u0000${s.id}`;

/** Runs the shared steps over the candidates and decides what happens to each. */
export function planImport(
  candidates: readonly Candidate[],
  book: ImportBook,
  existing: readonly ExistingEntry[],
  opts: PlanOptions = {},
): ImportResult {
  const taken = new Set(existing.map((e) => e.id));
  const bySource = new Map(existing.filter((e) => e.source).map((e) => [sourceKey(e.source!), e]));
  const finished: (PlannedEntry | NotImported)[] = [];
  const claimed = new Set<string>();
  candidates.forEach((c, i) => {
    if (opts.progress && (i % 500 === 0 || i === candidates.length - 1)) opts.progress(i + 1, candidates.length);
    const key = sourceKey({ system: c.origin.system, id: c.sourceId });
    const before = bySource.get(key);
    if (claimed.has(key)) {
      finished.push({
        origin: c.origin,
        name: c.input.name as string | undefined,
        reasons: [`the source id ${c.sourceId} appears twice in ${c.origin.system}: only its first record is imported`],
        guesses: c.guesses,
      });
      return;
    }
    claimed.add(key);
    const result = finishCandidate(c, book, (id) => taken.has(id), before?.id);
    if (!isImported(result)) return void finished.push(result);
    taken.add(result.id);
    let action: Action = 'new';
    if (before) {
      const state = checksumState(before.text);
      if (before.text === result.text) action = 'unchanged';
      else if (state === 'edited' || state === 'none') action = opts.force ? 'overwrite-edited' : 'kept-edited';
      else action = 'update';
    }
    const planned: PlannedEntry = { ...result, action };
    finished.push(planned);
    if (!opts.mergeDuplicates) opts.settled?.(planned);
  });
  const entries = finished.filter((x): x is PlannedEntry => 'text' in x);
  const notImported = finished.filter((x): x is NotImported => !('text' in x));
  const duplicates = findDuplicates(
    entries.map((e) => ({ key: e.id, name: e.name, venues: e.venues, phones: e.phones })),
  );
  if (opts.mergeDuplicates) {
    // The first of each pair is kept (the one earlier in the source); the other's file is not written.
    const byId = new Map(entries.map((e) => [e.id, e]));
    for (const d of duplicates) {
      const keep = byId.get(d.a);
      const drop = byId.get(d.b);
      if (!keep || !drop || keep.action === 'merged' || drop.action === 'merged' || drop.action !== 'new') continue;
      drop.action = 'merged';
      drop.mergedInto = keep.id;
    }
    if (opts.settled) for (const e of entries) opts.settled(e);
  }
  return { entries, notImported, duplicates, records: candidates.length };
}

/** True for an entry whose file is written: new and updated entries, and hand-edited ones only with `force`. */
export function isWritten(e: PlannedEntry): boolean {
  return e.action === 'new' || e.action === 'update' || e.action === 'overwrite-edited';
}

/** The files to write. */
export function filesToWrite(result: ImportResult): PlannedEntry[] {
  return result.entries.filter(isWritten);
}
