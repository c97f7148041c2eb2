// Saving text as a file the user downloads (exports, a copy of this tab's work). Only the browser's
// download mechanism: what goes into the file is decided by the caller.
//
// Chromium starts a download link as a navigation, so the page's `beforeunload` fires; when the
// leave guard asks there (a full disk, another tab's save: exactly when the app offers a copy),
// the question would cancel the very download that keeps the work. `startingDownload` lets the
// guard tell our own download from the page being left.

let startedAt = Number.NEGATIVE_INFINITY;

/** True just after `download` started one (the `beforeunload` it causes comes within that time). */
export function startingDownload(now = performance.now()): boolean {
  return now - startedAt < 1000;
}

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  startedAt = performance.now();
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000); // after the browser has started the download
}
