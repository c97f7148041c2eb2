// The trainer's evaluations as files: the downloads (header's data menu, save warnings, reminder),
// an evaluations file read back, and whether changes wait unexported. What is open on screen wins
// over what is stored: with a full disk the latest work exists only in the tab. Each JSONL export
// is remembered, for the reminder about unexported work.
import type { Evaluation } from '../../domain/evaluation.js';
import type { Locale, Task } from '../../domain/task.js';
import { EXCEL_DECIMAL_COMMA, toCsv, toEvaluationsJsonl, toPreferencePairsJsonl, toSftJsonl } from '../../formats/evaluations.js';
import { listEvaluations, putEvaluations } from '../../storage/evaluations.js';
import { getSetting, SETTINGS, setSetting } from '../../storage/settings.js';
import { download } from '../download.js';
import type { Services } from './services.js';

/** `csv-semicolon`: the CSV for Excel in a Spanish (decimal-comma) locale. */
export type ExportKind = 'jsonl' | 'pairs' | 'csv' | 'csv-semicolon' | 'sft' | 'prompt-completion';

/** What a download holds: its lines (pairs, spreadsheet rows; evaluations for JSONL) and how many evaluations they came from. */
export type Exported = { kind: ExportKind; lines: number; evaluations: number };

const lineCount = (text: string) => text.split('\n').filter((l) => l.trim() !== '').length;

export async function allEvaluations(services: Services): Promise<{ evaluations: Evaluation[]; tasks: Map<string, Task> }> {
  await Promise.all([...services.open].map((o) => o.saver.flush()));
  const db = await services.db;
  const stored = db ? (await listEvaluations(db)).value : [];
  const byTask = new Map(stored.map((e) => [e.taskId, e]));
  for (const o of services.open) {
    const e = o.session.snapshot.evaluation;
    if (o.mode === 'work' && (byTask.has(e.taskId) || e.updatedAt !== e.createdAt)) byTask.set(e.taskId, e);
  }
  const tasks = new Map(services.catalog.snapshot.entries.map((e) => [e.task.id, e.task]));
  return { evaluations: [...byTask.values()].sort((a, b) => a.taskId.localeCompare(b.taskId)), tasks };
}

/** Downloads every evaluation in one shape; resolves to what the file holds, counted as written. */
export async function exportEvaluations(services: Services, kind: ExportKind, locale: Locale): Promise<Exported> {
  const { evaluations, tasks } = await allEvaluations(services);
  const stamp = new Date().toISOString().slice(0, 10);
  if (kind === 'jsonl') {
    download(`veredicto-evaluations-${stamp}.jsonl`, toEvaluationsJsonl(evaluations, tasks), 'application/x-ndjson');
    const db = await services.db;
    if (db) await setSetting(db, SETTINGS.lastExport, new Date().toISOString()).catch(() => undefined);
    return { kind, lines: evaluations.length, evaluations: evaluations.length };
  }
  if (kind === 'sft' || kind === 'prompt-completion') {
    const text = toSftJsonl(evaluations, tasks, locale, kind === 'sft' ? 'messages' : 'prompt-completion');
    download(`veredicto-${kind === 'sft' ? 'sft-messages' : 'sft-prompt-completion'}-${stamp}.jsonl`, text, 'application/x-ndjson');
    return { kind, lines: lineCount(text), evaluations: lineCount(text) };
  }
  if (kind === 'pairs') {
    // One evaluation at a time, to count the evaluations that gave a pair (a draft or a full tie gives none).
    const parts = evaluations.map((e) => toPreferencePairsJsonl([e], tasks, locale));
    download(`veredicto-preference-pairs-${stamp}.jsonl`, parts.join(''), 'application/x-ndjson');
    return { kind, lines: parts.reduce((n, p) => n + lineCount(p), 0), evaluations: parts.filter((p) => p !== '').length };
  }
  const text = toCsv(evaluations, tasks, locale, ...(kind === 'csv-semicolon' ? [EXCEL_DECIMAL_COMMA] : []));
  download(`veredicto-evaluations-${stamp}.csv`, text, 'text/csv;charset=utf-8');
  return { kind, lines: lineCount(text) - 1, evaluations: evaluations.length };
}

/**
 * Stores the evaluations of an imported file (already validated whole), except where this browser
 * has a newer version of the same task's evaluation. Throws when storage refuses the write.
 */
export async function importEvaluations(services: Services, evaluations: readonly Evaluation[]): Promise<{ imported: number; keptNewer: number } | 'noStorage'> {
  const db = await services.db;
  if (!db) return 'noStorage';
  await Promise.all([...services.open].map((o) => o.saver.flush()));
  const existing = new Map((await listEvaluations(db)).value.map((e) => [e.taskId, e]));
  const newer = evaluations.filter((e) => (existing.get(e.taskId)?.updatedAt ?? '') > e.updatedAt);
  const take = evaluations.filter((e) => !newer.includes(e));
  await putEvaluations(db, take);
  services.catalog.setStatuses(Object.fromEntries(take.map((e) => [e.taskId, e.status])));
  return { imported: take.length, keptNewer: newer.length };
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** The evaluations changed since the last export, if the oldest of those changes is over a week old. */
export function unexportedOverAWeek(updatedAt: readonly string[], lastExport: string, now: number): number {
  const since = Date.parse(lastExport) || 0;
  const pending = updatedAt.map((u) => Date.parse(u)).filter((u) => u > since);
  return pending.length && Math.min(...pending) < now - WEEK_MS ? pending.length : 0;
}

/** How many stored evaluations the reminder asks to export (see unexportedOverAWeek); 0 without storage. */
export async function unexportedCount(services: Services, now: number): Promise<number> {
  const db = await services.db;
  if (!db) return 0;
  const [evaluations, last] = await Promise.all([listEvaluations(db), getSetting(db, SETTINGS.lastExport)]);
  return unexportedOverAWeek(evaluations.value.map((e) => e.updatedAt), last.value, now);
}
