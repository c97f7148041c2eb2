import { describe, expect, it } from 'vitest';
import type { Task, TaskOrigin } from '../domain/task.js';
import { sortEntries } from './services/catalog.js';
import { foldText, matchesFilters, NO_FILTERS } from './taskFilters.js';

const task = (id: string, title: string, prompt = '', tags: string[] = []): Task => ({
  schemaVersion: 1, id, title: { en: title }, prompt: { 'es-CL': prompt }, tags, tests: [], solutions: [{ id: 'a', label: 'A', language: 'python', code: '' }],
});
const entry = (t: Task, origin: TaskOrigin = 'imported') => ({ task: t, origin });

describe('the task list', () => {
  it('sorts numbers inside titles as numbers, bundled tasks first', () => {
    const entries = ['HumanEval/16', 'HumanEval/2', 'HumanEval/100', 'humaneval/3'].map((id) => entry(task(id, id)));
    const bundled = entry(task('z', 'Zeta'), 'bundled');
    expect(sortEntries([...entries, bundled], (t) => t.title.en!, 'en').map((e) => e.task.id)).toEqual(['z', 'HumanEval/2', 'humaneval/3', 'HumanEval/16', 'HumanEval/100']);
  });

  it('searches without regard to case or accents, in the prompt text too', () => {
    const t = entry(task('days-between', 'Days between dates', 'Cuenta los días entre dos fechas.', ['fechas']));
    const find = (query: string) => matchesFilters(t, { ...NO_FILTERS, query }, 'new');
    expect(foldText('Días ÑANDÚ')).toBe('dias nandu');
    for (const q of ['dias', 'DÍAS', 'between', 'days-BETWEEN', 'fechas', 'Dos Fechas']) expect(find(q), q).toBe(true);
    expect(find('semanas')).toBe(false);
  });

  it('filters by origin', () => {
    const imported = entry(task('a', 'A'), 'imported');
    const authored = entry(task('b', 'B'), 'authored');
    const only = (origin: string) => [imported, authored].filter((e) => matchesFilters(e, { ...NO_FILTERS, origin }, 'new')).map((e) => e.task.id);
    expect(only('authored')).toEqual(['b']);
    expect(only('')).toEqual(['a', 'b']);
  });
});
