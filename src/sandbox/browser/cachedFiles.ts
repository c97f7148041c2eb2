// The runtime files that are fetched on first use rather than precached by the service worker
// (clang, for C++): read from a Cache Storage cache of their own, fetched into it first when they
// are not there, with the download's progress. Why Cache Storage: see runtimeBundle.ts. Loaded by
// runtimeBundle.ts with the first C++ task only.
import type { Progress } from './downloadProgress.js';
import { runtimeFileType, runtimeFileUrl } from './runtimeFiles.js';

/** Where files fetched on first use are kept: a cache, the prefix of its older versions' names, each file's size by path. */
export type OnDemand = { cache: string; prefix: string; sizes: Record<string, number> };

/**
 * The files from the cache, each fetched into it first if it is not there (with progress); the
 * other caches with the same prefix (older versions) are deleted.
 */
export async function fetchCached(where: OnDemand, paths: readonly string[], base: string, changed: (p: Progress) => void): Promise<Blob[]> {
  // Cache Storage exists only in a secure context (https, or localhost): elsewhere the files are
  // fetched each time a page starts the runtime, still with progress.
  const cache = typeof caches === 'undefined' ? undefined : await caches.open(where.cache);
  const progress = new DownloadProgress(Object.fromEntries(paths.map((p) => [p, where.sizes[p] ?? null])), changed);
  const blobs = await Promise.all(
    paths.map(async (path) => {
      const url = runtimeFileUrl(path, base);
      let stored = await cache?.match(url);
      if (!stored) {
        // no-cache: a new version is never one the HTTP cache kept from the old one at this path.
        const response = await fetch(url, { cache: 'no-cache' });
        if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
        // A compressed response has no Content-Length; the size known beforehand stays then.
        const length = Number(response.headers.get('Content-Length') ?? NaN);
        if (Number.isFinite(length) && !response.headers.has('Content-Encoding')) progress.sized(path, length);
        const counted = new Response(
          response.body.pipeThrough(
            new TransformStream<Uint8Array, Uint8Array>({
              transform(chunk, controller) {
                progress.received(path, chunk.byteLength);
                controller.enqueue(chunk);
              },
            }),
          ),
          { headers: { 'Content-Type': runtimeFileType(url) } },
        );
        if (!cache) stored = counted;
        else {
          await cache.put(url, counted);
          stored = await cache.match(url);
          if (!stored) throw new Error(`${url}: not kept by the browser's cache (is its storage full?)`);
        }
      }
      const blob = await stored.blob();
      progress.finished(path, blob.size);
      return new Blob([blob], { type: runtimeFileType(url) });
    }),
  );
  if (cache) for (const old of await caches.keys()) if (old.startsWith(where.prefix) && old !== where.cache) await caches.delete(old);
  return blobs;
}

/**
 * How far a download of several files has got, all of them together. A file's size is known from
 * the start (the build knows it), or once its response arrives (Content-Length), or at once when it
 * comes from the cache; until every file's size is known there is no total, only the bytes so far.
 */
export class DownloadProgress {
  private readonly files = new Map<string, { done: number; total: number | null }>();

  /**
   * @param sizes each file's size by name, null where it is not known yet
   * @param changed hears every change, with the whole download's progress
   */
  constructor(
    sizes: Record<string, number | null>,
    private readonly changed: (p: Progress) => void,
  ) {
    for (const [name, total] of Object.entries(sizes)) this.files.set(name, { done: 0, total });
  }

  /** The file's size, when its response says it. */
  sized(name: string, total: number): void {
    this.file(name).total = total;
    this.changed(this.snapshot());
  }

  /** Bytes of the file that have arrived. */
  received(name: string, bytes: number): void {
    this.file(name).done += bytes;
    this.changed(this.snapshot());
  }

  /** The file is all here (from the network or the cache): its size is what arrived. */
  finished(name: string, size: number): void {
    const f = this.file(name);
    f.done = size;
    f.total = size;
    this.changed(this.snapshot());
  }

  snapshot(): Progress {
    let done = 0;
    let total: number | null = 0;
    for (const f of this.files.values()) {
      done += f.done;
      total = total === null || f.total === null ? null : total + Math.max(f.total, f.done);
    }
    return { done, total };
  }

  private file(name: string): { done: number; total: number | null } {
    const f = this.files.get(name);
    if (!f) throw new Error(`not a file of this download: ${name}`);
    return f;
  }
}
