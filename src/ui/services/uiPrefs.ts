// The trainer's layout choices (judgement panel folded, long lines wrapped), remembered between
// visits in the `uiPrefs` setting. Each preference has a name and a fallback here, nowhere else;
// a stored value of the wrong type is ignored (the fallback wins). Not for anything that is data.
import { getSetting, SETTINGS, setSetting, type UiPrefs as StoredPrefs } from '../../storage/settings.js';
import type { VeredictoDB } from '../../storage/database.js';
import { Store } from '../store.js';
import type { Services } from './services.js';

/** Every preference with its fallback: the type of each is the fallback's. */
export const UI_PREFS = {
  /** The task screen's judgement panel is folded away, giving the code and the grid the width. */
  judgementCollapsed: false,
  /** Long lines of code wrap in the solution viewers instead of running off to the right. */
  wrapCode: true,
  /** Work mode on this computer: the solutions' own names instead of blind labels (shownTask.ts). */
  realLabels: false,
} as const;

export type UiPrefName = keyof typeof UI_PREFS;
/** Every preference is a switch today; widen this when one is not. */
export type UiPrefValues = Record<UiPrefName, boolean>;

export class UiPrefsStore extends Store<UiPrefValues> {
  /** Settles once the stored preferences are read (or storage is unavailable). */
  readonly loaded: Promise<void>;

  constructor(private readonly db: Promise<VeredictoDB | undefined>) {
    super({ ...UI_PREFS });
    this.loaded = db.then(async (d) => {
      if (!d) return;
      const { value } = await getSetting(d, SETTINGS.uiPrefs);
      this.set(pick(value));
    }).catch((e: unknown) => console.warn('Veredicto: preferences not read', e));
  }

  /** Changes one preference now and stores it (a failed write keeps it for this tab). */
  change<K extends UiPrefName>(name: K, value: UiPrefValues[K]): void {
    this.set({ [name]: value } as Partial<UiPrefValues>);
    const snapshot: StoredPrefs = { ...this.snapshot };
    void this.db
      .then((d) => d && setSetting(d, SETTINGS.uiPrefs, snapshot))
      .catch((e: unknown) => console.warn('Veredicto: preference not saved', e));
  }
}

/** The known preferences of a stored record whose type matches the fallback's. */
export function pick(stored: StoredPrefs): Partial<UiPrefValues> {
  const out: Partial<Record<UiPrefName, unknown>> = {};
  for (const name of Object.keys(UI_PREFS) as UiPrefName[])
    if (Object.hasOwn(stored, name) && typeof stored[name] === typeof UI_PREFS[name]) out[name] = stored[name];
  return out as Partial<UiPrefValues>;
}

const stores = new WeakMap<Services, UiPrefsStore>();

export function uiPrefs(services: Services): UiPrefsStore {
  let store = stores.get(services);
  if (!store) stores.set(services, (store = new UiPrefsStore(services.db)));
  return store;
}
