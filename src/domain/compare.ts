// Comparing what a solution produced with what a test expects, on the host, from plain data.
// Values come out of the sandbox as JSON text written by the harness; special values (NaN, big
// integers, unsupported types) arrive as objects tagged with TAG, which no task file can spell.
import type { Message } from './verdict.js';

export const TAG = '\u0000type';

export type Tolerance = { rel?: number; abs?: number };
export const DEFAULT_TOLERANCE = { rel: 1e-9, abs: 1e-9 } as const;

export type Comparison = { equal: true } | { equal: false; path: string };

/** Deep equality of JSON data. Floats within tolerance; an array equals an array (tuples arrive as arrays). */
export function compareValues(expected: unknown, actual: unknown, tolerance: Tolerance = {}): Comparison {
  const rel = tolerance.rel ?? DEFAULT_TOLERANCE.rel;
  const abs = tolerance.abs ?? DEFAULT_TOLERANCE.abs;
  const walk = (e: unknown, a: unknown, path: string): Comparison => {
    if (typeof e === 'number') {
      const n = numberOf(a);
      if (n === undefined) return { equal: false, path };
      if (Number.isNaN(e) || Number.isNaN(n)) return Number.isNaN(e) && Number.isNaN(n) ? { equal: true } : { equal: false, path };
      if (e === n || Math.abs(e - n) <= Math.max(abs, rel * Math.abs(e))) return { equal: true };
      return { equal: false, path };
    }
    if (e === null || typeof e !== 'object') return e === a ? { equal: true } : { equal: false, path };
    if (Array.isArray(e)) {
      if (!Array.isArray(a)) return { equal: false, path };
      if (a.length !== e.length) return { equal: false, path };
      for (let i = 0; i < e.length; i++) {
        const c = walk(e[i], a[i], `${path}[${i}]`);
        if (!c.equal) return c;
      }
      return { equal: true };
    }
    if (a === null || typeof a !== 'object' || Array.isArray(a) || TAG in a) return { equal: false, path };
    const ek = Object.keys(e as object);
    const ak = Object.keys(a as object);
    if (ek.length !== ak.length) {
      const extra = ak.find((k) => !ek.includes(k)) ?? ek.find((k) => !ak.includes(k));
      return { equal: false, path: `${path}.${extra}` };
    }
    for (const k of ek) {
      if (!Object.hasOwn(a as object, k)) return { equal: false, path: `${path}.${k}` };
      const c = walk((e as Record<string, unknown>)[k], (a as Record<string, unknown>)[k], `${path}.${k}`);
      if (!c.equal) return c;
    }
    return { equal: true };
  };
  return walk(expected, actual, '');
}

function numberOf(a: unknown): number | undefined {
  if (typeof a === 'number') return a;
  if (a !== null && typeof a === 'object' && TAG in a) {
    const t = a as Record<string, unknown>;
    if (t[TAG] === 'float') return t.value === 'inf' ? Infinity : t.value === '-inf' ? -Infinity : NaN;
    if (t[TAG] === 'bigint') return Number(t.value);
  }
  return undefined;
}

/** How a value reads in a message: compact JSON, tagged values spelled the way a programmer would. */
export function showValue(v: unknown, max = 300): string {
  const text = JSON.stringify(v, (_k, x: unknown) => {
    if (x !== null && typeof x === 'object' && TAG in x) {
      const t = x as Record<string, unknown>;
      return `\u0001${String(t.value ?? t.name ?? t[TAG])}\u0001`;
    }
    return x;
  }) ?? 'undefined';
  const shown = text.replace(/"\\u0001(.*?)\\u0001"/g, '$1');
  return shown.length > max ? `${shown.slice(0, max)}…` : shown;
}

export function mismatch(expected: unknown, actual: unknown, path: string): Message {
  return path
    ? { key: 'result.mismatchAt', params: { path: path.replace(/^\./, ''), expected: showValue(expected), actual: showValue(actual) } }
    : { key: 'result.mismatch', params: { expected: showValue(expected), actual: showValue(actual) } };
}

/** Standard output as compared: CRLF as LF, trailing blanks of each line and trailing empty lines ignored. */
export function normalizeStdout(s: string): string {
  return s.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t]+$/, '')).join('\n').replace(/\n+$/, '');
}

export function firstDifferentLine(expected: string, actual: string): number {
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) if (e[i] !== a[i]) return i + 1;
  return 0;
}
