// The dashboard's distribution: equal bins with [from, to) edges, max in the last one, values out
// of range in the nearest end bin, undefined figures counted apart.
import { describe, expect, it } from 'vitest';
import { histogram } from './histogram.js';

describe('histogram', () => {
  it('counts values in equal bins, the maximum in the last one', () => {
    const h = histogram([0, 0.05, 0.1, 0.3, 0.99, 1], { min: 0, max: 1, bins: 5 });
    expect(h.bins).toEqual([
      { from: 0, to: 0.2, count: 3 },
      { from: 0.2, to: 0.4, count: 1 },
      { from: 0.4, to: 0.6, count: 0 },
      { from: 0.6, to: 0.8, count: 0 },
      { from: 0.8, to: 1, count: 2 },
    ]);
    expect(h.missing).toBe(0);
  });

  it('puts a value on an edge in the bin that starts there, despite floating point', () => {
    const h = histogram([0.6, 0.7, -0.2], { min: -1, max: 1, bins: 10 });
    expect(h.bins.find((b) => b.from === 0.6)!.count).toBe(2);
    expect(h.bins.find((b) => b.from === -0.2)!.count).toBe(1);
    expect(h.bins.map((b) => b.from)).toEqual([-1, -0.8, -0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('counts values out of range in the end bins and undefined figures apart', () => {
    const h = histogram([-1.7, 1.2, null, undefined, Number.NaN], { min: -1, max: 1, bins: 4 });
    expect(h.bins.map((b) => b.count)).toEqual([1, 0, 0, 1]);
    expect(h.missing).toBe(3);
  });

  it('gives empty bins for no values', () => {
    expect(histogram([], { min: 0, max: 1, bins: 2 })).toEqual({ bins: [{ from: 0, to: 0.5, count: 0 }, { from: 0.5, to: 1, count: 0 }], missing: 0 });
  });
});
