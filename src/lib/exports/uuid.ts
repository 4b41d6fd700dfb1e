/**
 * Deterministic UUIDs (RFC 4122 version 5: SHA-1 of a namespace and a name) for the open-data
 * feeds. The same entry id in the same book always gives the same service id, in every build, on
 * every machine, so other systems can keep their references to this book's records.
 *
 * Every id a book makes from its own content is in the book's own namespace, made from its
 * address (site.yaml `url`, `bookNamespace`): two books that both have an entry `food-bank` publish
 * different service ids, so a region can put many books' feeds side by side without a collision.
 * Only the ids of terms from a vocabulary outside every book (the LGA lists, esd.org.uk) are in the
 * one shared namespace (`vocabularyUuid`), so a region's feed merges them: see ./taxonomies.ts.
 *
 * Pure (./sha1.ts), so it runs in Node and in a browser alike.
 */
import { sha1 } from './sha1';

/**
 * The root of every namespace: a fixed, randomly chosen UUID. Never change it, or every published
 * id changes. Book namespaces are made in it (`bookNamespace`), and the shared vocabulary's ids
 * are made in it directly. (Before books had their own namespace, every id was made in it.)
 */
export const ROOT_NAMESPACE = '6f1c2b8e-5d3a-4c7e-9b1f-3a8d2e4c5b60';

/** RFC 4122 DNS namespace, for the test vector. */
export const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

const namespaceBytes = new Map<string, Uint8Array>();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** UUID version 5 of `name` in `namespace` (lower-case, hyphenated). */
export function uuidV5(name: string, namespace: string): string {
  let ns = namespaceBytes.get(namespace);
  if (!ns) {
    const hexNs = namespace.replace(/-/g, '');
    if (!/^[0-9a-f]{32}$/i.test(hexNs)) throw new Error(`Not a UUID: ${namespace}`);
    ns = Uint8Array.from(hexNs.match(/../g)!, (h) => parseInt(h, 16));
    namespaceBytes.set(namespace, ns);
  }
  const bytes = sha1(ns, name).subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  let hex = '';
  for (let i = 0; i < 16; i++) hex += HEX[bytes[i]];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A book's address as its ids are made from it: scheme, lower-case host (and port, when not the
 * scheme's own), path; no trailing slash, query or fragment. `HTTPS://Example.org/Book/` →
 * `https://example.org/Book`. The path keeps its case, as a web address does.
 */
export function bookIdentity(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

const bookNamespaces = new Map<string, string>();

/**
 * The namespace of every id a book makes from its own content: UUID v5 of its address
 * (`bookIdentity`) in the root namespace. A book that moves to another address gets another
 * namespace, so every id it publishes changes.
 */
export function bookNamespace(bookUrl: string): string {
  let ns = bookNamespaces.get(bookUrl);
  if (!ns) bookNamespaces.set(bookUrl, (ns = uuidV5(bookIdentity(bookUrl), ROOT_NAMESPACE)));
  return ns;
}

/** The HSDS service id of an entry of the book at `bookUrl`: UUID v5 of its id (the file name). */
export function serviceUuid(bookUrl: string, entryId: string): string {
  return uuidV5(`entry:${entryId}`, bookNamespace(bookUrl));
}

/**
 * The id of an object nested in an entry's record, from the entry id and the object's path in
 * the record, e.g. `nestedUuid(url, 'walks', 'schedules', 0)`. Stable while the entry's lists keep
 * their order.
 */
export function nestedUuid(bookUrl: string, entryId: string, ...path: (string | number)[]): string {
  return uuidV5(`entry:${entryId}/${path.join('/')}`, bookNamespace(bookUrl));
}

const shared = new Map<string, string>();
function memo(namespace: string, name: string): string {
  const key = `${namespace} ${name}`;
  let id = shared.get(key);
  if (!id) shared.set(key, (id = uuidV5(name, namespace)));
  return id;
}

/** The id of something the book's entries share (one of its categories, an organisation). */
export function bookUuid(bookUrl: string, kind: string, key: string): string {
  return memo(bookNamespace(bookUrl), `${kind}:${key}`);
}

/**
 * The id of a term, or a list of terms, from a vocabulary no book owns (an LGA list, by its
 * address): the same in every book, so a region's feed holds it once.
 */
export function vocabularyUuid(kind: string, key: string): string {
  return memo(ROOT_NAMESPACE, `${kind}:${key}`);
}
