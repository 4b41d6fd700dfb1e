/** Neighbourhoods: `content/neighbourhoods/<id>.yaml`, one file each. */
import { z } from './zod';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const neighbourhoodSchema = z.strictObject({
  /** The name people use: "Hindley and Abram". */
  name: z.string().trim().min(1).max(80),
  /** A sentence or two about the place. */
  description: z.string().trim().max(600).optional(),
  /** Centre for labels and small maps, `[lat, lng]`. */
  centre: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]),
  /** Boundary as a GeoJSON Polygon (`[lng, lat]` pairs, first and last the same). Rough is fine. */
  boundary: z.strictObject({
    type: z.literal('Polygon'),
    coordinates: z
      .array(z.array(position).min(4))
      .min(1)
      .refine(
        (rings) => rings.every((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1]),
        'Each ring must end where it starts.',
      ),
  }),
});
export type Neighbourhood = z.output<typeof neighbourhoodSchema>;
