/**
 * The facet registry: every multi-valued filter of the search page and the map, declared once
 * — its URL parameter, its names, its group of boxes, its values and their labels, and whether
 * ticked values combine with OR ("any of these") or AND ("has all of these"), or only one value
 * may be chosen (cost bands, which nest). Both filter panels, the URL, the search index, the
 * counts and the map data read it, so they cannot disagree. Its names, legends, hints and labels
 * are the site's words (the messages `facts.filter.`), each looked up when it is read.
 */
import {
  ACCESSIBILITY,
  ACCESSIBILITY_LABELS,
  AUDIENCES,
  AUDIENCE_LABELS,
  BOROUGH_WIDE,
  DAYS,
  DAY_LABELS,
  DELIVERY_LABELS,
  DELIVERY_MODES,
  JOIN_LABELS,
  JOIN_ROUTES,
  LANGUAGES,
  LANGUAGE_CODES,
} from '../../schema/vocab';
import { wholeAreaName } from '../book/area';
import { costBandIds, costBandLabels } from './cost';
import { messageLabels, t } from '../text/messages';
import { TIMES, type TimeOfDay } from '../schedule/occurrences';
import type { When } from '../schedule/when';

export { TIMES, type TimeOfDay };

export const TIME_LABELS = /* @__PURE__ */ messageLabels(TIMES, (v) => `facts.filter.time.${v}` as const);

/** The choices of the "when" filter, with their labels. */
export const WHEN_OPTIONS: readonly { readonly value: When | ''; readonly label: string }[] = [
  {
    value: '',
    get label() {
      return t('facts.filter.when.any');
    },
  },
  {
    value: 'today',
    get label() {
      return t('facts.filter.when.today');
    },
  },
  {
    value: 'week',
    get label() {
      return t('facts.filter.when.week');
    },
  },
];

/** Age bands a person falls in; an entry matches a band when its age range overlaps it. */
export const AGE_BANDS = {
  'under-5': [0, 4],
  '5-11': [5, 11],
  '12-17': [12, 17],
  '18-64': [18, 64],
  '65-plus': [65, 120],
} as const;
export type AgeBand = keyof typeof AGE_BANDS;
export const AGE_BAND_IDS = Object.keys(AGE_BANDS) as AgeBand[];
export const AGE_BAND_LABELS = /* @__PURE__ */ messageLabels(AGE_BAND_IDS, (v) => `facts.filter.age.${v}` as const);

/** The multi-valued filters, in display order; each name is also its URL parameter. */
export const FACETS = [
  'category',
  'neighbourhood',
  'day',
  'time',
  'age',
  'audience',
  'join',
  'delivery',
  'access',
  'language',
  'cost',
] as const;
export type Facet = (typeof FACETS)[number];

/**
 * How the chosen values of one filter combine: any of them (OR), all of them (AND), or only one
 * may be chosen (`one`: radio buttons with an "any" choice, for values that nest).
 */
export type Combine = 'any' | 'all' | 'one';

export interface FacetSpec {
  /** Short name, as in "Day: Tuesday or Thursday". */
  name: string;
  /** The legend of its boxes. */
  legend: string;
  /** Chosen values combine with OR (`any`), AND (`all`), or one only (`one`). */
  combine: Combine;
  /** With `one`: the label of choosing none ("Any cost"). */
  anyLabel?: string;
  /** Said under the legend, in place of how the boxes combine. */
  hint?: string;
}

/** What a group's legend says about how its ticked boxes combine. */
export const COMBINE_HINTS = /* @__PURE__ */ messageLabels(
  ['any', 'all'] as const,
  (c) => `facts.filter.combine.${c}` as const,
);

/** The hint under a facet's legend: its own, or how its boxes combine. */
export function facetHint(facet: Facet): string {
  const spec = FACET_SPECS[facet];
  return spec.hint ?? (spec.combine === 'one' ? '' : COMBINE_HINTS[spec.combine]);
}

/** A facet's spec with its name and legend from the messages (`facts.filter.name.day`, `facts.filter.legend.day`). */
function spec(facet: Facet, combine: Combine): FacetSpec {
  return {
    get name() {
      return t(`facts.filter.name.${facet}`);
    },
    get legend() {
      return t(`facts.filter.legend.${facet}`);
    },
    combine,
  };
}

export const FACET_SPECS: Record<Facet, FacetSpec> = {
  category: spec('category', 'any'),
  neighbourhood: spec('neighbourhood', 'any'),
  day: spec('day', 'any'),
  time: spec('time', 'any'),
  age: spec('age', 'any'),
  audience: spec('audience', 'any'),
  join: spec('join', 'any'),
  delivery: spec('delivery', 'any'),
  // A person who needs step-free access and an accessible toilet needs both.
  access: spec('access', 'all'),
  language: spec('language', 'any'),
  cost: Object.defineProperties(spec('cost', 'one'), {
    anyLabel: { enumerable: true, get: () => t('facts.filter.anyCost') },
    hint: { enumerable: true, get: () => t('facts.filter.costHint') },
  }),
};

/** The groups of boxes the filter panels show, in order: one facet each, but age and audience share one. */
export const FILTER_GROUPS: readonly {
  readonly id: string;
  readonly legend: string;
  readonly facets: readonly Facet[];
}[] = (
  [
    ['category', ['category']],
    ['day', ['day']],
    ['neighbourhood', ['neighbourhood']],
    ['time', ['time']],
    ['cost', ['cost']],
    ['access', ['access']],
    ['who', ['age', 'audience']],
    ['join', ['join']],
    ['delivery', ['delivery']],
    ['language', ['language']],
  ] as const
).map(([id, facets]) => ({
  id,
  facets,
  // Its legend from the messages (`facts.filter.group.who`).
  get legend() {
    return t(`facts.filter.group.${id}`);
  },
}));

/** The groups open when a filter panel first appears: the ones used most on a home visit. */
export const OPEN_GROUPS: readonly string[] = ['category', 'day', 'neighbourhood'];

/** What the registry needs to know about the book: its categories, neighbourhoods, place and cost bands. */
export interface FacetBook {
  categories: readonly { id: string; name: string; parent?: string }[];
  neighbourhoods: readonly { id: string; name: string }[];
  /** site.yaml `place`: "Wigan borough". */
  place: string;
  /** site.yaml `cost_bands`: the "up to" amounts of the cost filter, in pounds. */
  costBands: readonly number[];
}

/** Allowed values of each facet, in display order; categories, neighbourhoods and cost bands come from the book. */
export function facetValues(known: {
  categories: readonly string[];
  neighbourhoods: readonly string[];
  costBands: readonly number[];
}): Record<Facet, readonly string[]> {
  return {
    category: known.categories,
    neighbourhood: [...known.neighbourhoods, BOROUGH_WIDE],
    day: DAYS,
    time: TIMES,
    age: AGE_BAND_IDS,
    audience: AUDIENCES,
    join: JOIN_ROUTES,
    delivery: DELIVERY_MODES,
    access: ACCESSIBILITY,
    language: LANGUAGE_CODES,
    cost: costBandIds(known.costBands),
  };
}

/** Allowed values of each facet for a book. */
export function bookFacetValues(
  book: Pick<FacetBook, 'categories' | 'neighbourhoods' | 'costBands'>,
): Record<Facet, readonly string[]> {
  return facetValues({
    categories: book.categories.map((c) => c.id),
    neighbourhoods: book.neighbourhoods.map((n) => n.id),
    costBands: book.costBands,
  });
}

/** The label of every value of every facet, as both filter panels and the active-filter summary show them. */
export function facetLabels(book: FacetBook): Record<Facet, Record<string, string>> {
  return {
    category: Object.fromEntries(book.categories.map((c) => [c.id, c.name])),
    neighbourhood: {
      ...Object.fromEntries(book.neighbourhoods.map((n) => [n.id, n.name])),
      [BOROUGH_WIDE]: wholeAreaName(book.place),
    },
    day: DAY_LABELS,
    time: TIME_LABELS,
    age: AGE_BAND_LABELS,
    audience: AUDIENCE_LABELS,
    join: JOIN_LABELS,
    delivery: DELIVERY_LABELS,
    access: ACCESSIBILITY_LABELS,
    language: LANGUAGES,
    cost: costBandLabels(book.costBands),
  };
}
