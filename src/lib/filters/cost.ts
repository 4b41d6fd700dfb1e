/**
 * Cost bands: what the cost filter offers ("Free", "Up to £3", "Up to £5", or any cost) and which
 * bands an entry is in. The band edges are the book's (site.yaml `cost_bands`, in pounds), so a
 * place sets what "a low amount" means there. Bands nest: a free group is also "up to £3".
 *
 * An entry's price, for the bands, is the lowest amount it lists (a concession counts: it is what
 * the cheapest way in costs). "Pay what you can" and donation-only groups count as low cost: they
 * are in every "up to" band but not in "Free". An entry that does not say what it costs is in no
 * band, so it shows only under "Any cost".
 */
import type { Cost } from '../../schema/entry';
import { formatMoney } from '../view/format';
import { t } from '../text/messages';

/** The band of free entries. */
export const FREE_BAND = 'free';

/** The id of the band "up to £`edge`": `up-to-3`, `up-to-2.5`. */
export function bandId(edge: number): string {
  return `up-to-${edge}`;
}

/** Every band of a book, narrowest first: `free`, `up-to-3`, `up-to-5`. */
export function costBandIds(edges: readonly number[]): string[] {
  return [FREE_BAND, ...[...edges].sort((a, b) => a - b).map(bandId)];
}

/** "Free", "Up to £3" … for each band id. */
export function costBandLabels(edges: readonly number[]): Record<string, string> {
  return Object.fromEntries([
    [FREE_BAND, t('facts.filter.cost.free')],
    ...edges.map((edge) => [bandId(edge), t('facts.filter.cost.upTo', { amount: formatMoney(edge) })]),
  ]);
}

/** The lowest price of a cost, in pounds: 0 when free, undefined when unknown; `pwyc` for pay what you can. */
export function lowestPrice(cost: Cost | undefined): number | 'pwyc' | undefined {
  if (!cost) return undefined;
  if (cost.free) return 0;
  if (cost.pay_what_you_can) return 'pwyc';
  const amounts = (cost.amounts ?? []).map((a) => a.amount);
  return amounts.length ? Math.min(...amounts) : undefined;
}

/** The bands an entry's cost is in, narrowest first. */
export function entryCostBands(cost: Cost | undefined, edges: readonly number[]): string[] {
  const price = lowestPrice(cost);
  if (price === undefined) return [];
  const sorted = [...edges].sort((a, b) => a - b);
  if (price === 'pwyc') return sorted.map(bandId);
  return [...(price === 0 ? [FREE_BAND] : []), ...sorted.filter((edge) => price <= edge).map(bandId)];
}
