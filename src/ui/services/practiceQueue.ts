// The tasks of the current practice session, in order, kept for the tab (sessionStorage): a reload
// keeps the session, a new tab starts its own. Blocked storage: the session works one task at a time.
import { STORAGE_KEYS } from '../../storage/keys.js';
import { readSession, writeSession } from '../../storage/webStorage.js';

const KEY = STORAGE_KEYS.sessionStorage.practiceQueue;

export function startQueue(taskIds: readonly string[]): void {
  writeSession(KEY, JSON.stringify(taskIds));
}

function queue(): string[] {
  try {
    const v: unknown = JSON.parse(readSession(KEY) ?? '[]');
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
