import { describe, expect, it } from 'vitest';
import { dotsOf, markerAt, pickAt, pickerMap, ringsOfPath, type PickerInput } from '../../../src/lib/map/picker';
import { projectX, projectY, unproject } from '../../../src/lib/map/frame';

/** Two square neighbourhoods side by side (lat 53.50–53.52), west one first, and a gap to the south of both. */
const square = (id: string, west: number): PickerInput => ({
  id,
  name: `Area ${id}`,
  centre: [53.51, west + 0.02],
  boundary: {
    coordinates: [
      [
        [west, 53.5],
        [west + 0.04, 53.5],
        [west + 0.04, 53.52],
        [west, 53.52],
        [west, 53.5],
      ],
    ],
  },
});
const hoods = [square('west', -2.64), square('east', -2.6)];
const tall: PickerInput = {
  id: 'south',
  name: 'Area south',
  centre: [53.47, -2.62],
  boundary: {
    coordinates: [
      [
        [-2.64, 53.46],
        [-2.6, 53.46],
        [-2.6, 53.48],
        [-2.64, 53.48],
        [-2.64, 53.46],
      ],
    ],
  },
};

describe('the place picker', () => {
  const map = pickerMap(
    [...hoods, tall],
    [
      { lat: 53.51, lng: -2.62 },
      { lat: 53.51, lng: -2.62 },
      { lat: 53.51001, lng: -2.62001 },
      { lat: 53.47, lng: -2.62 },
      { lat: 40, lng: 0 },
    ],
  )!;
  const at = (lat: number, lng: number) => pickAt(map, projectX(map.frame, lng), projectY(map.frame, lat));

  it('turns a tap back into the point under it, to about a metre', () => {
    const p = unproject(map.frame, projectX(map.frame, -2.6123), projectY(map.frame, 53.5077));
    expect(p.lat).toBeCloseTo(53.5077, 3);
    expect(p.lng).toBeCloseTo(-2.6123, 3);
    const pick = at(53.5077, -2.6123);
    expect(Number(pick.lat)).toBeCloseTo(53.5077, 3);
    expect(pick.lat.split('.')[1].length).toBeLessThanOrEqual(5);
  });

  it('names the neighbourhood the point falls in, and none outside them all', () => {
    expect(at(53.51, -2.63).area).toEqual({ id: 'west', name: 'Area west' });
    expect(at(53.51, -2.59).area).toEqual({ id: 'east', name: 'Area east' });
    expect(at(53.47, -2.62).area?.id).toBe('south');
    // Between the squares and the southern one: in no neighbourhood.
    expect(at(53.49, -2.62).area).toBeUndefined();
  });

  it('fits every neighbourhood in the picture, north up and east right', () => {
    for (const a of map.areas) {
      const xs = [...a.d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
      for (const [x, y] of xs) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(map.frame.width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(map.frame.height);
      }
    }
    const [west, east, south] = map.areas;
    expect(west.label.x).toBeLessThan(east.label.x);
    expect(south.label.y).toBeGreaterThan(west.label.y);
  });

  it('draws one dot a spot, and leaves out places off the picture', () => {
    const dots = dotsOf(map);
    expect(dots).toHaveLength(2);
    expect(dots[0]).toEqual({ x: Math.round(projectX(map.frame, -2.62)), y: Math.round(projectY(map.frame, 53.51)) });
  });

  it('sends a detailed boundary only as finely as the picture can show it', () => {
    // A square of 4,000 points a side: far more than the picture's few hundred units.
    const side = (from: [number, number], to: [number, number]) =>
      Array.from({ length: 4000 }, (_, i): [number, number] => [
        from[0] + ((to[0] - from[0]) * i) / 4000,
        from[1] + ((to[1] - from[1]) * i) / 4000,
      ]);
    const ring = [
      ...side([-2.64, 53.5], [-2.6, 53.5]),
      ...side([-2.6, 53.5], [-2.6, 53.52]),
      ...side([-2.6, 53.52], [-2.64, 53.52]),
      ...side([-2.64, 53.52], [-2.64, 53.5]),
      [-2.64, 53.5] as [number, number],
    ];
    const fine = pickerMap([{ id: 'f', name: 'Fine', centre: [53.51, -2.62], boundary: { coordinates: [ring] } }], [])!;
    const [outline] = ringsOfPath(fine.areas[0].d);
    expect(outline.length).toBeLessThan(4 * 700);
    expect(fine.areas[0].d.length).toBeLessThan(40_000);
    // And still the same square to point in polygon.
    expect(pickAt(fine, projectX(fine.frame, -2.62), projectY(fine.frame, 53.51)).area?.id).toBe('f');
    expect(pickAt(fine, 1, 1).area).toBeUndefined();
  });

  it('reads its outlines back as rings, holes included', () => {
    expect(ringsOfPath('M1 2L3 4L5 6ZM7 8L9 10L11 12Z')).toEqual([
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [
        [7, 8],
        [9, 10],
        [11, 12],
      ],
    ]);
  });

  it('puts the marker where the boxes say, and none for text or a point off the picture', () => {
    const m = markerAt(map, '53.51', '-2.62')!;
    expect(m.x).toBeCloseTo(projectX(map.frame, -2.62));
    expect(markerAt(map, 'north', '-2.62')).toBeUndefined();
    expect(markerAt(map, '', '')).toBeUndefined();
    expect(markerAt(map, '51.5', '-0.12')).toBeUndefined();
  });

  it('is not drawn for a book without neighbourhoods', () => {
    expect(pickerMap([], [])).toBeUndefined();
  });
});
