import { describe, expect, it } from 'vitest';
import { canReplace, findConflicts, planResolutions, type Holder, type Resolution } from './taskIds.js';

const taken = new Map<string, Holder[]>([
  ['median', ['bundled']],
  ['nota-aprobatoria', ['authored', 'draft']],
  ['solo-borrador', ['draft']],
]);

describe('findConflicts', () => {
  it('finds ids already used, and ids repeated within the import', () => {
    const c = findConflicts(['median', 'nueva', 'nota-aprobatoria', 'nueva'], taken);
    expect(c).toEqual([
      { index: 0, id: 'median', holders: ['bundled'], repeated: false },
      { index: 2, id: 'nota-aprobatoria', holders: ['authored', 'draft'], repeated: false },
      { index: 3, id: 'nueva', holders: [], repeated: true },
    ]);
    expect(c.map(canReplace)).toEqual([false, true, false]);
  });
});

describe('planResolutions', () => {
  const incoming = ['median', 'nota-aprobatoria', 'solo-borrador', 'libre'];
  const conflicts = findConflicts(incoming, taken);

  it('renames, replaces and skips as chosen', () => {
    const choices = new Map<number, Resolution>([
      [0, { action: 'rename', id: 'median-2' }],
      [1, { action: 'replace' }],
      [2, { action: 'skip' }],
    ]);
    expect(planResolutions(incoming, conflicts, choices, taken)).toEqual({
      ok: true,
      plan: [
        { index: 0, id: 'median-2', replace: false },
        { index: 1, id: 'nota-aprobatoria', replace: true },
        { index: 3, id: 'libre', replace: false },
      ],
    });
  });

  it('refuses a bundled replacement, a malformed or taken new id, and a missing choice', () => {
    const choices = new Map<number, Resolution>([
      [0, { action: 'replace' }],
      [1, { action: 'rename', id: 'Nota Aprobatoria' }],
      [2, { action: 'rename', id: 'libre' }],
    ]);
    const r = planResolutions(incoming, conflicts, choices, taken);
    expect(r).toEqual({
      ok: false,
      problems: [
        { index: 0, problem: 'replaceBundled' },
        { index: 1, problem: 'format' },
        { index: 2, problem: 'taken' },
      ],
    });
    expect(planResolutions(incoming, conflicts, new Map(), taken)).toMatchObject({ ok: false, problems: [{ problem: 'unresolved' }, { problem: 'unresolved' }, { problem: 'unresolved' }] });
  });

  it('does not let two renames land on the same id', () => {
    const ids = ['nota-aprobatoria', 'solo-borrador'];
    const choices = new Map<number, Resolution>([
      [0, { action: 'rename', id: 'otra' }],
      [1, { action: 'rename', id: 'otra' }],
    ]);
    expect(planResolutions(ids, findConflicts(ids, taken), choices, taken)).toEqual({ ok: false, problems: [{ index: 1, problem: 'taken' }] });
  });
});
