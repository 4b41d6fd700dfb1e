/**
 * Insight figures equal counts worked out independently from the content: here by walking each
 * entry's categories up to their top-level parent with the category list itself (not the tree
 * the page uses).
 */
import { describe, expect, it } from 'vitest';
import { barChartLayout, computeInsight, verificationBucket } from '../../../src/lib/exports/insight';
import { loadTestBook } from '../../helpers/opendata-book';

const book = loadTestBook();
const TODAY = '2026-10-01';
const insight = computeInsight(book.entries, book.ctx.neighbourhoods, book.tree, TODAY, book.ctx.site.place);
const parentOf = new Map(book.ctx.categories.map((c) => [c.id, c.parent ?? c.id]));
const topLevel = book.ctx.categories.filter((c) => !c.parent);

/** Independent count: entries not closed, naming the area, with a category under `top`. */
function count(area: string, top: string): number {
  let n = 0;
  for (const e of book.entries) {
    if (e.data.status === 'closed' || !e.data.neighbourhoods.includes(area)) continue;
    if (e.data.categories.map((c) => parentOf.get(c)).includes(top)) n += 1;
  }
  return n;
}

describe('insight', () => {
  it('counts every neighbourhood and need as the content says', () => {
    expect(insight.neighbourhoods.map((a) => a.id)).toEqual(book.ctx.neighbourhoods.map((n) => n.id));
    for (const area of [...insight.neighbourhoods, insight.boroughWide]) {
      expect(area.categories.map((c) => c.id)).toEqual(topLevel.map((c) => c.id));
      for (const c of area.categories) {
        expect({ area: area.id, need: c.id, count: c.count }).toEqual({
          area: area.id,
          need: c.id,
          count: count(area.id, c.id),
        });
        expect(c.gap).toBe(c.count === 0);
      }
      const total = book.entries.filter(
        (e) => e.data.status !== 'closed' && e.data.neighbourhoods.includes(area.id),
      ).length;
      expect(area.total).toBe(total);
    }
  });

  it('counts an entry once per need, and leaves closed entries out', () => {
    const fortnightly = book.entries.find((e) => e.id === 'zz-test-fortnightly')!;
    const hood = insight.neighbourhoods.find((a) => a.id === fortnightly.data.neighbourhoods[0])!;
    const without = computeInsight(
      book.entries.filter((e) => e.id !== 'zz-test-fortnightly'),
      book.ctx.neighbourhoods,
      book.tree,
      TODAY,
      book.ctx.site.place,
    );
    const before = without.neighbourhoods.find((a) => a.id === hood.id)!;
    const tops = new Set(fortnightly.data.categories.map((c) => parentOf.get(c)));
    for (const c of hood.categories) {
      const old = before.categories.find((x) => x.id === c.id)!.count;
      expect(c.count - old).toBe(tops.has(c.id) ? 1 : 0);
    }
    const closed = computeInsight(
      book.entries.filter((e) => e.id !== 'zz-test-closed'),
      book.ctx.neighbourhoods,
      book.tree,
      TODAY,
      book.ctx.site.place,
    );
    expect(closed).toEqual(insight);
  });

  it('lists sub-categories with no entry as gaps', () => {
    for (const area of insight.neighbourhoods) {
      for (const gap of area.subcategoryGaps) {
        expect(
          book.entries.some(
            (e) =>
              e.data.status !== 'closed' &&
              e.data.neighbourhoods.includes(area.id) &&
              e.data.categories.includes(gap.id),
          ),
        ).toBe(false);
      }
    }
  });

  it('buckets how recently entries were checked', () => {
    expect(verificationBucket('2026-04-02', TODAY)).toBe('recent');
    expect(verificationBucket('2026-04-01', TODAY)).toBe('middle');
    expect(verificationBucket('2025-10-02', TODAY)).toBe('middle');
    expect(verificationBucket('2025-10-01', TODAY)).toBe('old');
    for (const area of [...insight.neighbourhoods, insight.boroughWide]) {
      const v = area.verification;
      expect(v.recent + v.middle + v.old).toBe(area.total);
    }
    const helpline = insight.boroughWide;
    expect(helpline.verification.recent).toBeGreaterThanOrEqual(1); // zz-test-helpline, checked 2026-08-31
  });
});

describe('bar chart layout', () => {
  const chart = barChartLayout([
    { label: 'A', value: 4 },
    { label: 'B', value: 0 },
    { label: 'C', value: 2 },
  ]);
  it('writes each number, and says "none (gap)" for an empty row', () => {
    expect(chart.bars.map((b) => b.valueText)).toEqual(['4', 'none (gap)', '2']);
    expect(chart.bars.map((b) => b.gap)).toEqual([false, true, false]);
  });
  it('scales bars to the largest value, inside the chart', () => {
    expect(chart.bars[0].barWidth).toBe(chart.bars[2].barWidth * 2);
    expect(chart.bars[1].barWidth).toBe(0);
    for (const b of chart.bars) expect(b.valueX + 40).toBeLessThanOrEqual(chart.width);
    expect(chart.height).toBeGreaterThan(chart.bars[2].barY);
  });
});
