import { describe, expect, it } from 'vitest';
import { applyRankAction, compactRanks, groupsOf, insertGroup, moveToGroup, placeAt, preferencePairs, sameRanks } from './ranking.js';

const IDS = ['a', 'b', 'c', 'd', 'e'];

describe('groupsOf', () => {
  it('orders groups best first and keeps ties together in solution order', () => {
    expect(groupsOf({ c: 2, a: 5, b: 2, d: 1 }, IDS)).toEqual({ groups: [['d'], ['b', 'c'], ['a']], unranked: ['e'] });
  });

  it('puts everything apart when nothing is ranked', () => {
    expect(groupsOf({}, IDS)).toEqual({ groups: [], unranked: IDS });
  });

  it('ignores ranked ids the task does not list, and unusable ranks', () => {
    expect(groupsOf({ a: 1, gone: 1, b: NaN }, ['a', 'b'])).toEqual({ groups: [['a']], unranked: ['b'] });
  });

  it('one group when everything is tied', () => {
    expect(groupsOf({ a: 3, b: 3, c: 3 }, ['c', 'b', 'a'])).toEqual({ groups: [['c', 'b', 'a']], unranked: [] });
  });
});

describe('compactRanks', () => {
  it.each([
    [{}, {}],
    [{ a: 1, b: 2 }, { a: 1, b: 2 }],
    [{ a: 1, b: 3, c: 3, d: 7 }, { a: 1, b: 2, c: 2, d: 3 }],
    [{ a: 4, b: 4 }, { a: 1, b: 1 }],
    [{ a: 10, b: 2, c: 10, d: 5 }, { a: 3, b: 1, c: 3, d: 2 }],
  ])('%j → %j', (ranks, dense) => {
    expect(compactRanks(ranks)).toEqual(dense);
  });

  it('drops unusable ranks', () => {
    expect(compactRanks({ a: 2, b: Number.NaN, c: Infinity })).toEqual({ a: 1 });
  });
});

describe('placeAt', () => {
  it('puts a solution at the given position among the others', () => {
    expect(placeAt({ a: 1, b: 2, c: 3 }, 'a', 3)).toEqual({ b: 1, c: 2, a: 3 });
    expect(placeAt({ a: 1, b: 2, c: 3 }, 'c', 1)).toEqual({ c: 1, a: 1, b: 2 });
  });

  it('ties with the group already at that position', () => {
    expect(placeAt({ a: 1, b: 2 }, 'c', 2)).toEqual({ a: 1, b: 2, c: 2 });
    expect(placeAt({ a: 1, b: 1, c: 2 }, 'a', 2)).toEqual({ b: 1, c: 2, a: 2 });
  });

  it('a rank past the end makes a new last group, without gaps', () => {
    expect(placeAt({ a: 1, b: 2 }, 'c', 9)).toEqual({ a: 1, b: 2, c: 3 });
    expect(placeAt({}, 'a', 4)).toEqual({ a: 1 });
  });

  it('closes the gap the solution leaves', () => {
    expect(placeAt({ a: 1, b: 2, c: 3 }, 'b', 5)).toEqual({ a: 1, c: 2, b: 3 });
  });

  it('undefined (or a rank below 1) removes the rank', () => {
    expect(placeAt({ a: 1, b: 2, c: 3 }, 'a', undefined)).toEqual({ b: 1, c: 2 });
    expect(placeAt({ a: 1, b: 2 }, 'b', 0)).toEqual({ a: 1 });
  });

  it('breaking a tie keeps the rest tied', () => {
    expect(placeAt({ a: 1, b: 1, c: 1 }, 'b', 2)).toEqual({ a: 1, c: 1, b: 2 });
  });
});

describe('moveToGroup', () => {
  it('joins an existing group', () => {
    expect(moveToGroup({ a: 1, b: 2, c: 3 }, 'c', 0)).toEqual({ a: 1, b: 2, c: 1 });
  });

  it('counts groups as they are shown, including the moved solution', () => {
    // Groups [a] [b] [c]: dropping a on the group of c leaves b first.
    expect(moveToGroup({ a: 1, b: 2, c: 3 }, 'a', 2)).toEqual({ a: 2, b: 1, c: 2 });
  });

  it('ranks an unranked solution into a tie', () => {
    expect(moveToGroup({ a: 1, b: 2 }, 'z', 1)).toEqual({ a: 1, b: 2, z: 2 });
  });

  it('leaves a tie group when moved out of it', () => {
    expect(moveToGroup({ a: 1, b: 1, c: 2 }, 'a', 1)).toEqual({ a: 2, b: 1, c: 2 });
  });

  it('an index with no group changes nothing but compacts', () => {
    expect(moveToGroup({ a: 1, b: 5 }, 'a', 2)).toEqual({ a: 1, b: 2 });
    expect(moveToGroup({ a: 1, b: 5 }, 'a', -1)).toEqual({ a: 1, b: 2 });
    expect(moveToGroup({}, 'a', 0)).toEqual({});
  });
});

describe('insertGroup', () => {
  it('makes a new first group, shifting the others down', () => {
    expect(insertGroup({ a: 1, b: 2, c: 3 }, 'c', 0)).toEqual({ c: 1, a: 2, b: 3 });
  });

  it('makes a new group between two groups', () => {
    // Groups [a] [b] [c]: dropping a in the gap before c.
    expect(insertGroup({ a: 1, b: 2, c: 3 }, 'a', 2)).toEqual({ b: 1, a: 2, c: 3 });
  });

  it('index = number of groups puts it last; larger indexes are clamped', () => {
    expect(insertGroup({ a: 1, b: 2 }, 'a', 2)).toEqual({ b: 1, a: 2 });
    expect(insertGroup({ a: 1, b: 2 }, 'z', 99)).toEqual({ a: 1, b: 2, z: 3 });
    expect(insertGroup({ a: 1, b: 2 }, 'z', -3)).toEqual({ z: 1, a: 2, b: 3 });
  });

  it('takes a solution out of a tie into a group of its own', () => {
    expect(insertGroup({ a: 1, b: 1, c: 2 }, 'b', 1)).toEqual({ a: 1, b: 2, c: 3 });
    expect(insertGroup({ a: 1, b: 1, c: 1 }, 'c', 0)).toEqual({ c: 1, a: 2, b: 2 });
  });

  it('dropping a lone solution next to itself changes nothing', () => {
    expect(insertGroup({ a: 1, b: 2, c: 3 }, 'b', 1)).toEqual({ a: 1, b: 2, c: 3 });
    expect(insertGroup({ a: 1, b: 2, c: 3 }, 'b', 2)).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('ranks the first solution of an empty ranking', () => {
    expect(insertGroup({}, 'a', 0)).toEqual({ a: 1 });
  });
});

describe('preferencePairs', () => {
  const sorted = (pairs: { chosen: string; rejected: string }[]) => pairs.map((p) => `${p.chosen}>${p.rejected}`).sort();

  it('gives every strictly ordered pair of a total order', () => {
    expect(sorted(preferencePairs({ a: 1, b: 2, c: 3 }))).toEqual(['a>b', 'a>c', 'b>c']);
  });

  it('ties give no pair, but each tied solution is paired with the groups around it', () => {
    expect(sorted(preferencePairs({ a: 1, b: 2, c: 2, d: 3 }))).toEqual(['a>b', 'a>c', 'a>d', 'b>d', 'c>d']);
  });

  it('an all-tied ranking gives nothing', () => {
    expect(preferencePairs({ a: 1, b: 1, c: 1 })).toEqual([]);
  });

  it('unranked solutions give nothing (they are not in the ranks)', () => {
    expect(preferencePairs({ a: 1 })).toEqual([]);
    expect(preferencePairs({})).toEqual([]);
  });

  it('works on ranks with gaps and lists the best chosen first', () => {
    expect(preferencePairs({ c: 9, b: 4, a: 1 })).toEqual([
      { chosen: 'a', rejected: 'b' },
      { chosen: 'a', rejected: 'c' },
      { chosen: 'b', rejected: 'c' },
    ]);
  });

  it('n solutions in k groups give the pairs across groups only', () => {
    // Groups of sizes 2, 3, 1: 2·3 + 2·1 + 3·1 = 11 pairs.
    expect(preferencePairs({ a: 1, b: 1, c: 2, d: 2, e: 2, f: 3 })).toHaveLength(11);
  });
});

describe('applyRankAction', () => {
  it('is placeAt, moveToGroup or insertGroup, by the action', () => {
    const ranks = { a: 1, b: 2, c: 4 };
    expect(applyRankAction(ranks, { type: 'rank', solutionId: 'd', rank: 2 })).toEqual(placeAt(ranks, 'd', 2));
    expect(applyRankAction(ranks, { type: 'tie', solutionId: 'c', group: 0 })).toEqual(moveToGroup(ranks, 'c', 0));
    expect(applyRankAction(ranks, { type: 'rankBefore', solutionId: 'a', group: 3 })).toEqual(insertGroup(ranks, 'a', 3));
  });

  it('always gives dense ranks', () => {
    for (const rank of [undefined, 1, 2, 3, 7, 0, -1, NaN, 2.5]) {
      const out = Object.values(applyRankAction({ a: 2, b: 9 }, { type: 'rank', solutionId: 'c', rank }));
      expect([...new Set(out)].sort()).toEqual(Array.from({ length: new Set(out).size }, (_, i) => i + 1));
    }
  });
});

describe('sameRanks', () => {
  it('compares ids and ranks, not key order', () => {
    expect(sameRanks({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameRanks({ a: 1 }, { a: 1, b: 1 })).toBe(false);
    expect(sameRanks({ a: 1, b: 2 }, { a: 1, b: 3 })).toBe(false);
  });
});

