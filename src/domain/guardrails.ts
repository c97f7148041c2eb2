// What must be filled in before an evaluation can be sent: each missing thing is one problem that
// names the solution (and criterion) concerned, so the trainer sees exactly what to fix and where.
// Keys live in the judging namespace. The justification stays optional.
import type { Evaluation } from './evaluation.js';
import type { Task } from './task.js';

export type SubmitField = 'rank' | 'score' | 'critique' | 'reason';
export type SubmitProblem = {
  key: string;
  params?: Record<string, string | number>;
  solutionId?: string;
  field: SubmitField;
};

/**
 * Problems in solution order, and for each solution: rank, scores (in `criteria` order), critique,
 * reason. `criteria` are criterion ids; the UI turns the `criterion` param into its name.
 */
export function checkSubmit(task: Pick<Task, 'solutions'>, evaluation: Evaluation, criteria: readonly string[]): SubmitProblem[] {
  const j = evaluation.judgement;
  const rankOf = (id: string) => (Object.hasOwn(j.ranks, id) ? j.ranks[id] : undefined);
  const verdictOf = (id: string) => (Object.hasOwn(j.results, id) ? j.results[id]!.verdict : undefined);
  const blank = (w: { text: string } | undefined) => !w || w.text.trim() === '';
  const problems: SubmitProblem[] = [];
  for (const { id, label } of task.solutions) {
    const rank = rankOf(id);
    if (rank === undefined) problems.push({ key: 'guardrail.unranked', params: { label }, solutionId: id, field: 'rank' });
    const scores = Object.hasOwn(j.scores, id) ? j.scores[id]! : {};
    for (const criterion of criteria)
      if (!Object.hasOwn(scores, criterion))
        problems.push({ key: 'guardrail.unscored', params: { label, criterion }, solutionId: id, field: 'score' });
    if (blank(Object.hasOwn(j.critiques, id) ? j.critiques[id] : undefined))
      problems.push({ key: 'guardrail.noCritique', params: { label }, solutionId: id, field: 'critique' });
    // Ranking a solution that failed its run above one that passed may be right (a passing
    // solution can be unreadable or unsafe), but the data needs to say why.
    const verdict = verdictOf(id);
    if (rank === undefined || verdict === undefined || verdict === 'passed') continue;
    if (!blank(Object.hasOwn(j.reasons, id) ? j.reasons[id] : undefined)) continue;
    const outranked = task.solutions
      .filter((s) => verdictOf(s.id) === 'passed' && (rankOf(s.id) ?? 0) > rank)
      .sort((a, b) => rankOf(a.id)! - rankOf(b.id)!);
    if (outranked[0])
      problems.push({ key: 'guardrail.needsReason', params: { label, other: outranked[0].label }, solutionId: id, field: 'reason' });
  }
  return problems;
}
