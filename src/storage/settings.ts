// Small values the app remembers between visits (last route, UI preferences). Each setting has its
// own schema and fallback, so a bad or missing value yields the fallback plus a report, never a crash.
import { z } from '../domain/zod.js';
import { STORAGE_KEYS, type SettingKey } from './keys.js';
import { defineRecord, getRecord, putRecords, type Loaded, type Migration, type RecordKind, type SaveReceipt, type VeredictoDB } from './database.js';

export type Setting<T> = RecordKind<T> & { key: SettingKey; fallback: T };

export function defineSetting<T>(key: SettingKey, schema: z.ZodType<T>, fallback: T, version = 1, migrations: readonly Migration[] = []): Setting<T> {
  return { ...defineRecord({ store: STORAGE_KEYS.stores.settings, version, schema, migrations }), key, fallback };
}

export type UiPrefs = Record<string, string | number | boolean>;

export const SETTINGS = {
  /** The route to reopen on start; '' when none. */
  lastRoute: defineSetting(STORAGE_KEYS.settings.lastRoute, z.string().max(2048), ''),
  /** When the evaluations were last exported as JSONL (ISO time); '' when never. */
  lastExport: defineSetting(STORAGE_KEYS.settings.lastExport, z.string().max(40), ''),
  /** Seeds the order of the blind labels, so a trainer sees each task's solutions the same way every time; '' until made. */
  trainerKey: defineSetting(STORAGE_KEYS.settings.trainerKey, z.string().max(100), ''),
  /** Loose on purpose: UI-owned preferences (panel sizes, editor font size…), each a primitive. */
  uiPrefs: defineSetting<UiPrefs>(
    STORAGE_KEYS.settings.uiPrefs,
    z.record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean()])),
    {},
  ),
} as const;

export async function getSetting<T>(db: VeredictoDB, setting: Setting<T>): Promise<Loaded<T>> {
  const { value, problems } = await getRecord(db, setting, setting.key);
  return { value: value === undefined ? setting.fallback : value, problems };
}

export async function setSetting<T>(db: VeredictoDB, setting: Setting<T>, value: T): Promise<SaveReceipt> {
  const [receipt] = await putRecords(db, setting, [{ key: setting.key, value }]);
  return receipt!;
}
