/**
 * The validator checks entries with zod's compiled fast path (src/schema/zod.ts `compiled`). It
 * must answer exactly as the ordinary parser does: the same data for every valid entry, the same
 * problems for every invalid one. Checked on every entry file the project has, thousands of
 * generated entries, and random damage done to them.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { generateEntries, neighbourhoodGeo } from '../../../scripts/content/generate';
import { loadContext } from '../../../src/server/content-files';
import { makeEntrySchema } from '../../../src/schema';
import { compiled } from '../../../src/schema/zod';
import { REJECTED } from '../../fixtures/hostile-rejected';

type Schema = ReturnType<typeof makeEntrySchema>;
const GENERIC = { error: () => 'generic' };

function outcome(schema: Schema, input: unknown, opts?: typeof GENERIC) {
  const r = schema.safeParse(input, opts as never);
  return r.success ? { success: true, data: r.data } : { success: false, issues: r.error.issues };
}

async function outcomeAsync(schema: Schema, input: unknown, opts?: typeof GENERIC) {
  const r = await schema.safeParseAsync(input, opts as never);
  return r.success ? { success: true, data: r.data } : { success: false, issues: r.error.issues };
}

/** The asynchronous parse, which Astro's content collection calls (with an error map, as Astro does). */
async function sameAsync(runtime: Schema, fast: Schema, input: unknown, label: string) {
  expect(await outcomeAsync(fast, input), label).toEqual(await outcomeAsync(runtime, input));
  expect(await outcomeAsync(fast, input, GENERIC), label).toEqual(await outcomeAsync(runtime, input, GENERIC));
}

function same(runtime: Schema, fast: Schema, input: unknown, label: string) {
  expect(outcome(fast, input), label).toEqual(outcome(runtime, input));
  expect(outcome(fast, input, GENERIC), label).toEqual(outcome(runtime, input, GENERIC));
}

/** The front matter of each `.md` file in `dir`, parsed as Astro parses it (js-yaml). */
function frontMatters(dir: string): [string, unknown][] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .flatMap((f): [string, unknown][] => {
      const text = readFileSync(join(dir, f), 'utf8')
        .replace(/^\ufeff/, '')
        .replace(/\r\n/g, '\n');
      const m = /^---\n([\s\S]*?)\n---/.exec(text);
      if (!m) return [];
      try {
        return [[f, yaml.load(m[1])]];
      } catch {
        return []; // not YAML: the validator stops before the schema
      }
    });
}

const ctx = loadContext('tests/fixtures/sample-book');
const runtime = makeEntrySchema(ctx);
const fast = compiled(runtime);

describe('the compiled entry schema', () => {
  it('is compiled (a new schema with its own parser), so these tests test something', () => {
    expect(fast).not.toBe(runtime);
    expect(fast._zod.run).not.toBe(runtime._zod.run);
    expect(fast.safeParseAsync).not.toBe(runtime.safeParseAsync);
  });

  it('gives the same result as the parser for every entry file in the project', () => {
    const books: [string, string][] = [
      ['tests/fixtures/sample-book', 'tests/fixtures/sample-book/entries'],
      ['tests/fixtures/book', 'tests/fixtures/entries/valid'],
      ['tests/fixtures/book', 'tests/fixtures/entries/invalid'],
      ['tests/fixtures/book', 'tests/fixtures/entries/duplicates'],
      ['tests/fixtures/hostile', 'tests/fixtures/hostile/entries'],
    ];
    let checked = 0;
    let failing = 0;
    for (const [book, dir] of books) {
      const r = makeEntrySchema(loadContext(book));
      const f = compiled(r);
      for (const [file, data] of frontMatters(dir)) {
        same(r, f, data, `${dir}/${file}`);
        checked += 1;
        if (!r.safeParse(data).success) failing += 1;
      }
    }
    expect(checked).toBeGreaterThan(170);
    expect(failing).toBeGreaterThan(10); // the invalid fixtures really are invalid
  });

  it('gives the same result for the hostile front matter the validator rejects', () => {
    for (const c of REJECTED) {
      const m = /^---\n([\s\S]*?)\n---/.exec(c.text);
      let data: unknown;
      try {
        data = m ? yaml.load(m[1]) : undefined;
      } catch {
        continue;
      }
      same(runtime, fast, data, c.name);
    }
  });

  const generated = generateEntries({
    count: 3000,
    seed: 5,
    ctx,
    neighbourhoods: neighbourhoodGeo('tests/fixtures/sample-book'),
    reference: '2026-11-01',
  }).map((e) => e.input as Record<string, unknown>);

  it('gives the same data for 3,000 generated entries', () => {
    for (const [i, input] of generated.entries()) same(runtime, fast, input, `generated ${i}`);
  });

  it('answers the asynchronous parse (the content collection’s) as the parser does: project files, generated and damaged entries', async () => {
    let checked = 0;
    for (const [book, dir] of [
      ['tests/fixtures/sample-book', 'tests/fixtures/sample-book/entries'],
      ['tests/fixtures/book', 'tests/fixtures/entries/invalid'],
      ['tests/fixtures/hostile', 'tests/fixtures/hostile/entries'],
    ] as const) {
      const r = makeEntrySchema(loadContext(book));
      const f = compiled(r);
      for (const [file, data] of frontMatters(dir)) {
        await sameAsync(r, f, data, `${dir}/${file}`);
        checked += 1;
      }
    }
    for (const [i, input] of generated.slice(0, 1000).entries()) {
      await sameAsync(runtime, fast, input, `generated ${i}`);
      const damaged = { ...input, [Object.keys(input)[i % Object.keys(input).length]]: i % 2 ? 42 : null };
      await sameAsync(runtime, fast, damaged, `damaged ${i}`);
      checked += 2;
    }
    expect(checked).toBeGreaterThan(2150);
  });

  it('gives the same result when a generated entry is damaged at random', () => {
    const junk = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.date({ noInvalidDate: true }),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }),
    );
    fc.assert(
      fc.property(
        fc.nat(generated.length - 1),
        fc.array(fc.tuple(fc.nat(40), junk), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (i, damage, deep) => {
          const input = structuredClone(generated[i]);
          const keys = Object.keys(input);
          for (const [k, value] of damage) {
            const key = keys[k % keys.length];
            const target = input[key];
            // Either the field itself, or something inside it (a venue, a schedule, a contact).
            if (deep && Array.isArray(target) && target.length && typeof target[0] === 'object' && target[0]) {
              const inner = target[0] as Record<string, unknown>;
              const innerKeys = Object.keys(inner);
              if (innerKeys.length) inner[innerKeys[k % innerKeys.length]] = value;
            } else if (value === undefined) delete input[key];
            else input[key] = value;
          }
          same(runtime, fast, input, JSON.stringify(damage));
        },
      ),
      { numRuns: 500 },
    );
  });
});
