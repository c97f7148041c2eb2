// Runs TypeScript jobs: strips the types with TypeScript's own transpileModule (inside the sandbox,
// like everything that reads solution code), then runs the JavaScript exactly as the QuickJS runner
// runs JavaScript. Type errors are not checked here (as with tsx or Node's type stripping): the
// editor shows them. A syntax error is a compile result, with the solution's line and column.
// Environment-neutral: the caller provides the TypeScript module and the QuickJS runner.
import type TS from 'typescript-transpiler';
import type { Job, RawResult, Runner, SandboxTest } from '../protocol.js';

/** What a transpiled source becomes: JavaScript plus, per line of it, the source line it came from. */
type Transpiled = { ok: true; code: string; lines: Int32Array } | { ok: false; message: string };

export class TypeScriptRunner implements Runner {
  readonly language = 'typescript' as const;

  constructor(
    private readonly ts: typeof TS,
    private readonly javascript: Runner,
  ) {}

  run(job: Job, report: (index: number, result: RawResult) => void): { recycle: boolean } {
    const solution = transpile(this.ts, job.code, 'solution.ts');
    const tests: SandboxTest[] = [];
    let failure: string | undefined = solution.ok ? undefined : solution.message;
    for (const test of job.tests) {
      if (failure !== undefined || test.kind !== 'code') {
        tests.push(test);
        continue;
      }
      const t = transpile(this.ts, test.code, 'test.ts');
      if (t.ok) tests.push({ ...test, code: t.code });
      else failure = t.message;
    }
    if (failure !== undefined || !solution.ok) {
      // Nothing runs: every test reports the same compile error, as a C++ solution's would.
      const message = failure ?? '';
      job.tests.forEach((_, i) => report(job.firstIndex + i, { outcome: 'compile', error: { type: 'SyntaxError', message }, stdout: '', stderr: '', truncated: false, durationMs: 0 }));
      return { recycle: false };
    }
    return this.javascript.run({ ...job, code: solution.code, tests }, (index, result) =>
      report(index, result.error ? { ...result, error: { ...result.error, message: sourceLines(result.error.message, solution.lines) } } : result),
    );
  }
}

const OPTIONS = (ts: typeof TS): TS.TranspileOptions => ({
  reportDiagnostics: true,
  compilerOptions: {
    // QuickJS runs ES2023; ES2022 keeps class fields and static blocks native, and lowers decorators.
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.None,
    sourceMap: true,
    inlineSources: false,
    removeComments: false,
  },
});

/** TypeScript to JavaScript, or the first syntax errors with `file:line:column`. */
export function transpile(ts: typeof TS, source: string, fileName: string): Transpiled {
  const out = ts.transpileModule(source, { ...OPTIONS(ts), fileName });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) {
    const message = errors
      .slice(0, 10)
      .map((d) => {
        const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
        if (d.file === undefined || d.start === undefined) return text;
        const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
        return `${fileName}:${line + 1}:${character + 1}: ${text}`;
      })
      .join('\n');
    return { ok: false, message };
  }
  // A module (`export function …`) comes out as CommonJS: give it an `exports` to write to, on the
  // first line so that line numbers stay those of the source map. Its functions stay global.
  const js = out.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  const code = /\bexports\b/.test(js) ? `var exports = {}; ${js}` : js;
  return { ok: true, code, lines: lineMap(out.sourceMapText ?? '', code) };
}

/** Rewrites `solution.js:N:C` in an error message to the TypeScript source's line (columns differ). */
function sourceLines(message: string, lines: Int32Array): string {
  return message.replace(/solution\.js:(\d+)(?::\d+)?/g, (all, n: string) => {
    const line = lines[Number(n) - 1];
    return line !== undefined && line > 0 ? `solution.ts:${line}` : all;
  });
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Per generated line (0-based), the 1-based source line of its first mapping, 0 where none. */
function lineMap(sourceMapText: string, code: string): Int32Array {
  const lines = new Int32Array(code.split('\n').length);
  let mappings = '';
  try {
    mappings = String((JSON.parse(sourceMapText) as { mappings?: unknown }).mappings ?? '');
  } catch {
    return lines;
  }
  let sourceLine = 0;
  mappings.split(';').forEach((group, generated) => {
    let first = true;
    for (const segment of group.split(',')) {
      if (!segment) continue;
      const fields = vlq(segment);
      if (fields.length >= 4) {
        sourceLine += fields[2]!;
        if (first && generated < lines.length) lines[generated] = sourceLine + 1;
        first = false;
      }
    }
  });
  return lines;
}

function vlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = BASE64.indexOf(ch);
    if (digit < 0) break;
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}
