/**
 * `YYYY-MM-DD` dates, as the schemas check them. Pure; runs in Node and the browser. Part of the
 * small checks shared by the schemas (./primitives.ts re-exports them), in a module of their own
 * so the browser's date code (src/lib/calendar/) does not bring the URL and e-mail checks with it
 * onto the pages that show facts: the bundler splits code by module, and keeps every export some
 * page uses.
 */

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `YYYY-MM-DD` of a Date, read in UTC (YAML dates are midnight UTC): the first ten characters of
 * `toISOString()`, built from the parts, which is several times quicker (every entry's dates pass
 * through here when it is checked). Years outside 0–9999 are left to `toISOString`.
 */
export function toIsoDate(d: Date): string {
  const y = d.getUTCFullYear();
  if (!(y >= 0 && y <= 9999)) return d.toISOString().slice(0, 10);
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

let tomorrowCache: { at: number; iso: string } | undefined;

/** Tomorrow's `YYYY-MM-DD` in UTC, worked out at most once a second (asked once per entry checked). */
export function tomorrowIso(now = Date.now()): string {
  if (!tomorrowCache || Math.abs(now - tomorrowCache.at) > 1000)
    tomorrowCache = { at: now, iso: toIsoDate(new Date(now + 86_400_000)) };
  return tomorrowCache.iso;
}

/** True when `YYYY-MM-DD` names a day that exists (no 30 February). */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
