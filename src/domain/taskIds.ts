// Task ids that collide: an imported or saved task whose id is already used by a bundled task, a
// task in the workbench, a draft, or another task of the same import. The author resolves each
// collision (rename, replace or skip); this checks the choices and says what to do. Pure.
import { TASK_ID, type TaskOrigin } from './task.js';

/** Who already uses an id: a task of some origin, or a draft. Bundled tasks can never be replaced. */
export type Holder = TaskOrigin | 'draft';

export type IdConflict = {
  /** Position of the task in the incoming list. */
  index: number;
  id: string;
  holders: Holder[];
  /** An earlier task of the same incoming list has this id too. */
  repeated: boolean;
};

export type Resolution = { action: 'rename'; id: string } | { action: 'replace' } | { action: 'skip' };

export function findConflicts(incoming: readonly string[], taken: ReadonlyMap<string, readonly Holder[]>): IdConflict[] {
  const seen = new Set<string>();
  const out: IdConflict[] = [];
  incoming.forEach((id, index) => {
    const holders = [...(taken.get(id) ?? [])];
    const repeated = seen.has(id);
    seen.add(id);
    if (holders.length || repeated) out.push({ index, id, holders, repeated });
  });
  return out;
}

/** Replacing is possible unless a bundled task holds the id (or it repeats within the import). */
export function canReplace(c: Pick<IdConflict, 'holders' | 'repeated'>): boolean {
  return !c.repeated && !c.holders.includes('bundled');
}

export type PlannedTask = { index: number; id: string; replace: boolean };
export type ResolutionProblem = { index: number; problem: 'format' | 'taken' | 'replaceBundled' | 'unresolved' };

/**
 * The tasks to write, with their final ids, once every conflict has a resolution; or the choices
 * that do not work (a new id that is malformed or also taken, a bundled task to replace).
 */
export function planResolutions(
  incoming: readonly string[],
  conflicts: readonly IdConflict[],
  resolutions: ReadonlyMap<number, Resolution>,
  taken: ReadonlyMap<string, readonly Holder[]>,
): { ok: true; plan: PlannedTask[] } | { ok: false; problems: ResolutionProblem[] } {
  const byIndex = new Map(conflicts.map((c) => [c.index, c]));
  const problems: ResolutionProblem[] = [];
  const plan: PlannedTask[] = [];
  const finalIds = new Set<string>();
  incoming.forEach((id, index) => {
    const conflict = byIndex.get(index);
    if (!conflict) {
      plan.push({ index, id, replace: false });
      finalIds.add(id);
      return;
    }
    const r = resolutions.get(index);
    if (!r) return problems.push({ index, problem: 'unresolved' });
    if (r.action === 'skip') return;
    if (r.action === 'replace') {
      if (!canReplace(conflict)) return problems.push({ index, problem: 'replaceBundled' });
      plan.push({ index, id, replace: true });
      finalIds.add(id);
      return;
    }
    const next = r.id.trim();
    if (!TASK_ID.test(next)) return problems.push({ index, problem: 'format' });
    if (taken.has(next) || finalIds.has(next) || incoming.some((other, j) => j !== index && other === next && !byIndex.has(j)))
      return problems.push({ index, problem: 'taken' });
    plan.push({ index, id: next, replace: false });
    finalIds.add(next);
  });
  return problems.length ? { ok: false, problems } : { ok: true, plan };
}
