// The services the task screen calls, on a real (fake-indexeddb) database: submitting checks the
// evaluation first, and in practice records the attempt; an evaluations file never replaces a
// newer local copy. No browser: the runtimes are never reached.
import { describe, expect, it, vi } from 'vitest';
import { evaluationReducer, newEvaluation, seenResultOf, type EvaluationAction } from '../../domain/evaluation.js';
import { rubricOf } from '../../domain/rubric.js';
import { listEvaluations, saveEvaluation } from '../../storage/evaluations.js';
import { freshDatabase } from '../../storage/testing.js';
import { Catalog, loadBundledTasks } from './catalog.js';
import { importEvaluations } from './evaluationFiles.js';
import { openSession } from './openSession.js';
import { practiceAttempts } from './practiceAttempts.js';
import type { Runtimes } from './runtimes.js';
import type { Services } from './services.js';
import type { Team } from './team.js';

const BUNDLED = await loadBundledTasks();

function services(): Services {
  const db = freshDatabase();
  // Team mode is never reached here: no task is a team lease.
  return { runtimes: {} as Runtimes, catalog: new Catalog(BUNDLED), db, bundled: Promise.resolve(), ready: db.then(() => undefined), storageProblems: [], open: new Set(), team: {} as Team };
}

/** A bundled task with a gold answer, and everything a submit needs for it. */
function complete(s: Services) {
  const entry = s.catalog.snapshot.entries.find((e) => e.task.gold)!;
  const criteria = rubricOf(entry.task).map((c) => c.id);
  const actions: EvaluationAction[] = entry.task.solutions.flatMap((sol, i): EvaluationAction[] => [
    { type: 'rank', solutionId: sol.id, rank: i + 1 },
    ...criteria.map((criterion): EvaluationAction => ({ type: 'score', solutionId: sol.id, criterion, score: 3 })),
    { type: 'critique', solutionId: sol.id, text: `About ${sol.label}`, locale: 'en' },
    // A finished run of each solution's code (all passing, so no guardrail reason is asked for).
    { type: 'results', solutionId: sol.id, result: seenResultOf({ verdict: 'passed', tests: [] }, 0, '2026-01-01T00:00:00.000Z', sol) },
  ]);
  return { task: entry.task, criteria, actions };
}

describe('openSession', () => {
  it('refuses an incomplete submit with its problems; a complete practice submit records the attempt', async () => {
    const s = services();
    const { task, criteria, actions } = complete(s);
    const opened = (await openSession(s, task.id, 'en', 'practice'))!;
    expect(s.open.has(opened)).toBe(true);
    expect(opened.submit(criteria).length).toBeGreaterThan(0);
    expect(opened.session.snapshot.evaluation.status).toBe('draft');
    for (const a of actions) opened.session.dispatch(a);
    expect(opened.submit(criteria)).toEqual([]);
    expect(opened.session.snapshot.evaluation.status).toBe('submitted');
    await opened.saver.flush();
    // The attempt is written after submit returns.
    await vi.waitFor(async () => expect((await practiceAttempts(s)).map((a) => a.taskId)).toEqual([task.id]));
    // Practice is kept apart: nothing reached the training data.
    expect((await listEvaluations((await s.db)!)).value).toEqual([]);
    opened.close();
  });

  it('a work submit records no practice attempt', async () => {
    const s = services();
    const { task, criteria, actions } = complete(s);
    const opened = (await openSession(s, task.id, 'en'))!;
    for (const a of actions) opened.session.dispatch(a);
    expect(opened.submit(criteria)).toEqual([]);
    await opened.saver.flush();
    expect(await practiceAttempts(s)).toEqual([]);
    expect((await listEvaluations((await s.db)!)).value.map((e) => e.status)).toEqual(['submitted']);
  });
});

describe('importEvaluations', () => {
  it('stores the file, except where this browser has a newer version', async () => {
    const s = services();
    const db = (await s.db)!;
    const local = evaluationReducer(newEvaluation('newer-here', 'en', '2026-01-01T00:00:00.000Z'), { type: 'justification', text: 'mine', locale: 'en' }, '2026-06-01T00:00:00.000Z');
    await saveEvaluation(db, local);
    const older = { ...local, updatedAt: '2026-02-01T00:00:00.000Z', judgement: { ...local.judgement, justification: { text: 'file', locale: 'en' as const } } };
    const fresh = newEvaluation('only-in-file', 'en', '2026-03-01T00:00:00.000Z');
    expect(await importEvaluations(s, [older, fresh])).toEqual({ imported: 1, keptNewer: 1 });
    const stored = new Map((await listEvaluations(db)).value.map((e) => [e.taskId, e]));
    expect(stored.get('newer-here')?.judgement.justification.text).toBe('mine');
    expect(stored.has('only-in-file')).toBe(true);
    expect(s.catalog.snapshot.statuses).toEqual({ 'only-in-file': 'draft' });
  });
});
