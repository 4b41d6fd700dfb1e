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

/** The services in a parsed JSON document, and what else it held (for the report). */
export function servicesIn(doc: unknown): { services: FoundService[]; other: string[] } {
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
    if (isService(item)) services.push({ doc: item, at: `${prefix}[${i}]` });
    else other.push(`${prefix}[${i}] is not a service (it has no name and id)`);
  });
  return { services, other };
}
