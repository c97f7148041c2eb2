// What the app hands a new runtime worker (frame.protocol.ts RuntimeBundle): its entry module and the
// runtime files it reads while starting (runtimeFiles.ts), fetched once per page from the app's own
// origin, so the service worker's cache serves them offline. The worker itself has no network.
import type { Language } from '../../domain/task.js';
import type { RuntimeBundle } from './frame.protocol.js';
import javascriptEntry from './javascript.worker.ts?worker&url';
import pythonEntry from './python.worker.ts?worker&url';
import { RUNTIME_FILES, runtimeFileType, runtimeFileUrl } from './runtimeFiles.js';

const ENTRY: Record<Language, string> = { python: pythonEntry, javascript: javascriptEntry };
const loaded = new Map<Language, Promise<RuntimeBundle>>();

/** The bundle for a language; a failed fetch is retried on the next call. */
export function runtimeBundle(language: Language): Promise<RuntimeBundle> {
  let bundle = loaded.get(language);
  if (!bundle) {
    bundle = fetchBundle(language);
    loaded.set(language, bundle);
    bundle.catch(() => loaded.delete(language));
  }
  return bundle;
}

async function fetchBundle(language: Language): Promise<RuntimeBundle> {
  const base = new URL(import.meta.env.BASE_URL, location.href).href;
  const entryUrl = runtimeFileUrl(ENTRY[language], base);
  const paths = RUNTIME_FILES[language];
  // The dev server's entry imports other modules by URL, so it is loaded from there; a build's is one file.
  const [entry, ...blobs] = await Promise.all([import.meta.env.DEV ? entryUrl : fetchFile(entryUrl), ...paths.map((p) => fetchFile(runtimeFileUrl(p, base)))]);
  return { entry: entry!, base, files: Object.fromEntries(paths.map((p, i) => [p, blobs[i]!])) };
}

async function fetchFile(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Blob([await response.blob()], { type: runtimeFileType(url) });
}
