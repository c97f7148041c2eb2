// What the app hands a new runtime worker (frame.protocol.ts RuntimeBundle): its entry module and the
// runtime files it reads while starting (runtimeFiles.ts), fetched once per page from the app's own
// origin, so the service worker's cache serves them offline. The worker itself has no network.
// clang for C++ (about 105 MB) is the exception: the service worker does not precache it (the
// workbench's first load would fetch it for everyone), so the first C++ task fetches it, with
// progress, into a Cache Storage cache of its own, and every later start reads it from there,
// offline too. Cache Storage rather than IndexedDB: a response streams into it as it arrives and
// comes out as a file-backed Blob, so 105 MB never sit in the page's memory, and it stays apart from
// the database that holds the trainers' work. clang's WebAssembly is compiled once by the sandbox
// frame for all of its C++ workers (frame.protocol.ts `modules`). Python's memory snapshot is read
// with the other files, and handed over only when it is the one the app was built with
// (pyodideSnapshot.ts).
import type { Language } from '../../domain/task.js';
import type { OnDemand } from './cachedFiles.js';
import type { Progress } from './downloadProgress.js';
import type { RuntimeBundle } from './frame.protocol.js';
import { isBuiltSnapshot, PYODIDE_SNAPSHOT } from './pyodideSnapshot.js';
import javascriptEntry from './javascript.worker.ts?worker&url';
import pythonEntry from './python.worker.ts?worker&url';
import typescriptEntry from './typescript.worker.ts?worker&url';
import cppEntry from './cpp.worker.ts?worker&url';
import { RUNTIME_FILES, RUNTIME_MODULES, runtimeFileType, runtimeFileUrl } from './runtimeFiles.js';

const ENTRY: Record<Language, string> = { python: pythonEntry, javascript: javascriptEntry, typescript: typescriptEntry, cpp: cppEntry };
const loaded = new Map<Language, Promise<RuntimeBundle>>();

/**
 * The languages whose files are fetched on first use: their Cache Storage cache, named after their
 * version (the other caches with the same prefix are older versions), and each file's size.
 */
const ON_DEMAND: Partial<Record<Language, OnDemand>> = {
  cpp: { cache: `veredicto-runtime-cpp-${import.meta.env.VEREDICTO_CLANG_VERSION as string}`, prefix: 'veredicto-runtime-cpp-', sizes: import.meta.env.VEREDICTO_CLANG_SIZES as Record<string, number> },
};

type ProgressListener = (language: Language, progress: Progress) => void;
const listeners = new Set<ProgressListener>();

/** Hears the download of a language's on-demand files as it goes (C++); returns the unsubscribe. */
export function onRuntimeDownload(listener: ProgressListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

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
  const onDemand = ON_DEMAND[language];
  // The code that fetches into a cache is loaded with the first C++ task, not with the workbench.
  const fetchFiles = onDemand
    ? import('./cachedFiles.js').then((m) => m.fetchCached(onDemand, paths, base, (p) => listeners.forEach((l) => l(language, p))))
    : Promise.all(paths.map((p) => fetchFile(runtimeFileUrl(p, base))));
  const snapshot = language === 'python' && PYODIDE_SNAPSHOT ? builtSnapshot(base) : undefined;
  // The dev server's entry imports other modules by URL, so it is loaded from there; a build's is one file.
  const [entry, blobs, snapshotBlob] = await Promise.all([import.meta.env.DEV ? entryUrl : fetchFile(entryUrl), fetchFiles, snapshot]);
  const files = Object.fromEntries(paths.map((p, i) => [p, blobs[i]!]));
  if (snapshotBlob && PYODIDE_SNAPSHOT) files[PYODIDE_SNAPSHOT.path] = snapshotBlob;
  const modules = RUNTIME_MODULES[language];
  return { entry, base, files, ...(modules ? { modules: [...modules] } : {}) };
}

/**
 * The Python snapshot when its bytes are the build's; otherwise none, and Python workers start cold
 * (slower, never broken): a failed read is not a failed runtime.
 */
async function builtSnapshot(base: string): Promise<Blob | undefined> {
  const expected = PYODIDE_SNAPSHOT!;
  const url = runtimeFileUrl(expected.path, base);
  try {
    const blob = await fetchFile(url);
    if (await isBuiltSnapshot(blob, expected)) return blob;
    console.warn(`${url}: not the snapshot this version was built with; Python starts without it`);
  } catch (e) {
    console.warn(`${url}: ${String(e)}; Python starts without it`);
  }
  return undefined;
}

async function fetchFile(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Blob([await response.blob()], { type: runtimeFileType(url) });
}
