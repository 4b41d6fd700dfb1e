/**
 * Insight for commissioners: for each neighbourhood, how many entries meet each need (top-level
 * category), which needs have none there (gaps), and how recently the entries were checked. Pure:
 * the /insight/ page only lays out what this returns.
 *
 * What is counted:
 *  - entries that are not closed (the same set as the Open Referral feed);
 *  - in a neighbourhood, the entries that name it. Borough-wide entries (helplines, online
 *    services) are counted once, on their own, so they do not hide local gaps;
 *  - an entry counts once per top-level category, whether it names the category or any of its
 *    sub-categories (or several of them);
 *  - checked: under 6 months ago, 6 to 12 months, 12 months or more (the age at which the site
 *    marks an entry as possibly out of date), counted in whole months to the build's day.
 */
import { BOROUGH_WIDE } from '../../schema/vocab';
import type { Category } from '../../schema';
import { monthsBetween } from '../calendar/dates';
import { isListed, type ExportEntry } from './context';
import { wholeAreaName } from '../book/area';
import { t } from '../text/messages';

export interface CategoryCount {
  id: string;
  name: string;
  count: number;
  /** True when no entry meets this need here. */
  gap: boolean;
}

export interface Verification {
  /** Checked under 6 months ago. */
  recent: number;
  /** Checked 6 to 12 months ago. */
  middle: number;
  /** Checked 12 or more months ago. */
  old: number;
}

export interface AreaInsight {
  id: string;
  name: string;
  /** Entries counted here. */
  total: number;
  categories: CategoryCount[];
  /** Sub-categories with no entry here, under their top-level category. */
  subcategoryGaps: { id: string; name: string; parent: string }[];
  verification: Verification;
}

export interface Insight {
  neighbourhoods: AreaInsight[];
  boroughWide: AreaInsight;
}

export type Tree = { category: Category; children: Category[] }[];

/** Which bucket an entry checked on `lastVerified` falls in on `today`. */
export function verificationBucket(lastVerified: string, today: string): keyof Verification {
  const months = monthsBetween(lastVerified, today);
  if (months < 6) return 'recent';
  if (months < 12) return 'middle';
  return 'old';
}

function area(id: string, name: string, entries: ExportEntry[], tree: Tree, today: string): AreaInsight {
  const categories = tree.map(({ category, children }) => {
    const ids = new Set([category.id, ...children.map((c) => c.id)]);
    const count = entries.filter((e) => e.data.categories.some((c) => ids.has(c))).length;
    return { id: category.id, name: category.name, count, gap: count === 0 };
  });
  const subcategoryGaps = tree.flatMap(({ category, children }) =>
    children
      .filter((c) => !entries.some((e) => e.data.categories.includes(c.id)))
      .map((c) => ({ id: c.id, name: c.name, parent: category.name })),
  );
  const verification: Verification = { recent: 0, middle: 0, old: 0 };
  for (const e of entries) verification[verificationBucket(e.data.last_verified, today)] += 1;
  return { id, name, total: entries.length, categories, subcategoryGaps, verification };
}

/** The insight for every neighbourhood (in the order given) and for borough-wide entries. */
export function computeInsight(
  entries: ExportEntry[],
  neighbourhoods: { id: string; name: string }[],
  tree: Tree,
  today: string,
  place = t('facts.insight.theArea'),
): Insight {
  const listed = entries.filter(isListed);
  return {
    neighbourhoods: neighbourhoods.map((n) =>
      area(
        n.id,
        n.name,
        listed.filter((e) => e.data.neighbourhoods.includes(n.id)),
        tree,
        today,
      ),
    ),
    boroughWide: area(
      BOROUGH_WIDE,
      wholeAreaName(place),
      listed.filter((e) => e.data.neighbourhoods.includes(BOROUGH_WIDE)),
      tree,
      today,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Bar chart layout (drawn as SVG by InsightChart.astro)
// ---------------------------------------------------------------------------------------------

export interface Bar {
  label: string;
  value: number;
  gap: boolean;
  /** Baseline of the label text. */
  labelY: number;
  /** Top of the bar. */
  barY: number;
  barWidth: number;
  /** Where the number (or "none: gap") is written: just after the bar. */
  valueX: number;
  valueText: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  barHeight: number;
  bars: Bar[];
}

/**
 * A horizontal bar chart laid out for a narrow screen: each row is a label on its own line with
 * the bar below it and the number written after the bar, so it reads without colour; an empty
 * row says "none (gap)" in words. Bars are scaled to the largest value (at least 1).
 */
export function barChartLayout(rows: { label: string; value: number }[], width = 320): ChartLayout {
  const rowHeight = 54;
  const barHeight = 18;
  const numberSpace = 100;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const bars = rows.map((r, i) => {
    const top = i * rowHeight;
    const barWidth = r.value === 0 ? 0 : Math.max(3, Math.round(((width - numberSpace) * r.value) / max));
    return {
      label: r.label,
      value: r.value,
      gap: r.value === 0,
      labelY: top + 19,
      barY: top + 27,
      barWidth,
      valueX: barWidth + (r.value === 0 ? 0 : 6),
      valueText: r.value === 0 ? t('facts.insight.gap') : String(r.value),
    };
  });
  return { width, height: rows.length * rowHeight, barHeight, bars };
}
