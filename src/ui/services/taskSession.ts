// One open task: the trainer's evaluation (changed only through named actions, saved by the
// autosaver after every change) and the runs of its solutions in the sandboxes (live results,
// cancel). No React here; screens read it through useSyncExternalStore.
import { evaluationReducer, ownTestCases, seenResultOf, type Evaluation, type EvaluationAction } from '../../domain/evaluation.js';
import type { Solution, Task, TestCase } from '../../domain/task.js';
import type { TestResult, Verdict } from '../../domain/verdict.js';
import type { Sandbox } from '../../sandbox/client.js';
import { SandboxError, sandboxFailure, type SandboxFailure } from '../../sandbox/sandboxError.js';
import { Store } from '../store.js';

export type Persist = { schedule(e: Evaluation): void; flush(): Promise<void> };

export type SolutionRun = {
  /** Results so far, in test order; own tests come after the task's. */
  tests: TestResult[];
  total: number;
  state: 'queued' | 'running' | 'done' | 'cancelled' | 'failed';
  verdict?: Verdict;
  /** Why the sandbox could not run it (state 'failed'); rendered by sandboxFailureText. */
  failure?: SandboxFailure;
};

export type SessionState = {
  evaluation: Evaluation;
  runs: Record<string, SolutionRun>;
  running: boolean;
  /** How many of a run's tests are the task's; the rest are the trainer's own. */
  taskTests: number;
};

export class TaskSession extends Store<SessionState> {
  private controller: AbortController | undefined;

  constructor(
    readonly task: Task,
    evaluation: Evaluation,
    private readonly sandbox: () => Sandbox,
    private readonly persist: Persist,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    super({ evaluation, runs: {}, running: false, taskTests: task.tests.length });
  }

  dispatch = (action: EvaluationAction): void => {
    const next = evaluationReducer(this.snapshot.evaluation, action, this.now());
    if (next === this.snapshot.evaluation) return;
    this.set({ evaluation: next });
    // Opening a task and reading it is not yet a draft; the first real change is.
    if (action.type !== 'activeTime' || next.updatedAt !== next.createdAt) this.persist.schedule(next);
  };

  /** Takes a version saved elsewhere (another tab) as the current one, without saving it again. */
  replace(evaluation: Evaluation): void {
    this.set({ evaluation });
  }

  /** The task's tests plus the trainer's own, as one list the sandbox runs. */
  testsToRun(): TestCase[] {
    return [...this.task.tests, ...ownTestCases(this.snapshot.evaluation)];
  }

  /** Runs the given solutions (default: all) against every test; a new run cancels the last. */
  async run(solutionIds?: readonly string[]): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.controller = controller;
    const tests = this.testsToRun();
    const task: Task = { ...this.task, tests };
    const chosen = this.task.solutions.filter((s) => !solutionIds || solutionIds.includes(s.id));
    const runs = { ...this.snapshot.runs };
    for (const s of chosen) runs[s.id] = { tests: [], total: tests.length, state: 'queued' };
    this.set({ runs, running: true, taskTests: this.task.tests.length });
    await Promise.all(chosen.map((s) => this.runOne(task, s, controller.signal)));
    if (this.controller === controller) {
      this.controller = undefined;
      this.set({ running: false });
    }
  }

  cancel(): void {
    if (!this.controller) return;
    this.controller.abort();
    this.controller = undefined;
    const runs = { ...this.snapshot.runs };
    for (const [id, r] of Object.entries(runs)) if (r.state === 'queued' || r.state === 'running') runs[id] = { ...r, state: 'cancelled' };
    this.set({ runs, running: false });
  }

  private async runOne(task: Task, solution: Solution, signal: AbortSignal): Promise<void> {
    const update = (r: Partial<SolutionRun>) => {
      if (signal.aborted) return;
      this.set({ runs: { ...this.snapshot.runs, [solution.id]: { ...this.snapshot.runs[solution.id]!, ...r } } });
    };
    try {
      const result = await this.sandbox().evaluate(task, solution, {
        signal,
        onTest: (_i, t) => update({ state: 'running', tests: [...this.snapshot.runs[solution.id]!.tests, t] }),
      });
      update({ state: 'done', tests: result.tests, verdict: result.verdict });
      if (!signal.aborted) this.dispatch({ type: 'results', solutionId: solution.id, result: seenResultOf(result, this.task.tests.length, this.now()) });
    } catch (e) {
      if (signal.aborted) return;
      if (!(e instanceof SandboxError)) console.error('Veredicto: a run failed', e);
      update({ state: 'failed', failure: sandboxFailure(e) });
    }
  }


}
