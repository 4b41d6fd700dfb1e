/**
 * The Open Referral UK 3.0 API as static files: every endpoint the ORUK validator requires, at
 * the API's own addresses under `/openreferral/`, on any static host. Pure: the same book always
 * gives the same paths and bytes.
 *
 *   GET /                           openreferral/index.html
 *   GET /services                   openreferral/services/index.html
 *   GET /services/{id}              openreferral/services/<id>
 *   GET /service_at_locations       openreferral/service_at_locations/index.html
 *   GET /service_at_locations/{id}  openreferral/service_at_locations/<id>
 *   GET /taxonomies                 openreferral/taxonomies/index.html
 *   GET /taxonomies/{id}            openreferral/taxonomies/<id>
 *   GET /taxonomy_terms             openreferral/taxonomy_terms/index.html
 *   GET /taxonomy_terms/{id}        openreferral/taxonomy_terms/<id>
 *
 * A list is a folder whose index file a static host serves at the folder's address (GitHub Pages
 * answers `/openreferral/services` with a redirect to `/openreferral/services/`, which clients and
 * the validator follow); a record is a file without an extension, served at its own address. The
 * host cannot read `?page=`, so every list is one page holding everything (`total_pages: 1`),
 * whatever page is asked for. The documents are JSON whatever the host calls them (the validator
 * and `fetch().json()` read the body, not the Content-Type); `<`, `>` and `&` are written as
 * `\u003c`… so that a host that calls them text/html cannot be made to run anything. Hosts that
 * read public/_headers send `application/json` and `Access-Control-Allow-Origin: *`.
 *
 * The addresses of the first feed stay: openreferral/index.json, services.json and
 * services/<id>.json, with the same bytes as `/`, `/services` and `/services/{id}`.
 */
import type { ExportContext, ExportEntry } from './context';
import { isListed } from './context';
import {
  HSDS_OPENAPI,
  HSDS_PROFILE,
  HSDS_VERSION,
  hsdsLocation,
  hsdsService,
  hsdsServiceBasics,
  serviceAtLocationId,
} from './hsds';
import { safeJson } from './safe-json';
import { taxonomies, taxonomyDocument, taxonomyTerms } from './taxonomies';
import { nestedUuid, serviceUuid } from './uuid';
import type { OutputFile } from './entry-files';

type Json = Record<string, unknown>;

/** The folder of the feed in the site, and the base address of the API. */
export const FEED_DIR = 'openreferral';
/** The API's list endpoints, each a folder of the feed. */
export const LIST_ENDPOINTS = ['services', 'service_at_locations', 'taxonomies', 'taxonomy_terms'] as const;
export type ListEndpoint = (typeof LIST_ENDPOINTS)[number];

/** The file that answers `GET /` or a list endpoint: the folder's index file. */
export function listPath(endpoint?: ListEndpoint): string {
  return endpoint ? `${FEED_DIR}/${endpoint}/index.html` : `${FEED_DIR}/index.html`;
}

/** The file that answers `GET /<endpoint>/{id}`. */
export function recordPath(endpoint: ListEndpoint, id: string): string {
  return `${FEED_DIR}/${endpoint}/${id}`;
}

/** A feed document as the file's text: indented JSON, HTML-safe, ending in a line break. */
export function feedText(doc: unknown): string {
  return `${safeJson(doc, 2)}\n`;
}

/** `GET /`: which version and profile the feed follows, and who publishes it (a book, or a region of books). */
export function apiDetails(ctx: {
  site: Pick<ExportContext['site'], 'title' | 'description' | 'publisher' | 'corrections_email' | 'url'>;
}): Json {
  return {
    version: HSDS_VERSION,
    profile: HSDS_PROFILE,
    openapi_url: HSDS_OPENAPI,
    description: `${ctx.site.title}: ${ctx.site.description}`,
    publisher: { name: ctx.site.publisher, email: ctx.site.corrections_email, website: ctx.site.url },
  };
}

/** The paged list envelope around `contents`: everything on page 1 of 1 (a static host cannot page). */
export function onePage(contents: Json[]): Json {
  return {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
}

/** `GET /services`: the one-to-one fields of every listed entry (running or temporarily closed). */
export function serviceList(entries: ExportEntry[], ctx: ExportContext): Json {
  return onePage(entries.filter(isListed).map((e) => hsdsServiceBasics(e, ctx)));
}

/** An item of `GET /service_at_locations`: the link, its location and the service's one-to-one fields. */
export function serviceAtLocationItem(e: ExportEntry, i: number, ctx: ExportContext): Json {
  const { addresses: _addresses, accessibility: _accessibility, ...location } = hsdsLocation(e, i, ctx);
  return {
    id: serviceAtLocationId(ctx.site.url, e.id, i),
    service_id: serviceUuid(ctx.site.url, e.id),
    location_id: nestedUuid(ctx.site.url, e.id, 'venues', i),
    location,
    service: hsdsServiceBasics(e, ctx),
  };
}

/** `GET /service_at_locations`: every venue of every listed entry. */
export function serviceAtLocationList(entries: ExportEntry[], ctx: ExportContext): Json {
  return onePage(
    entries.filter(isListed).flatMap((e) => e.data.venues.map((_, i) => serviceAtLocationItem(e, i, ctx))),
  );
}

/**
 * `GET /service_at_locations/{id}`: the link with its location in full and the service in full.
 * It also carries the service's `name` and `status` at the top: HSDS 3.0 and ORUK 3.0 declare
 * this endpoint as returning the *service* schema, which requires them (the service_at_location
 * schema, which the rest follows, allows them).
 */
export function serviceAtLocationDocument(e: ExportEntry, i: number, ctx: ExportContext): Json {
  const { service_at_locations: _links, ...service } = hsdsService(e, ctx);
  return {
    id: serviceAtLocationId(ctx.site.url, e.id, i),
    service_id: serviceUuid(ctx.site.url, e.id),
    location_id: nestedUuid(ctx.site.url, e.id, 'venues', i),
    name: service.name,
    status: service.status,
    description: `${e.data.name} at ${e.data.venues[i].name}.`,
    location: hsdsLocation(e, i, ctx),
    service,
  };
}

/** `GET /` and the taxonomy endpoints: the files made from the book as a whole. */
export function* feedBookFiles(entries: ExportEntry[], ctx: ExportContext): Generator<OutputFile> {
  const index = feedText(apiDetails(ctx));
  yield { path: listPath(), body: index };
  yield { path: `${FEED_DIR}/index.json`, body: index };
  const services = feedText(serviceList(entries, ctx));
  yield { path: listPath('services'), body: services };
  yield { path: `${FEED_DIR}/services.json`, body: services };
  yield { path: listPath('service_at_locations'), body: feedText(serviceAtLocationList(entries, ctx)) };
  const all = taxonomies(ctx);
  const terms = taxonomyTerms(ctx);
  yield { path: listPath('taxonomies'), body: feedText(onePage(all)) };
  for (const t of all)
    yield { path: recordPath('taxonomies', t.id as string), body: feedText(taxonomyDocument(t, terms)) };
  yield { path: listPath('taxonomy_terms'), body: feedText(onePage(terms)) };
  for (const t of terms) yield { path: recordPath('taxonomy_terms', t.id as string), body: feedText(t) };
}

/**
 * An entry's records: `GET /services/{id}` (every entry, closed ones too, status `defunct`, so a
 * saved link keeps working; also at the first feed's `services/<id>.json`) and
 * `GET /service_at_locations/{id}` for each of its venues.
 */
export function* feedEntryFiles(e: ExportEntry, ctx: ExportContext): Generator<OutputFile> {
  const id = serviceUuid(ctx.site.url, e.id);
  const body = feedText(hsdsService(e, ctx));
  yield { path: recordPath('services', id), body };
  yield { path: `${FEED_DIR}/services/${id}.json`, body };
  for (let i = 0; i < e.data.venues.length; i++)
    yield {
      path: recordPath('service_at_locations', serviceAtLocationId(ctx.site.url, e.id, i)),
      body: feedText(serviceAtLocationDocument(e, i, ctx)),
    };
}
