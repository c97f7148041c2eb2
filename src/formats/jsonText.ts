// Guarded JSON reading for untrusted files: size and nesting are checked before parsing (a
// deeply nested file would otherwise exhaust the parser's stack), and a field path can be traced
// back to its line so problems name file, line and field.

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_DEPTH = 64;

/** Deepest nesting of arrays and objects, scanning outside strings; stops early past `limit`. */
export function nestingDepth(text: string, limit = MAX_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Line of JSON parse errors: V8 reports "at position N" or "line N column M". */
export function parseErrorLine(text: string, error: unknown): number | undefined {
  const m = /line (\d+)/.exec(String(error)) ?? null;
  if (m) return Number(m[1]);
  const p = /position (\d+)/.exec(String(error));
  return p ? lineAt(text, Number(p[1])) : undefined;
}

/**
 * Line where the value at `path` starts (or the deepest existing parent), found by walking the text
 * with a small tokenizer. Only used to report problems, so it favours simplicity over speed.
 */
export function lineOfPath(text: string, path: readonly (string | number)[]): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const skipString = () => {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const readString = (): string => {
    const start = i;
    skipString();
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return '';
    }
  };
  const skipValue = () => {
    ws();
    const c = text[i];
    if (c === '"') return skipString();
    if (c === '{' || c === '[') {
      let depth = 0;
      for (; i < text.length; i++) {
        const d = text[i];
        if (d === '"') {
          skipString();
          i--;
        } else if (d === '{' || d === '[') depth++;
        else if (d === '}' || d === ']') {
          if (--depth === 0) {
            i++;
            return;
          }
        }
      }
      return;
    }
    while (i < text.length && !/[,\]}\s]/.test(text[i]!)) i++;
  };
  let found = 0;
  for (let k = 0; k < path.length; k++) {
    ws();
    const key = path[k]!;
    const c = text[i];
    let ok = false;
    if (c === '{') {
      i++;
      for (;;) {
        ws();
        if (text[i] !== '"') break;
        const name = readString();
        ws();
        i++; // colon
        ws();
        if (name === String(key)) {
          ok = true;
          break;
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
        else break;
      }
    } else if (c === '[' && typeof key === 'number') {
      i++;
      for (let n = 0; ; n++) {
        ws();
        if (text[i] === ']') break;
        if (n === key) {
          ok = true;
          break;
        }
        skipValue();
        ws();
        if (text[i] === ',') i++;
        else break;
      }
    }
    if (!ok) break;
    found = i;
  }
  return lineAt(text, found);
}

/** A field path as people read it: tests[3].args */
export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s;
}
