// Blind labels: a trainer judges "Answer A", "Answer B"… instead of names that give the answer away
// ("Stack without a final check"), in an order shuffled per task and the same every time that
// trainer opens it. The order comes from a seed (the trainer's key and the task's id), so nothing
// needs storing while the trainer works; the letters they saw are kept in the submitted judgement
// (`shownLabels`), because their critiques may say "A" and "B". Exports keep the real solution ids.

/** A letter per position: A…Z, then AA, AB… (a task may hold up to 100 solutions). */
export function blindLetter(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(65 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}

/** 32-bit FNV-1a of a string: stable across engines, which a stable order needs. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator; the shuffle only needs to be stable, not secret. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The solution ids in the order this trainer sees them for this task, each with its letter. The same
 * trainer key and task id give the same order; another trainer, or another task, another one.
 */
export function blindOrder(ids: readonly string[], trainerKey: string, taskId: string): { id: string; letter: string }[] {
  const next = generator(hash(`${trainerKey}\u0000${taskId}`));
  // Sorted first, so the order does not depend on how the task file happens to list its solutions.
  const order = [...ids].sort();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.map((id, i) => ({ id, letter: blindLetter(i) }));
}
