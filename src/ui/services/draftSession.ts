// One draft open in the editor: its form (changed only through named actions and saved by the
// autosaver after every change), the live validation of what it would export, and the runs that
// validate it by execution: the reference solution twice against every test, mutants of the
// reference against the tests, and the candidate solutions as a trainer would see them. No React.
import { formReducer, type Draft, type FormAction } from '../../domain/draft.js';
import { newEvaluation } from '../../domain/evaluation.js';
import { generateMutants } from '../../domain/mutants.js';
import { mutantTimeLimit, reportOf, runMutants, type MutantOutcome, type MutationReport } from '../../domain/mutationScore.js';
import { checkFindings, checkReferences, checkWarnings, mutantLimitMs, type CheckFinding, type CheckWarning, type ReferenceRun } from '../../domain/readiness.js';
import { limitsOf, referenceSolutions, type Language, type Locale, type Task } from '../../domain/task.js';
import { validateForm, type DraftValidation } from '../../formats/taskDraft.js';
import type { Sandbox } from '../../sandbox/client.js';
import { SandboxError, sandboxFailure, type SandboxFailure } from '../../sandbox/sandboxError.js';
import { Store } from '../store.js';
import { TaskSession } from './taskSession.js';

export type CheckState =
  | { phase: 'idle' }
  | { phase: 'running'; fingerprint: string; done: number; total: number }
  | { phase: 'done'; fingerprint: string; runs: ReferenceRun[]; findings: CheckFinding[]; warnings: CheckWarning[] }
  | { phase: 'failed'; fingerprint: string; failure: SandboxFailure }
  | { phase: 'cancelled' };

/** One language's mutants, with the reference code they were made from (for their diffs). */
export type LanguageMutation = { report: MutationReport; original: string };

export type MutationState =
  | { phase: 'idle' }
  /** The reference is checked first when the draft changed since its last check. */
  | { phase: 'checking' }
  | { phase: 'running'; fingerprint: string; done: number; total: number }
  /** `run` counts finished runs in this session (a new result is told apart from the last). */
  | { phase: 'done'; fingerprint: string; languages: LanguageMutation[]; run: number }
  /** Mutants say nothing while the reference itself fails. */
  | { phase: 'blocked'; reason: 'invalid' | 'noReference' | 'referenceFails' }
  | { phase: 'failed'; failure: SandboxFailure }
  | { phase: 'cancelled' };

export type DraftSessionState = {
  draft: Draft;
  validation: DraftValidation;
  check: CheckState;
  mutation: MutationState;
  /** The candidates' last run, in the workbench's own session (results grid). */
  candidates?: TaskSession;
};

export type DraftPersist = { schedule(d: Draft): void; flush(): Promise<unknown> };

/** At most this many mutants per language: enough to find weak spots, quick enough to wait for. */
export const MAX_MUTANTS = 40;

export class DraftSession extends Store<DraftSessionState> {
  private readonly controllers: Partial<Record<'check' | 'mutation', AbortController>> = {};
  private mutationRuns = 0;

  constructor(
    draft: Draft,
    private readonly sandbox: () => Sandbox,
    private readonly persist: DraftPersist,
    private readonly warmUp: (languages: Language[]) => void = () => undefined,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    super({ draft, validation: validateForm(draft.form), check: { phase: 'idle' }, mutation: { phase: 'idle' } });
  }

  dispatch = (action: FormAction): void => {
    const form = formReducer(this.snapshot.draft.form, action);
    if (form === this.snapshot.draft.form) return;
    const draft = { ...this.snapshot.draft, form, updatedAt: this.now() };
    this.set({ draft, validation: validateForm(form) });
    this.persist.schedule(draft);
  };

  /**
   * Changes the task's id (resolving a taken id). The id is not part of what runs (see
   * runFingerprint), so a check and mutants of the draft as it was still hold.
   */
  renameTask(id: string): void {
    this.dispatch({ type: 'setId', value: id });
  }

  /** Records metadata (saved to the workbench, marked ready) and saves at once. */
  async update(patch: Partial<Pick<Draft, 'published' | 'ready' | 'base'>>): Promise<void> {
    const draft = { ...this.snapshot.draft, ...patch, updatedAt: this.now() };
    this.set({ draft });
    this.persist.schedule(draft);
    await this.persist.flush();
  }

  /** Whether the last check ran on the draft as it is now and found nothing. */
  checkedClean(): boolean {
    const c = this.snapshot.check;
    return c.phase === 'done' && c.fingerprint === this.snapshot.validation.runFingerprint && c.findings.length === 0;
  }

  /** The reference solution of every language, twice against every test: `veredicto check`'s code. */
  async runCheck(): Promise<CheckState> {
    const { task, runFingerprint: fingerprint } = this.snapshot.validation;
    if (!task) return this.snapshot.check;
    const refs = referenceSolutions(task);
    if (!refs.length) return this.snapshot.check;
    const controller = this.restart('check');
    this.warmUp(refs.map((r) => r.language));
    const total = refs.length * 2 * task.tests.length;
    let done = 0;
    this.set({ check: { phase: 'running', fingerprint, done, total } });
    const tick = () => {
      done++;
      if (!controller.signal.aborted) this.set({ check: { phase: 'running', fingerprint, done, total } });
    };
    try {
      const runs = await checkReferences(refs, (ref) => this.sandbox().evaluate(task, ref, { signal: controller.signal, onTest: tick }));
      const check: CheckState = { phase: 'done', fingerprint, runs, findings: checkFindings(runs), warnings: checkWarnings(task.tests, runs) };
      this.finish('check', controller, { check });
      return check;
    } catch (e) {
      if (controller.signal.aborted) return this.snapshot.check;
      if (!(e instanceof SandboxError)) console.error('Veredicto: the reference check failed', e);
      const check: CheckState = { phase: 'failed', fingerprint, failure: sandboxFailure(e) };
      this.finish('check', controller, { check });
      return check;
    }
  }

  /**
   * Mutants of the reference solution, each run against every test: a mutant that passes them all
   * "survives", i.e. the tests cannot tell that bug from the right answer. Checks the reference
   * first when the draft changed since its last check.
   */
  async runMutants(): Promise<void> {
    const { task, runFingerprint: fingerprint } = this.snapshot.validation;
    if (!task) return this.set({ mutation: { phase: 'blocked', reason: 'invalid' } });
    const refs = referenceSolutions(task);
    if (!refs.length) return this.set({ mutation: { phase: 'blocked', reason: 'noReference' } });
    if (!this.checkedClean()) {
      this.set({ mutation: { phase: 'checking' } });
      const check = await this.runCheck();
      if (this.checkedClean()) {
        /* the reference passes: go on */
      } else if (check.phase === 'done' || check.phase === 'failed') return this.set({ mutation: { phase: 'blocked', reason: 'referenceFails' } });
      else return this.set({ mutation: { phase: 'cancelled' } }); // cancelled, or the draft changed meanwhile
    }
    const controller = this.restart('mutation');
    const plans = refs.map((ref) => ({ ref, limits: mutantLimits(task, this.snapshot.check, ref.language), mutants: generateMutants(ref.code, ref.language, { max: MAX_MUTANTS }) }));
    const total = plans.reduce((n, p) => n + p.mutants.length, 0);
    let done = 0;
    this.set({ mutation: { phase: 'running', fingerprint, done, total } });
    try {
      const languages: LanguageMutation[] = [];
      for (const { ref, limits, mutants } of plans) {
        const report = await runMutants(
          ref,
          mutants,
          (solution, options) => this.sandbox().evaluate(task, solution, { ...options, limits }),
          {
            signal: controller.signal,
            onMutant: () => {
              done++;
              if (!controller.signal.aborted) this.set({ mutation: { phase: 'running', fingerprint, done, total } });
            },
          },
        );
        languages.push({ report, original: ref.code });
      }
      this.finish('mutation', controller, { mutation: { phase: 'done', fingerprint, languages, run: ++this.mutationRuns } });
    } catch (e) {
      if (controller.signal.aborted) return;
      if (!(e instanceof SandboxError)) console.error('Veredicto: the mutants could not be run', e);
      this.finish('mutation', controller, { mutation: { phase: 'failed', failure: sandboxFailure(e) } });
    }
  }

  /** Runs every candidate solution in a fresh workbench session (nothing of it is saved). */
  runCandidates(locale: Locale): void {
    const { task } = this.snapshot.validation;
    if (!task || !task.solutions.length) return;
    this.snapshot.candidates?.cancel();
    const session = new TaskSession(task, newEvaluation(task.id, locale, this.now()), this.sandbox, { schedule: () => undefined, flush: async () => undefined });
    this.warmUp([...new Set(task.solutions.map((s) => s.language))]);
    this.set({ candidates: session });
    void session.run();
  }

  cancel(kind?: 'check' | 'mutation' | 'candidates'): void {
    for (const k of ['check', 'mutation'] as const) {
      if (kind && kind !== k) continue;
      const c = this.controllers[k];
      if (!c) continue;
      c.abort();
      delete this.controllers[k];
      this.set(k === 'check' ? { check: { phase: 'cancelled' } } : { mutation: { phase: 'cancelled' } });
    }
    if (!kind || kind === 'candidates') this.snapshot.candidates?.cancel();
  }

  private restart(kind: 'check' | 'mutation'): AbortController {
    this.controllers[kind]?.abort();
    const c = new AbortController();
    this.controllers[kind] = c;
    return c;
  }

  private finish(kind: 'check' | 'mutation', controller: AbortController, patch: Partial<DraftSessionState>): void {
    if (this.controllers[kind] !== controller) return;
    delete this.controllers[kind];
    this.set(patch);
  }

}

/**
 * A mutant that loops forever is stopped by the time limit: a short one, from the check of the
 * reference it was made from (the same figure as `veredicto check --mutants`).
 */
export function mutantLimits(task: Pick<Task, 'limits'>, check: CheckState, language: Language): { timeMs: number } {
  const run = check.phase === 'done' ? check.runs.find((r) => r.language === language) : undefined;
  return { timeMs: run ? mutantLimitMs(limitsOf(task).timeMs, run) : mutantTimeLimit(limitsOf(task).timeMs) };
}

/** Every language's mutants as one report (score over the mutants that compiled). */
export function overallReport(languages: readonly LanguageMutation[]): MutationReport & { byMutant: Map<MutantOutcome, LanguageMutation> } {
  const byMutant = new Map<MutantOutcome, LanguageMutation>();
  for (const l of languages) for (const o of l.report.outcomes) byMutant.set(o, l);
  const all = reportOf(languages[0]?.report.language ?? 'python', [...byMutant.keys()]);
  return { ...all, byMutant };
}
