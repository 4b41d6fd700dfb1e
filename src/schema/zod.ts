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

/**
 * The schema with zod's compiled fast path (`z.compile`: generated code checks and builds valid
 * input; anything it cannot accept goes to the ordinary parser, so problems and their messages are
 * the parser's own). Where code may be generated, that is Node: in a browser, the schema as it is.
 * Valid entries, nearly all of them, then cost a fraction of the parser's time (figures in
 * docs/performance.md). The content collection uses it too, through its asynchronous parse.
 */
export function compiled<T extends z.ZodType>(schema: T): T {
  if (typeof document !== 'undefined') return schema;
  const fast = z.compile(schema);
  // zod's asynchronous parse (which Astro's content collections use) always takes the ordinary
  // parser. The entry schema has no asynchronous check, so the synchronous compiled parse gives the
  // same answer: try it first, and leave anything it does not accept (and its messages) to the
  // asynchronous parse, as before.
  const slow = fast.safeParseAsync.bind(fast);
  fast.safeParseAsync = async (data, params) => {
    try {
      const quick = fast.safeParse(data);
      if (quick.success) return quick;
    } catch {
      // An asynchronous check after all: the asynchronous parse handles it.
    }
    return slow(data, params);
  };
  return fast;
}
