// Review (issue #14): why a submission needs a human eye, in the order the queue shows them, and
// what a reviewer changed in a fix & accept (ranks, scores, critiques), as the trainer's inbox shows
// it. Pure: the server gathers the facts (re-check, gold, peers, time, sample) and calls these.
import { evaluationReducer, type Judgement } from './evaluation.js';
import { compactRanks } from './ranking.js';
import type { Locale } from './task.js';
import { kendallTauB, practiceReport } from './practice.js';
import { WRONG_TAU } from './progress.js';
import type { Task } from './task.js';
import type { Evaluation } from './evaluation.js';

/** Most urgent first: the queue's order. */
export const REVIEW_REASONS = ['mismatch', 'goldMiss', 'lowAgreement', 'tooFast', 'sample'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];
export const REVIEW_DECISIONS = ['accept', 'fix-accept', 'reject'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export type ReviewFacts = {
  /** The server's re-check gave other verdicts than the trainer saw. */
  mismatch: boolean;
  /** Gold task: tau-b with the gold ranking, and bugs the critiques missed (undefined: not gold). */
  gold?: { tau?: number; missedBugs: number };
  /** Mean tau-b with the other trainers of the task (undefined: no peer yet). */
  peerTau?: number;
  activeMs: number;
  minActiveMs: number;
  sampled: boolean;
};

/** Below this tau with gold, or with any gold bug unmentioned, a gold task is a miss (practice's rule). */
export function goldMissed(gold: NonNullable<ReviewFacts['gold']>): boolean {
  return (gold.tau !== undefined && gold.tau < WRONG_TAU) || gold.missedBugs > 0;
}

export function reviewReasons(f: ReviewFacts): ReviewReason[] {
  const out: ReviewReason[] = [];
  if (f.mismatch) out.push('mismatch');
  if (f.gold && goldMissed(f.gold)) out.push('goldMiss');
  if (f.peerTau !== undefined && f.peerTau < WRONG_TAU) out.push('lowAgreement');
  if (f.activeMs < f.minActiveMs) out.push('tooFast');
  if (f.sampled) out.push('sample');
  return out;
}

/**
 * Queue order: by the most urgent reason (none: last), then more reasons first, then lower peer
 * agreement first (unknown counts as full agreement), then the oldest first.
 */
export function compareForReview(a: { reasons: readonly ReviewReason[]; peerTau?: number; receivedAt: string }, b: typeof a): number {
  const rank = (r: readonly ReviewReason[]) => (r.length ? Math.min(...r.map((x) => REVIEW_REASONS.indexOf(x))) : REVIEW_REASONS.length);
  return rank(a.reasons) - rank(b.reasons) || b.reasons.length - a.reasons.length || (a.peerTau ?? 1) - (b.peerTau ?? 1) || (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0);
}

/** Gold facts of an evaluation of a gold task, as practice mode scores them. */
export function goldFacts(task: Task, evaluation: Evaluation, criteria: readonly string[]): { tau?: number; missedBugs: number; rubricMad?: number } | undefined {
  const r = practiceReport(task, evaluation, criteria);
  if (!r) return undefined;
  return { ...(r.tau === undefined ? {} : { tau: r.tau }), missedBugs: r.missedBugs, ...(r.rubric.meanAbsoluteDifference === undefined ? {} : { rubricMad: r.rubric.meanAbsoluteDifference }) };
}

/** Mean tau-b of one ranking with each peer's over `ids`; undefined without a peer that has one. */
export function peerTau(own: Judgement['ranks'], peers: readonly Judgement['ranks'][], ids: readonly string[]): number | undefined {
  const taus = peers.flatMap((p) => {
    const t = kendallTauB(own, p, ids);
    return t === undefined ? [] : [t];
  });
  return taus.length ? taus.reduce((s, x) => s + x, 0) / taus.length : undefined;
}

export type Change<V> = { before?: V; after?: V };
export type JudgementDiff = {
  ranks: ({ solutionId: string } & Change<number>)[];
  scores: ({ solutionId: string; criterion: string } & Change<number>)[];
  critiques: ({ solutionId: string } & Change<string>)[];
};

const own = <V>(r: Readonly<Record<string, V>>, k: string): V | undefined => (Object.hasOwn(r, k) ? r[k] : undefined);
const change = <V>(before: V | undefined, after: V | undefined): Change<V> => ({ ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) });

/** What changed from `before` to `after`, solution by solution (in `solutionIds` order, then any other). */
export function judgementDiff(before: Judgement, after: Judgement, solutionIds: readonly string[] = []): JudgementDiff {
  const ids = [...new Set([...solutionIds, ...Object.keys(before.ranks), ...Object.keys(after.ranks), ...Object.keys(before.scores), ...Object.keys(after.scores), ...Object.keys(before.critiques), ...Object.keys(after.critiques)])];
  const diff: JudgementDiff = { ranks: [], scores: [], critiques: [] };
  for (const id of ids) {
    const [rb, ra] = [own(before.ranks, id), own(after.ranks, id)];
    if (rb !== ra) diff.ranks.push({ solutionId: id, ...change(rb, ra) });
    const sb = own(before.scores, id) ?? {};
    const sa = own(after.scores, id) ?? {};
    for (const criterion of [...new Set([...Object.keys(sb), ...Object.keys(sa)])]) {
      const [b, a] = [own(sb, criterion), own(sa, criterion)];
      if (b !== a) diff.scores.push({ solutionId: id, criterion, ...change(b, a) });
    }
    const [cb, ca] = [own(before.critiques, id)?.text, own(after.critiques, id)?.text];
    if (cb !== ca) diff.critiques.push({ solutionId: id, ...change(cb, ca) });
  }
  return diff;
}

export const isEmptyDiff = (d: JudgementDiff) => !d.ranks.length && !d.scores.length && !d.critiques.length;

/** What a reviewer sets in a fix & accept: ranks, rubric scores (undefined: none) and critiques, per solution. */
export type ReviewFix = {
  ranks: Readonly<Record<string, number>>;
  scores: Readonly<Record<string, Readonly<Record<string, number | undefined>>>>;
  critiques: Readonly<Record<string, string>>;
};

/**
 * The trainer's evaluation with the reviewer's fix, submitted again: what the server stores as the
 * next revision and exports in the trainer's place (the original is kept as revision 1). Ranks are
 * made dense; a score or critique the reviewer left as it was is not touched; a critique they
 * rewrote is written in their locale.
 */
export function fixedEvaluation(original: Evaluation, fix: ReviewFix, locale: Locale, now: string): Evaluation {
  let e = evaluationReducer(original, { type: 'reopen' }, now);
  e = { ...e, judgement: { ...e.judgement, ranks: compactRanks({ ...fix.ranks }) } };
  for (const [solutionId, scores] of Object.entries(fix.scores))
    for (const [criterion, score] of Object.entries(scores))
      if (score !== original.judgement.scores[solutionId]?.[criterion]) e = evaluationReducer(e, { type: 'score', solutionId, criterion, score }, now);
  for (const [solutionId, text] of Object.entries(fix.critiques))
    if (text !== (original.judgement.critiques[solutionId]?.text ?? '')) e = evaluationReducer(e, { type: 'critique', solutionId, text, locale }, now);
  return evaluationReducer(e, { type: 'submit' }, now);
}
