// The algorithm templates the benchmark tasks are made from. Each template is written twice, in
// Python and in JavaScript, with the same algorithm; `examples` become docstring examples and
// literal asserts, and each entry of `variants` becomes one task whose check also runs the
// solution on a larger, deterministically generated input (see helpers.mjs).
//
// A variant is an expression evaluated in the check: either one string valid in both languages
// (with `candidate` / the JS function name written as `$F`), or { py, js } when the two differ.
// `setup` lines (per language) run before it. The expected value is computed at generation time
// by running the JavaScript reference solution; the Python one must agree (the bench checks it).

export const TEMPLATES = [
  {
    name: 'count_primes',
    sig: 'count_primes(n: int) -> int',
    js: '(n)',
    doc: 'Return how many prime numbers are strictly less than n.',
    py: `
if n < 3:
    return 0
sieve = [True] * n
sieve[0] = sieve[1] = False
i = 2
while i * i < n:
    if sieve[i]:
        for j in range(i * i, n, i):
            sieve[j] = False
    i += 1
return sum(sieve)`,
    jsBody: `
if (n < 3) return 0;
const sieve = new Array(n).fill(true);
sieve[0] = sieve[1] = false;
for (let i = 2; i * i < n; i++) {
  if (sieve[i]) for (let j = i * i; j < n; j += i) sieve[j] = false;
}
return sieve.filter(Boolean).length;`,
    examples: [[10], [2], [30]],
    variants: ['$F(8000)', '$F(12000)', '$F(17000)', '$F(23000)'],
  },
  {
    name: 'factorize',
    sig: 'factorize(n: int) -> List[int]',
    js: '(n)',
    doc: 'Return the prime factors of n from smallest to largest, each repeated as many times\nas it appears in the factorization.',
    py: `
factors = []
d = 2
while d * d <= n:
    while n % d == 0:
        factors.append(d)
        n //= d
    d += 1
if n > 1:
    factors.append(n)
return factors`,
    jsBody: `
const factors = [];
let d = 2;
while (d * d <= n) {
  while (n % d === 0) {
    factors.push(d);
    n = Math.floor(n / d);
  }
  d += 1;
}
if (n > 1) factors.push(n);
return factors;`,
    examples: [[8], [25], [70]],
    variants: [
      [10000, 250],
      [50000, 120],
      [200000, 60],
      [1000003, 25],
    ].map(([lo, m]) => ({
      py: `_digest([$F(k) for k in range(${lo}, ${lo + m})])`,
      js: `_digest(Array.from({ length: ${m} }, (_, i) => $F(${lo} + i)))`,
    })),
  },
  {
    name: 'lcs_length',
    sig: 'lcs_length(a: str, b: str) -> int',
    js: '(a, b)',
    doc: 'Return the length of the longest common subsequence of the strings a and b.',
    py: `
prev = [0] * (len(b) + 1)
for ca in a:
    cur = [0] * (len(b) + 1)
    for j, cb in enumerate(b):
        if ca == cb:
            cur[j + 1] = prev[j] + 1
        else:
            cur[j + 1] = max(prev[j + 1], cur[j])
    prev = cur
return prev[len(b)]`,
    jsBody: `
let prev = new Array(b.length + 1).fill(0);
for (const ca of a) {
  const cur = new Array(b.length + 1).fill(0);
  for (let j = 0; j < b.length; j++) {
    if (ca === b[j]) cur[j + 1] = prev[j] + 1;
    else cur[j + 1] = Math.max(prev[j + 1], cur[j]);
  }
  prev = cur;
}
return prev[b.length];`,
    examples: [['abcde', 'ace'], ['abc', 'def'], ['AGGTAB', 'GXTXAYB']],
    variants: [50, 70, 85, 100].map((n, i) => `$F(_str(${11 + i}, ${n}, "ACGT"), _str(${911 + 7 * i}, ${n}, "ACGT"))`),
  },
  {
    name: 'edit_distance',
    sig: 'edit_distance(a: str, b: str) -> int',
    js: '(a, b)',
    doc: 'Return the minimum number of single-character insertions, deletions and substitutions\nthat turn a into b.',
    py: `
prev = list(range(len(b) + 1))
for i, ca in enumerate(a, 1):
    cur = [i] + [0] * len(b)
    for j, cb in enumerate(b, 1):
        cost = 0 if ca == cb else 1
        cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    prev = cur
return prev[len(b)]`,
    jsBody: `
let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
for (let i = 1; i <= a.length; i++) {
  const cur = [i, ...new Array(b.length).fill(0)];
  for (let j = 1; j <= b.length; j++) {
    const cost = a[i - 1] === b[j - 1] ? 0 : 1;
    cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
  }
  prev = cur;
}
return prev[b.length];`,
    examples: [['kitten', 'sitting'], ['', 'abc'], ['flaw', 'lawn']],
    variants: [40, 55, 70, 80].map((n, i) => `$F(_str(${23 + i}, ${n}, "abcdef"), _str(${577 + 3 * i}, ${n + 5}, "abcdef"))`),
  },
  {
    name: 'longest_increasing_subsequence',
    sig: 'longest_increasing_subsequence(xs: List[int]) -> int',
    js: '(xs)',
    doc: 'Return the length of the longest strictly increasing subsequence of xs.',
    py: `
best = [1] * len(xs)
for i in range(len(xs)):
    for j in range(i):
        if xs[j] < xs[i] and best[j] + 1 > best[i]:
            best[i] = best[j] + 1
return max(best) if xs else 0`,
    jsBody: `
const best = new Array(xs.length).fill(1);
for (let i = 0; i < xs.length; i++) {
  for (let j = 0; j < i; j++) {
    if (xs[j] < xs[i] && best[j] + 1 > best[i]) best[i] = best[j] + 1;
  }
}
return xs.length ? Math.max(...best) : 0;`,
    examples: [[[10, 9, 2, 5, 3, 7, 101, 18]], [[]], [[5, 4, 3]]],
    variants: [90, 120, 150, 180].map((n, i) => `$F(_ints(${31 + i}, ${n}, 0, 1000))`),
  },
  {
    name: 'knapsack',
    sig: 'knapsack(weights: List[int], values: List[int], capacity: int) -> int',
    js: '(weights, values, capacity)',
    doc: 'Each item i has weight weights[i] and value values[i]. Return the largest total value of\nitems whose total weight is at most capacity, using each item at most once.',
    py: `
best = [0] * (capacity + 1)
for w, v in zip(weights, values):
    for c in range(capacity, w - 1, -1):
        if best[c - w] + v > best[c]:
            best[c] = best[c - w] + v
return best[capacity]`,
    jsBody: `
const best = new Array(capacity + 1).fill(0);
for (let i = 0; i < weights.length; i++) {
  const w = weights[i], v = values[i];
  for (let c = capacity; c >= w; c--) {
    if (best[c - w] + v > best[c]) best[c] = best[c - w] + v;
  }
}
return best[capacity];`,
    examples: [[[1, 3, 4, 5], [1, 4, 5, 7], 7], [[10], [5], 5], [[2, 2, 2], [3, 3, 3], 4]],
    variants: [
      [25, 150],
      [30, 200],
      [35, 250],
      [40, 300],
    ].map(([n, cap], i) => `$F(_ints(${41 + i}, ${n}, 5, 60), _ints(${4141 + i}, ${n}, 1, 100), ${cap})`),
  },
  {
    name: 'coin_change_ways',
    sig: 'coin_change_ways(coins: List[int], amount: int) -> int',
    js: '(coins, amount)',
    doc: 'Return the number of ways to make amount from unlimited coins of the given values,\nmodulo 1000000007. The order of the coins does not matter.',
    py: `
ways = [1] + [0] * amount
for coin in coins:
    for a in range(coin, amount + 1):
        ways[a] = (ways[a] + ways[a - coin]) % 1000000007
return ways[amount]`,
    jsBody: `
const ways = [1, ...new Array(amount).fill(0)];
for (const coin of coins) {
  for (let a = coin; a <= amount; a++) ways[a] = (ways[a] + ways[a - coin]) % 1000000007;
}
return ways[amount];`,
    examples: [[[1, 2, 5], 5], [[2], 3], [[10], 10]],
    variants: [700, 1000, 1400, 1800].map((amount) => `$F([1, 2, 5, 10, 20, 50, 100, 200], ${amount})`),
  },
  {
    name: 'min_coins',
    sig: 'min_coins(coins: List[int], amount: int) -> int',
    js: '(coins, amount)',
    doc: 'Return the fewest coins (unlimited supply of each value) that add up to amount,\nor -1 if amount cannot be made.',
    py: `
impossible = amount + 1
best = [0] + [impossible] * amount
for a in range(1, amount + 1):
    for coin in coins:
        if coin <= a and best[a - coin] + 1 < best[a]:
            best[a] = best[a - coin] + 1
return best[amount] if best[amount] != impossible else -1`,
    jsBody: `
const impossible = amount + 1;
const best = [0, ...new Array(amount).fill(impossible)];
for (let a = 1; a <= amount; a++) {
  for (const coin of coins) {
    if (coin <= a && best[a - coin] + 1 < best[a]) best[a] = best[a - coin] + 1;
  }
}
return best[amount] !== impossible ? best[amount] : -1;`,
    examples: [[[1, 2, 5], 11], [[2], 3], [[1], 0]],
    variants: [600, 900, 1200, 1500].map((amount, i) => `$F(_ints(${53 + i}, 6, 3, 40), ${amount})`),
  },
  {
    name: 'top_words',
    sig: 'top_words(text: str, k: int) -> List[list]',
    js: '(text, k)',
    doc: 'Count the words of text, ignoring case and the punctuation .,!?;: around them. Return the\nk most frequent as [word, count] pairs, most frequent first, ties in alphabetical order.',
    py: `
counts = {}
for word in text.lower().split():
    word = word.strip('.,!?;:')
    if word:
        counts[word] = counts.get(word, 0) + 1
ranked = sorted(counts.items(), key=lambda p: (-p[1], p[0]))
return [[w, c] for w, c in ranked[:k]]`,
    jsBody: `
const counts = new Map();
for (let word of text.toLowerCase().split(/\\s+/)) {
  word = word.replace(/^[.,!?;:]+|[.,!?;:]+$/g, '');
  if (word) counts.set(word, (counts.get(word) || 0) + 1);
}
const ranked = [...counts.entries()].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
return ranked.slice(0, k).map(([w, c]) => [w, c]);`,
    examples: [['the cat and the hat', 2], ['Hello hello, world!', 1], ['', 3]],
    variants: [1500, 2500, 3500, 4500].map((n, i) => `_digest($F(_text(${61 + i}, ${n}), 12))`),
  },
  {
    name: 'longest_palindrome',
    sig: 'longest_palindrome(s: str) -> str',
    js: '(s)',
    doc: 'Return the longest substring of s that reads the same backwards. If there are several,\nreturn the one that starts first.',
    py: `
best = ''
for center in range(2 * len(s) - 1):
    lo = center // 2
    hi = lo + center % 2
    while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
        lo -= 1
        hi += 1
    if hi - lo - 1 > len(best):
        best = s[lo + 1:hi]
return best`,
    jsBody: `
let best = '';
for (let center = 0; center < 2 * s.length - 1; center++) {
  let lo = Math.floor(center / 2);
  let hi = lo + (center % 2);
  while (lo >= 0 && hi < s.length && s[lo] === s[hi]) {
    lo--;
    hi++;
  }
  if (hi - lo - 1 > best.length) best = s.slice(lo + 1, hi);
}
return best;`,
    examples: [['babad'], ['cbbd'], ['a'], ['']],
    variants: [500, 800, 1100, 1400].map((n, i) => `$F(_str(${71 + i}, ${n}, "abc"))`),
  },
  {
    name: 'caesar_cipher',
    sig: 'caesar_cipher(text: str, shift: int) -> str',
    js: '(text, shift)',
    doc: 'Shift every ASCII letter of text by shift places in the alphabet, wrapping around and\nkeeping its case; leave every other character as it is.',
    py: `
out = []
for ch in text:
    if 'a' <= ch <= 'z':
        out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
    elif 'A' <= ch <= 'Z':
        out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
    else:
        out.append(ch)
return ''.join(out)`,
    jsBody: `
const out = [];
for (const ch of text) {
  if (ch >= 'a' && ch <= 'z') out.push(String.fromCharCode(((((ch.charCodeAt(0) - 97 + shift) % 26) + 26) % 26) + 97));
  else if (ch >= 'A' && ch <= 'Z') out.push(String.fromCharCode(((((ch.charCodeAt(0) - 65 + shift) % 26) + 26) % 26) + 65));
  else out.push(ch);
}
return out.join('');`,
    examples: [['abc', 1], ['Hello, World!', 13], ['xyz', 3], ['Zebra', -1]],
    variants: [
      [600, 3],
      [900, 13],
      [1200, 25],
      [1500, -7],
    ].map(([n, k], i) => `_digest($F(_text(${81 + i}, ${n}), ${k}))`),
  },
  {
    name: 'run_length_encode',
    sig: 'run_length_encode(s: str) -> str',
    js: '(s)',
    doc: 'Encode s by replacing each run of equal characters with the run length followed by the\ncharacter.',
    py: `
out = []
i = 0
while i < len(s):
    j = i
    while j < len(s) and s[j] == s[i]:
        j += 1
    out.append(str(j - i) + s[i])
    i = j
return ''.join(out)`,
    jsBody: `
const out = [];
let i = 0;
while (i < s.length) {
  let j = i;
  while (j < s.length && s[j] === s[i]) j++;
  out.push(String(j - i) + s[i]);
  i = j;
}
return out.join('');`,
    examples: [['aaabcc'], ['abc'], ['']],
    variants: [2000, 3000, 4000, 5000].map((n, i) => `_digest($F(_str(${91 + i}, ${n}, "aaaabbc")))`),
  },
  {
    name: 'insertion_sort',
    sig: 'insertion_sort(xs: List[int]) -> List[int]',
    js: '(xs)',
    doc: 'Return a new list with the elements of xs in ascending order, sorted by insertion sort.',
    py: `
result = list(xs)
for i in range(1, len(result)):
    key = result[i]
    j = i - 1
    while j >= 0 and result[j] > key:
        result[j + 1] = result[j]
        j -= 1
    result[j + 1] = key
return result`,
    jsBody: `
const result = [...xs];
for (let i = 1; i < result.length; i++) {
  const key = result[i];
  let j = i - 1;
  while (j >= 0 && result[j] > key) {
    result[j + 1] = result[j];
    j--;
  }
  result[j + 1] = key;
}
return result;`,
    examples: [[[5, 2, 9, 1]], [[]], [[3, -1, 3, 0]]],
    variants: [100, 140, 180, 220].map((n, i) => `_digest($F(_ints(${101 + i}, ${n}, -1000, 1000)))`),
  },
  {
    name: 'merge_sort',
    sig: 'merge_sort(xs: List[int]) -> List[int]',
    js: '(xs)',
    doc: 'Return a new list with the elements of xs in ascending order, sorted by merge sort.',
    py: `
if len(xs) <= 1:
    return list(xs)
mid = len(xs) // 2
left = merge_sort(xs[:mid])
right = merge_sort(xs[mid:])
merged = []
i = j = 0
while i < len(left) and j < len(right):
    if left[i] <= right[j]:
        merged.append(left[i])
        i += 1
    else:
        merged.append(right[j])
        j += 1
merged.extend(left[i:])
merged.extend(right[j:])
return merged`,
    jsBody: `
if (xs.length <= 1) return [...xs];
const mid = Math.floor(xs.length / 2);
const left = mergeSort(xs.slice(0, mid));
const right = mergeSort(xs.slice(mid));
const merged = [];
let i = 0, j = 0;
while (i < left.length && j < right.length) {
  if (left[i] <= right[j]) merged.push(left[i++]);
  else merged.push(right[j++]);
}
return merged.concat(left.slice(i), right.slice(j));`,
    examples: [[[5, 2, 9, 1]], [[]], [[3, -1, 3, 0]]],
    variants: [600, 900, 1200, 1500].map((n, i) => `_digest($F(_ints(${111 + i}, ${n}, -100000, 100000)))`),
  },
  {
    name: 'kth_smallest',
    sig: 'kth_smallest(xs: List[int], k: int) -> int',
    js: '(xs, k)',
    doc: 'Return the k-th smallest element of xs (k = 1 is the minimum), by quickselect.',
    py: `
items = list(xs)
while True:
    pivot = items[len(items) // 2]
    lows = [x for x in items if x < pivot]
    highs = [x for x in items if x > pivot]
    equal = len(items) - len(lows) - len(highs)
    if k <= len(lows):
        items = lows
    elif k <= len(lows) + equal:
        return pivot
    else:
        k -= len(lows) + equal
        items = highs`,
    jsBody: `
let items = [...xs];
for (;;) {
  const pivot = items[Math.floor(items.length / 2)];
  const lows = items.filter((x) => x < pivot);
  const highs = items.filter((x) => x > pivot);
  const equal = items.length - lows.length - highs.length;
  if (k <= lows.length) items = lows;
  else if (k <= lows.length + equal) return pivot;
  else {
    k -= lows.length + equal;
    items = highs;
  }
}`,
    examples: [[[7, 10, 4, 3, 20, 15], 3], [[1], 1], [[5, 5, 5, 1], 4]],
    variants: [2000, 3000, 4000, 5000].map((n, i) => {
      const ks = [1, Math.floor(n / 3), Math.floor(n / 2), n];
      return {
        setup: { py: [`xs = _ints(${121 + i}, ${n}, 0, 99999)`], js: [`const xs = _ints(${121 + i}, ${n}, 0, 99999)`] },
        py: `[$F(xs, k) for k in [${ks.join(', ')}]]`,
        js: `[${ks.join(', ')}].map((k) => $F(xs, k))`,
      };
    }),
  },
  {
    name: 'min_add_to_balance',
    sig: 'min_add_to_balance(s: str) -> int',
    js: '(s)',
    doc: "s is made of '(' and ')'. Return the fewest parentheses that must be added to s so that\nevery parenthesis is matched.",
    py: `
opened = 0
added = 0
for ch in s:
    if ch == '(':
        opened += 1
    elif opened:
        opened -= 1
    else:
        added += 1
return added + opened`,
    jsBody: `
let opened = 0;
let added = 0;
for (const ch of s) {
  if (ch === '(') opened++;
  else if (opened) opened--;
  else added++;
}
return added + opened;`,
    examples: [['())'], ['((('], ['()'], ['()))((']],
    variants: [6000, 9000, 12000, 15000].map((n, i) => `$F(_str(${131 + i}, ${n}, "(()"))`),
  },
  {
    name: 'grid_paths',
    sig: 'grid_paths(grid: List[List[int]]) -> int',
    js: '(grid)',
    doc: 'grid holds 0 for an open cell and 1 for a wall. Return the number of paths from the top-left\nto the bottom-right cell that move only right or down through open cells, modulo 1000000007.',
    py: `
rows, cols = len(grid), len(grid[0])
ways = [[0] * cols for _ in range(rows)]
for r in range(rows):
    for c in range(cols):
        if grid[r][c] == 1:
            continue
        if r == 0 and c == 0:
            ways[r][c] = 1
            continue
        total = 0
        if r > 0:
            total += ways[r - 1][c]
        if c > 0:
            total += ways[r][c - 1]
        ways[r][c] = total % 1000000007
return ways[rows - 1][cols - 1]`,
    jsBody: `
const rows = grid.length, cols = grid[0].length;
const ways = Array.from({ length: rows }, () => new Array(cols).fill(0));
for (let r = 0; r < rows; r++) {
  for (let c = 0; c < cols; c++) {
    if (grid[r][c] === 1) continue;
    if (r === 0 && c === 0) {
      ways[r][c] = 1;
      continue;
    }
    let total = 0;
    if (r > 0) total += ways[r - 1][c];
    if (c > 0) total += ways[r][c - 1];
    ways[r][c] = total % 1000000007;
  }
}
return ways[rows - 1][cols - 1];`,
    examples: [[[[0, 0, 0], [0, 1, 0], [0, 0, 0]]], [[[0, 1], [1, 0]]], [[[0]]]],
    variants: [40, 55, 70, 85].map((n, i) => `$F(_grid(${141 + i}, ${n}, ${n}, 6))`),
  },
  {
    name: 'longest_collatz',
    sig: 'longest_collatz(limit: int) -> int',
    js: '(limit)',
    doc: 'Return the starting number below limit whose Collatz sequence (n -> n / 2 if n is even,\nelse 3n + 1, until 1) is longest; on a tie, the smallest such number.',
    py: `
lengths = {1: 1}
best, best_len = 1, 1
for start in range(2, limit):
    path = []
    n = start
    while n not in lengths:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = lengths[n]
    for m in reversed(path):
        length += 1
        lengths[m] = length
    if length > best_len:
        best, best_len = start, length
return best`,
    jsBody: `
const lengths = new Map([[1, 1]]);
let best = 1, bestLen = 1;
for (let start = 2; start < limit; start++) {
  const path = [];
  let n = start;
  while (!lengths.has(n)) {
    path.push(n);
    n = n % 2 === 0 ? n / 2 : 3 * n + 1;
  }
  let length = lengths.get(n);
  for (let i = path.length - 1; i >= 0; i--) {
    length++;
    lengths.set(path[i], length);
  }
  if (length > bestLen) {
    best = start;
    bestLen = length;
  }
}
return best;`,
    examples: [[10], [2], [30]],
    variants: [1500, 2500, 3500, 4500].map((n) => `$F(${n})`),
  },
  {
    name: 'game_of_life',
    sig: 'game_of_life(grid: List[List[int]], steps: int) -> List[List[int]]',
    js: '(grid, steps)',
    doc: "Run Conway's Game of Life for steps generations on grid (1 = alive), treating cells outside\nthe grid as dead, and return the final grid.",
    py: `
rows, cols = len(grid), len(grid[0])
cells = [list(row) for row in grid]
for _ in range(steps):
    nxt = [[0] * cols for _ in range(rows)]
    for r in range(rows):
        for c in range(cols):
            n = 0
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    if (dr or dc) and 0 <= r + dr < rows and 0 <= c + dc < cols:
                        n += cells[r + dr][c + dc]
            if n == 3 or (n == 2 and cells[r][c] == 1):
                nxt[r][c] = 1
    cells = nxt
return cells`,
    jsBody: `
const rows = grid.length, cols = grid[0].length;
let cells = grid.map((row) => [...row]);
for (let s = 0; s < steps; s++) {
  const nxt = Array.from({ length: rows }, () => new Array(cols).fill(0));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let n = 0;
      for (const dr of [-1, 0, 1]) {
        for (const dc of [-1, 0, 1]) {
          if ((dr || dc) && r + dr >= 0 && r + dr < rows && c + dc >= 0 && c + dc < cols) n += cells[r + dr][c + dc];
        }
      }
      if (n === 3 || (n === 2 && cells[r][c] === 1)) nxt[r][c] = 1;
    }
  }
  cells = nxt;
}
return cells;`,
    examples: [
      [[[0, 1, 0], [0, 1, 0], [0, 1, 0]], 1],
      [[[1, 1], [1, 1]], 3],
    ],
    variants: [
      [10, 3],
      [12, 3],
      [12, 5],
      [14, 5],
    ].map(([n, steps], i) => `_digest($F(_grid(${151 + i}, ${n}, ${n}, 35), ${steps}))`),
  },
  {
    name: 'matrix_multiply',
    sig: 'matrix_multiply(a: List[List[int]], b: List[List[int]]) -> List[List[int]]',
    js: '(a, b)',
    doc: 'Return the matrix product of a and b (the number of columns of a equals the number of rows\nof b).',
    py: `
n, m, p = len(a), len(b), len(b[0])
result = [[0] * p for _ in range(n)]
for i in range(n):
    out = result[i]
    for k in range(m):
        aik = a[i][k]
        if aik:
            row = b[k]
            for j in range(p):
                out[j] += aik * row[j]
return result`,
    jsBody: `
const n = a.length, m = b.length, p = b[0].length;
const result = Array.from({ length: n }, () => new Array(p).fill(0));
for (let i = 0; i < n; i++) {
  const out = result[i];
  for (let k = 0; k < m; k++) {
    const aik = a[i][k];
    if (aik) {
      const row = b[k];
      for (let j = 0; j < p; j++) out[j] += aik * row[j];
    }
  }
}
return result;`,
    examples: [
      [[[1, 2], [3, 4]], [[5, 6], [7, 8]]],
      [[[1, 0, 2]], [[1], [2], [3]]],
    ],
    variants: [14, 17, 20, 23].map((n, i) => `_digest($F(_matrix(${161 + i}, ${n}, ${n}, -9, 9), _matrix(${1161 + i}, ${n}, ${n}, -9, 9)))`),
  },
  {
    name: 'count_islands',
    sig: 'count_islands(grid: List[List[int]]) -> int',
    js: '(grid)',
    doc: 'grid holds 1 for land and 0 for water. Return the number of islands: groups of land cells\nconnected horizontally or vertically.',
    py: `
rows, cols = len(grid), len(grid[0]) if grid else 0
seen = [[False] * cols for _ in range(rows)]
islands = 0
for r in range(rows):
    for c in range(cols):
        if grid[r][c] == 1 and not seen[r][c]:
            islands += 1
            seen[r][c] = True
            stack = [(r, c)]
            while stack:
                y, x = stack.pop()
                for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                    if 0 <= ny < rows and 0 <= nx < cols and grid[ny][nx] == 1 and not seen[ny][nx]:
                        seen[ny][nx] = True
                        stack.append((ny, nx))
return islands`,
    jsBody: `
const rows = grid.length, cols = rows ? grid[0].length : 0;
const seen = Array.from({ length: rows }, () => new Array(cols).fill(false));
let islands = 0;
for (let r = 0; r < rows; r++) {
  for (let c = 0; c < cols; c++) {
    if (grid[r][c] === 1 && !seen[r][c]) {
      islands++;
      seen[r][c] = true;
      const stack = [[r, c]];
      while (stack.length) {
        const [y, x] = stack.pop();
        for (const [ny, nx] of [[y + 1, x], [y - 1, x], [y, x + 1], [y, x - 1]]) {
          if (ny >= 0 && ny < rows && nx >= 0 && nx < cols && grid[ny][nx] === 1 && !seen[ny][nx]) {
            seen[ny][nx] = true;
            stack.push([ny, nx]);
          }
        }
      }
    }
  }
}
return islands;`,
    examples: [[[[1, 1, 0], [0, 1, 0], [1, 0, 1]]], [[[0, 0], [0, 0]]]],
    variants: [30, 40, 50, 60].map((n, i) => `$F(_grid(${171 + i}, ${n}, ${n}, 45))`),
  },
  {
    name: 'n_queens',
    sig: 'n_queens(n: int) -> int',
    js: '(n)',
    doc: 'Return the number of ways to place n queens on an n x n chessboard so that no two attack\neach other.',
    py: `
def place(row, cols, diag1, diag2):
    if row == n:
        return 1
    total = 0
    for c in range(n):
        if c not in cols and row + c not in diag1 and row - c not in diag2:
            cols.add(c)
            diag1.add(row + c)
            diag2.add(row - c)
            total += place(row + 1, cols, diag1, diag2)
            cols.remove(c)
            diag1.remove(row + c)
            diag2.remove(row - c)
    return total
return place(0, set(), set(), set())`,
    jsBody: `
const place = (row, cols, diag1, diag2) => {
  if (row === n) return 1;
  let total = 0;
  for (let c = 0; c < n; c++) {
    if (!cols.has(c) && !diag1.has(row + c) && !diag2.has(row - c)) {
      cols.add(c);
      diag1.add(row + c);
      diag2.add(row - c);
      total += place(row + 1, cols, diag1, diag2);
      cols.delete(c);
      diag1.delete(row + c);
      diag2.delete(row - c);
    }
  }
  return total;
};
return place(0, new Set(), new Set(), new Set());`,
    examples: [[1], [4]],
    variants: [
      { py: '[$F(k) for k in range(1, 7)]', js: '[1, 2, 3, 4, 5, 6].map((k) => $F(k))' },
      { py: '[$F(k) for k in range(1, 8)]', js: '[1, 2, 3, 4, 5, 6, 7].map((k) => $F(k))' },
      '$F(7)',
      { py: '[$F(k) for k in range(5, 8)]', js: '[5, 6, 7].map((k) => $F(k))' },
    ],
  },
  {
    name: 'anagram_group_sizes',
    sig: 'anagram_group_sizes(words: List[str]) -> List[int]',
    js: '(words)',
    doc: 'Group the words that are anagrams of each other and return the sizes of the groups,\nlargest first.',
    py: `
groups = {}
for word in words:
    key = ''.join(sorted(word))
    groups[key] = groups.get(key, 0) + 1
return sorted(groups.values(), reverse=True)`,
    jsBody: `
const groups = new Map();
for (const word of words) {
  const key = word.split('').sort().join('');
  groups.set(key, (groups.get(key) || 0) + 1);
}
return [...groups.values()].sort((x, y) => y - x);`,
    examples: [[['eat', 'tea', 'tan', 'ate', 'nat', 'bat']], [[]], [['a']]],
    variants: [
      [800, 4],
      [1200, 4],
      [1200, 5],
      [1600, 5],
    ].map(([n, len], i) => `_digest($F(_strs(${181 + i}, ${n}, ${len}, "abcde")))`),
  },
  {
    name: 'int_to_roman',
    sig: 'int_to_roman(num: int) -> str',
    js: '(num)',
    doc: 'Return num (1 <= num <= 3999) written in Roman numerals.',
    py: `
values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1]
symbols = ['M', 'CM', 'D', 'CD', 'C', 'XC', 'L', 'XL', 'X', 'IX', 'V', 'IV', 'I']
out = []
for value, symbol in zip(values, symbols):
    while num >= value:
        out.append(symbol)
        num -= value
return ''.join(out)`,
    jsBody: `
const values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
const symbols = ['M', 'CM', 'D', 'CD', 'C', 'XC', 'L', 'XL', 'X', 'IX', 'V', 'IV', 'I'];
const out = [];
for (let i = 0; i < values.length; i++) {
  while (num >= values[i]) {
    out.push(symbols[i]);
    num -= values[i];
  }
}
return out.join('');`,
    examples: [[3], [58], [1994]],
    variants: [
      [1, 400],
      [400, 800],
      [1200, 1800],
      [2500, 3300],
    ].map(([lo, hi]) => ({
      py: `_digest([$F(k) for k in range(${lo}, ${hi})])`,
      js: `_digest(Array.from({ length: ${hi - lo} }, (_, i) => $F(${lo} + i)))`,
    })),
  },
  {
    name: 'amicable_sum',
    sig: 'amicable_sum(limit: int) -> int',
    js: '(limit)',
    doc: 'Return the sum of the amicable numbers below limit: numbers a whose proper divisors add up to\nsome b != a below limit whose proper divisors add up to a.',
    py: `
divisor_sum = [0] * limit
for d in range(1, limit // 2 + 1):
    for multiple in range(2 * d, limit, d):
        divisor_sum[multiple] += d
total = 0
for a in range(2, limit):
    b = divisor_sum[a]
    if b != a and b < limit and divisor_sum[b] == a:
        total += a
return total`,
    jsBody: `
const divisorSum = new Array(limit).fill(0);
for (let d = 1; d <= Math.floor(limit / 2); d++) {
  for (let multiple = 2 * d; multiple < limit; multiple += d) divisorSum[multiple] += d;
}
let total = 0;
for (let a = 2; a < limit; a++) {
  const b = divisorSum[a];
  if (b !== a && b < limit && divisorSum[b] === a) total += a;
}
return total;`,
    examples: [[300], [10]],
    variants: [1500, 2500, 3500, 4500].map((n) => `$F(${n})`),
  },
  {
    name: 'josephus',
    sig: 'josephus(n: int, k: int) -> int',
    js: '(n, k)',
    doc: 'n people stand in a circle, numbered 1 to n. Counting from person 1, every k-th person\nleaves the circle. Return the number of the last person left.',
    py: `
people = list(range(1, n + 1))
index = 0
while len(people) > 1:
    index = (index + k - 1) % len(people)
    people.pop(index)
return people[0]`,
    jsBody: `
const people = Array.from({ length: n }, (_, i) => i + 1);
let index = 0;
while (people.length > 1) {
  index = (index + k - 1) % people.length;
  people.splice(index, 1);
}
return people[0];`,
    examples: [[7, 3], [1, 5], [5, 2]],
    variants: [800, 1200, 1600, 2000].map((n) => ({
      py: `[$F(${n}, k) for k in range(2, 6)]`,
      js: `[2, 3, 4, 5].map((k) => $F(${n}, k))`,
    })),
  },
  {
    name: 'two_sum_count',
    sig: 'two_sum_count(xs: List[int], target: int) -> int',
    js: '(xs, target)',
    doc: 'Return the number of pairs of positions i < j with xs[i] + xs[j] == target.',
    py: `
seen = {}
count = 0
for x in xs:
    count += seen.get(target - x, 0)
    seen[x] = seen.get(x, 0) + 1
return count`,
    jsBody: `
const seen = new Map();
let count = 0;
for (const x of xs) {
  count += seen.get(target - x) || 0;
  seen.set(x, (seen.get(x) || 0) + 1);
}
return count;`,
    examples: [[[1, 2, 3, 4, 3], 6], [[1, 1, 1], 2], [[], 0]],
    variants: [4000, 6000, 8000, 10000].map((n, i) => `$F(_ints(${191 + i}, ${n}, 0, 2000), 2000)`),
  },
  {
    name: 'fizz_buzz',
    sig: 'fizz_buzz(n: int) -> int',
    js: '(n)',
    doc: 'Return the number of times the digit 7 appears in integers less than n which are divisible\nby 11 or 13.',
    py: `
count = 0
for i in range(n):
    if i % 11 == 0 or i % 13 == 0:
        count += str(i).count('7')
return count`,
    jsBody: `
let count = 0;
for (let i = 0; i < n; i++) {
  if (i % 11 === 0 || i % 13 === 0) count += String(i).split('7').length - 1;
}
return count;`,
    examples: [[50], [78], [79]],
    variants: [10000, 16000, 22000, 28000].map((n) => `$F(${n})`),
  },
  {
    name: 'shortest_path',
    sig: 'shortest_path(grid: List[List[int]]) -> int',
    js: '(grid)',
    doc: 'grid holds 0 for an open cell and 1 for a wall. Return the fewest horizontal or vertical\nsteps from the top-left to the bottom-right cell, or -1 if it cannot be reached.',
    imports: ['from collections import deque'],
    py: `
rows, cols = len(grid), len(grid[0])
if grid[0][0] == 1 or grid[rows - 1][cols - 1] == 1:
    return -1
dist = [[-1] * cols for _ in range(rows)]
dist[0][0] = 0
queue = deque([(0, 0)])
while queue:
    r, c = queue.popleft()
    if r == rows - 1 and c == cols - 1:
        return dist[r][c]
    for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
        if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == 0 and dist[nr][nc] == -1:
            dist[nr][nc] = dist[r][c] + 1
            queue.append((nr, nc))
return -1`,
    jsBody: `
const rows = grid.length, cols = grid[0].length;
if (grid[0][0] === 1 || grid[rows - 1][cols - 1] === 1) return -1;
const dist = Array.from({ length: rows }, () => new Array(cols).fill(-1));
dist[0][0] = 0;
const queue = [[0, 0]];
for (let head = 0; head < queue.length; head++) {
  const [r, c] = queue[head];
  if (r === rows - 1 && c === cols - 1) return dist[r][c];
  for (const [nr, nc] of [[r + 1, c], [r - 1, c], [r, c + 1], [r, c - 1]]) {
    if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && grid[nr][nc] === 0 && dist[nr][nc] === -1) {
      dist[nr][nc] = dist[r][c] + 1;
      queue.push([nr, nc]);
    }
  }
}
return -1;`,
    examples: [[[[0, 0, 0], [1, 1, 0], [0, 0, 0]]], [[[0, 1], [1, 0]]], [[[0]]]],
    variants: [30, 40, 50, 60].map((n, i) => ({
      setup: {
        py: [`g = _grid(${201 + i}, ${n}, ${n}, 25)`, 'g[0][0] = 0', 'g[-1][-1] = 0'],
        js: [`const g = _grid(${201 + i}, ${n}, ${n}, 25)`, 'g[0][0] = 0', `g[${n - 1}][${n - 1}] = 0`],
      },
      py: '$F(g)',
      js: '$F(g)',
    })),
  },
  {
    name: 'spiral_order',
    sig: 'spiral_order(matrix: List[List[int]]) -> List[int]',
    js: '(matrix)',
    doc: 'Return the elements of matrix in clockwise spiral order, starting at the top-left corner.',
    py: `
result = []
top, bottom, left, right = 0, len(matrix) - 1, 0, len(matrix[0]) - 1 if matrix else -1
while top <= bottom and left <= right:
    for c in range(left, right + 1):
        result.append(matrix[top][c])
    top += 1
    for r in range(top, bottom + 1):
        result.append(matrix[r][right])
    right -= 1
    if top <= bottom:
        for c in range(right, left - 1, -1):
            result.append(matrix[bottom][c])
        bottom -= 1
    if left <= right:
        for r in range(bottom, top - 1, -1):
            result.append(matrix[r][left])
        left += 1
return result`,
    jsBody: `
const result = [];
let top = 0, bottom = matrix.length - 1, left = 0, right = matrix.length ? matrix[0].length - 1 : -1;
while (top <= bottom && left <= right) {
  for (let c = left; c <= right; c++) result.push(matrix[top][c]);
  top++;
  for (let r = top; r <= bottom; r++) result.push(matrix[r][right]);
  right--;
  if (top <= bottom) {
    for (let c = right; c >= left; c--) result.push(matrix[bottom][c]);
    bottom--;
  }
  if (left <= right) {
    for (let r = bottom; r >= top; r--) result.push(matrix[r][left]);
    left++;
  }
}
return result;`,
    examples: [[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]], [[[1, 2, 3, 4], [5, 6, 7, 8]]], [[]]],
    variants: [
      [30, 40],
      [45, 45],
      [60, 50],
      [70, 70],
    ].map(([r, c], i) => `_digest($F(_matrix(${211 + i}, ${r}, ${c}, 0, 99)))`),
  },
];
