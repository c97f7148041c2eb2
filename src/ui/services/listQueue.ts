// The tasks the task list showed last, in its order and with its filters, kept for the tab
// (sessionStorage): "Submit and next" and the next-task shortcut go to the one after the open task.
// Blocked storage: there is no next task, and the buttons that need one are not shown.
import { STORAGE_KEYS } from '../../storage/keys.js';
import { readSession, writeSession } from '../../storage/webStorage.js';

const KEY = STORAGE_KEYS.sessionStorage.listQueue;

export function rememberList(taskIds: readonly string[]): void {
  writeSession(KEY, JSON.stringify(taskIds));
}

/** The task after `taskId` in the list as it was last shown, if any. */
export function nextInList(taskId: string): string | undefined {
  try {
    const v: unknown = JSON.parse(readSession(KEY) ?? '[]');
    const ids = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    const i = ids.indexOf(taskId);
    return i >= 0 ? ids[i + 1] : undefined;
  } catch {
    return undefined;
  }
}
