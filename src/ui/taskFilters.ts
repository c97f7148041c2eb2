// The task list's search and filters, without a DOM, so they are tested on their own: a search
// ignores case and accents ("dias" finds "días") and reads the id, the titles, the tags and the
// prompt text in both languages; the filters are language, difficulty, status, topic and origin.
import type { EvaluationStatus } from '../domain/evaluation.js';
import type { Task, TaskOrigin } from '../domain/task.js';

export type ListFilters = { query: string; language: string; difficulty: string; status: string; tag: string; origin: string };
export const NO_FILTERS: ListFilters = { query: '', language: '', difficulty: '', status: '', tag: '', origin: '' };

/** Text as a search compares it: lower case, without accents or other combining marks. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

export function matchesFilters(entry: { task: Task; origin: TaskOrigin }, f: ListFilters, status: EvaluationStatus | 'new'): boolean {
  const { task } = entry;
  const q = foldText(f.query.trim());
  if (q) {
    const fields = [task.id, ...Object.values(task.title), ...Object.values(task.prompt), ...task.tags];
    if (!fields.some((x) => typeof x === 'string' && foldText(x).includes(q))) return false;
  }
  if (f.language && !task.solutions.some((s) => s.language === f.language)) return false;
  if (f.difficulty && task.difficulty !== f.difficulty) return false;
  if (f.status && status !== f.status) return false;
  if (f.tag && !task.tags.includes(f.tag)) return false;
  if (f.origin && entry.origin !== f.origin) return false;
  return true;
}
