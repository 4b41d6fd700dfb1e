/** Small checks shared by the schemas. Pure; runs in Node and the browser. */

import { toIsoDate } from './dates';

export { isRealDate, toIsoDate, tomorrowIso } from './dates';

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

/**
 * True for a host name that is not on the open internet: `localhost`, a name without a dot, or an
 * address on this machine or a private network (127.x, 10.x, 172.16–31.x, 192.168.x, 169.254.x,
 * 100.64–127.x, 0.x, ::1, fc00::/7, fe80::/10). An entry linking there is a mistake at best, and at
 * worst points a key worker's browser at their own router. `hostname` as `new URL` gives it
 * (IPv4 in dotted decimal, IPv6 in brackets).
 */
export function isPrivateHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h.startsWith('[')) {
    const v6 = h.slice(1, -1);
    return v6 === '::1' || v6 === '::' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith('::ffff:');
  }
  if (!h.includes('.') || h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local')) return true;
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(h);
  if (!v4) return false;
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    a >= 224
  );
}

/**
 * Why a web address in an entry (the `website` field, a link in the description) is refused, or
 * undefined when it is fine: everything `isSafeUrl` refuses, plus an address without the two
 * slashes (`https:evil.example`, which browsers still follow) and a host that is not on the open
 * internet (`isPrivateHost`). One rule for every entry URL, so a field and a body link can never
 * disagree. The messages say what is wrong and the fix.
 */
export function entryUrlProblem(value: string): string | undefined {
  const v = value.trim();
  if (/^https?:\/\/[^/?#]*@/i.test(v))
    return 'The address has a name before an @ (https://name@site), which hides where the link really goes. Fix: remove everything between // and @.';
  if (/^https?:\/\//i.test(v) && /[<>"`\\]/.test(v))
    return 'The address contains < > " ` or \\, which web addresses only carry encoded. Fix: copy the address again from the browser\'s address bar.';
  if (!/^https?:\/\/[^/]/i.test(v) || !isSafeUrl(v))
    return 'This is not a web address starting with https:// or http://. Fix: paste the full address, e.g. https://example.org/group.';
  if (isPrivateHost(new URL(v).hostname))
    return "The address points to this computer or a private network, not a public website. Fix: link to the group's public web address.";
  return undefined;
}

/**
 * An email address as entries allow it: one address and nothing else. No `?`, `&`, `%`, `#`, `,`
 * or `;`, which in a `mailto:` link add recipients (`a?cc=spy@evil.example`), a subject or a body,
 * or hide one of them encoded; no spaces, quotes or brackets.
 */
export const EMAIL = /^[^\s@<>()"'?&%#,;:/\\[\]]+@[^\s@<>()"'?&%#,;:/\\[\]]+\.[a-z]{2,}$/i;

/** Why a `mailto:` link in an entry is refused (it must carry one address and nothing else), or undefined. */
export function mailtoProblem(value: string): string | undefined {
  const address = value.trim().replace(/^mailto:/i, '');
  if (EMAIL.test(address)) return undefined;
  return /[?&%,;]/.test(address)
    ? `The email link "${address.length > 40 ? `${address.slice(0, 37)}…` : address}" carries more than one address (a ? & % , or ;, which can add copies to other people or change the message). Fix: write just the address, e.g. mailto:hello@example.org.`
    : 'The email link is not an email address. Fix: write it like mailto:hello@example.org.';
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
 * Why a link target in an entry's Markdown is refused, or undefined when it is fine: a same-site
 * path (`/entries/x/`, `#when`), a web address that passes `entryUrlProblem`, a `mailto:` with one
 * address (`mailtoProblem`), or a `tel:` number. Anything else (`javascript:`, `data:`, `//host`)
 * is not a web, email or phone link.
 */
export function linkTargetProblem(value: string, written = value): string | undefined {
  const v = value.trim();
  const w = written.trim();
  const shown = w.length > 40 ? `${w.slice(0, 37)}…` : w;
  const notALink = `The link "${shown}" is not a web, email or phone link. Fix: use an address starting with https://, mailto: or tel:.`;
  if (!isSafeLinkTarget(v)) return notALink;
  if ((v.startsWith('/') && !v.startsWith('//')) || v.startsWith('#')) return undefined;
  if (/^mailto:/i.test(v)) return mailtoProblem(v);
  if (/^tel:/i.test(v))
    return /^tel:\+?[0-9][0-9 ()-]{1,24}$/i.test(v)
      ? undefined
      : `The phone link "${shown}" is not a phone number. Fix: write the number after tel:, e.g. tel:0300 123 4567.`;
  const problem = entryUrlProblem(v);
  return problem && `The link "${shown}": ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`;
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
