/**
 * Test helper (not a test file): the Open Referral UK validator (OpenReferralUK/oruk-validator)
 * replayed from its source, against a feed at `base`, with the ORUK 3.0 OpenAPI definition and
 * schemas in tests/fixtures/oruk-3.0. What it does, and where in the validator:
 *
 *  1. `GET {base}` (OpenApiDiscoveryService): a non-2xx answer or a body that is not JSON makes it
 *     fall back to the HSDS-UK 1.0 spec; `version` ("3.0", "HSDS-UK-3.0", "V3") picks
 *     `…/specifications/<n.n>/openapi.json`, else `openapi_url`.
 *  2. Paths grouped by root path (`/services/{id}` → `/services`, EndpointInfo.GetRootPath), in the
 *     definition's order; in each group the collection GETs first, then the `{id}` ones
 *     (OpenApiValidationService.GroupEndpointsByDependencies).
 *  3. An endpoint with a `page` query parameter: `?page=1`; if it lists no items (`contents`,
 *     `data`, `items`, `results`, `content`, else `size`), the result is invalid (EMPTY_FEED);
 *     with `total_pages` > 2 the middle page (`total_pages / 2`, integer division), with > 1 the
 *     last page (TestPaginatedEndpointAsync). Otherwise one request.
 *  4. Every request must answer 2xx (after redirects, which .NET's HttpClient follows), and its
 *     body must validate against the 200 response's `application/json` schema, `$ref`s resolved
 *     (ValidateResponseAsync). The Content-Type is never looked at.
 *  5. Ids come from the collection's first successful answer: the first non-empty field, in the
 *     order the response schema names them, of those that look like ids (`id`, `…id`, `format:
 *     uuid`…), of each item of the first array property the schema names (ExtractIdsFromResponse).
 *     A `{id}` endpoint is requested with up to 10 of them, chosen at random (here: a seeded
 *     shuffle, so a run can be repeated); with none it is "not tested" (NO_IDS_AVAILABLE).
 *  6. An operation tagged "Optional" (any case) is Level 2; every other one is Level 1, which
 *     passes only when every Level 1 endpoint passes (OpenReferralUKValidationResponseMapper).
 *
 * The ORUK 3.0 definition copied here (OpenReferralUK/uk-profile) tags no operation, so all nine
 * endpoints are Level 1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { repoRoot } from './build';

export const orukDir = join(repoRoot, 'tests', 'fixtures', 'oruk-3.0');
const SPEC_BASE = 'https://openreferraluk.org/specifications/';
const SCHEMA_BASE = 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/';
const SCHEMA_FILES: Record<string, string> = {
  'compiled/service.json': 'service.json',
  'compiled/service_list.json': 'service_list.json',
  'compiled/service_at_location_list.json': 'service_at_location_list.json',
  'taxonomy.json': 'taxonomy.json',
  'taxonomy_term.json': 'taxonomy_term.json',
};

type Json = Record<string, unknown>;
/**
 * The property names the validator looks in for a list's items, in its order ("content" is a
 * JSON field name here, not the content folder).
 */
const COLLECTIONS = ['data', 'items', 'results', `content`, 'contents'];
const read = (f: string) => JSON.parse(readFileSync(join(orukDir, f), 'utf8')) as Json;

export interface RequestResult {
  url: string;
  status: number;
  contentType: string;
  cors: string;
  errors: string[];
}
export interface EndpointResult {
  path: string;
  level: 1 | 2;
  status: 'passed' | 'failed' | 'not tested';
  requests: RequestResult[];
}
export interface OrukReport {
  profile: string;
  profileReason: string;
  endpoints: EndpointResult[];
  level1: boolean;
}

/**
 * The ORUK 3.0 OpenAPI definition, each path's 200 response schema with every `$ref` resolved
 * (inlined, as SchemaResolverService does before the endpoints are tested), and its validator.
 */
export function orukSpec(): { openapi: Json; schemas: Map<string, Json>; validators: Map<string, ValidateFunction> } {
  const openapi = read('openapi.json');
  // taxonomy.json has `"allOf": []`, which the JSON Schema meta-schema rejects (allOf needs an
  // item) and which constrains nothing: the validator's Json.NET reads it, so read it too.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  const inline = (s: unknown, base: string): unknown => {
    if (Array.isArray(s)) return s.map((x) => inline(x, base));
    if (!s || typeof s !== 'object') return s;
    const ref = (s as Json).$ref;
    if (typeof ref === 'string') {
      if (ref.startsWith('#/'))
        return inline(
          ref
            .slice(2)
            .split('/')
            .reduce((o: Json, k) => o[k] as Json, openapi),
          base,
        );
      const url = new URL(ref, base).href;
      const file = SCHEMA_FILES[url.slice(SCHEMA_BASE.length)];
      if (!url.startsWith(SCHEMA_BASE) || !file) throw new Error(`No copy of ${url} in ${orukDir}`);
      return inline(read(file), url);
    }
    return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, inline(v, base)]));
  };
  const schemas = new Map<string, Json>();
  const validators = new Map<string, ValidateFunction>();
  for (const [path, item] of Object.entries(openapi.paths as Record<string, Json>)) {
    const get = item.get as Json;
    const response = (get.responses as Json)['200'] as { content: Record<string, { schema: Json }> };
    const schema = inline(response.content['application/json'].schema, `${SPEC_BASE}3.0/openapi.json`) as Json;
    schemas.set(path, schema);
    validators.set(path, ajv.compile(schema));
  }
  return { openapi, schemas, validators };
}

/** EndpointInfo.GetRootPath: the segments before the first `{…}`. */
export function rootPath(path: string): string {
  const out: string[] = [];
  for (const s of path.split('/').filter(Boolean)) {
    if (s.startsWith('{') && s.endsWith('}')) break;
    out.push(s);
  }
  return out.length ? `/${out.join('/')}` : '/';
}

/** OpenApiValidationService.IsIdField. */
function isIdField(name: string, schema: Json | undefined): boolean {
  const n = name.toLowerCase();
  if (['id', '_id', 'uid', 'uuid', 'identifier', 'key'].includes(n) || n.endsWith('id')) return true;
  const d = String(schema?.description ?? '').toLowerCase();
  if (d.includes('identifier') || d.includes('unique id') || d.includes(' id ')) return true;
  return ['uuid', 'guid'].includes(String(schema?.format ?? '').toLowerCase());
}

/**
 * The id fields and the array properties a resolved schema names, in its order, recursively
 * (ExtractIdFieldsFromSchemaRecursive, ExtractCollectionPropertiesFromSchemaRecursive).
 */
function schemaFields(schema: unknown, ids: string[], arrays: string[]): void {
  if (!schema || typeof schema !== 'object') return;
  const s = schema as Json;
  for (const [name, p] of Object.entries((s.properties as Record<string, Json>) ?? {})) {
    if (isIdField(name, p)) ids.push(name);
    if (p.type === 'array') arrays.push(name);
    schemaFields(p, ids, arrays);
  }
  if (s.items) schemaFields(s.items, ids, []);
  for (const k of ['allOf', 'anyOf', 'oneOf'])
    for (const sub of (s[k] as unknown[]) ?? []) schemaFields(sub, ids, arrays);
}

/** A seeded shuffle (mulberry32), so "10 random ids" are the same 10 on every run. */
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return items
    .map((v) => ({ v, k: rand() }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.v);
}

/** OpenApiDiscoveryService.ExtractVersionNumber. */
function versionNumber(v: string): number | undefined {
  const n = Number.parseFloat(
    v
      .replace(/HSDS-UK-/i, '')
      .replace(/v/gi, '')
      .trim(),
  );
  return Number.isNaN(n) ? undefined : n;
}

async function request(url: string): Promise<{ result: RequestResult; body?: unknown }> {
  const res = await fetch(url, { redirect: 'follow' });
  const text = await res.text();
  const result: RequestResult = {
    url,
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    cors: res.headers.get('access-control-allow-origin') ?? '',
    errors: [],
  };
  if (!res.ok) {
    result.errors.push(`REQUIRED_ENDPOINT_FAILED: returned ${res.status}, expected 2xx`);
    return { result };
  }
  try {
    return { result, body: JSON.parse(text) };
  } catch {
    result.errors.push('INVALID_JSON');
    return { result };
  }
}

function validate(result: RequestResult, body: unknown, v: ValidateFunction): void {
  if (!v(body)) for (const e of v.errors ?? []) result.errors.push(`${e.instancePath || '/'} ${e.message}`);
}

/** Replays the validator against the feed at `base` (no trailing slash needed). */
export async function replayOrukValidator(base: string, { seed = 20 } = {}): Promise<OrukReport> {
  const root = base.replace(/\/+$/, '');
  const discovery = await request(base);
  const version = (discovery.body as Json | undefined)?.version;
  const n = typeof version === 'string' ? versionNumber(version) : undefined;
  const profile = n === undefined ? `${SPEC_BASE}1.0/openapi.json` : `${SPEC_BASE}${n.toFixed(1)}/openapi.json`;
  const profileReason = !discovery.result.errors.length
    ? n !== undefined
      ? `Standard version ${version} read from '/' endpoint`
      : 'Defaulted to HSDS-UK 1.0 (no version or openapi_url found)'
    : 'Defaulted to HSDS-UK 1.0 (base URL request failed)';
  if (profile !== `${SPEC_BASE}3.0/openapi.json`) return { profile, profileReason, endpoints: [], level1: false };

  const { openapi, schemas, validators } = orukSpec();
  const paths = openapi.paths as Record<string, Json>;
  const groups = new Map<string, string[]>();
  for (const p of Object.keys(paths)) groups.set(rootPath(p), [...(groups.get(rootPath(p)) ?? []), p]);
  const endpoints: EndpointResult[] = [];
  const ids = new Map<string, string[]>();
  for (const [group, members] of groups) {
    const ordered = [...members.filter((p) => !p.includes('{')), ...members.filter((p) => p.includes('{'))];
    for (const path of ordered) {
      const get = paths[path].get as Json;
      const level = ((get.tags as string[]) ?? []).some((t) => t.toLowerCase() === 'optional') ? 2 : 1;
      const v = validators.get(path)!;
      const requests: RequestResult[] = [];
      if (!path.includes('{')) {
        const paged = ((get.parameters as Json[]) ?? []).some((p) => {
          const ref = String(p.$ref ?? '')
            .split('/')
            .pop();
          const param = ref ? ((openapi.components as Json).parameters as Record<string, Json>)[ref] : p;
          return param.name === 'page' && param.in === 'query';
        });
        const first = await request(`${root}${path}${paged ? '?page=1' : ''}`);
        requests.push(first.result);
        if (first.body !== undefined) {
          validate(first.result, first.body, v);
          const doc = first.body as Json;
          if (paged) {
            const items = COLLECTIONS.map((k) => doc[k]).find(Array.isArray);
            const count = items ? (items as unknown[]).length : Number(doc.size ?? doc.count ?? 0);
            if (!count) first.result.errors.push('EMPTY_FEED_WARNING: returned 0 items');
            const total = Number(doc.total_pages);
            const more = total > 2 ? [Math.floor(total / 2), total] : total > 1 ? [total] : [];
            for (const page of more) {
              const r = await request(`${root}${path}?page=${page}`);
              if (r.body !== undefined) validate(r.result, r.body, v);
              requests.push(r.result);
            }
          }
          // Ids for the group's {id} endpoints.
          const idFields: string[] = [];
          const arrays: string[] = [];
          schemaFields(schemas.get(path), idFields, arrays);
          const list = [...arrays, ...COLLECTIONS].map((k) => doc[k]).find(Array.isArray);
          const fields = [...idFields, 'id', '_id', 'uid', 'uuid', 'identifier', 'key'];
          const found = ((list as Json[] | undefined) ?? [doc])
            .map((item) => fields.map((f) => item?.[f]).find((x) => x !== undefined && x !== null && String(x).trim()))
            .filter((x) => x !== undefined)
            .map(String);
          if (found.length) ids.set(group, [...new Set(found)]);
        }
      } else {
        const available = ids.get(group) ?? [];
        const chosen = available.length <= 10 ? available : shuffled(available, seed).slice(0, 10);
        for (const id of chosen) {
          const r = await request(`${root}${path.replace(/\{[^}]+\}/g, id)}`);
          if (r.body !== undefined) validate(r.result, r.body, v);
          requests.push(r.result);
        }
        if (!chosen.length) {
          endpoints.push({ path, level, status: 'not tested', requests });
          continue;
        }
      }
      endpoints.push({ path, level, status: requests.every((r) => !r.errors.length) ? 'passed' : 'failed', requests });
    }
  }
  const level1 = endpoints.filter((e) => e.level === 1).every((e) => e.status === 'passed');
  return { profile, profileReason, endpoints, level1 };
}

/** The report as text, endpoint by endpoint (for the test's output and the closing note). */
export function formatReport(name: string, r: OrukReport): string {
  const lines = [`${name}: ${r.profileReason}; profile ${r.profile}; Level 1 ${r.level1 ? 'PASS' : 'FAIL'}`];
  for (const e of r.endpoints) {
    const bad = e.requests.filter((q) => q.errors.length);
    lines.push(
      `  L${e.level} ${e.status.toUpperCase().padEnd(10)} GET ${e.path.padEnd(28)} ${e.requests.length} request(s)` +
        (bad.length ? `: ${bad[0].url} ${bad[0].errors.slice(0, 3).join('; ')}` : ''),
    );
  }
  return lines.join('\n');
}
