// The tasks of the current practice session, in order, kept for the tab (sessionStorage): a reload
// keeps the session, a new tab starts its own.
const KEY = 'veredicto.practiceQueue';

export function startQueue(taskIds: readonly string[]): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(taskIds));
  } catch {
    /* storage blocked: the session still works one task at a time */
  }
}

function queue(): string[] {
  try {
    const v: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** The task after `taskId` in the session, if any. */
export function nextInQueue(taskId: string): string | undefined {
  const q = queue();
  const i = q.indexOf(taskId);
  return i >= 0 ? q[i + 1] : undefined;
}
