// The placeholder page's only moving part: start both runtimes in the background, then run the
// sample task through them. A small store (state + named actions + subscribe) with no React in it;
// hooks/useSelfTest.ts reads it with useSyncExternalStore.
import type { Language } from '../domain/task.js';
import type { Message, Status } from '../domain/verdict.js';
import type { Sandbox } from '../sandbox/client.js';
import { SAMPLE_TASK } from './sampleTask.js';

export type RuntimeState =
  | { phase: 'starting' }
  | { phase: 'ready'; loadMs: number }
  | { phase: 'failed'; detail: string };

export type SolutionState =
  | { phase: 'pending' }
  | { phase: 'done'; verdict: Status; message?: Message }
  | { phase: 'failed'; detail: string };

export type SelfTestState = {
  runtimes: Record<Language, RuntimeState>;
  solutions: Record<string, SolutionState>;
};

export type Action =
  | { type: 'runtimeReady'; language: Language; loadMs: number }
  | { type: 'runtimeFailed'; language: Language; detail: string }
  | { type: 'solutionDone'; id: string; verdict: Status; message?: Message }
  | { type: 'solutionFailed'; id: string; detail: string };

export const INITIAL_STATE: SelfTestState = {
  runtimes: { python: { phase: 'starting' }, javascript: { phase: 'starting' } },
  solutions: Object.fromEntries(SAMPLE_TASK.solutions.map((s) => [s.id, { phase: 'pending' }])),
};

export function reduce(state: SelfTestState, action: Action): SelfTestState {
  switch (action.type) {
    case 'runtimeReady':
      return { ...state, runtimes: { ...state.runtimes, [action.language]: { phase: 'ready', loadMs: action.loadMs } } };
    case 'runtimeFailed':
      return { ...state, runtimes: { ...state.runtimes, [action.language]: { phase: 'failed', detail: action.detail } } };
    case 'solutionDone': {
      const done: SolutionState = { phase: 'done', verdict: action.verdict, ...(action.message ? { message: action.message } : {}) };
      return { ...state, solutions: { ...state.solutions, [action.id]: done } };
    }
    case 'solutionFailed':
      return { ...state, solutions: { ...state.solutions, [action.id]: { phase: 'failed', detail: action.detail } } };
  }
}

export type SelfTest = {
  getState(): SelfTestState;
  subscribe(listener: () => void): () => void;
};

/** Starts the runtimes and the sample task at once; the sandbox is kept for the page's lifetime. */
export function startSelfTest(sandbox: Sandbox): SelfTest {
  let state = INITIAL_STATE;
  const listeners = new Set<() => void>();
  const dispatch = (action: Action) => {
    state = reduce(state, action);
    for (const l of listeners) l();
  };
  const detailOf = (e: unknown) => String((e as Error)?.message ?? e);

  for (const language of ['python', 'javascript'] as const)
    sandbox.warmUp([language]).then(
      (loadMs) => dispatch({ type: 'runtimeReady', language, loadMs }),
      (e: unknown) => dispatch({ type: 'runtimeFailed', language, detail: detailOf(e) }),
    );
  for (const solution of SAMPLE_TASK.solutions)
    sandbox.evaluate(SAMPLE_TASK, solution).then(
      (r) => {
        const firstProblem = r.tests.find((t) => t.status !== 'passed')?.message;
        dispatch({ type: 'solutionDone', id: solution.id, verdict: r.verdict, ...(firstProblem ? { message: firstProblem } : {}) });
      },
      (e: unknown) => dispatch({ type: 'solutionFailed', id: solution.id, detail: detailOf(e) }),
    );

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
