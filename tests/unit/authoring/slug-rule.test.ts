/**
 * One slug rule (src/lib/authoring/entry-id.ts) for every place that makes an id from a name:
 * the contribute form, `npm run new-entry`, the validator's rename hint and the generator. They
 * used to disagree ("St Mary's Café" was `st-mary-s-cafe` in the validator's hint).
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { entryIdFromName } from '../../../src/lib/authoring/entry-id';
import { draftId, emptyDraft } from '../../../src/lib/authoring/entry-draft';
import { validateEntryText } from '../../../src/lib/validate';
import { checkDraft } from '../../../scripts/content/new-entry';
import { loadContext } from '../../../src/server/content-files';
import { generateBook, neighbourhoodGeo } from '../../../scripts/content/generate';

const NAME = "St Mary's Café & Lunch Club";
const ID = 'st-marys-cafe-and-lunch-club';

describe('the one slug rule', () => {
  it('makes the id people expect: apostrophes vanish, accents drop, & is "and"', () => {
    expect(entryIdFromName(NAME)).toBe(ID);
  });

  it('is what the contribute form names the file', () => {
    expect(draftId({ ...emptyDraft('2026-03-14'), name: NAME })).toBe(ID);
  });

  it('is what the validator suggests when a file name is not an id', () => {
    const ctx = {
      bounds: [
        [53, -3],
        [54, -2],
      ] as [[number, number], [number, number]],
      categoryIds: new Set(['walking']),
      neighbourhoodIds: new Set(['leigh']),
    };
    const [hint] = validateEntryText('---\nname: x\n---\n', `content/entries/${NAME}.md`, ctx).filter(
      (p) => p.field === 'id',
    );
    expect(hint.message).toContain(`rename it to \`${ID}.md\``);
  });

  it('is what npm run new-entry names the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slug-'));
    cpSync(resolve('tests/fixtures/book'), dir, { recursive: true });
    mkdirSync(join(dir, 'entries'));
    expect(checkDraft({ ...emptyDraft('2026-03-14'), name: NAME }, dir).id).toBe(ID);
  });

  it('is how the generator names every entry (a number added when the id is taken)', () => {
    const dir = resolve('tests/fixtures/sample-book');
    const files = generateBook({
      count: 300,
      seed: 3,
      ctx: loadContext(dir),
      neighbourhoods: neighbourhoodGeo(dir),
      reference: '2026-11-01',
    });
    for (const f of files) {
      const name = /^name: "?(.*?)"?$/m.exec(f.text)?.[1] ?? '';
      expect(f.id).toMatch(new RegExp(`^${entryIdFromName(JSON.parse(`"${name}"`))}(-\\d+)?$`));
    }
  });
});
