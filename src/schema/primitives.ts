/** Small checks shared by the schemas. Pure; runs in Node and the browser. */

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

/** Link schemes allowed anywhere in an entry. */
export const SAFE_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'] as const;

/**
 * True for an absolute http(s) URL with a host. Rejects `javascript:`, `data:`, protocol-relative
 * and anything a browser would read differently from how it looks (control characters, spaces).
 * Also rejects `< > " \` \\` (a real address carries them only percent-encoded; raw, they put
 * markup into the feeds, and a backslash makes parsers disagree about the host) and a user name
 * or password (`https://www.wigan.gov.uk@evil.example` goes to evil.example).
 */
export function isSafeUrl(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- hidden control characters are what this check refuses
  if (/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069<>"`\\]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0 && !url.username && !url.password
  );
}

/** True for a link target allowed inside an entry's Markdown: http(s), mailto:, tel:, or a same-site path. */
export function isSafeLinkTarget(value: string): boolean {
  const v = value.trim();
  // eslint-disable-next-line no-control-regex -- hidden control characters are what this check refuses
  if (/[\u0000-\u001f\u007f-\u009f]/.test(v)) return false;
  if (v.startsWith('/') && !v.startsWith('//')) return true;
  if (v.startsWith('#')) return true;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return false;
  }
  return (SAFE_SCHEMES as readonly string[]).includes(url.protocol);
}

/**
 * A value as a problem message quotes it: text and numbers in quotes, anything else said in
 * words. Never `String(value)`: YAML can give a field a set of fields with its own `toString`
 * (`status: {toString: x}`), and converting that throws instead of explaining.
 */
export function quoted(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return `"${value}"`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'An impossible date' : `"${toIsoDate(value)}"`;
  if (Array.isArray(value)) return 'A list';
  if (value === null || value === undefined) return 'Nothing';
  return 'A set of fields';
}
