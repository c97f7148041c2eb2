import { describe, expect, it } from 'vitest';
import type { TestResult } from '../../domain/verdict.js';
import { mutantLimits, type CheckState } from './draftSession.js';

const timed = (name: string, durationMs: number): TestResult => ({ name, hidden: false, status: 'passed', stdout: '', stderr: '', truncated: false, durationMs });
/** What the limits depend on: the task's own time limit (none here: the default 5 s). */
const task = { limits: undefined };

describe('mutantLimits', () => {
  it("uses the same figure as veredicto check: the reference's own runs, the faster of each pair", () => {
    const check: CheckState = {
      phase: 'done',
      fingerprint: 'f',
      findings: [],
      warnings: [],
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
