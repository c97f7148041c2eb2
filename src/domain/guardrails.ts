// What must be filled in before an evaluation can be sent: each missing thing is one problem that
// names the solution (and criterion) concerned, so the trainer sees exactly what to fix and where.
// Keys live in the judging namespace. The justification stays optional. Submitting needs a finished
// run of every solution's current code, or a stated reason for going without one.
import { contentHash } from './contentHash.js';
import { dimensionsOf, judgedByDimensions } from './dimensions.js';
import { seenVerdict, unrunSolutions, type Evaluation, type Judgement } from './evaluation.js';
import { preferenceContradicts } from './preference.js';
import type { Solution, Task } from './task.js';

export type SubmitField = 'rank' | 'score' | 'critique' | 'reason' | 'unrunReason' | 'rating' | 'preference' | 'rewrite';
export type SubmitProblem = {
  /** In the judging namespace; the type checker holds these against the English locale. */
  key:
    | 'guardrail.unranked'
    | 'guardrail.unscored'
    | 'guardrail.noCritique'
    | 'guardrail.needsReason'
    | 'guardrail.notRun'
    | 'guardrail.unrated'
    | 'guardrail.preferenceContradicts'
    | 'guardrail.rewriteNotRun'
    | 'guardrail.rewriteFails';
  params?: Record<string, string | number>;
  solutionId?: string;
  field: SubmitField;
};

/**
 * The guardrail's rule: the solutions that passed their run and are ranked below `id`, which did
 * not (best ranked first). Ranking a failing solution above a passing one may be right (a passing
 * solution can be unreadable or unsafe), but then the data needs to say why. Ties are not "above".
 * Verdicts are the evaluation's (seenVerdict), the same set the submit check and the form use.
 */
export function outrankedPassing(solutions: readonly Pick<Solution, 'id' | 'label'>[], judgement: Pick<Judgement, 'ranks' | 'results'>, id: string): Pick<Solution, 'id' | 'label'>[] {
  const rankOf = (x: string) => (Object.hasOwn(judgement.ranks, x) ? judgement.ranks[x] : undefined);
  const rank = rankOf(id);
  const verdict = seenVerdict(judgement, id);
  if (rank === undefined || verdict === undefined || verdict === 'passed') return [];
  return solutions
    .filter((s) => seenVerdict(judgement, s.id) === 'passed' && (rankOf(s.id) ?? 0) > rank)
    .sort((a, b) => rankOf(a.id)! - rankOf(b.id)!);
}

const blank = (w: { text: string } | undefined) => !w || w.text.trim() === '';

/**
 * The solutions a submit would go without a run for, unless the trainer wrote why (unrunReason):
 * the override the submit check accepts, and the list the panel shows next to the reason field.
 */
export function unrunWithoutReason(task: Pick<Task, 'solutions'>, judgement: Pick<Judgement, 'results' | 'unrunReason'>): Solution[] {
  return blank(judgement.unrunReason) ? unrunSolutions(task.solutions, judgement) : [];
}

/**
 * Problems: first the missing run (all solutions in one problem), then in solution order, for
 * each solution: rank, scores (in `criteria` order), ratings (tasks judged by dimensions: a
 * severity per dimension; the rubric is then optional), critique, reason; then a preference that
 * contradicts the ranking, and an ideal answer that was not run or does not pass every test
 * without a written reason. `criteria` are criterion ids; the UI turns the `criterion` and
 * `dimension` params into names.
 */
export function checkSubmit(task: Pick<Task, 'solutions' | 'dimensions'>, evaluation: Evaluation, criteria: readonly string[]): SubmitProblem[] {
  const j = evaluation.judgement;
  const byDimensions = judgedByDimensions(task);
  const dimensions = dimensionsOf(task).map((d) => d.id);
  if (byDimensions) criteria = [];
  const problems: SubmitProblem[] = [];
  const unrun = unrunWithoutReason(task, j);
  if (unrun.length) problems.push({ key: 'guardrail.notRun', params: { labels: unrun.map((s) => s.label).join(', '), count: unrun.length }, field: 'unrunReason' });
  for (const { id, label } of task.solutions) {
    if (!Object.hasOwn(j.ranks, id)) problems.push({ key: 'guardrail.unranked', params: { label }, solutionId: id, field: 'rank' });
    const scores = Object.hasOwn(j.scores, id) ? j.scores[id]! : {};
    for (const criterion of criteria)
      if (!Object.hasOwn(scores, criterion))
        problems.push({ key: 'guardrail.unscored', params: { label, criterion }, solutionId: id, field: 'score' });
    const ratings = Object.hasOwn(j.ratings, id) ? j.ratings[id]! : {};
    for (const dimension of dimensions)
      if (!Object.hasOwn(ratings, dimension)) problems.push({ key: 'guardrail.unrated', params: { label, dimension }, solutionId: id, field: 'rating' });
    if (blank(Object.hasOwn(j.critiques, id) ? j.critiques[id] : undefined))
      problems.push({ key: 'guardrail.noCritique', params: { label }, solutionId: id, field: 'critique' });
    if (!blank(Object.hasOwn(j.reasons, id) ? j.reasons[id] : undefined)) continue;
    const [outranked] = outrankedPassing(task.solutions, j, id);
    if (outranked) problems.push({ key: 'guardrail.needsReason', params: { label, other: outranked.label }, solutionId: id, field: 'reason' });
  }
  const labelOf = (id: string) => task.solutions.find((s) => s.id === id)?.label ?? id;
  if (j.preference && preferenceContradicts(j.ranks, j.preference))
    problems.push({ key: 'guardrail.preferenceContradicts', params: { a: labelOf(j.preference.a), b: labelOf(j.preference.b) }, field: 'preference' });
  const rewrite = j.rewrite;
  if (rewrite && blank(rewrite.exemption)) {
    const result = rewrite.result?.markdownHash === contentHash(rewrite.markdown) ? rewrite.result : undefined;
    if (!result) problems.push({ key: 'guardrail.rewriteNotRun', field: 'rewrite' });
    else if (result.verdict !== 'passed') problems.push({ key: 'guardrail.rewriteFails', params: { failed: result.tests.filter((t) => t.status !== 'passed').length }, field: 'rewrite' });
  }
  return problems;
}
