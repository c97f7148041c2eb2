// The `veredicto` command line: run and check tasks with the same domain and sandbox code the
// browser uses. Exit 0 when a run completed, 1 when check found problems, 2 on bad input.
import { setMaxListeners } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { CustomTypeOptions, i18n, ParseKeys } from 'i18next';
import { generateMutants, mutantDiff, unifiedDiff, type Mutant } from '../domain/mutants.js';
import { runMutants, type EvaluateSolution, type MutationReport } from '../domain/mutationScore.js';
import { checkFindings, checkReferences, checkWarnings, mutantLimitMs, referenceHolds, type CheckFinding, type CheckWarning, type ReferenceRun } from '../domain/readiness.js';
import { MEASURABLE_REFERENCE_MS } from '../domain/performance.js';
import { limitsOf, pickLocale, referenceSolutions, type Language, type Locale, type Solution, type Task } from '../domain/task.js';
import { VERDICTS, type SolutionResult, type Verdict } from '../domain/verdict.js';
import { madeUpLabel } from '../formats/datasets.js';
import type { Problem } from '../formats/taskFile.js';
import { createI18n, localeFrom, NAMESPACES, render } from '../i18n/i18n.js';
import { formatMs, formatNumber } from '../i18n/format.js';
import { budgetText, timingText } from '../i18n/timingText.js';
import { ensureSnapshot, nodeSandbox } from '../sandbox/node/spawn.js';
import { ROOT } from '../sandbox/node/paths.js';
import type { Sandbox } from '../sandbox/client.js';
import { timeResults } from '../sandbox/timing.js';
import { failureMessage, SandboxError, sandboxFailure } from '../sandbox/sandboxError.js';
import { agreementCommand } from './agreement.js';
import { readInputs } from './inputs.js';
import { TEAM_COMMANDS, teamCommand } from './team.js';

type CliStrings = CustomTypeOptions['resources']['cli'];

type Options = {
  command: string;
  inputs: string[];
  samples?: string;
  /** --keep-canonical: the samples join the canonical solution instead of replacing it. */
  keepCanonical: boolean;
  json: boolean;
  lang?: Locale;
  timeoutMs?: number;
  workers?: number;
  /** check: also run the reference solutions' mutants; fail below `minMutationScore` % when given. */
  mutants: boolean;
  minMutationScore?: number;
};

class UsageError extends Error {
  constructor(readonly key: ParseKeys<'cli'> & `error.${string}`, readonly params: Record<string, string> = {}) {
    super(key);
  }
}

function parseArgs(argv: string[]): Options {
  const o: Options = { command: '', inputs: [], keepCanonical: false, json: false, mutants: false };
  const value = (i: number, name: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError('error.missingValue', { option: name });
    return v;
  };
  const positive = (v: string, name: string) => {
    if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError('error.badNumber', { option: name });
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [name, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = () => inline ?? value(i++, name);
    switch (name) {
      case '--help':
      case '-h':
        o.command = 'help';
        break;
      case '--json':
        o.json = true;
        break;
      case '--samples':
        o.samples = take();
        break;
      case '--keep-canonical':
        o.keepCanonical = true;
        break;
      case '--lang': {
        const v = take();
        if (v !== 'en' && v !== 'es-CL') throw new UsageError('error.badLang');
        o.lang = v;
        break;
      }
      case '--timeout-ms':
        o.timeoutMs = positive(take(), name);
        break;
      case '--workers':
        o.workers = positive(take(), name);
        break;
      case '--mutants':
        o.mutants = true;
        break;
      case '--min-mutation-score': {
        const v = take();
        if (!/^\d+(\.\d+)?$/.test(v) || Number(v) > 100) throw new UsageError('error.badScore', { option: name });
        o.minMutationScore = Number(v);
        o.mutants = true;
        break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError('error.unknownOption', { option: a });
        if (!o.command) o.command = a;
        else o.inputs.push(a);
    }
  }
  return o;
}

function langFromArgv(argv: string[]): Locale | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  const v = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'en' || v === 'es-CL' ? v : undefined;
}

function systemLocale(): Locale {
  const env = process.env;
  return localeFrom(env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || Intl.DateTimeFormat().resolvedOptions().locale);
}

async function loadI18n(locale: Locale): Promise<i18n> {
  const resources: Record<string, Record<string, unknown>> = {};
  for (const lng of ['en', 'es-CL']) {
    resources[lng] = {};
    for (const ns of NAMESPACES) resources[lng]![ns] = JSON.parse(fs.readFileSync(path.join(ROOT, 'locales', lng, `${ns}.json`), 'utf8'));
  }
  return createI18n(resources as never, locale);
}

export async function main(argv: string[]): Promise<number> {
  const i18n = await loadI18n(langFromArgv(argv) ?? systemLocale());
  const t = i18n.t.bind(i18n);
  if ((TEAM_COMMANDS as readonly string[]).includes(argv.find((a) => !a.startsWith('--')) ?? '')) return teamCommand(argv.filter((a, i) => !(a === '--lang' || a.startsWith('--lang=') || argv[i - 1] === '--lang')), t, problemText);
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`veredicto: ${t(e.key, { ns: 'cli', ...e.params })}\n${t('error.seeHelp', { ns: 'cli' })}\n`);
    return 2;
  }
  const locale = (i18n.language as Locale) ?? 'en';
  switch (options.command) {
    case '':
    case 'help':
      process.stdout.write(help(t));
      return 0;
    case 'run':
    case 'check': {
      if (!options.inputs.length) {
        process.stderr.write(`veredicto: ${t('error.noInput', { ns: 'cli' })}\n${t('error.seeHelp', { ns: 'cli' })}\n`);
        return 2;
      }
      const inputs = await readInputs(options.inputs, options.samples, options.keepCanonical ? 'add' : 'replace');
      if (inputs.problems.length) {
        for (const p of inputs.problems) process.stderr.write(`${problemText(t, p)}\n`);
        if (options.command === 'run' || !inputs.tasks.length) {
          process.stderr.write(`${t('error.failedInputs', { ns: 'cli', count: inputs.problems.length })}\n`);
          return 2;
        }
      }
      const sandbox = nodeSandbox({}, options.workers);
      try {
        if (inputs.tasks.some((task) => [...task.solutions, ...referenceSolutions(task)].some((s) => s.language === 'python'))) makeSnapshot();
        return options.command === 'run'
          ? await run(inputs.tasks, sandbox, options, t, locale)
          : await check(inputs.tasks, inputs.problems, inputs.files, sandbox, options, t, locale);
      } catch (e) {
        if (!(e instanceof SandboxError)) throw e;
        // The sentence in the user's language; what the runtime said, for diagnosis, on its own line.
        const detail = e.detail.split('\n').find((l) => l.trim()) ?? '';
        process.stderr.write(`veredicto: ${render(t, failureMessage(sandboxFailure(e), (l) => t(`language.${l}`)))}\n${detail ? `  ${detail.trim()}\n` : ''}`);
        return 3;
      } finally {
        sandbox.close();
      }
    }
    case 'agreement':
      return agreementCommand(options.inputs, options.json, t, locale);
    default:
      process.stderr.write(`veredicto: ${t('error.unknownCommand', { ns: 'cli', command: options.command })}\n${t('error.seeHelp', { ns: 'cli' })}\n`);
      return 2;
  }
}

function help(t: i18n['t']): string {
  const k = (key: keyof CliStrings['help']) => t(`help.${key}`, { ns: 'cli' });
  const team = (key: 'serve' | 'worker' | 'addUser' | 'createProject' | 'backup' | 'restore') => `  ${t(`help.${key}`, { ns: 'team' })}`;
  return [k('usage'), '', k('intro'), '', k('commands'), `  ${k('run')}`, `  ${k('check')}`, `  ${k('agreement')}`, ...(['serve', 'worker', 'addUser', 'createProject', 'backup', 'restore'] as const).map(team), `  ${k('help')}`, '', k('options'),
    ...(['samples', 'keepCanonical', 'json', 'lang', 'timeout', 'workers', 'mutants', 'minMutationScore'] as const).map((o) => `  ${k(o)}`), '', k('inputs'), '', k('exit'), ''].join('\n');
}

export function problemText(t: i18n['t'], p: Problem): string {
  const detail = render(t, p.message);
  if (!p.field) return detail;
  return t('file.problem', { ns: 'errors', file: p.file, where: p.line ? t('file.line', { ns: 'errors', line: p.line }) : '', field: p.field, detail });
}

/** The Pyodide snapshot is made at install; a missing one is made now (a few seconds, once). */
function makeSnapshot(): void {
  try {
    ensureSnapshot();
  } catch (e) {
    const detail = String((e as Error)?.message ?? e).split('\n').find((l) => /Error:/.test(l)) ?? String(e);
    throw new SandboxError('startFailed', 'python', detail.trim());
  }
}

const languagesOf = (tasks: Task[]) => new Set<Language>(tasks.flatMap((t) => t.solutions.map((s) => s.language)));

async function warmUp(sandbox: Sandbox, languages: Iterable<Language>): Promise<void> {
  await Promise.all(
    [...new Set(languages)].map((language) =>
      // A runtime that cannot start at all is a broken install, not a verdict.
      sandbox.warmUp([language]).catch((e: unknown) => {
        throw e instanceof SandboxError ? e : new SandboxError('startFailed', language, String((e as Error)?.message ?? e));
      }),
    ),
  );
}

async function run(tasks: Task[], sandbox: Sandbox, options: Options, t: i18n['t'], locale: Locale): Promise<number> {
  const loadStart = performance.now();
  await warmUp(sandbox, languagesOf(tasks));
  const runtimeLoadMs = performance.now() - loadStart;
  const pairs = tasks.flatMap((task) => task.solutions.map((solution) => ({ task, solution })));
  const progress = progressBar(pairs.length, t('run.progress', { ns: 'cli' }), !options.json);
  const evalStart = performance.now();
  const override = options.timeoutMs ? { timeMs: options.timeoutMs } : {};
  const verdicts = await Promise.all(pairs.map(({ task, solution }) => sandbox.evaluate(task, solution, { limits: override }).then((r) => (progress.tick(), r))));
  // Then the performance tests are timed, one measurement at a time (sandbox/timing.ts), task by task.
  const results: SolutionResult[] = [];
  for (const task of tasks) {
    const runs = pairs.flatMap((p, i) => (p.task === task ? [{ solution: p.solution, result: verdicts[i]! }] : []));
    results.push(...(await timeResults(sandbox, task, runs, { limits: override })));
  }
  const evalMs = performance.now() - evalStart;
  progress.done();
  if (options.json) {
    const doc = {
      results: results.map((r) => ({
        taskId: r.taskId,
        solutionId: r.solutionId,
        verdict: r.verdict,
        tests: r.tests.map((x) => ({ name: x.name, status: x.status, message: x.message ? render(t, x.message) : '', durationMs: round(x.durationMs), hidden: x.hidden, stdout: x.stdout, stderr: x.stderr, truncated: x.truncated, ...(x.timing ? { timing: x.timing } : {}) })),
      })),
      timings: { runtimeLoadMs: round(runtimeLoadMs), evalMs: round(evalMs) },
    };
    process.stdout.write(`${JSON.stringify(doc)}\n`);
    return 0;
  }
  process.stdout.write(summary(tasks, results, t, locale, runtimeLoadMs, evalMs));
  return 0;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function summary(tasks: Task[], results: SolutionResult[], t: i18n['t'], locale: Locale, loadMs: number, evalMs: number): string {
  const lines: string[] = [];
  const status = (s: Verdict) => t(`verdict.${s}`);
  for (const task of tasks) {
    const title = pickLocale(task.title, locale).text;
    lines.push(t('run.task', { ns: 'cli', id: task.id, title: title === task.id ? '' : title }).replace(/:\s*$/, ''));
    for (const solution of task.solutions) {
      const r = results.find((x) => x.taskId === task.id && x.solutionId === solution.id)!;
      const passed = r.tests.filter((x) => x.status === 'passed').length;
      // The labels a dataset reader made up ("canonical_solution", "sample 1") in the user's language, as the workbench says them.
      const made = madeUpLabel(solution);
      const label = !made ? solution.label : made.kind === 'canonical' ? t('solutions.canonical') : t('solutions.sample', { n: made.n });
      lines.push(`  ${t('run.solution', { ns: 'cli', label, language: t(`language.${solution.language}`), verdict: status(r.verdict), passed, total: r.tests.length })}`);
      for (const x of r.tests) {
        const hidden = x.hidden ? t('run.hidden', { ns: 'cli' }) : '';
        if (x.status !== 'passed')
          lines.push(`    ${t('run.test', { ns: 'cli', name: x.name, hidden, status: status(x.status), message: x.message ? render(t, x.message).split('\n')[0] : '' })}`);
        else if (x.timing)
          lines.push(`    ${t(x.timing.over ? 'run.timingOver' : 'run.timing', { ns: 'cli', name: x.name, hidden, timing: timingText(t, locale, x.timing), budget: budgetText(t, locale, x.timing) })}`);
      }
    }
  }
  const counts = VERDICTS.map((s) => [s, results.filter((r) => r.verdict === s).length] as const).filter(([, n]) => n > 0);
  lines.push('', t('run.totals', { ns: 'cli', count: results.length, tasks: tasks.length, summary: counts.map(([s, n]) => `${status(s)}: ${formatNumber(locale, n)}`).join(', ') }));
  lines.push(t('run.timings', { ns: 'cli', load: formatMs(locale, loadMs), eval: formatMs(locale, evalMs) }), '');
  return lines.join('\n');
}

function progressBar(total: number, label: string, enabled: boolean): { tick(): void; done(): void } {
  const tty = enabled && process.stderr.isTTY === true;
  let n = 0;
  const draw = () => {
    const width = 30;
    const filled = total ? Math.round((n / total) * width) : width;
    process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${n}/${total}`);
  };
  if (tty) draw();
  return {
    tick: () => {
      n++;
      if (tty) draw();
    },
    done: () => {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}

async function check(tasks: Task[], inputProblems: Problem[], files: Map<Task, string>, sandbox: Sandbox, options: Options, t: i18n['t'], locale: Locale): Promise<number> {
  const problems: string[] = inputProblems.map((p) => problemText(t, p));
  // Said, never counted: a warning leaves the exit status as the problems make it.
  const warnings: string[] = [];
  for (const task of tasks) {
    const file = files.get(task);
    if (file && path.basename(file, '.json') !== task.id) problems.push(render(t, { key: 'check.idFileName', params: { task: task.id, file } }));
  }
  await warmUp(sandbox, tasks.flatMap((task) => referenceSolutions(task).map((s) => s.language)));
  const override = options.timeoutMs ? { timeMs: options.timeoutMs } : {};
  const references: CheckedReference[] = [];
  await Promise.all(
    tasks.map(async (task) => {
      const refs = referenceSolutions(task);
      if (!refs.length) {
        problems.push(render(t, { key: 'check.referenceMissing', params: { task: task.id } }));
        return;
      }
      const runs = await checkReferences(refs, (ref) => sandbox.evaluate(task, ref, { limits: override }));
      runs.forEach((run, i) => references.push({ task, reference: refs[i]!, run }));
      for (const f of checkFindings(runs)) problems.push(findingText(t, task, f));
      for (const w of checkWarnings(task.tests, runs)) warnings.push(warningText(t, locale, task, w));
    }),
  );
  const order = (r: CheckedReference) => tasks.indexOf(r.task) * 2 + (r.reference.language === 'python' ? 0 : 1);
  references.sort((a, b) => order(a) - order(b));
  const mutation = options.mutants ? await testMutants(references, sandbox, options, t) : [];
  const min = options.minMutationScore;
  if (min !== undefined)
    for (const m of mutation)
      // killed / valid < min %, without the rounding of a division (29 / 100 * 100 is 28.999…)
      if (m.report?.score != null && m.report.killed * 100 < min * (m.report.total - m.report.invalid))
        problems.push(t('mutants.belowMinimum', { ns: 'cli', task: m.task.id, language: t(`language.${m.reference.language}`), percent: percent(locale, m.report.score), min: formatNumber(locale, min, Number.isInteger(min) ? 0 : 1) }));
  if (options.json) process.stdout.write(`${JSON.stringify({ tasks: tasks.length, problems, warnings, ...(options.mutants ? { mutants: mutation.map(mutationJson) } : {}) })}\n`);
  else {
    if (mutation.length) process.stdout.write(`${mutationText(mutation, t, locale)}\n`);
    if (warnings.length) process.stdout.write(`${warnings.join('\n')}\n`);
    if (problems.length) process.stdout.write(`${problems.join('\n')}\n${t('check.problems', { ns: 'cli', count: problems.length, tasks: tasks.length })}\n`);
    else process.stdout.write(`${t('check.ok', { ns: 'cli', count: tasks.length })}\n`);
  }
  return problems.length ? 1 : 0;
}

/** What the check found, as the editor's check panel says it (same keys, errors namespace). */
function findingText(t: i18n['t'], task: Task, f: CheckFinding): string {
  const verdict = (v: Verdict) => t(`verdict.${v}`);
  if (f.kind === 'fails')
    return render(t, { key: 'check.referenceFails', params: { task: task.id, language: f.language, test: f.test, detail: f.result.message ? render(t, f.result.message) : verdict(f.status) } });
  return render(t, { key: 'check.flaky', params: { task: task.id, test: f.test, first: verdict(f.first), second: verdict(f.second) } });
}

function warningText(t: i18n['t'], locale: Locale, task: Task, w: CheckWarning): string {
  return render(t, { key: 'check.referenceTooFast', params: { task: task.id, language: t(`language.${w.language}`), test: w.test, ms: formatMs(locale, w.ms), min: `${formatNumber(locale, MEASURABLE_REFERENCE_MS)} ms` } });
}

/** A reference solution as check ran it: its two runs (see checkReferences). */
type CheckedReference = { task: Task; reference: Solution; run: ReferenceRun };
type MutationRun = CheckedReference & { holds: boolean; mutants: Mutant[]; timeLimitMs: number; report?: MutationReport };

/**
 * check --mutants: every mutant of every reference solution that holds (referenceHolds), run against
 * all the task's tests on the check's own sandbox, with a shorter time limit (see mutantTimeLimit).
 */
async function testMutants(references: CheckedReference[], sandbox: Sandbox, options: Options, t: i18n['t']): Promise<MutationRun[]> {
  const override = options.timeoutMs ? { timeMs: options.timeoutMs } : {};
  const runs: MutationRun[] = references.map((r) => ({
    ...r,
    holds: referenceHolds(r.run),
    mutants: referenceHolds(r.run) ? generateMutants(r.reference.code, r.reference.language) : [],
    timeLimitMs: mutantLimitMs(limitsOf(r.task, override).timeMs, r.run),
  }));
  const progress = progressBar(runs.reduce((n, r) => n + r.mutants.length, 0), t('mutants.progress', { ns: 'cli' }), !options.json);
  await Promise.all(
    runs.map(async (run) => {
      if (!run.holds) return;
      const limits = { ...override, timeMs: run.timeLimitMs };
      const evaluate: EvaluateSolution = (solution, o) => {
        // A queued mutant waits for a worker with a listener on its signal per wake-up: many, not a leak.
        setMaxListeners(0, o.signal);
        return sandbox.evaluate(run.task, solution, { ...o, limits });
      };
      run.report = await runMutants(run.reference, run.mutants, evaluate, { onMutant: () => progress.tick() });
    }),
  );
  progress.done();
  return runs;
}

/** A share from 0 to 1 as a percentage with at most one decimal, rounded down (99.96 % is not 100 %). */
function percent(locale: Locale, share: number): string {
  const p = Math.floor(share * 1000 + 1e-9) / 10;
  return formatNumber(locale, p, Number.isInteger(p) ? 0 : 1);
}

function mutationJson(run: MutationRun) {
  const r = run.report;
  return {
    taskId: run.task.id,
    language: run.reference.language,
    ...(r ? {} : { skipped: 'reference-fails' }),
    total: r?.total ?? 0,
    killed: r?.killed ?? 0,
    invalid: r?.invalid ?? 0,
    score: r?.score == null ? null : Math.round(r.score * 10_000) / 10_000,
    timeLimitMs: run.timeLimitMs,
    survivors: (r?.survivors ?? []).map((m) => ({ id: m.id, operator: m.operator, line: m.line, original: m.original, replacement: m.replacement, diff: unifiedDiff(mutantDiff(run.reference.code, m.code)) })),
  };
}

/** Lines of a diff shown per side before the rest is elided. */
const DIFF_LINES = 6;

function mutationText(runs: MutationRun[], t: i18n['t'], locale: Locale): string {
  const k = (key: Exclude<keyof CliStrings['mutants'], 'operator'> | `operator.${keyof CliStrings['mutants']['operator']}`, params: Record<string, unknown> = {}) => t(`mutants.${key}`, { ns: 'cli', ...params });
  const lines = [k('heading')];
  for (const run of runs) {
    const who = { task: run.task.id, language: t(`language.${run.reference.language}`) };
    const r = run.report;
    if (!r) {
      lines.push(k('skipped', who));
      continue;
    }
    if (r.total === 0) {
      lines.push(k('none', who));
      continue;
    }
    const valid = r.total - r.invalid;
    lines.push(k('score', { ...who, killed: r.killed, valid, percent: r.score == null ? '–' : percent(locale, r.score), limit: formatMs(locale, run.timeLimitMs) }));
    if (r.invalid) lines.push(`  ${t('mutants.invalid', { ns: 'cli', count: r.invalid })}`);
    if (!r.survivors.length) lines.push(`  ${k('allKilled')}`);
    for (const m of r.survivors) {
      const d = mutantDiff(run.reference.code, m.code);
      lines.push(`  ${k('survivor', { id: m.id, operator: k(`operator.${m.operator}`), line: d.line })}`);
      for (const [sign, side] of [['-', d.removed], ['+', d.added]] as const) {
        for (const l of side.slice(0, DIFF_LINES)) lines.push(`    ${sign} ${l}`);
        if (side.length > DIFF_LINES) lines.push(`    ${sign} …`);
      }
    }
  }
  if (runs.some((r) => r.report?.survivors.length)) lines.push(k('hint'));
  return lines.join('\n');
}
