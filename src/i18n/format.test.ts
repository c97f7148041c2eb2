import { describe, expect, it } from 'vitest';
import { formatBudget, formatDate, formatMs, formatNumber, formatRatio } from './format.js';

describe('formatNumber', () => {
  it.each([
    ['es-CL', 1234.5, 1, '1.234,5'],
    ['en', 1234.5, 1, '1,234.5'],
    ['es-CL', 1234567, 0, '1.234.567'],
    ['en', 1234567, 0, '1,234,567'],
    ['es-CL', 0.5, 2, '0,50'],
    ['en', 0.5, 2, '0.50'],
    ['es-CL', 2.345, 2, '2,35'],
    ['es-CL', 1.6, 0, '2'],
    ['es-CL', -1234.5, 1, '-1.234,5'],
  ] as const)('%s %d with %i digits → %s', (locale, n, digits, text) => {
    expect(formatNumber(locale, n, digits)).toBe(text);
  });

  it('shows no decimals by default', () => {
    expect(formatNumber('es-CL', 1234.4)).toBe('1.234');
    expect(formatNumber('en', 1234.4)).toBe('1,234');
  });
});

describe('formatMs', () => {
  it.each([
    ['en', 1500, '1.50 s'],
    ['es-CL', 1500, '1,50 s'],
    ['es-CL', 1000, '1,00 s'],
    ['es-CL', 12345, '12,35 s'],
    ['en', 250, '250 ms'],
    ['es-CL', 250.4, '250 ms'],
    ['en', 5, '5.00 ms'],
    ['es-CL', 0.25, '0,25 ms'],
    ['en', 10, '10 ms'],
    ['en', 0, '0.00 ms'],
  ] as const)('%s %d → %s', (locale, ms, text) => {
    expect(formatMs(locale, ms)).toBe(text);
  });
});

describe('formatDate', () => {
  it.each([
    [new Date(2026, 0, 5), '05-01-2026'],
    [new Date(2026, 11, 31, 23, 59), '31-12-2026'],
    [new Date(1999, 8, 9), '09-09-1999'],
  ])('es-CL writes %s as dd-mm-aaaa', (date, text) => {
    expect(formatDate('es-CL', date)).toBe(text);
  });

  it('en writes the month as a word', () => {
    expect(formatDate('en', new Date(2026, 0, 5))).toBe('Jan 5, 2026');
  });
});

describe('formatRatio and formatBudget', () => {
  it.each([
    ['es-CL', 3, '3,0×'],
    ['en', 3, '3.0×'],
    ['es-CL', 7.1, '7,1×'],
    ['es-CL', 150, '150×'],
    ['es-CL', 1234.5, '1.235×'],
  ] as const)('%s ratio %d → %s', (locale, ratio, text) => {
    expect(formatRatio(locale, ratio)).toBe(text);
  });

  it('writes a budget with the decimals it was given', () => {
    expect(formatBudget('es-CL', 3)).toBe('3×');
    expect(formatBudget('es-CL', 2.5)).toBe('2,5×');
    expect(formatBudget('en', 2.5)).toBe('2.5×');
  });
});
