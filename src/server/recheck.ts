// The re-check queue: every submitted evaluation is run again on the server, in the same Node
// sandbox as `veredicto run`, against the task's visible and hidden tests and the trainer's own.
// Jobs are rows (table rechecks) claimed with FOR UPDATE SKIP LOCKED and a lock that lapses, so
// any number of workers (inside servers, or `veredicto worker`) share them and a killed worker's
// jobs are taken again. The server's verdicts are stored beside the trainer's, mismatches flagged.
import { sql, type Kysely } from 'kysely';
import { ownTestCases, type Evaluation, type SeenResult } from '../domain/evaluation.js';
import { recheckMismatches } from '../domain/recheck.js';
import type { Task } from '../domain/task.js';
import type { DB } from '../db/schema.js';
import type { Sandbox } from '../sandbox/client.js';

export const MAX_ATTEMPTS = 3;
/** A job running longer than this is presumed lost with its worker and taken again. */
const LOCK_MINUTES = 10;

export type RecheckOptions = {
  /** Made on first use (starting runtimes costs a second or two). */
  sandbox: () => Sandbox;
  /** Jobs claimed at once: the sandbox runs their solutions in parallel. */
  batch?: number;
  pollMs?: number;
  onError?: (e: unknown) => void;
};

/** Runs one submission's solutions against all their tests; what the server saw, per solution. */
export async function recheckEvaluation(sandbox: Sandbox, task: Task, evaluation: Evaluation, now = new Date()): Promise<Record<string, SeenResult>> {
  const own = ownTestCases(evaluation);
  const all: Task = { ...task, tests: [...task.tests, ...own] };
  const results = await Promise.all(task.solutions.map((s) => sandbox.evaluate(all, s)));
  const out: Record<string, SeenResult> = {};
  for (const r of results)
    out[r.solutionId] = {
      verdict: r.verdict,
      tests: r.tests.map((t, i) => ({ name: t.name, hidden: t.hidden, status: t.status, own: i >= task.tests.length })),
      ranAt: now.toISOString(),
    };
  return out;
}

export class RecheckWorker {
  private sandbox: Sandbox | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private again = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly options: RecheckOptions,
  ) {}

  /** Claims up to `batch` jobs, runs them, stores the results; the number of jobs finished. */
  async runOnce(): Promise<number> {
    const batch = this.options.batch ?? 8;
    const claimed = await sql<{ submission_id: string }>`
      UPDATE rechecks SET state = 'running', attempts = attempts + 1, locked_until = now() + make_interval(mins => ${LOCK_MINUTES})
      WHERE submission_id IN (
        SELECT submission_id FROM rechecks
        WHERE state = 'queued' OR (state = 'running' AND locked_until < now())
        ORDER BY queued_at LIMIT ${batch}
        FOR UPDATE SKIP LOCKED)
      RETURNING submission_id
    `.execute(this.db);
    const ids = claimed.rows.map((r) => r.submission_id);
    if (!ids.length) return 0;
    const rows = await this.db
      .selectFrom('submissions as s')
      .innerJoin('tasks as t', (j) => j.onRef('t.project_id', '=', 's.project_id').onRef('t.id', '=', 's.task_id'))
      .select(['s.id', 's.evaluation', 't.body'])
      .where('s.id', 'in', ids)
      .execute();
    this.sandbox ??= this.options.sandbox();
    const sandbox = this.sandbox;
    await Promise.all(
      rows.map(async (row) => {
        const evaluation = row.evaluation as Evaluation;
        try {
          const results = await recheckEvaluation(sandbox, row.body as Task, evaluation);
          const mismatches = recheckMismatches(evaluation.judgement.results, results);
          await this.db
            .updateTable('rechecks')
            .set({ state: 'done', results: JSON.stringify(results), mismatches: JSON.stringify(mismatches), mismatch: mismatches.length > 0, finished_at: sql`now()`, locked_until: null, error: null })
            .where('submission_id', '=', row.id)
            .execute();
        } catch (e) {
          this.options.onError?.(e);
          await this.db
            .updateTable('rechecks')
            .set({ state: sql`CASE WHEN attempts >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'queued' END`, locked_until: null, error: String((e as Error)?.message ?? e).slice(0, 2000) })
            .where('submission_id', '=', row.id)
            .execute();
        }
      }),
    );
    return rows.length;
  }

  /** Polls for jobs until stopped; `nudge` wakes it at once (an upload just queued some). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  nudge(): void {
    if (this.stopped) return;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.loop().finally(() => (this.running = undefined));
    }, ms);
  }

  private async loop(): Promise<void> {
    let idle = false;
    try {
      do {
        this.again = false;
        idle = (await this.runOnce()) === 0;
      } while (!this.stopped && (!idle || this.again));
    } catch (e) {
      this.options.onError?.(e); // the database is down: try again at the next poll
    }
    if (!this.stopped) this.schedule(this.options.pollMs ?? 1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.sandbox?.close();
    this.sandbox = undefined;
  }
}
