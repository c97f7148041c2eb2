// How many values fall in each of equal ranges between min and max: the dashboard's distribution
// of agreement figures. A value outside the range counts in the end bin it is nearest to (alpha can
// fall below −1); an undefined figure (null) is counted apart, never as a number. Pure.
export type Bin = { from: number; to: number; count: number };
export type Histogram = { bins: Bin[]; missing: number };

export function histogram(values: readonly (number | null | undefined)[], range: { min: number; max: number; bins: number }): Histogram {
  const { min, max, bins: n } = range;
  const width = (max - min) / n;
  // Edges from min + i·width, rounded so that 0.30000000000000004 reads as 0.3.
  const edge = (i: number) => Math.round((min + i * width) * 1e9) / 1e9;
  const bins: Bin[] = Array.from({ length: n }, (_, i) => ({ from: edge(i), to: edge(i + 1), count: 0 }));
  let missing = 0;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) {
      missing++;
      continue;
    }
    // Each bin holds [from, to); the last one holds max too.
    const i = Math.min(n - 1, Math.max(0, Math.floor((v - min) / width + 1e-9)));
    bins[i]!.count++;
  }
  return { bins, missing };
}
