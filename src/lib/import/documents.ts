/**
 * Open Referral documents as the services they hold: one `service_full` document, a list of
 * them, or a paged list (`{ contents: [...] }`) whose items are full services. Pure.
 */
import { isService } from './hsds';
import type { Json } from './record';

export interface FoundService {
  doc: Json;
  /** Where in the document: `contents[3]`, or "" for the document itself. */
  at: string;
}

/**
 * The other HSDS 3.0 objects, by fields only they carry (a location, an organization and a
 * taxonomy have a name and an id too, and a folder of examples holds one of each). A service has
 * none of these.
 */
const OTHER_KINDS: [string, string[]][] = [
  ['API base document (what the feed says about itself)', ['openapi_url', 'profile']],
  ['service_at_location', ['service', 'location']],
  ['location', ['location_type', 'latitude', 'longitude', 'transportation', 'addresses']],
  ['organization', ['tax_status', 'legal_status', 'year_incorporated', 'organization_identifiers', 'services']],
  ['taxonomy_term', ['term_uri', 'taxonomy', 'taxonomy_detail', 'parent_id']],
  ['taxonomy', ['version']],
];

/** The kind of a document that is not a service but another HSDS object, or undefined. */
function otherKind(doc: unknown): string | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || 'status' in doc) return undefined;
  return OTHER_KINDS.find(([, keys]) => keys.some((k) => k in doc))?.[0];
}

const notAService = (kind: string, at: string) =>
  `${at ? `${at} is` : 'the document is'} an HSDS ${kind}, not a service: only services become entries (with their own locations, organization and terms)`;

/** The services in a parsed JSON document, and what else it held (for the report). */
export function servicesIn(doc: unknown): { services: FoundService[]; other: string[] } {
  const kind = otherKind(doc);
  if (kind) return { services: [], other: [notAService(kind, '')] };
  if (isService(doc)) return { services: [{ doc, at: '' }], other: [] };
  const list = Array.isArray(doc)
    ? doc
    : doc && typeof doc === 'object' && Array.isArray((doc as Json).contents)
      ? ((doc as Json).contents as unknown[])
      : undefined;
  if (!list) return { services: [], other: ['the document is not a service, a list of services or a paged list'] };
  const services: FoundService[] = [];
  const other: string[] = [];
  const prefix = Array.isArray(doc) ? '' : 'contents';
  list.forEach((item, i) => {
    const k = otherKind(item);
    if (k) other.push(notAService(k, `${prefix}[${i}]`));
    else if (isService(item)) services.push({ doc: item, at: `${prefix}[${i}]` });
    else other.push(`${prefix}[${i}] is not a service (it has no name and id)`);
  });
  return { services, other };
}
