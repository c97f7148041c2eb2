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

/**
 * Line of the first JSON syntax error in `text` (V8's messages do not always give a position), found
 * by a small scanner that follows the JSON grammar without building values.
 */
export function syntaxErrorLine(text: string): number {
  return lineAt(text, syntaxErrorOffset(text));
}

function syntaxErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const string = () => {
    i++;
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
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '"') return string();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (close === '}') {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
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
    value();
    ws();
    if (i < text.length) fail();
  } catch (at) {
    if (typeof at === 'number') return at;
    throw at;
  }
  return text.length;
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
