// Every name Veredicto stores data under, in one place (excalidraw's STORAGE_KEYS habit): renaming
// one of these orphans the data saved under the old name, so they change only with a migration.

export const STORAGE_KEYS = {
  /** The IndexedDB database. */
  database: 'veredicto',
  /** Object stores in that database. */
  stores: {
    evaluations: 'evaluations',
    tasks: 'tasks',
    settings: 'settings',
    /** Records that could not be read, moved aside before being overwritten (never deleted). */
    quarantine: 'quarantine',
    /** Practice evaluations, kept apart from real work so they never reach an export (DB v2). */
    practice: 'practice',
    /** One record per submitted practice task: agreement, rubric distance, bugs found (DB v2). */
    attempts: 'attempts',
    /** Tasks being written in the app, saved as the author types (DB v3). */
    drafts: 'drafts',
    /** Team mode: evaluations of leased tasks, keyed `<project>/<assignment>` (DB v4). */
    teamWork: 'teamWork',
    /** Team mode: each project's last known queue (leases with their tasks), for offline use (DB v4). */
    teamQueues: 'teamQueues',
    /** Team mode: submitted evaluations waiting for the server's acknowledgement, by upload id (DB v4). */
    outbox: 'outbox',
  },
  /** Keys inside the `settings` store. */
  settings: {
    lastRoute: 'lastRoute',
    uiPrefs: 'uiPrefs',
    lastExport: 'lastExport',
    /** A random key made once per browser: it seeds the blind labels' order (domain/blindLabels.ts). */
    trainerKey: 'trainerKey',
  },
  /** localStorage keys: only for what must be known synchronously before IndexedDB opens. */
  localStorage: {
    /** The language the user chose (read before the first render). */
    locale: 'veredicto.locale',
    /** Team mode: the member last signed in, so the queue opens offline too. */
    team: 'veredicto.team',
    /**
     * Evaluations a closing page had not yet written to IndexedDB (which cannot finish a write
     * once the page is gone): written synchronously on pagehide, taken back when the task opens.
     */
    rescued: 'veredicto.rescued',
  },
  /** sessionStorage keys: what lasts as long as the tab. */
  sessionStorage: {
    /** The task ids of the current practice session, in order. */
    practiceQueue: 'veredicto.practiceQueue',
    /** The task ids the task list showed last, in its order and filters ("Submit and next"). */
    listQueue: 'veredicto.listQueue',
    /** Team mode: the server's app this tab last reloaded for (a stale page reloads once, no loop). */
    reloadedFor: 'veredicto.reloadedFor',
  },
} as const;

export type StoreName = (typeof STORAGE_KEYS.stores)[keyof typeof STORAGE_KEYS.stores];
export type SettingKey = (typeof STORAGE_KEYS.settings)[keyof typeof STORAGE_KEYS.settings];
