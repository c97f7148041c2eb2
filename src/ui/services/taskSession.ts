// One open task: the trainer's evaluation (changed only through named actions, saved by the
// autosaver after every change) and the runs of its solutions in the sandboxes (live results,
// cancel). No React here; screens read it through useSyncExternalStore.
import { contentHash } from '../../domain/contentHash.js';
import { evaluationReducer, ownTestCases, seenResultOf, type Evaluation, type EvaluationAction } from '../../domain/evaluation.js';
import { combineBlocks, defaultBlocks, mainLanguage, parseAnswer } from '../../formats/answers.js';
import type { Solution, Task, TestCase } from '../../domain/task.js';
import type { SolutionResult, TestResult, Verdict } from '../../domain/verdict.js';
import { performanceTests } from '../../domain/performance.js';
import type { Sandbox } from '../../sandbox/client.js';
import { timeResults } from '../../sandbox/timing.js';
import { SandboxError, sandboxFailure, type SandboxFailure } from '../../sandbox/sandboxError.js';
import { Store } from '../store.js';

export type Persist = { schedule(e: Evaluation): void; flush(): Promise<void> };

/**
 * Test results heard within this long reach the state (and the grid) as one update: a worker
 * reports each test, and forty updates in a few milliseconds would be forty renders.
 */
const BATCH_MS = 16;

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
  /** The run's performance tests are being timed (after the verdicts, see sandbox/timing.ts). */
  timing: boolean;
  /** How many of a run's tests are the task's; the rest are the trainer's own. */
  taskTests: number;
  /** The ideal answer's run: under way, or why the sandbox could not run it. */
  rewriteRun?: { state: 'running' | 'done' | 'failed'; failure?: SandboxFailure };
};

export class TaskSession extends Store<SessionState> {
  private controller: AbortController | undefined;
  /** Results heard but not yet in the state, per solution (see BATCH_MS). */
  private readonly heard = new Map<string, TestResult[]>();
  private batch: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly task: Task,
    evaluation: Evaluation,
    private readonly sandbox: () => Sandbox,
    private readonly persist: Persist,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    super({ evaluation, runs: {}, running: false, timing: false, taskTests: task.tests.length });
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
    const results = await Promise.all(chosen.map((s) => this.runOne(task, s, controller.signal)));
    if (performanceTests(this.task.tests).length && !controller.signal.aborted) await this.time(task, chosen, results, controller.signal);
    if (this.controller === controller) {
      this.controller = undefined;
      this.set({ running: false });
    }
  }

  /**
   * The timing phase: with every verdict in, the performance tests run again for the reference and
   * each solution that passed them, one at a time; the grid and the evaluation then get the times.
   */
  private async time(task: Task, solutions: readonly Solution[], results: readonly (SolutionResult | undefined)[], signal: AbortSignal): Promise<void> {
    const runs = solutions.flatMap((solution, i) => (results[i] ? [{ solution, result: results[i] }] : []));
    this.set({ timing: true });
    try {
      const timed = await timeResults(this.sandbox(), task, runs, { signal });
      if (signal.aborted) return;
      const next = { ...this.snapshot.runs };
      timed.forEach((result, i) => {
        const { solution } = runs[i]!;
        if (next[solution.id]) next[solution.id] = { ...next[solution.id]!, tests: result.tests };
      });
      this.set({ runs: next });
      timed.forEach((result, i) => this.dispatch({ type: 'results', solutionId: runs[i]!.solution.id, result: seenResultOf(result, this.task.tests.length, this.now(), runs[i]!.solution) }));
    } catch (e) {
      // A cancelled run stops timing too; a sandbox that fails now leaves the verdicts as they were.
      if (!signal.aborted && !(e instanceof SandboxError)) console.error('Veredicto: timing the performance tests failed', e);
    } finally {
      if (!signal.aborted) this.set({ timing: false });
    }
  }

  /**
   * Runs the ideal answer's code (its blocks as an answer's are chosen: see defaultBlocks) against
   * every test, and keeps the result with the hash of the text it was run for.
   */
  async runRewrite(): Promise<void> {
    const rewrite = this.snapshot.evaluation.judgement.rewrite;
    if (!rewrite) return;
    const answer = parseAnswer(rewrite.markdown);
    const language = mainLanguage(answer) ?? this.task.solutions.find((s) => s.id === rewrite.from)?.language ?? this.task.solutions[0]?.language ?? 'python';
    const solution: Solution = { id: 'rewrite', label: 'rewrite', language, code: combineBlocks(answer, defaultBlocks(answer)) };
    const tests = this.testsToRun();
    this.set({ rewriteRun: { state: 'running' } });
    try {
      const result = await this.sandbox().evaluate({ ...this.task, tests }, solution);
      this.dispatch({ type: 'rewriteResult', result: { ...seenResultOf(result, this.task.tests.length, this.now()), markdownHash: contentHash(rewrite.markdown) } });
      this.set({ rewriteRun: { state: 'done' } });
    } catch (e) {
      if (!(e instanceof SandboxError)) console.error('Veredicto: the ideal answer could not run', e);
      this.set({ rewriteRun: { state: 'failed', failure: sandboxFailure(e) } });
    }
  }

  cancel(): void {
    if (!this.controller) return;
    this.controller.abort();
    this.controller = undefined;
    this.dropHeard();
    const runs = { ...this.snapshot.runs };
    for (const [id, r] of Object.entries(runs)) if (r.state === 'queued' || r.state === 'running') runs[id] = { ...r, state: 'cancelled' };
    this.set({ runs, running: false, timing: false });
  }

  /** Runs one solution; its result, or nothing when it was cancelled or could not run. */
  private async runOne(task: Task, solution: Solution, signal: AbortSignal): Promise<SolutionResult | undefined> {
    const update = (r: Partial<SolutionRun>) => {
      if (signal.aborted) return;
      this.heard.delete(solution.id); // r holds everything heard so far
      this.set({ runs: { ...this.snapshot.runs, [solution.id]: { ...this.snapshot.runs[solution.id]!, ...r } } });
    };
    try {
      const result = await this.sandbox().evaluate(task, solution, {
        signal,
        onTest: (_i, t) => {
          if (!signal.aborted) this.hear(solution.id, t);
        },
      });
      update({ state: 'done', tests: result.tests, verdict: result.verdict });
      if (signal.aborted) return undefined;
      this.dispatch({ type: 'results', solutionId: solution.id, result: seenResultOf(result, this.task.tests.length, this.now(), solution) });
      return result;
    } catch (e) {
      if (signal.aborted) return undefined;
      if (!(e instanceof SandboxError)) console.error('Veredicto: a run failed', e);
      update({ state: 'failed', failure: sandboxFailure(e) });
      return undefined;
    }
  }

  private hear(solutionId: string, result: TestResult): void {
    const list = this.heard.get(solutionId);
    if (list) list.push(result);
    else this.heard.set(solutionId, [result]);
    this.batch ??= setTimeout(() => this.flushHeard(), BATCH_MS);
  }

  /** Puts every result heard since the last batch into the state, in one update. */
  private flushHeard(): void {
    clearTimeout(this.batch);
    this.batch = undefined;
    if (!this.heard.size) return;
    const runs = { ...this.snapshot.runs };
    for (const [id, results] of this.heard) {
      const r = runs[id];
      if (r) runs[id] = { ...r, state: 'running', tests: [...r.tests, ...results] };
    }
    this.heard.clear();
    this.set({ runs });
  }

  private dropHeard(): void {
    clearTimeout(this.batch);
    this.batch = undefined;
    this.heard.clear();
  }


}
