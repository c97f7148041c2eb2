import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA, rubricOf } from './rubric.js';
import type { Criterion } from './task.js';

const level = (n: number) => ({ en: `level ${n}`, 'es-CL': `nivel ${n}` });
const custom = (id: string): Criterion => ({ id, name: { en: id }, levels: [1, 2, 3, 4, 5].map(level) });

describe('rubricOf', () => {
  it('gives the four default criteria, in order, when the task has no rubric', () => {
    expect(rubricOf({})).toEqual([{ id: 'correctness' }, { id: 'efficiency' }, { id: 'readability' }, { id: 'robustness' }]);
    expect(rubricOf({ rubric: undefined }).map((c) => c.id)).toEqual([...DEFAULT_CRITERIA]);
  });

  it("gives the task's own rubric instead, in its order, with the texts attached", () => {
    const rubric = [custom('test-coverage'), custom('correctness')];
    const out = rubricOf({ rubric });
    expect(out.map((c) => c.id)).toEqual(['test-coverage', 'correctness']);
    expect(out[0]?.custom).toBe(rubric[0]);
    // A custom criterion with a default id still uses the task's texts.
    expect(out[1]?.custom?.levels[4]).toEqual(level(5));
  });
});

describe('default rubric texts', () => {
  it.each(['en', 'es-CL'])('%s has a name and five distinct level descriptions for each default criterion', (locale) => {
    const json = JSON.parse(fs.readFileSync(new URL(`../../locales/${locale}/judging.json`, import.meta.url), 'utf8')) as {
      rubric: Record<string, { name: string; levels: Record<string, string> }>;
    };
    expect(Object.keys(json.rubric).sort()).toEqual([...DEFAULT_CRITERIA].sort());
    for (const id of DEFAULT_CRITERIA) {
      expect(json.rubric[id]?.name.trim()).not.toBe('');
      expect(Object.keys(json.rubric[id]!.levels)).toEqual(['1', '2', '3', '4', '5']);
      expect(new Set(Object.values(json.rubric[id]!.levels)).size).toBe(5);
    }
  });
});
