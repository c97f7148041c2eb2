// The key that seeds this trainer's blind-label order (domain/blindLabels.ts): in team mode the
// member's id, so the order follows them to any computer; otherwise a random key made once per
// browser and kept in the `trainerKey` setting. Without storage the key lasts for the tab.
import { getSetting, setSetting, SETTINGS } from '../../storage/settings.js';
import type { Services } from './services.js';

const local = new WeakMap<Services, Promise<string>>();

function randomKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

/** This browser's key, made and stored on first use. */
export function localTrainerKey(services: Services): Promise<string> {
  let key = local.get(services);
  if (!key) {
    key = services.db
      .then(async (db) => {
        if (!db) return randomKey();
        const { value } = await getSetting(db, SETTINGS.trainerKey);
        if (value) return value;
        const made = randomKey();
        await setSetting(db, SETTINGS.trainerKey, made);
        return made;
      })
      .catch((e: unknown) => {
        console.warn('Veredicto: trainer key not kept', e);
        return randomKey();
      });
    local.set(services, key);
  }
  return key;
}

/** The key for the task screen: the signed-in member's in team mode, this browser's otherwise. */
export async function trainerKey(services: Services, team: boolean): Promise<string> {
  if (team) await services.team.ready;
  const me = team ? services.team.snapshot.me : undefined;
  return me ? `member:${me.id}` : localTrainerKey(services);
}
