/**
 * Deterministic UUIDs (RFC 4122 version 5: SHA-1 of a namespace and a name) for the open-data
 * feeds. The same entry id always gives the same service id, in every build, on every machine,
 * so other systems can keep their references to this book's records.
 *
 * Pure (./sha1.ts), so it runs in Node and in a browser alike.
 */
import { sha1 } from './sha1';

/**
 * The namespace of every id this book publishes. A fixed, randomly chosen UUID: never change it,
 * or every published id changes. (Forks share it; their ids differ because their entry ids do.)
 */
export const BOOK_NAMESPACE = '6f1c2b8e-5d3a-4c7e-9b1f-3a8d2e4c5b60';

/** RFC 4122 DNS namespace, for the test vector. */
export const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

const namespaceBytes = new Map<string, Uint8Array>();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** UUID version 5 of `name` in `namespace` (lower-case, hyphenated). */
export function uuidV5(name: string, namespace: string = BOOK_NAMESPACE): string {
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

/** The HSDS service id of an entry: UUID v5 of its id (the file name). */
export function serviceUuid(entryId: string): string {
  return uuidV5(`entry:${entryId}`);
}

/**
 * The id of an object nested in an entry's record, from the entry id and the object's path in
 * the record, e.g. `nestedUuid('walks', 'schedules', 0)`. Stable while the entry's lists keep
 * their order.
 */
export function nestedUuid(entryId: string, ...path: (string | number)[]): string {
  return uuidV5(`entry:${entryId}/${path.join('/')}`);
}

/** The id of something shared between entries (a category, an organisation, an area). */
const shared = new Map<string, string>();

export function sharedUuid(kind: string, key: string): string {
  const name = `${kind}:${key}`;
  let id = shared.get(name);
  if (!id) shared.set(name, (id = uuidV5(name)));
  return id;
}
