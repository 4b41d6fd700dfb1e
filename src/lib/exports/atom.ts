/**
 * An Atom feed (RFC 4287) of entries added or re-checked most recently: the newest 50 by
 * `last_verified`, each `updated` on that day; the feed's `updated` is the newest entry's day (no
 * build time, so rebuilding the same content gives the same file). Pure; all text XML-escaped.
 * An entry's `id` is its Open Referral service id (./uuid.ts); the feed's own is made from the
 * feed's address, which is the book's already.
 */
import { STATUS_LABELS } from '../../schema/vocab';
import { bookOrder } from '../book/order';
import { absoluteUrl, entryUrl, type ExportContext, type ExportEntry } from './context';
import { ROOT_NAMESPACE, serviceUuid, uuidV5 } from './uuid';

export const FEED_SIZE = 50;

/** Text for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- characters XML does not allow
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/** Entries by `last_verified`, newest first (ties by name, then id), at most `limit`. */
export function recentlyVerified<T extends ExportEntry>(entries: T[], limit = FEED_SIZE): T[] {
  return [...entries]
    .sort(
      (a, b) =>
        (a.data.last_verified < b.data.last_verified ? 1 : a.data.last_verified > b.data.last_verified ? -1 : 0) ||
        bookOrder(a, b),
    )
    .slice(0, limit);
}

const day = (date: string) => `${date}T00:00:00Z`;

/** The feed document. */
export function buildAtomFeed(entries: ExportEntry[], ctx: ExportContext): string {
  const recent = recentlyVerified(entries);
  const feedUrl = absoluteUrl(ctx.site.url, '/feed.xml');
  const updated = recent[0] ? day(recent[0].data.last_verified) : '1970-01-01T00:00:00Z';
  const items = recent.map((e) => {
    const url = entryUrl(ctx.site.url, e.id);
    const status = e.data.status === 'active' ? '' : `${STATUS_LABELS[e.data.status]}. `;
    return [
      '  <entry>',
      `    <id>urn:uuid:${serviceUuid(ctx.site.url, e.id)}</id>`,
      `    <title>${xmlEscape(e.data.name)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>`,
      `    <updated>${day(e.data.last_verified)}</updated>`,
      `    <summary>${xmlEscape(`${status}${e.data.summary} Last checked ${e.data.last_verified}.`)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  <id>urn:uuid:${uuidV5(feedUrl, ROOT_NAMESPACE)}</id>`,
    `  <title>${xmlEscape(`${ctx.site.title}: recently added or checked`)}</title>`,
    `  <subtitle>${xmlEscape(`The ${FEED_SIZE} entries whose details were checked most recently.`)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(absoluteUrl(ctx.site.url, '/'))}"/>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xmlEscape(ctx.site.publisher)}</name></author>`,
    `  <rights>${xmlEscape(`Data: ${ctx.site.data_licence.name}`)}</rights>`,
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
