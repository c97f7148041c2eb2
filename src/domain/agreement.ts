// Agreement between raters (issue #14): Krippendorff's alpha on rubric scores (interval and
// ordinal, raters may be missing), Kendall's W with the tie correction and the mean pairwise tau-b
// on rankings, per task and pooled. Pure: no I/O. A figure that cannot be computed is null with the
// reason, never NaN, so every screen and file can say why it is empty.
import type { Evaluation } from './evaluation.js';
import { kendallTauB } from './practice.js';

/** Why a figure has no value: fewer than two raters, fewer than two items, or nothing varies. */
export const AGREEMENT_GAPS = ['oneRater', 'oneItem', 'noVariation'] as const;
export type AgreementGap = (typeof AGREEMENT_GAPS)[number];
export type Figure = { value: number; reason?: undefined } | { value: null; reason: AgreementGap };

const gap = (reason: AgreementGap): Figure => ({ value: null, reason });
const figure = (value: number): Figure => ({ value });

export type AlphaLevel = 'interval' | 'ordinal';
/** One unit (item) of reliability data: the values its raters gave; a missing rater is left out (or undefined). */
export type Unit = readonly (number | undefined | null)[];

/**
 * Krippendorff's alpha = 1 − D_o / D_e over the coincidence matrix of the pairable values (units
 * with two or more values; the others carry no information on agreement). Interval: δ² = (c − k)².
 * Ordinal: δ² = (Σ_{g=c..k} n_g − (n_c + n_k) / 2)², with n_g the marginal count of value g.
 * oneRater: no unit has two values. noVariation: every pairable value is the same (D_e = 0: Krippendorff
 * leaves alpha undefined there; agreement without variation says nothing about reliability).
 */
export function krippendorffAlpha(units: readonly Unit[], level: AlphaLevel): Figure {
  const pairable = units.map((u) => u.filter((v): v is number => typeof v === 'number' && Number.isFinite(v))).filter((u) => u.length >= 2);
  if (!pairable.length) return gap('oneRater');
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  if (values.length < 2) return gap('noVariation');
  const index = new Map(values.map((v, i) => [v, i]));
  const k = values.length;
  // o[c][k]: coincidences within units, each pair weighted 1 / (m_u − 1).
  const o = values.map(() => new Array<number>(k).fill(0));
  for (const u of pairable) {
    const w = 1 / (u.length - 1);
    for (let i = 0; i < u.length; i++)
      for (let j = 0; j < u.length; j++) if (i !== j) o[index.get(u[i]!)!]![index.get(u[j]!)!]! += w;
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  const delta = (c: number, d: number): number => {
    if (level === 'interval') return (values[c]! - values[d]!) ** 2;
    const [lo, hi] = c < d ? [c, d] : [d, c];
    let between = 0;
    for (let g = lo; g <= hi; g++) between += nc[g]!;
    return (between - (nc[c]! + nc[d]!) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++)
    for (let d = 0; d < k; d++) {
      if (c === d) continue;
      const dd = delta(c, d);
      observed += o[c]![d]! * dd;
      expected += nc[c]! * nc[d]! * dd;
    }
  // D_o = observed / n, D_e = expected / (n (n − 1)).
  return figure(1 - ((n - 1) * observed) / expected);
}

type Ranks = Readonly<Record<string, number>>;

/** Average ranks 1..n of `xs` (ties share the mean of the places they take), as R's rank() gives. */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let g = i; g <= j; g++) out[order[g]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

/** The ids every ranking ranks, in the order of `ids`. */
function commonIds(rankings: readonly Ranks[], ids: readonly string[]): string[] {
  return [...new Set(ids)].filter((id) => rankings.every((r) => Object.hasOwn(r, id) && Number.isFinite(r[id])));
}

/**
 * Kendall's W with the correction for ties, as irr::kendall(correct = TRUE) computes it:
 * W = 12 S / (m² (n³ − n) − m Σ T_j), S the squared deviations of the rank sums, T_j = Σ (t³ − t)
 * over rater j's tie groups. Over the `ids` every rater ranked (ranks re-read as average ranks).
 * oneRater: fewer than two rankings; oneItem: fewer than two ids in common; noVariation: every
 * rater tied every solution (the denominator is 0).
 */
export function kendallW(rankings: readonly Ranks[], ids: readonly string[]): Figure {
  const m = rankings.length;
  if (m < 2) return gap('oneRater');
  const common = commonIds(rankings, ids);
  const n = common.length;
  if (n < 2) return gap('oneItem');
  const sums = new Array<number>(n).fill(0);
  let ties = 0;
  for (const r of rankings) {
    const raw = common.map((id) => r[id]!);
    averageRanks(raw).forEach((x, i) => (sums[i]! += x));
    const groups = new Map<number, number>();
    for (const x of raw) groups.set(x, (groups.get(x) ?? 0) + 1);
    for (const t of groups.values()) ties += t ** 3 - t;
  }
  const meanSum = (m * (n + 1)) / 2;
  const s = sums.reduce((acc, x) => acc + (x - meanSum) ** 2, 0);
  const denominator = m * m * (n ** 3 - n) - m * ties;
  return denominator <= 0 ? gap('noVariation') : figure((12 * s) / denominator);
}

/**
 * The mean of tau-b (practice mode's `kendallTauB`, one rule in one place) over every pair of
 * rankings. A pair where one side ties everything has no tau and is left out; noVariation when no
 * pair has one.
 */
export function meanPairwiseTauB(rankings: readonly Ranks[], ids: readonly string[]): Figure {
  if (rankings.length < 2) return gap('oneRater');
  const common = commonIds(rankings, ids);
  if (common.length < 2) return gap('oneItem');
  const taus: number[] = [];
  for (let i = 0; i < rankings.length; i++)
    for (let j = i + 1; j < rankings.length; j++) {
      const tau = kendallTauB(rankings[i]!, rankings[j]!, common);
      if (tau !== undefined) taus.push(tau);
    }
  return taus.length ? figure(mean(taus)) : gap('noVariation');
}

export function mean(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

export function median(xs: readonly number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One rater's judgement of one task, as agreement reads it. */
export type Rating = {
  rater: string;
  ranks: Ranks;
  /** solution id → criterion → score. */
  scores: Readonly<Record<string, Readonly<Record<string, number>>>>;
};
export type TaskRatings = { taskId: string; solutionIds: readonly string[]; criteria: readonly string[]; ratings: readonly Rating[] };

export type TaskAgreement = {
  taskId: string;
  raters: number;
  kendallW: Figure;
  meanTauB: Figure;
  /** criterion → interval alpha over this task's solutions (units) and its raters. */
  alphaRubric: Record<string, Figure>;
  alphaRubricOrdinal: Record<string, Figure>;
};
export type OverallAgreement = {
  tasks: number;
  /** Mean of the tasks' W that have one. */
  meanKendallW: Figure;
  /** criterion → alpha pooling every solution of every task as one unit. */
  alphaRubric: Record<string, Figure>;
  alphaRubricOrdinal: Record<string, Figure>;
};

/** The latest rating of each rater counts once (a later one replaces an earlier one). */
function byRater(ratings: readonly Rating[]): Rating[] {
  return [...new Map(ratings.map((r) => [r.rater, r])).values()];
}

function scoreUnits(task: TaskRatings, raters: readonly Rating[], criterion: string): Unit[] {
  return task.solutionIds.map((sid) => raters.map((r) => (Object.hasOwn(r.scores, sid) && Object.hasOwn(r.scores[sid]!, criterion) ? r.scores[sid]![criterion] : undefined)));
}

export function taskAgreement(task: TaskRatings): TaskAgreement {
  const raters = byRater(task.ratings);
  const ranks = raters.map((r) => r.ranks);
  const alpha = (level: AlphaLevel) => Object.fromEntries(task.criteria.map((c) => [c, krippendorffAlpha(scoreUnits(task, raters, c), level)]));
  return {
    taskId: task.taskId,
    raters: raters.length,
    kendallW: kendallW(ranks, task.solutionIds),
    meanTauB: meanPairwiseTauB(ranks, task.solutionIds),
    alphaRubric: alpha('interval'),
    alphaRubricOrdinal: alpha('ordinal'),
  };
}

export function overallAgreement(tasks: readonly TaskRatings[], perTask: readonly TaskAgreement[] = tasks.map(taskAgreement)): OverallAgreement {
  const ws = perTask.flatMap((t) => (t.kendallW.value === null ? [] : [t.kendallW.value]));
  const criteria = [...new Set(tasks.flatMap((t) => t.criteria))];
  const alpha = (level: AlphaLevel) =>
    Object.fromEntries(criteria.map((c) => [c, krippendorffAlpha(tasks.flatMap((t) => (t.criteria.includes(c) ? scoreUnits(t, byRater(t.ratings), c) : [])), level)]));
  const raters = Math.max(0, ...perTask.map((t) => t.raters));
  return {
    tasks: tasks.length,
    meanKendallW: ws.length ? figure(mean(ws)) : gap(raters < 2 ? 'oneRater' : 'noVariation'),
    alphaRubric: alpha('interval'),
    alphaRubricOrdinal: alpha('ordinal'),
  };
}

/** Figures as plain numbers for JSON and CSV: null where undefined. */
export const valueOf = (f: Figure): number | null => f.value;
export const valuesOf = (r: Record<string, Figure>): Record<string, number | null> => Object.fromEntries(Object.entries(r).map(([k, f]) => [k, f.value]));

/** A submitted evaluation and who made it; `solutionIds` when the task is known (else the ranked ids). */
export type RatedEvaluation = { rater: string; evaluation: Evaluation; solutionIds?: readonly string[]; criteria?: readonly string[] };

/**
 * Submitted evaluations grouped per task, in order of first appearance, as agreement reads them.
 * Drafts are left out. Criteria: the ones given, else every criterion scored on the task.
 */
export function ratingsByTask(items: readonly RatedEvaluation[]): TaskRatings[] {
  const tasks = new Map<string, { solutionIds: Set<string>; criteria: Set<string>; ratings: Rating[] }>();
  for (const { rater, evaluation, solutionIds, criteria } of items) {
    if (evaluation.status !== 'submitted') continue;
    const j = evaluation.judgement;
    const t = tasks.get(evaluation.taskId) ?? { solutionIds: new Set<string>(), criteria: new Set<string>(), ratings: [] };
    for (const id of solutionIds ?? Object.keys(j.ranks)) t.solutionIds.add(id);
    for (const c of criteria ?? Object.values(j.scores).flatMap((s) => Object.keys(s))) t.criteria.add(c);
    t.ratings.push({ rater, ranks: j.ranks, scores: j.scores });
    tasks.set(evaluation.taskId, t);
  }
  return [...tasks].map(([taskId, t]) => ({ taskId, solutionIds: [...t.solutionIds], criteria: [...t.criteria], ratings: t.ratings }));
}
