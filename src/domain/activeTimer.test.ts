import { describe, expect, it } from 'vitest';
import { ActiveTimer, IDLE_MS } from './activeTimer.js';

const S = 1000;

describe('ActiveTimer', () => {
  it('counts visible time after activity', () => {
    const t = new ActiveTimer(0);
    t.activity(10 * S);
    expect(t.take(30 * S)).toBe(30 * S);
  });

  it('each take returns only the time since the previous one', () => {
    const t = new ActiveTimer(0);
    t.activity(5 * S);
    expect(t.take(20 * S)).toBe(20 * S);
    t.activity(40 * S);
    expect(t.take(50 * S)).toBe(30 * S);
    expect(t.take(50 * S)).toBe(0);
  });

  it('stops counting IDLE_MS after the last activity', () => {
    const t = new ActiveTimer(0);
    t.activity(10 * S);
    expect(t.take(10 * 60 * S)).toBe(10 * S + IDLE_MS);
  });

  it('idle time is not counted, and counting resumes at the next activity', () => {
    const t = new ActiveTimer(0);
    // Active 0–60 s (opening is activity), idle until 5 min, active again from 5 min to 5 min 20 s.
    t.activity(5 * 60 * S);
    expect(t.take(5 * 60 * S + 20 * S)).toBe(IDLE_MS + 20 * S);
  });

  it('a take while idle returns the active part only, and the next take returns nothing', () => {
    const t = new ActiveTimer(0);
    expect(t.take(2 * IDLE_MS)).toBe(IDLE_MS);
    expect(t.take(3 * IDLE_MS)).toBe(0);
    t.activity(3 * IDLE_MS + S);
    expect(t.take(3 * IDLE_MS + 4 * S)).toBe(3 * S);
  });

  it('activity keeps extending the window', () => {
    const t = new ActiveTimer(0);
    for (let s = 50; s <= 500; s += 50) t.activity(s * S);
    expect(t.take(500 * S)).toBe(500 * S);
  });

  it('hidden time never counts, even right after activity', () => {
    const t = new ActiveTimer(0);
    t.activity(10 * S);
    t.visible(false, 20 * S);
    expect(t.take(40 * S)).toBe(20 * S);
    t.visible(true, 100 * S);
    expect(t.take(110 * S)).toBe(10 * S);
  });

  it('showing the page again counts as coming back, even after a long absence', () => {
    const t = new ActiveTimer(0);
    t.visible(false, 5 * S);
    t.visible(true, 30 * 60 * S);
    expect(t.take(30 * 60 * S + 10 * S)).toBe(15 * S);
  });

  it('showing the page while it is already visible is not activity', () => {
    const t = new ActiveTimer(0);
    t.visible(true, 5 * 60 * S);
    expect(t.take(6 * 60 * S)).toBe(IDLE_MS);
  });

  it('activity while hidden does not count', () => {
    const t = new ActiveTimer(0, false);
    t.activity(10 * S);
    expect(t.take(20 * S)).toBe(0);
    t.visible(true, 30 * S);
    expect(t.take(35 * S)).toBe(5 * S);
  });

  it('a timer started hidden counts nothing until shown', () => {
    const t = new ActiveTimer(0, false);
    expect(t.take(10 * 60 * S)).toBe(0);
    t.visible(true, 10 * 60 * S);
    expect(t.take(10 * 60 * S + S)).toBe(S);
  });

  it('hide and show across takes adds up to the visible, active time', () => {
    const t = new ActiveTimer(0);
    let total = 0;
    t.visible(false, 10 * S);
    total += t.take(15 * S); // 10 s
    t.visible(true, 20 * S);
    total += t.take(25 * S); // 5 s
    t.activity(70 * S); // window until 130 s
    t.visible(false, 90 * S);
    total += t.take(200 * S); // 65 s
    expect(total).toBe(80 * S);
  });

  it('a clock that steps back counts nothing twice', () => {
    const t = new ActiveTimer(0);
    expect(t.take(20 * S)).toBe(20 * S);
    t.activity(10 * S);
    expect(t.take(15 * S)).toBe(0);
    expect(t.take(25 * S)).toBe(5 * S);
  });
});
