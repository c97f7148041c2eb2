// The server's re-run of a submission set against what the trainer saw: a mismatch is a verdict the
// trainer's results show that the server's run of the same solution and tests does not give. A
// solution or test the trainer never ran is not a mismatch (there is nothing to contradict). Pure.
import type { SeenResult } from './evaluation.js';
import type { Verdict } from './verdict.js';

export type Mismatch = {
  solutionId: string;
  /** Absent: the solution's verdict; else the test's name. */
  test?: string;
  seen: Verdict;
  /** undefined: the server's run has no such test (the trainer's results name one it does not know). */
  server?: Verdict;
};

export function recheckMismatches(seen: Readonly<Record<string, SeenResult>>, server: Readonly<Record<string, SeenResult>>): Mismatch[] {
  const out: Mismatch[] = [];
  for (const [solutionId, mine] of Object.entries(seen)) {
    const theirs = Object.hasOwn(server, solutionId) ? server[solutionId] : undefined;
    if (!theirs) continue; // a solution the task no longer has: the server ran nothing to compare
    const byName = new Map(theirs.tests.map((t) => [`${t.own ? 'own' : 'task'}:${t.name}`, t.status]));
    for (const t of mine.tests) {
      const status = byName.get(`${t.own ? 'own' : 'task'}:${t.name}`);
      if (status !== t.status) out.push({ solutionId, test: t.name, seen: t.status, ...(status ? { server: status } : {}) });
    }
    if (mine.verdict !== theirs.verdict) out.push({ solutionId, seen: mine.verdict, server: theirs.verdict });
  }
  return out;
}
