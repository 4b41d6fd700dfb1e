/**
 * Reads an Open Referral API the way the ORUK validator reads one: `GET {base}/services?page=N`
 * through every page, then `GET {base}/services/{id}` for each service, a few at a time, with
 * retries and a time limit on each request. `fetch` is passed in, so tests serve a fixture feed.
 */
import type { Json } from './record';

export interface ApiOptions {
  fetch?: typeof fetch;
  /** Requests at a time (default 4: polite to a council's server). */
  concurrency?: number;
  /** Tries per request (default 3), waiting `retryDelayMs` × the try number between them. */
  tries?: number;
  retryDelayMs?: number;
  /** Time limit per request (default 20 s). */
  timeoutMs?: number;
  progress?: (done: number, total: number) => void;
}

export interface ApiService {
  id: string;
  url: string;
  doc?: Json;
  /** Why it could not be read, when it could not. */
  error?: string;
}

export class FeedError extends Error {}

async function getJson(url: string, o: Required<Omit<ApiOptions, 'progress'>>): Promise<unknown> {
  let last = '';
  let tried = 0;
  for (let attempt = 1; attempt <= o.tries; attempt++) {
    tried = attempt;
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), o.timeoutMs);
    try {
      const res = await o.fetch(url, { signal: ctl.signal, headers: { accept: 'application/json' } });
      if (res.ok) return await res.json();
      last = `HTTP ${res.status}`;
      if (res.status >= 400 && res.status < 500 && res.status !== 429) break;
    } catch (err) {
      last = ctl.signal.aborted ? `no answer within ${o.timeoutMs / 1000} s` : (err as Error).message;
    } finally {
      clearTimeout(timer);
    }
    if (attempt < o.tries) await new Promise((r) => setTimeout(r, o.retryDelayMs * attempt));
  }
  throw new FeedError(`${url}: ${last} (tried ${tried} time${tried > 1 ? 's' : ''})`);
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order. */
async function pool<T, R>(items: readonly T[], limit: number, work: (t: T, i: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i], i);
      }
    }),
  );
  return out;
}

/**
 * Every service of the feed at `base`. A first page that does not answer is a `FeedError` (the
 * feed is not there); a later page or a service that does not answer is reported with its address.
 */
export async function readFeed(
  base: string,
  opts: ApiOptions = {},
): Promise<{ services: ApiService[]; pageErrors: string[] }> {
  const o = {
    fetch: opts.fetch ?? fetch,
    concurrency: opts.concurrency ?? 4,
    tries: opts.tries ?? 3,
    retryDelayMs: opts.retryDelayMs ?? 500,
    timeoutMs: opts.timeoutMs ?? 20_000,
  };
  const root = base.replace(/\/+$/, '');
  const page = (n: number) => `${root}/services?page=${n}`;
  const first = (await getJson(page(1), o).catch((err: Error) => {
    throw new FeedError(
      `The feed at ${root} does not answer: ${err.message}. Fix: check the address (it is the API's base, before /services).`,
    );
  })) as Json;
  if (!first || !Array.isArray(first.contents))
    throw new FeedError(`${page(1)} is not a paged list of services (it has no "contents"). Fix: check the address.`);
  const total = Math.max(1, Number(first.total_pages) || 1);
  const pages: Json[] = [first];
  const pageErrors: string[] = [];
  const rest = await pool(
    Array.from({ length: total - 1 }, (_, i) => i + 2),
    o.concurrency,
    (n) => getJson(page(n), o).catch((err: Error) => (pageErrors.push(err.message), undefined)),
  );
  for (const p of rest) if (p) pages.push(p as Json);
  const ids = [
    ...new Set(pages.flatMap((p) => ((p.contents as Json[]) ?? []).map((s) => String(s.id ?? ''))).filter(Boolean)),
  ];
  let done = 0;
  const services = await pool(ids, o.concurrency, async (id) => {
    const url = `${root}/services/${encodeURIComponent(id)}`;
    try {
      const doc = (await getJson(url, o)) as Json;
      return { id, url, doc };
    } catch (err) {
      return { id, url, error: (err as Error).message };
    } finally {
      opts.progress?.(++done, ids.length);
    }
  });
  return { services, pageErrors };
}
