// Verdicts: the status of one test and of one solution, and how the first folds into the second.

export const STATUSES = ['passed', 'failed', 'error', 'timeout', 'memory', 'output-limit', 'crashed'] as const;
export type Status = (typeof STATUSES)[number];

/** A message a person reads, kept as a translation key plus values so each locale renders it. */
export type Message = { key: string; params?: Record<string, string | number> };

export type TestResult = {
  name: string;
  hidden: boolean;
  status: Status;
  message?: Message;
  stdout: string;
  stderr: string;
  /** stdout or stderr was cut at the output limit. */
  truncated: boolean;
  durationMs: number;
};

export type SolutionResult = {
  taskId: string;
  solutionId: string;
  verdict: Status;
  tests: TestResult[];
};

// Most severe first: a solution's verdict is its worst test, so a single time-out is never
// hidden behind nine wrong answers.
const SEVERITY: readonly Status[] = ['crashed', 'memory', 'timeout', 'output-limit', 'error', 'failed', 'passed'];

export function verdictOf(tests: readonly Pick<TestResult, 'status'>[]): Status {
  let worst: Status = 'passed';
  for (const t of tests) if (SEVERITY.indexOf(t.status) < SEVERITY.indexOf(worst)) worst = t.status;
  return worst;
}
