import { describe, expect, it } from 'vitest';
import { miniArea, miniMap, type MiniArea } from '../../../src/lib/map/mini-map';

/** A square neighbourhood (lat 53.50–53.52, lng -2.64 to -2.60) and one to its east and one far away. */
const square = (id: string, west: number): MiniArea => ({
  id,
  name: `Area ${id}`,
  centre: [53.51, west + 0.02],
  ring: [
    [53.5, west],
    [53.52, west],
    [53.52, west + 0.04],
    [53.5, west + 0.04],
    [53.5, west],
  ],
});
const hood = square('a', -2.64);
const east = square('b', -2.6);
const far = square('c', -1.0);

const numbers = (d: string) => [...d.matchAll(/-?\d+(\.\d+)?/g)].map((m) => Number(m[0]));

describe('the mini map of a neighbourhood', () => {
  const m = miniMap(
    hood,
    [hood, east, far],
    [
      { lat: 53.51, lng: -2.62, label: 'Hall: Lunch club' },
      { lat: 53.51, lng: -2.62, label: 'Hall: Walking group' },
      { lat: 53.505, lng: -2.635, label: 'Library: Knit and natter' },
    ],
  );

  it('fits the boundary inside the picture, with a margin, keeping its shape', () => {
    const xs = numbers(m.chosen.d).filter((_, i) => i % 2 === 0);
    const ys = numbers(m.chosen.d).filter((_, i) => i % 2 === 1);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(24 - 0.1);
    expect(Math.max(...xs)).toBeLessThanOrEqual(m.width - 24 + 0.1);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ys)).toBeLessThanOrEqual(m.height);
    // 0.04° of longitude at 53.5° N is about 0.0238 "degrees of latitude" wide: 1.19 times as wide as tall.
    const ratio = (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys));
    expect(ratio).toBeCloseTo((0.04 * Math.cos((53.51 * Math.PI) / 180)) / 0.02, 1);
    expect(m.chosen.label.text).toBe('Area a');
  });

  it('draws the neighbours that reach into the picture, not the ones far away', () => {
    expect(m.others.map((o) => o.id)).toEqual(['b']);
  });

  it('puts north up and east right', () => {
    const [hall, library] = m.venues;
    expect(library.x).toBeLessThan(hall.x); // further west
    expect(library.y).toBeGreaterThan(hall.y); // further south
  });

  it('draws two groups at one place as one dot naming both', () => {
    expect(m.venues).toHaveLength(2);
    expect(m.venues[0].label).toBe('Hall: Lunch club; Hall: Walking group');
  });

  it('reads a neighbourhood file’s GeoJSON ring, which is [lng, lat]', () => {
    const a = miniArea({
      id: 'x',
      name: 'X',
      centre: [53.5, -2.6],
      boundary: {
        coordinates: [
          [
            [-2.6, 53.5],
            [-2.5, 53.5],
            [-2.5, 53.6],
            [-2.6, 53.5],
          ],
        ],
      },
    });
    expect(a.ring[1]).toEqual([53.5, -2.5]);
  });
});
