// How far the download of a runtime's files has got, over all of its files together, and how the
// page shows it: the header and the task's runtime note show it while C++ starts (clang is about
// 105 MB). Counted by cachedFiles.ts, which only the first C++ task loads.

export type Progress = { done: number; total: number | null };

const MB = 1024 * 1024;

/** What the page shows of a download: whole percent of the whole in megabytes, or megabytes so far while the total is unknown. */
export type Shown = { percent: number; megabytes: number } | { megabytes: number };

export function shownProgress(p: Progress): Shown {
  if (p.total === null) return { megabytes: Math.floor(p.done / MB) };
  const percent = p.total === 0 ? 100 : Math.min(100, Math.floor((100 * p.done) / p.total));
  return { percent, megabytes: Math.round(p.total / MB) };
}

/** Whether two progresses look the same on the page: a download of 105 MB reports thousands of chunks. */
export function sameShown(a: Progress | undefined, b: Progress | undefined): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify(shownProgress(a)) === JSON.stringify(shownProgress(b));
}
