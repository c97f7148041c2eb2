// The C++ runner with the real clang (@yowasp/clang, in this process, as a browser worker holds it):
// a re-run of a solution finds its compiled program by source hash and does not compile again, a
// changed solution does (and finds the headers it includes precompiled), and a compile error is its
// own result, with the same messages whether or not its headers were precompiled. Compiles take
// seconds here.
import * as shim from '@bjorn3/browser_wasi_shim';
import * as clang from '@yowasp/clang';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Job, RawResult } from '../protocol.js';
import { clangCompiler } from './clang.js';
import { CppRunner, type Compiler } from './cpp.js';

const LIMITS = { timeMs: 5000, outputBytes: 1 << 20, memoryMb: 256 };
const SUM = '#include <cstdio>\nint main(){ long long a, b; std::scanf("%lld %lld", &a, &b); std::printf("%lld\\n", a + b); }\n';

function job(code: string): Job {
  return { language: 'cpp', code, tests: [{ kind: 'stdio', stdin: '2 3\n' }, { kind: 'stdio', stdin: '-1 1\n' }], firstIndex: 0, limits: LIMITS };
}

function run(runner: CppRunner, j: Job): RawResult[] {
  const out: RawResult[] = [];
  runner.run(j, (_, r) => out.push(r));
  return out;
}

describe('CppRunner with clang', () => {
  let compiles = 0;
  let runner: CppRunner;

  beforeAll(async () => {
    const compiler = await clangCompiler(clang);
    const counted: Compiler = (files, args) => {
      compiles++;
      return compiler(files, args);
    };
    runner = new CppRunner(counted, shim);
  }, 120_000);

  it('compiles a solution once for all its tests and its re-runs', () => {
    const first = run(runner, job(SUM));
    expect(first.map((r) => [r.outcome, r.stdout])).toEqual([['ok', '5\n'], ['ok', '0\n']]);
    const afterFirst = compiles; // the throw runtime, the header <cstdio>, then the program
    expect(afterFirst).toBe(3);
    expect(run(runner, job(SUM)).map((r) => r.stdout)).toEqual(['5\n', '0\n']);
    expect(compiles).toBe(afterFirst);
    // The same includes: only the program is compiled.
    expect(run(runner, job(SUM.replace('a + b', 'a - b'))).map((r) => r.stdout)).toEqual(['-1\n', '-2\n']);
    expect(compiles).toBe(afterFirst + 1);
  }, 120_000);

  it('reports an error after precompiled headers as it would without them', () => {
    const broken = run(runner, job('#include <cstdio>\nint main() {\n  std::printf("%d", y);\n}\n'));
    expect(broken[0]!.outcome).toBe('compile');
    expect(broken[0]!.error?.message).toMatch(/^solution\.cpp:3:\d+: error: use of undeclared identifier 'y'/);
    expect(broken[0]!.error?.message).not.toMatch(/prefix/);
  }, 120_000);

  it('does not precompile headers that do not exist, and says which one is missing', () => {
    const missing = run(runner, job('#include <bits/stdc++.h>\nint main() {}\n'));
    expect(missing[0]!.outcome).toBe('compile');
    expect(missing[0]!.error?.message).toMatch(/solution\.cpp:1:\d+: fatal error: 'bits\/stdc\+\+\.h' file not found/);
  }, 120_000);

  it('reports a compile error with the solution\'s file and line, and caches it too', () => {
    const broken = run(runner, job('int main() {\n  return x;\n}\n'));
    expect(broken[0]!.outcome).toBe('compile');
    expect(broken[0]!.error?.message).toMatch(/solution\.cpp:2:\d+: error: use of undeclared identifier 'x'/);
    const before = compiles;
    run(runner, job('int main() {\n  return x;\n}\n'));
    expect(compiles).toBe(before);
  }, 120_000);
});
