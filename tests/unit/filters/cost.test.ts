import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { costBandIds, costBandLabels, entryCostBands, lowestPrice } from '../../../src/lib/filters/cost';
import { costSchema, type Cost } from '../../../src/schema/entry';
import { costLabel } from '../../../src/lib/view/format';

const edges = [3, 5];

describe('cost bands', () => {
  it('offers Free and one "up to" band per edge, narrowest first, with their labels', () => {
    expect(costBandIds([5, 3])).toEqual(['free', 'up-to-3', 'up-to-5']);
    expect(costBandLabels([3, 2.5])).toEqual({ free: 'Free', 'up-to-3': 'Up to £3', 'up-to-2.5': 'Up to £2.50' });
  });

  it('puts an entry in every band its lowest price fits; free in all; unknown in none', () => {
    expect(entryCostBands({ free: true }, edges)).toEqual(['free', 'up-to-3', 'up-to-5']);
    expect(entryCostBands({ amounts: [{ amount: 3 }] }, edges)).toEqual(['up-to-3', 'up-to-5']);
    expect(entryCostBands({ amounts: [{ amount: 4 }] }, edges)).toEqual(['up-to-5']);
    expect(entryCostBands({ amounts: [{ amount: 12 }] }, edges)).toEqual([]);
    // A concession counts: the lowest amount decides.
    expect(entryCostBands({ amounts: [{ amount: 6 }, { amount: 2, description: 'concessions' }] }, edges)).toEqual([
      'up-to-3',
      'up-to-5',
    ]);
    expect(entryCostBands(undefined, edges)).toEqual([]);
  });

  it('counts pay what you can (with or without a suggested amount) as low cost, not free', () => {
    expect(entryCostBands({ pay_what_you_can: true }, edges)).toEqual(['up-to-3', 'up-to-5']);
    expect(entryCostBands({ pay_what_you_can: true, amounts: [{ amount: 10 }] }, edges)).toEqual([
      'up-to-3',
      'up-to-5',
    ]);
    expect(lowestPrice({ pay_what_you_can: true })).toBe('pwyc');
    expect(costLabel({ pay_what_you_can: true })).toBe('Pay what you can');
    expect(costLabel({ pay_what_you_can: true, amounts: [{ amount: 2 }] })).toBe('Pay what you can (suggested £2)');
  });

  it('bands nest: every entry in a band is in every wider one (property)', () => {
    const costArb: fc.Arbitrary<Cost> = fc.oneof(
      fc.constant({ free: true }),
      fc.constant({ pay_what_you_can: true }),
      fc
        .array(
          fc.integer({ min: 0, max: 2000 }).map((p) => ({ amount: p / 100 })),
          { minLength: 1, maxLength: 3 },
        )
        .map((amounts) => ({ amounts })),
    );
    fc.assert(
      fc.property(
        costArb,
        fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 4 }),
        (cost, e) => {
          const ids = costBandIds(e);
          const bands = entryCostBands(cost, e);
          const from = ids.findIndex((id) => bands.includes(id));
          if (from >= 0) expect(bands).toEqual(ids.slice(from).filter((id) => id !== 'free' || from === 0));
        },
      ),
    );
  });

  it('the schema refuses free with pay what you can, and a cost with nothing said', () => {
    expect(costSchema.safeParse({ free: true, pay_what_you_can: true }).success).toBe(false);
    expect(costSchema.safeParse({ note: 'Ask' }).success).toBe(false);
    expect(costSchema.safeParse({ pay_what_you_can: true, note: 'Donations to the hall' }).success).toBe(true);
  });
});
