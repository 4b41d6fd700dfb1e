/**
 * The round trip: the sample book exported as its Open Referral feed and imported into an empty
 * book gives entries whose own feed says the same, field by field.
 */
import { describe, expect, it } from 'vitest';
import { makeEntrySchema } from '../../../src/schema';
import { hsdsService } from '../../../src/lib/exports/hsds';
import { readFrontMatter } from '../../../src/lib/content/front-matter';
import { serviceToCandidate } from '../../../src/lib/import/hsds';
import { planImport } from '../../../src/lib/import/plan';
import { entryIdFromName } from '../../../src/lib/authoring/entry-id';
import { loadTestBook } from '../../helpers/opendata-book';
import { differences, importBook, sampleBookDir } from '../../helpers/import-book';

describe('round trip through the Open Referral feed', () => {
  const { ctx, entries } = loadTestBook(sampleBookDir, true);
  const book = importBook();
  const docs = entries.map((e) => hsdsService(e, ctx));
  const result = planImport(
    docs.map((d) => serviceToCandidate(d, { system: 'https://community-book.example.org/openreferral' }, book)),
    book,
    [],
  );
  const schema = makeEntrySchema(book.ctx);

  it('imports every service of the feed', () => {
    expect(result.notImported).toEqual([]);
    expect(result.entries.length).toBe(entries.length);
  });

  it('gives back the same feed, field by field', () => {
    const diffs: string[] = [];
    result.entries.forEach((imported, i) => {
      const data = schema.parse(readFrontMatter(imported.text).data);
      // Exported under the original id, so that the ids of every nested record are comparable too.
      const again = hsdsService({ id: entries[i].id, data }, ctx);
      diffs.push(...differences(docs[i], again).map((d) => `${entries[i].id}: ${d}`));
    });
    expect(diffs).toEqual([]);
  });

  it('gives back the same ids wherever the id was made from the name by the slug rule, or the feed links the entry page', () => {
    const changed = result.entries.flatMap((e, i) => (e.id !== entries[i].id ? [[entries[i].id, e.id]] : []));
    const expected = entries.filter((e) => e.data.website && entryIdFromName(e.data.name) !== e.id).map((e) => e.id);
    expect(changed.map(([was]) => was).sort()).toEqual(expected.sort());
    expect(result.entries.length - changed.length).toBeGreaterThan(150);
  });

  it('accounts for every field of the feed', () => {
    const unplaced = result.entries.flatMap((e) => e.unplaced.map((u) => `${e.id}: ${u.path} = ${u.value}`));
    expect(unplaced).toEqual([]);
  });
});
