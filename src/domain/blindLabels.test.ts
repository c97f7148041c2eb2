// Blind labels: a stable order per (trainer, task), different between trainers and tasks, every
// solution exactly once, and letters past Z.
import { describe, expect, it } from 'vitest';
import { blindLetter, blindOrder } from './blindLabels.js';

const IDS = ['stack', 'counter', 'no-final-check', 'delete-pairs'];

describe('blindOrder', () => {
  it('gives every solution one letter, A first, and the same order every time', () => {
    const once = blindOrder(IDS, 'trainer-1', 'balanced-brackets');
    expect(once.map((b) => b.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect([...once.map((b) => b.id)].sort()).toEqual([...IDS].sort());
    expect(blindOrder(IDS, 'trainer-1', 'balanced-brackets')).toEqual(once);
  });

  it('does not depend on the order the task file lists its solutions in', () => {
    expect(blindOrder([...IDS].reverse(), 'k', 't')).toEqual(blindOrder(IDS, 'k', 't'));
  });

  it('differs between trainers and between tasks, and puts each solution first about as often', () => {
    const orders = new Set<string>();
    const first = new Map<string, number>();
    for (let i = 0; i < 400; i++) {
      const order = blindOrder(IDS, `trainer-${i}`, 'median').map((b) => b.id);
      orders.add(order.join());
      first.set(order[0]!, (first.get(order[0]!) ?? 0) + 1);
    }
    // 24 orders exist; 400 trainers see most of them, and no solution is always (or never) first.
    expect(orders.size).toBeGreaterThan(20);
    for (const id of IDS) expect(first.get(id) ?? 0).toBeGreaterThan(50);
    const tasks = new Set(Array.from({ length: 50 }, (_, i) => blindOrder(IDS, 'one trainer', `task-${i}`).map((b) => b.id).join()));
    expect(tasks.size).toBeGreaterThan(10);
  });

  it('names positions past Z with two letters', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 99].map(blindLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'CV']);
    expect(blindOrder([], 'k', 't')).toEqual([]);
  });
});
