// Input generators and a result digest that the bench checks use, written once per language so
// that both produce exactly the same values: a Park–Miller generator (products stay below 2^53,
// so JavaScript numbers and Python ints agree) and a digest of the result's compact JSON text.

const VOCAB = [
  'the', 'The', 'quick', 'brown', 'fox', 'fox,', 'jumps', 'over', 'lazy', 'dog', 'dog.', 'and', 'a', 'cat',
  'sat', 'on', 'mat', 'Mat!', 'river', 'bank', 'money', 'tree', 'green', 'blue', 'red', 'sky', 'sun;', 'moon',
  'star', 'night?', 'day', 'rain', 'Zebra', 'apple', 'pie', 'code', 'test', 'judge', 'model', 'answer',
];

const PY = {
  _ints: { deps: [], src: `def _ints(seed, n, lo, hi):
    out = []
    x = seed % 2147483647 or 1
    for _ in range(n):
        x = x * 48271 % 2147483647
        out.append(lo + x % (hi - lo + 1))
    return out` },
  _str: { deps: ['_ints'], src: `def _str(seed, n, alphabet):
    return ''.join(alphabet[i] for i in _ints(seed, n, 0, len(alphabet) - 1))` },
  _strs: { deps: ['_str'], src: `def _strs(seed, count, length, alphabet):
    s = _str(seed, count * length, alphabet)
    return [s[i * length:(i + 1) * length] for i in range(count)]` },
  _text: { deps: ['_ints'], src: `_VOCAB = ${JSON.stringify(VOCAB).replaceAll('","', '", "')}


def _text(seed, n):
    return ' '.join(_VOCAB[i] for i in _ints(seed, n, 0, len(_VOCAB) - 1))` },
  _matrix: { deps: ['_ints'], src: `def _matrix(seed, rows, cols, lo, hi):
    flat = _ints(seed, rows * cols, lo, hi)
    return [flat[r * cols:(r + 1) * cols] for r in range(rows)]` },
  _grid: { deps: ['_matrix'], src: `def _grid(seed, rows, cols, percent):
    return [[1 if v < percent else 0 for v in row] for row in _matrix(seed, rows, cols, 0, 99)]` },
  _digest: { deps: [], src: `def _digest(value):
    import json
    text = json.dumps(value, separators=(',', ':'))
    return int.from_bytes(text.encode(), 'big') % 1000000007` },
};

const JS = {
  _ints: { deps: [], src: `const _ints = (seed, n, lo, hi) => {
  const out = [];
  let x = seed % 2147483647 || 1;
  for (let i = 0; i < n; i++) {
    x = (x * 48271) % 2147483647;
    out.push(lo + (x % (hi - lo + 1)));
  }
  return out;
};` },
  _str: { deps: ['_ints'], src: `const _str = (seed, n, alphabet) => _ints(seed, n, 0, alphabet.length - 1).map((i) => alphabet[i]).join('');` },
  _strs: { deps: ['_str'], src: `const _strs = (seed, count, length, alphabet) => {
  const s = _str(seed, count * length, alphabet);
  return Array.from({ length: count }, (_, i) => s.slice(i * length, (i + 1) * length));
};` },
  _text: { deps: ['_ints'], src: `const _VOCAB = ${JSON.stringify(VOCAB).replaceAll('","', '", "').replaceAll('"', "'")};
const _text = (seed, n) => _ints(seed, n, 0, _VOCAB.length - 1).map((i) => _VOCAB[i]).join(' ');` },
  _matrix: { deps: ['_ints'], src: `const _matrix = (seed, rows, cols, lo, hi) => {
  const flat = _ints(seed, rows * cols, lo, hi);
  return Array.from({ length: rows }, (_, r) => flat.slice(r * cols, (r + 1) * cols));
};` },
  _grid: { deps: ['_matrix'], src: `const _grid = (seed, rows, cols, percent) => _matrix(seed, rows, cols, 0, 99).map((row) => row.map((v) => (v < percent ? 1 : 0)));` },
  _digest: { deps: [], src: `const _digest = (value) => {
  const text = JSON.stringify(value);
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 256 + text.charCodeAt(i)) % 1000000007;
  return h;
};` },
};

/** The helper definitions `code` refers to (with their dependencies), in dependency order. */
function helpersFor(table, code, separator) {
  const wanted = [];
  const add = (name) => {
    if (wanted.includes(name)) return;
    for (const d of table[name].deps) add(d);
    wanted.push(name);
  };
  for (const name of Object.keys(table)) if (new RegExp(`\\b${name}\\(`).test(code)) add(name);
  return wanted.map((n) => table[n].src).join(separator);
}

export const pythonHelpers = (code) => helpersFor(PY, code, '\n\n\n');
export const jsHelpers = (code) => helpersFor(JS, code, '\n');
/** Every JavaScript helper, for computing expected values at generation time. */
export const allJsHelpers = () => Object.values(JS).map((h) => h.src).join('\n');
