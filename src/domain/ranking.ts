// A trainer's ranking of a task's solutions: solution id → rank, 1 = best, equal ranks are ties.
// Every edit returns dense ranks (1..k, no gaps), so a rank always reads as "the k-th group".
// Ranks change only through the evaluation reducer's rank actions (RankAction), which apply the
// edits here: a digit key on a card or on a chip, the rank box and a drop are the same rule.

export type Ranks = Readonly<Record<string, number>>;
export type Preference = { chosen: string; rejected: string };

/** Ids grouped by rank, best group first (ties share a group, in `ids` order); ids with no rank apart. */
export function groupsOf(ranks: Ranks, ids: readonly string[]): { groups: string[][]; unranked: string[] } {
  const byRank = new Map<number, string[]>();
  const unranked: string[] = [];
  for (const id of ids) {
    const rank = rankOf(ranks, id);
    if (rank === undefined) unranked.push(id);
    else byRank.set(rank, [...(byRank.get(rank) ?? []), id]);
  }
  const groups = [...byRank].sort(([a], [b]) => a - b).map(([, group]) => group);
  return { groups, unranked };
}

/** The same order and ties as dense ranks 1..k. */
export function compactRanks(ranks: Ranks): Record<string, number> {
  const distinct = [...new Set(Object.keys(ranks).flatMap((id) => rankOf(ranks, id) ?? []))].sort((a, b) => a - b);
  const dense = new Map(distinct.map((rank, i) => [rank, i + 1]));
  const out: Record<string, number> = {};
  for (const id of Object.keys(ranks)) {
    const rank = rankOf(ranks, id);
    if (rank !== undefined) out[id] = dense.get(rank)!;
  }
  return out;
}

/**
 * Puts `id` in the `rank`-th group of the other solutions (a tie when that group exists, a new last
 * group when `rank` is past the end); `undefined` removes its rank. Digit keys call this.
 */
export function placeAt(ranks: Ranks, id: string, rank: number | undefined): Record<string, number> {
  const others = compactRanks(without(ranks, id));
  if (rank === undefined || !Number.isFinite(rank) || rank < 1) return others;
  const last = Math.max(0, ...Object.values(others));
  return compactRanks({ ...others, [id]: Math.min(Math.floor(rank), last + 1) });
}

/** Ties `id` with the group at `groupIndex` (0-based, as `groupsOf` shows the current ranks). */
export function moveToGroup(ranks: Ranks, id: string, groupIndex: number): Record<string, number> {
  const dense = compactRanks(ranks);
  const last = Math.max(0, ...Object.values(dense));
  if (!Number.isInteger(groupIndex) || groupIndex < 0 || groupIndex >= last) return dense;
  return compactRanks({ ...dense, [id]: groupIndex + 1 });
}

/**
 * Makes `id` a group of its own before the group now at `index` (0-based; `index` = number of
 * groups puts it last), as `groupsOf` shows the current ranks. A drop between two groups.
 */
export function insertGroup(ranks: Ranks, id: string, index: number): Record<string, number> {
  const dense = compactRanks(ranks);
  const last = Math.max(0, ...Object.values(dense));
  const at = Math.min(Math.max(0, Math.floor(Number.isFinite(index) ? index : last)), last);
  // Doubling leaves an odd slot between every two groups: group g sits at 2g + 2, the gap before it at 2g + 1.
  const spread: Record<string, number> = {};
  for (const [other, rank] of Object.entries(dense)) spread[other] = rank * 2;
  return compactRanks({ ...spread, [id]: at * 2 + 1 });
}

/** The named ways a ranking changes, one per gesture; the evaluation reducer applies them. */
export type RankAction =
  /** Rank `rank` (a digit key, the rank box), see placeAt; undefined takes the rank away. */
  | { type: 'rank'; solutionId: string; rank: number | undefined }
  /** Tie with the group shown at `group` (0-based), see moveToGroup. */
  | { type: 'tie'; solutionId: string; group: number }
  /** A group of its own before the group shown at `group` (0-based), see insertGroup. */
  | { type: 'rankBefore'; solutionId: string; group: number };

/** The ranks after one action: always dense, whatever `ranks` were (stored data may have gaps). */
export function applyRankAction(ranks: Ranks, action: RankAction): Record<string, number> {
  switch (action.type) {
    case 'rank':
      return placeAt(ranks, action.solutionId, action.rank);
    case 'tie':
      return moveToGroup(ranks, action.solutionId, action.group);
    case 'rankBefore':
      return insertGroup(ranks, action.solutionId, action.group);
  }
}

export function sameRanks(a: Ranks, b: Ranks): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/** Every (better, worse) pair; ties and unranked solutions give none. Best pairs first. */
export function preferencePairs(ranks: Ranks): Preference[] {
  const ranked = Object.keys(ranks)
    .flatMap((id) => {
      const rank = rankOf(ranks, id);
      return rank === undefined ? [] : [{ id, rank }];
    })
    .sort((a, b) => a.rank - b.rank);
  const pairs: Preference[] = [];
  for (const better of ranked)
    for (const worse of ranked) if (better.rank < worse.rank) pairs.push({ chosen: better.id, rejected: worse.id });
  return pairs;
}

/** A usable rank, or undefined: stored data is validated, but a stray NaN must not become a group. */
function rankOf(ranks: Ranks, id: string): number | undefined {
  const rank = Object.hasOwn(ranks, id) ? ranks[id] : undefined;
  return typeof rank === 'number' && Number.isFinite(rank) ? rank : undefined;
}

function without(ranks: Ranks, id: string): Record<string, number> {
  const { [id]: _removed, ...rest } = ranks;
  return rest;
}
