// Running mutants and scoring them, with a stand-in for the sandbox: which mutants are killed,
// which survive, which are invalid, and when a mutant's run is stopped early.
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { generateMutants, type Mutant } from './mutants.js';
import { isCompileError, MUTANT_TIME_MS, mutantTimeLimit, runMutants, scoreByOperator, type EvaluateSolution } from './mutationScore.js';
import type { Solution } from './task.js';
import type { Verdict, TestResult } from './verdict.js';

const reference: Solution = { id: 'reference-javascript', label: 'reference (javascript)', language: 'javascript', code: 'function f(x) {\n  return x < 3;\n}\n' };

const mutant = (id: string, code: string): Mutant => ({ id, operator: 'comparison-flip', line: 1, column: 1, original: '<', replacement: '<=', code });

const result = (name: string, status: Verdict, message?: TestResult['message']): TestResult => ({ name, hidden: false, status, ...(message ? { message } : {}), stdout: '', stderr: '', truncated: false, durationMs: 1 });
const syntaxError = (name: string) => result(name, 'error', { key: 'result.exception', params: { type: 'SyntaxError', detail: 'invalid syntax' } });

/**
 * A sandbox stand-in: `plan(code)` gives each test's result; results arrive one per macrotask, and
 * the run stops (rejecting like the real one) once its signal is aborted. Records what it saw.
 */
function fakeSandbox(plan: (code: string) => TestResult[]) {
  const log = { runs: 0, testsRun: 0, abortedInsideCallback: false };
  const evaluate: EvaluateSolution = async (solution, { signal, onTest }) => {
    log.runs++;
    const tests = plan(solution.code);
    for (let i = 0; i < tests.length; i++) {
      await new Promise((r) => setTimeout(r, 0));
      signal.throwIfAborted();
      log.testsRun++;
      onTest(i, tests[i]!);
      if (signal.aborted) log.abortedInsideCallback = true;
    }
    signal.throwIfAborted();
    return { taskId: 't', solutionId: solution.id, verdict: 'passed', tests };
  };
  return { evaluate, log };
}

describe('runMutants', () => {
  it('counts killed, surviving and invalid mutants; invalid ones are left out of the score', async () => {
    const mutants = [mutant('a', 'A'), mutant('b', 'B'), mutant('c', 'C'), mutant('d', 'D'), mutant('e', 'E')];
    const { evaluate } = fakeSandbox((code) => {
      switch (code) {
        case 'A':
          return [result('one', 'passed'), result('two', 'failed')];
        case 'B':
          return [result('one', 'passed'), result('two', 'passed')];
        case 'C':
          return [syntaxError('one'), syntaxError('two')];
        case 'D':
          return [result('one', 'error', { key: 'result.exception', params: { type: 'ZeroDivisionError', detail: '' } }), result('two', 'passed')];
        default:
          return [result('one', 'passed'), result('two', 'passed')];
      }
    });
    const seen: string[] = [];
    const report = await runMutants(reference, mutants, evaluate, { onMutant: (o) => seen.push(`${o.mutant.id}:${o.status}`) });
    expect(report).toMatchObject({ language: 'javascript', total: 5, killed: 2, invalid: 1, score: 0.5 });
    expect(report.survivors.map((m) => m.id)).toEqual(['b', 'e']);
    expect(report.outcomes.map((o) => [o.mutant.id, o.status, o.killedBy])).toEqual([
      ['a', 'killed', { test: 'two', status: 'failed' }],
      ['b', 'survived', undefined],
      ['c', 'invalid', undefined],
      ['d', 'killed', { test: 'one', status: 'error' }],
      ['e', 'survived', undefined],
    ]);
    expect(seen.sort()).toEqual(['a:killed', 'b:survived', 'c:invalid', 'd:killed', 'e:survived']);
    expect(scoreByOperator(report)).toEqual({ 'comparison-flip': { killed: 2, valid: 4 } });
  });

  it('gives no score when no mutant compiled, and 1 when there is nothing to survive', async () => {
    const { evaluate } = fakeSandbox(() => [syntaxError('one')]);
    expect((await runMutants(reference, [mutant('a', 'A')], evaluate)).score).toBeNull();
    expect((await runMutants(reference, [], evaluate)).score).toBeNull();
    const killer = fakeSandbox(() => [result('one', 'failed')]);
    expect((await runMutants(reference, [mutant('a', 'A')], killer.evaluate)).score).toBe(1);
  });

  it('a SyntaxError raised while running (not on every test) is a kill, not an invalid mutant', async () => {
    const { evaluate } = fakeSandbox(() => [result('one', 'passed'), syntaxError('two')]);
    const report = await runMutants(reference, [mutant('a', 'A')], evaluate);
    expect(report.outcomes[0]).toMatchObject({ status: 'killed', killedBy: { test: 'two', status: 'error' } });
  });

  it('stops a killed mutant after a time-out (its worker is lost anyway), not after a wrong answer', async () => {
    const tests = (first: Verdict) => [result('one', first), result('two', 'passed'), result('three', 'passed')];
    const slow = fakeSandbox(() => tests('timeout'));
    const r = await runMutants(reference, [mutant('a', 'A')], slow.evaluate);
    expect(r.outcomes[0]).toMatchObject({ status: 'killed', killedBy: { test: 'one', status: 'timeout' } });
    expect(slow.log.testsRun).toBe(1);
    // never from inside onTest: the real sandbox is still handling that result
    expect(slow.log.abortedInsideCallback).toBe(false);

    const wrong = fakeSandbox(() => tests('failed'));
    await runMutants(reference, [mutant('a', 'A')], wrong.evaluate);
    expect(wrong.log.testsRun).toBe(3);

    const eager = fakeSandbox(() => tests('failed'));
    const e = await runMutants(reference, [mutant('a', 'A')], eager.evaluate, { stop: 'first-failure' });
    expect(e.outcomes[0]!.status).toBe('killed');
    expect(eager.log.testsRun).toBe(1);
  });

  it('rejects when the caller aborts, and when the sandbox itself breaks', async () => {
    const controller = new AbortController();
    const { evaluate } = fakeSandbox(() => [result('one', 'passed'), result('two', 'passed')]);
    const running = runMutants(reference, [mutant('a', 'A'), mutant('b', 'B')], evaluate, { signal: controller.signal });
    controller.abort(new Error('stopped by the user'));
    await expect(running).rejects.toThrow('stopped by the user');
    const broken: EvaluateSolution = async () => {
      throw new Error('sandbox closed');
    };
    await expect(runMutants(reference, [mutant('a', 'A')], broken)).rejects.toThrow('sandbox closed');
  });
});

describe('with real mutants', () => {
  /** Runs JavaScript call tests in a vm context: enough of a sandbox for trusted test code. */
  const runner =
    (tests: { name: string; args: unknown[]; expected: unknown }[]): EvaluateSolution =>
    async (solution, { onTest }) => {
      const results = tests.map((t, i) => {
        let r: TestResult;
        try {
          const context = vm.createContext({});
          new vm.Script(solution.code).runInContext(context, { timeout: 200 });
          const got = vm.runInContext(`isAdult(${t.args.map((a) => JSON.stringify(a)).join(', ')})`, context, { timeout: 200 });
          r = result(t.name, got === t.expected ? 'passed' : 'failed');
        } catch (e) {
          r = (e as Error).name === 'SyntaxError' ? syntaxError(t.name) : result(t.name, 'error');
        }
        onTest(i, r);
        return r;
      });
      return { taskId: 't', solutionId: solution.id, verdict: 'passed', tests: results };
    };

  it('a weak test lets the boundary mutants survive; the test at the boundary kills them', async () => {
    const code = 'function isAdult(age) {\n  return age >= 18;\n}\n';
    const solution: Solution = { id: 'ref', label: 'ref', language: 'javascript', code };
    const mutants = generateMutants(code, 'javascript');
    const weak = await runMutants(solution, mutants, runner([{ name: 'adult', args: [30], expected: true }, { name: 'child', args: [5], expected: false }]));
    expect(weak.invalid).toBe(0);
    expect(weak.survivors.map((m) => m.code.split('\n')[1]!.trim()).sort()).toEqual(['return age > 18;', 'return age >= 17;', 'return age >= 19;']);
    const strong = await runMutants(
      solution,
      mutants,
      runner([
        { name: 'adult', args: [30], expected: true },
        { name: 'child', args: [5], expected: false },
        { name: 'just 18', args: [18], expected: true },
        { name: 'just 17', args: [17], expected: false },
      ]),
    );
    expect(strong.survivors).toEqual([]);
    expect(strong.score).toBe(1);
    expect(weak.score!).toBeLessThan(strong.score!);
  });
});

describe('mutantTimeLimit', () => {
  it('is 2 s unless the task allows less or the reference needs more', () => {
    expect(mutantTimeLimit(5000)).toBe(MUTANT_TIME_MS);
    expect(mutantTimeLimit(1000, 10)).toBe(1000);
    expect(mutantTimeLimit(5000, 40)).toBe(2000);
    expect(mutantTimeLimit(10_000, 700)).toBe(3000); // 4 × 700 ms, in whole seconds
    expect(mutantTimeLimit(4000, 3000)).toBe(4000);
  });
});

describe('isCompileError', () => {
  it('knows Python and JavaScript compile errors from the harness message', () => {
    expect(isCompileError(syntaxError('x'))).toBe(true);
    expect(isCompileError(result('x', 'error', { key: 'result.exception', params: { type: 'IndentationError', detail: '' } }))).toBe(true);
    expect(isCompileError(result('x', 'error', { key: 'result.exception', params: { type: 'TypeError', detail: '' } }))).toBe(false);
    expect(isCompileError(result('x', 'failed'))).toBe(false);
  });
});
