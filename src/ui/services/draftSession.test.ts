import { describe, expect, it } from 'vitest';
import { taskSchema } from '../../domain/task.js';
import type { TestResult } from '../../domain/verdict.js';
import { mutantLimits, type CheckState } from './draftSession.js';

const timed = (name: string, durationMs: number): TestResult => ({ name, hidden: false, status: 'passed', stdout: '', stderr: '', truncated: false, durationMs });
const task = taskSchema.parse({
  schemaVersion: 1,
  id: 'x',
  title: { en: 'X' },
  prompt: { en: 'X' },
  entryPoint: 'f',
  tests: [{ name: 'a', kind: 'call', args: [], expected: 1 }],
  solutions: [],
  referenceSolution: { python: 'def f():\n    return 1\n', javascript: 'const f = () => 1;' },
});

describe('mutantLimits', () => {
  it("uses the same figure as veredicto check: the reference's own runs, the faster of each pair", () => {
    const check: CheckState = {
      phase: 'done',
      fingerprint: 'f',
      findings: [],
      runs: [
        // The first Python run paid for a cold worker (3 s); its second run took 0.6 s.
        { language: 'python', first: [timed('a', 3000)], second: [timed('a', 600)] },
        { language: 'javascript', first: [timed('a', 5)], second: [timed('a', 4)] },
      ],
    };
    expect(mutantLimits(task, check, 'python')).toEqual({ timeMs: 3000 });
    expect(mutantLimits(task, check, 'javascript')).toEqual({ timeMs: 2000 });
  });

  it('without a check, the mutants get the shortest limit', () => {
    expect(mutantLimits(task, { phase: 'idle' }, 'python')).toEqual({ timeMs: 2000 });
  });
});
