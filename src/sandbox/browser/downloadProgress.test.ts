// The progress of clang's download: summed over its files, a total only once every file's size is
// known, and what the page shows of it (whole percent of the whole, or megabytes so far).
import { describe, expect, it } from 'vitest';
import { DownloadProgress } from './cachedFiles.js';
import { sameShown, shownProgress, type Progress } from './downloadProgress.js';

const MB = 1024 * 1024;

describe('DownloadProgress', () => {
  it('sums the files, with a total once every size is known', () => {
    const heard: Progress[] = [];
    const p = new DownloadProgress({ 'a.wasm': null, 'b.tar': null }, (x) => heard.push(x));
    p.sized('a.wasm', 75 * MB);
    expect(heard.at(-1)).toEqual({ done: 0, total: null });
    p.received('a.wasm', 10 * MB);
    p.sized('b.tar', 25 * MB);
    expect(heard.at(-1)).toEqual({ done: 10 * MB, total: 100 * MB });
    p.received('b.tar', 5 * MB);
    expect(p.snapshot()).toEqual({ done: 15 * MB, total: 100 * MB });
    p.finished('a.wasm', 75 * MB);
    p.finished('b.tar', 25 * MB);
    expect(p.snapshot()).toEqual({ done: 100 * MB, total: 100 * MB });
  });

  it('starts from the sizes known beforehand', () => {
    const p = new DownloadProgress({ a: 75 * MB, b: 25 * MB }, () => {});
    expect(p.snapshot()).toEqual({ done: 0, total: 100 * MB });
    p.received('a', 25 * MB);
    expect(p.snapshot()).toEqual({ done: 25 * MB, total: 100 * MB });
  });

  it('takes a file from the cache as done at once, and one of unknown size as unknown until it ends', () => {
    const p = new DownloadProgress({ a: null, b: null }, () => {});
    p.finished('a', 3 * MB);
    p.received('b', MB);
    expect(p.snapshot()).toEqual({ done: 4 * MB, total: null });
    p.finished('b', 2 * MB);
    expect(p.snapshot()).toEqual({ done: 5 * MB, total: 5 * MB });
  });

  it('never reports more done than the total when a server understated a size', () => {
    const p = new DownloadProgress({ a: MB }, () => {});
    p.received('a', 2 * MB);
    const s = p.snapshot();
    expect(s.done).toBeLessThanOrEqual(s.total!);
  });

  it('refuses a file that is not part of the download', () => {
    expect(() => new DownloadProgress({ a: 1 }, () => {}).received('b', 1)).toThrow(/not a file/);
  });
});

describe('shownProgress', () => {
  it('shows whole percent of the whole in megabytes, or megabytes so far', () => {
    expect(shownProgress({ done: 0, total: 105 * MB })).toEqual({ percent: 0, megabytes: 105 });
    expect(shownProgress({ done: 52.9 * MB, total: 105 * MB })).toEqual({ percent: 50, megabytes: 105 });
    expect(shownProgress({ done: 105 * MB, total: 105 * MB })).toEqual({ percent: 100, megabytes: 105 });
    expect(shownProgress({ done: 0, total: 0 })).toEqual({ percent: 100, megabytes: 0 });
    expect(shownProgress({ done: 7.5 * MB, total: null })).toEqual({ megabytes: 7 });
  });

  it('tells apart only what the page would show differently', () => {
    expect(sameShown({ done: 1, total: 100 * MB }, { done: 2, total: 100 * MB })).toBe(true);
    expect(sameShown({ done: 1, total: 100 * MB }, { done: 2 * MB, total: 100 * MB })).toBe(false);
    expect(sameShown(undefined, { done: 0, total: null })).toBe(false);
    expect(sameShown(undefined, undefined)).toBe(true);
  });
});
