// `veredicto agreement FILE... [--json]`: agreement between raters read from evaluation exports
// (one file per trainer, or a server export naming each line's evaluator), per task and overall.
// The figures come from src/domain/agreement.ts; this file only reads files and prints.
import fs from 'node:fs';
import path from 'node:path';
import type { i18n } from 'i18next';
import { overallAgreement, ratingsByTask, taskAgreement, valueOf, valuesOf, type Figure, type RatedEvaluation } from '../domain/agreement.js';
import type { Locale } from '../domain/task.js';
import { readEvaluationLines } from '../formats/evaluations.js';
import { formatNumber } from '../i18n/format.js';

type T = i18n['t'];

/** Reads every file (all must be good), then prints; exit 0, or 2 when a file has a problem. */
export function agreementCommand(files: readonly string[], json: boolean, t: T, locale: Locale): number {
  if (!files.length) {
    process.stderr.write(`veredicto: ${t('agreement.noFiles', { ns: 'cli' })}\n${t('error.seeHelp', { ns: 'cli' })}\n`);
    return 2;
  }
  const items: RatedEvaluation[] = [];
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`${file}: ${t('agreement.unreadable', { ns: 'cli', detail: (e as NodeJS.ErrnoException).code ?? String(e) })}\n`);
      failed++;
      continue;
    }
    // A line without an evaluator (a trainer's own export) is that file's rater.
    const raterOf = (evaluator: string | undefined) => evaluator ?? path.basename(file);
    const read = readEvaluationLines(text, (l) => `${raterOf(l.evaluator)}\u0000${l.evaluation.taskId}`);
    for (const p of read.problems) {
      process.stderr.write(`${file}: ${p.line ? t('import.line', { ns: 'judging', line: p.line, message: t(p.key as never, { ns: 'judging', ...p.params }) }) : t(p.key as never, { ns: 'judging', ...p.params })}\n`);
      failed++;
    }
    for (const l of read.lines) items.push({ rater: raterOf(l.evaluator), evaluation: l.evaluation, ...(l.task ? { solutionIds: l.task.solutions.map((s) => s.id) } : {}) });
  }
  if (failed) {
    process.stderr.write(`${t('agreement.failed', { ns: 'cli', count: failed })}\n`);
    return 2;
  }
  const tasks = ratingsByTask(items);
  const perTask = tasks.map(taskAgreement);
  const overall = overallAgreement(tasks, perTask);
  if (json) {
    const doc = {
      tasks: perTask.map((a) => ({ taskId: a.taskId, raters: a.raters, kendallW: valueOf(a.kendallW), meanTauB: valueOf(a.meanTauB), alphaRubric: valuesOf(a.alphaRubric), alphaRubricOrdinal: valuesOf(a.alphaRubricOrdinal) })),
      overall: { tasks: overall.tasks, meanKendallW: valueOf(overall.meanKendallW), alphaRubric: valuesOf(overall.alphaRubric), alphaRubricOrdinal: valuesOf(overall.alphaRubricOrdinal) },
    };
    process.stdout.write(`${JSON.stringify(doc)}\n`);
    return 0;
  }
  const show = (f: Figure) => (f.value === null ? t('agreement.undefined', { ns: 'cli', reason: t(`agreement.reason.${f.reason}`, { ns: 'cli' }) }) : formatNumber(locale, f.value, 3));
  const alphaLines = (interval: Record<string, Figure>, ordinal: Record<string, Figure>) =>
    Object.keys(interval).map((c) => {
      const [i, o] = [interval[c]!, ordinal[c]!];
      // Undefined for the same reason at both levels: said once.
      const line = i.value === null && o.value === null && i.reason === o.reason ? t('agreement.alphaSame', { ns: 'cli', criterion: c, value: show(i) }) : t('agreement.alpha', { ns: 'cli', criterion: c, interval: show(i), ordinalValue: show(o) });
      return `  ${line}\n`;
    });
  const out: string[] = [];
  for (const a of perTask) {
    out.push(`${t('agreement.task', { ns: 'cli', id: a.taskId, count: a.raters, w: show(a.kendallW), tau: show(a.meanTauB) })}\n`, ...alphaLines(a.alphaRubric, a.alphaRubricOrdinal));
  }
  out.push(`${t('agreement.overall', { ns: 'cli', count: overall.tasks, w: show(overall.meanKendallW) })}\n`, ...alphaLines(overall.alphaRubric, overall.alphaRubricOrdinal));
  process.stdout.write(out.join(''));
  return 0;
}
