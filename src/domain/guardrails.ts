// What must be filled in before an evaluation can be sent: each missing thing is one problem that
// names the solution (and criterion) concerned, so the trainer sees exactly what to fix and where.
// Keys live in the judging namespace. The justification stays optional.
import { seenVerdict, type Evaluation, type Judgement } from './evaluation.js';
import type { Solution, Task } from './task.js';

export type SubmitField = 'rank' | 'score' | 'critique' | 'reason';
export type SubmitProblem = {
  /** In the judging namespace; the type checker holds these against the English locale. */
  key: 'guardrail.unranked' | 'guardrail.unscored' | 'guardrail.noCritique' | 'guardrail.needsReason';
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

/**
 * Problems in solution order, and for each solution: rank, scores (in `criteria` order), critique,
 * reason. `criteria` are criterion ids; the UI turns the `criterion` param into its name.
 */
export function checkSubmit(task: Pick<Task, 'solutions'>, evaluation: Evaluation, criteria: readonly string[]): SubmitProblem[] {
  const j = evaluation.judgement;
  const blank = (w: { text: string } | undefined) => !w || w.text.trim() === '';
  const problems: SubmitProblem[] = [];
  for (const { id, label } of task.solutions) {
    if (!Object.hasOwn(j.ranks, id)) problems.push({ key: 'guardrail.unranked', params: { label }, solutionId: id, field: 'rank' });
    const scores = Object.hasOwn(j.scores, id) ? j.scores[id]! : {};
    for (const criterion of criteria)
      if (!Object.hasOwn(scores, criterion))
        problems.push({ key: 'guardrail.unscored', params: { label, criterion }, solutionId: id, field: 'score' });
    if (blank(Object.hasOwn(j.critiques, id) ? j.critiques[id] : undefined))
      problems.push({ key: 'guardrail.noCritique', params: { label }, solutionId: id, field: 'critique' });
    if (!blank(Object.hasOwn(j.reasons, id) ? j.reasons[id] : undefined)) continue;
    const [outranked] = outrankedPassing(task.solutions, j, id);
    if (outranked) problems.push({ key: 'guardrail.needsReason', params: { label, other: outranked.label }, solutionId: id, field: 'reason' });
  }
  return problems;
}
