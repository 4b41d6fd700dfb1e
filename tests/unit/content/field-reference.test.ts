/**
 * CONTRIBUTING.md's field reference is generated from the schema's doc comments. This test is the
 * CI check that it cannot drift: it fails when the committed guide is not what the generator
 * writes, and tells the contributor the one command that fixes it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  END,
  START,
  checkContributing,
  contributingText,
  fieldReference,
  readSchemaSections,
  replaceBlock,
} from '../../../scripts/content/field-reference';
import { makeEntrySchema } from '../../../src/schema';
import { loadSite } from '../../../src/server/content-files';
import { validateEntryText } from '../../../src/lib/validate';
import { loadContext } from '../../../src/server/content-files';

const source = readFileSync('src/schema/entry.ts', 'utf8');

describe('CONTRIBUTING.md field reference', () => {
  it('is up to date with src/schema/entry.ts (if not: run npm run docs:fields)', () => {
    const result = checkContributing();
    expect(result.ok, result.message).toBe(true);
  });

  it('covers every field of the entry schema, in order', () => {
    const entry = readSchemaSections(source).find((s) => s.owner === 'makeEntrySchema')!;
    const schema = makeEntrySchema({
      bounds: [
        [0, 0],
        [1, 1],
      ],
      categoryIds: new Set(),
      neighbourhoodIds: new Set(),
    });
    const shape = Object.keys((schema as unknown as { shape: object }).shape);
    expect(shape.length).toBeGreaterThan(10);
    expect(entry.fields.map((f) => f.name)).toEqual(shape);
    for (const f of entry.fields) expect(f.doc, `doc comment for ${f.name}`).not.toBe('');
  });

  it('marks required and optional fields and shows defaults', () => {
    const md = fieldReference(source);
    expect(md).toContain('| `name` | **Required** |');
    expect(md).toContain('| `organisation` | Optional |');
    expect(md).toContain('| `status` | Optional (if left out: `active`) |');
    expect(md).toContain('| `languages` | Optional (if left out: `[en]`) |');
    expect(md).toContain('### Each schedule (`schedules:`)');
    expect(md).toContain('| `drop-in` | Just turn up (drop-in) |');
  });

  it('follows a change to a doc comment, and then the check fails with the fix', () => {
    const changed = source.replace(
      "/** The group's name as people know it",
      "/** The group's full name as people know it",
    );
    expect(changed).not.toBe(source);
    const doc = readFileSync('CONTRIBUTING.md', 'utf8');
    const regenerated = replaceBlock(doc, fieldReference(changed));
    expect(regenerated).not.toBe(doc);
    expect(regenerated).toContain("The group's full name as people know it");
  });

  it('keeps everything outside the markers, and refuses a guide without them', () => {
    const doc = `# Guide\n\nIntro.\n\n${START}\nold\n${END}\n\nAfter.\n`;
    const out = replaceBlock(doc, 'NEW');
    expect(out).toBe(`# Guide\n\nIntro.\n\n${START}\nNEW\n${END}\n\nAfter.\n`);
    expect(() => replaceBlock('# No markers', 'x')).toThrow(/no field reference markers/);
  });

  it('escapes pipes so a comment cannot break the table', () => {
    const md = fieldReference('const s = z.strictObject({\n  /** Either a | b. */\n  pick: z.string(),\n});');
    expect(md).toContain('| `pick` | **Required** | Either a \\| b. |');
  });

  it("for another place, its examples are that place's own, and none of the sample's", () => {
    const fork = 'tests/fixtures/fork-book';
    const doc = contributingText(readFileSync('CONTRIBUTING.md', 'utf8'), source, fork);
    expect(doc).not.toMatch(/Wigan|Hindley|Leigh|01942|\bWN\d|53\.5/);
    const { examples, map } = loadSite(fork);
    for (const word of [examples.group, examples.venue, examples.phone, examples.postcode, examples.verified_by])
      expect(doc).toContain(word);
    expect(doc).toContain(`lat: ${map.centre[0].toFixed(4)}`);
    // The example entry passes the validator for that book; the message shown is the validator's.
    const entry = /```markdown\n([\s\S]*?)```/.exec(doc)![1];
    expect(validateEntryText(entry, 'content/entries/x.md', loadContext(fork)).filter((p) => p.severity === 'error')).toEqual([]);
    expect(doc).toContain(`This is not a UK postcode. Fix: write it like ${examples.postcode}.`);
  });
});
