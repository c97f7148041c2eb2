// The labels a dataset import made up read in the user's language; labels and origins from the
// data stay as they are, and the task itself is not changed.
import fs from 'node:fs';
import type { Resource } from 'i18next';
import { describe, expect, it } from 'vitest';
import { parseDataset, applySamples } from '../formats/datasets.js';
import { createI18n, NAMESPACES } from '../i18n/i18n.js';
import { asJudged, blindLabelsOf, shownOrigin, shownTask } from './shownTask.js';

const resources: Resource = Object.fromEntries(
  ['en', 'es-CL'].map((l) => [l, Object.fromEntries(NAMESPACES.map((ns) => [ns, JSON.parse(fs.readFileSync(new URL(`../../locales/${l}/${ns}.json`, import.meta.url), 'utf8'))]))]),
);
const ROW = { task_id: 'HumanEval/0', prompt: 'def add(a, b):\n', canonical_solution: '    return a + b\n', test: 'def check(c):\n    assert c(1, 2) == 3\n', entry_point: 'add' };

describe('shownTask', () => {
  it('says the canonical solution and the samples in Spanish, and leaves the task as read', async () => {
    const es = await createI18n(resources, 'es-CL');
    const [task] = parseDataset('he.jsonl', JSON.stringify(ROW)).tasks;
    expect(shownTask(task!, es.t).solutions.map((s) => s.label)).toEqual(['Solución canónica']);
    applySamples('s.jsonl', [1, 2].map((n) => JSON.stringify({ task_id: 'HumanEval/0', completion: `    return ${n}\n` })).join('\n'), [task!]);
    const shown = shownTask(task!, es.t);
    expect(shown.solutions.map((s) => s.label)).toEqual(shown.solutions.map((s) => (s.id === 'canonical' ? 'Solución canónica' : `Muestra ${s.id.slice('sample-'.length)}`)));
    expect(shown.solutions.some((s) => s.label.startsWith('Muestra'))).toBe(true);
    expect(task!.solutions.every((s) => !s.label.startsWith('Muestra'))).toBe(true);
  });

  it('keeps a label that came from the data, even one that reads like a made-up one', async () => {
    const en = await createI18n(resources, 'en');
    const task = { ...parseDataset('he.jsonl', JSON.stringify(ROW)).tasks[0]! };
    task.solutions = [{ id: 'mine', label: 'sample 1', language: 'python', code: '' }];
    expect(shownTask(task, en.t)).toBe(task);
  });

  it('says stock origins in the user language and marks any other as data', async () => {
    const es = await createI18n(resources, 'es-CL');
    expect(shownOrigin('synthetic sample', es.t)).toEqual({ text: 'ejemplo sintético, escrito para Veredicto', data: false });
    expect(shownOrigin('gpt-4o', es.t)).toEqual({ text: 'gpt-4o', data: true });
    expect(shownOrigin('constructor', es.t)).toEqual({ text: 'constructor', data: true });
  });
});

describe('shownTask, blind', () => {
  const task = {
    ...parseDataset('he.jsonl', JSON.stringify(ROW)).tasks[0]!,
    id: 'brackets',
    solutions: ['Stack with a map', 'Stack without a final check', 'One counter'].map((label, i) => ({ id: `s${i}`, label, language: 'python' as const, code: `x = ${i}\n`, origin: 'gpt-4o' })),
  };

  it('names the solutions "Respuesta A", "Respuesta B"… in the trainer’s order, without their origin', async () => {
    const es = await createI18n(resources, 'es-CL');
    const shown = shownTask(task, es.t, { blind: true, key: 'trainer' });
    expect(shown.solutions.map((s) => s.label)).toEqual(['Respuesta A', 'Respuesta B', 'Respuesta C']);
    expect(shown.solutions.every((s) => s.origin === undefined)).toBe(true);
    const letters = blindLabelsOf(task, 'trainer');
    for (const s of shown.solutions) expect(s.label).toBe(`Respuesta ${letters[s.id]}`);
    expect(shown.solutions.map((s) => s.code).sort()).toEqual(task.solutions.map((s) => s.code).sort());
    expect(task.solutions[0]!.label).toBe('Stack with a map');
  });

  it('reveals the names beside the letters after a practice submit, and for a reviewer', async () => {
    const en = await createI18n(resources, 'en');
    const letters = blindLabelsOf(task, 'trainer');
    const revealed = shownTask(task, en.t, { blind: true, key: 'trainer', reveal: true });
    for (const s of revealed.solutions) expect(s.label).toBe(`Answer ${letters[s.id]} · ${task.solutions.find((x) => x.id === s.id)!.label}`);
    const reviewed = asJudged(task, letters, en.t);
    expect(reviewed.solutions.map((s) => s.id)).toEqual(task.solutions.map((s) => s.id));
    for (const s of reviewed.solutions) expect(s.label).toBe(`Answer ${letters[s.id]} · ${task.solutions.find((x) => x.id === s.id)!.label}`);
    expect(asJudged(task, undefined, en.t).solutions.map((s) => s.label)).toEqual(task.solutions.map((s) => s.label));
  });
});
