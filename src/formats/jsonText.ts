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

/** Line of the first JSON syntax error in `text` (V8's messages do not always give a position). */
export function syntaxErrorLine(text: string): number {
  return syntaxErrorAt(text).line;
}

/**
 * Line and column (1-based) of the first JSON syntax error: what a problem says instead of V8's
 * message, which is English and not always positioned.
 */
export function syntaxErrorAt(text: string): { line: number; column: number } {
  const offset = Math.min(scan(text).errorAt ?? text.length, text.length);
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return { line: lineAt(text, offset), column: offset - start + 1 };
}

/** Line where the value at `path` starts, or where its deepest existing parent does. */
export function lineOfPath(text: string, path: readonly (string | number)[]): number {
  return lineAt(text, scan(text, path).pathAt);
}

/**
 * One pass over `text` following the JSON grammar without building values: where the first
 * syntax error is, and where the value at `path` (or its deepest existing parent) starts.
 */
function scan(text: string, path: readonly (string | number)[] = []): { errorAt?: number; pathAt: number } {
  let i = 0;
  let pathAt = 0;
  let matched = -1;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const string = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  // `level`: how much of `path` leads to this value, or -1 when it is off the path.
  const value = (level: number): void => {
    ws();
    if (level > matched) {
      matched = level;
      pathAt = i;
    }
    const on = level >= 0 && level < path.length ? path[level] : undefined;
    const c = text[i];
    if (c === '"') {
      string();
      return;
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        let next = on !== undefined && on === n ? level + 1 : -1;
        if (close === '}') {
          ws();
          if (text[i] !== '"') fail();
          const key = string();
          next = on !== undefined && key === String(on) ? level + 1 : -1;
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value(next);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        fail();
      }
    }
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail();
  } catch (at) {
    if (typeof at === 'number') return { errorAt: at, pathAt };
    throw at;
  }
  return { pathAt };
}

/** A field path as people read it: tests[3].args */
export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s;
}
