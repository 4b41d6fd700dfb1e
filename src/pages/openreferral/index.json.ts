import type { APIRoute } from 'astro';
import { hsdsIndex } from '../../lib/exports/hsds';

/** `/openreferral/index.json`: the HSDS `GET /` answer — which version and profile this feed follows. */
export const GET: APIRoute = () => new Response(`${JSON.stringify(hsdsIndex(), null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
