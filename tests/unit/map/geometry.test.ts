import { describe, expect, it } from 'vitest';
import { pointInPolygon } from '../../../src/lib/map/geometry';

describe('pointInPolygon', () => {
  const square: [number, number][][] = [
    [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ],
  ];
  it('tells inside from outside', () => {
    expect(pointInPolygon(1, 1, square)).toBe(true);
    expect(pointInPolygon(3, 1, square)).toBe(false);
    expect(pointInPolygon(1, -0.1, square)).toBe(false);
  });
  it('leaves out holes', () => {
    const withHole: [number, number][][] = [
      ...square,
      [
        [0.5, 0.5],
        [1.5, 0.5],
        [1.5, 1.5],
        [0.5, 1.5],
        [0.5, 0.5],
      ],
    ];
    expect(pointInPolygon(1, 1, withHole)).toBe(false);
    expect(pointInPolygon(0.2, 0.2, withHole)).toBe(true);
  });
});
