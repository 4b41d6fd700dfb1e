/**
 * The neutral defaults of site.yaml `examples` (./site.ts's placeExamplesSchema gives them to a
 * book that names none), as plain values: the contribute form shows them before its checker, and
 * with it zod, has loaded.
 */
export const EXAMPLE_DEFAULTS = {
  group: 'Riverside Health Walks',
  venue: 'Central Library',
  phone: '01632 960123',
  postcode: 'AB1 2CD',
  verified_by: 'the neighbourhood team',
} as const;
