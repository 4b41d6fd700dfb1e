/**
 * zod, as every schema module imports it. In a browser, zod is told not to compile its checks
 * with `new Function`: the site's Content-Security-Policy allows no eval, and zod's probe for it
 * would be refused and reported as a violation. Node (the validate script, the build) keeps the
 * faster compiled checks. Configured here, before any schema object is made, because zod decides
 * when each object schema is created.
 */
import { z } from 'zod';

if (typeof document !== 'undefined') z.config({ jitless: true });

export { z };
