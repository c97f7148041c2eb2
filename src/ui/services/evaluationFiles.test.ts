import { describe, expect, it } from 'vitest';
import { unexportedOverAWeek } from './evaluationFiles.js';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.parse('2026-11-23T12:00:00Z');
const ago = (days: number) => new Date(now - days * DAY).toISOString();

describe('export reminder', () => {
  it('asks when changes made since the last export are over a week old', () => {
    expect(unexportedOverAWeek([ago(8), ago(1)], '', now)).toBe(2);
    expect(unexportedOverAWeek([ago(8), ago(1)], ago(3), now)).toBe(0); // the old change was exported
    expect(unexportedOverAWeek([ago(8), ago(1)], ago(9), now)).toBe(2);
  });
  it('stays quiet for recent work or nothing to export', () => {
    expect(unexportedOverAWeek([ago(6)], '', now)).toBe(0);
    expect(unexportedOverAWeek([], '', now)).toBe(0);
  });
});
