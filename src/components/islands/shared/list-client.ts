/**
 * Browser side of the list data: finds the shard files for some ids and reads them. The service
 * worker keeps every shard fetched here, so a list looked at (or an entry added) with signal
 * still shows its details with none.
 */
import type { ListEntry } from '../../../lib/list/data';
import { LIST_DATA_INDEX, shardsFor } from '../../../lib/list/shards';
import { href } from '../../../lib/site/paths';

/** What is known about one id on the list. */
export type Loaded =
  | { status: 'found'; entry: ListEntry }
  /** Not in the book any more (removed or renamed since the link was made). */
  | { status: 'missing' }
  /** Could not be fetched: offline and not saved on this device, or a server error. */
  | { status: 'unavailable' };

let shardCount: Promise<number> | undefined;

async function getShardCount(): Promise<number> {
  shardCount ??= fetch(href(LIST_DATA_INDEX))
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((j: { shards?: unknown }) => {
      const n = Number(j.shards);
      if (!Number.isInteger(n) || n < 1) throw new Error('bad list-data index');
      return n;
    })
    .catch((err) => {
      shardCount = undefined; // try again next time
      throw err;
    });
  return shardCount;
}

async function loadShard(path: string, ids: string[], out: Map<string, Loaded>): Promise<void> {
  let response: Response;
  try {
    response = await fetch(href(path));
  } catch {
    for (const id of ids) out.set(id, { status: 'unavailable' });
    return;
  }
  if (response.status === 404) {
    for (const id of ids) out.set(id, { status: 'missing' });
    return;
  }
  let data: Record<string, ListEntry> | undefined;
  try {
    data = response.ok ? await response.json() : undefined;
  } catch {
    data = undefined;
  }
  for (const id of ids) {
    if (!data || typeof data !== 'object') out.set(id, { status: 'unavailable' });
    else if (Object.hasOwn(data, id) && data[id]?.id === id) out.set(id, { status: 'found', entry: data[id] });
    else out.set(id, { status: 'missing' });
  }
}

/** The details of each id, fetched a shard at a time. Never throws. */
export async function loadEntries(ids: readonly string[]): Promise<Map<string, Loaded>> {
  const out = new Map<string, Loaded>();
  let shards: number;
  try {
    shards = await getShardCount();
  } catch {
    for (const id of ids) out.set(id, { status: 'unavailable' });
    return out;
  }
  await Promise.all([...shardsFor(ids, shards)].map(([path, group]) => loadShard(path, group, out)));
  return out;
}

/** Fetches an entry's shard in the background so the list shows it later with no signal. */
export function warmEntry(id: string): void {
  void loadEntries([id]).catch(() => {});
}
