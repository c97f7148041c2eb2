import { describe, expect, it } from 'vitest';
import { TAG, compareValues, firstDifferentLine, mismatch, normalizeStdout, showValue } from './compare.js';

const nan = { [TAG]: 'float', value: 'nan' };
const inf = { [TAG]: 'float', value: 'inf' };
const negInf = { [TAG]: 'float', value: '-inf' };
const big = (value: string) => ({ [TAG]: 'bigint', value });
const unsupported = (value: string) => ({ [TAG]: 'unsupported', value });

describe('compareValues', () => {
  it.each([
    ['equal integers', 3, 3],
    ['zero and negative zero', 0, -0],
    ['floats within the default relative tolerance', 1e12, 1e12 + 1e2],
    ['floats within the default absolute tolerance', 0, 1e-10],
    ['0.1 + 0.2 against 0.3', 0.3, 0.1 + 0.2],
    ['strings', 'hola', 'hola'],
    ['booleans', true, true],
    ['null', null, null],
    ['empty arrays', [], []],
    ['nested arrays', [[1, 2], [3]], [[1, 2], [3]]],
    ['objects with keys in another order', { a: 1, b: [2, { c: 'x' }] }, { b: [2, { c: 'x' }], a: 1 }],
    ['empty objects', {}, {}],
    ['NaN against the NaN tag', NaN, nan],
    ['NaN against NaN', NaN, NaN],
    ['a number against a bigint tag of the same value', 12345678901234567890, big('12345678901234567890')],
    ['a small number against a bigint tag', 42, big('42')],
    ['a bigint tag inside an array', [1, 2 ** 60], [1, big(String(2n ** 60n))]],
  ])('%s are equal', (_name, expected, actual) => {
    expect(compareValues(expected, actual)).toEqual({ equal: true });
  });

  it.each([
    ['different integers', 3, 4, ''],
    ['floats outside the default tolerance', 1, 1 + 1e-6, ''],
    ['small floats outside the absolute tolerance', 0, 1e-8, ''],
    ['a number and a numeric string', 1, '1', ''],
    ['a string and a number', '1', 1, ''],
    ['true and 1', true, 1, ''],
    ['null and 0', null, 0, ''],
    ['null and an empty object', null, {}, ''],
    ['an empty object and null', {}, null, ''],
    ['an array and an object with index keys', [1], { 0: 1 }, ''],
    ['an object and an array', { 0: 1 }, [1], ''],
    ['arrays of different length', [1, 2, 3], [1, 2], ''],
    ['nested arrays of different length', { a: [[1, 2], [3]] }, { a: [[1, 2], [3, 4]] }, '.a[1]'],
    ['arrays with a different element', [1, 2, 3], [1, 2, 4], '[2]'],
    ['a nested field', [{ name: 'a' }, { name: 'b' }, { name: 'c' }], [{ name: 'a' }, { name: 'b' }, { name: 'C' }], '[2].name'],
    ['a deep path', { a: { b: [0, { c: 1 }] } }, { a: { b: [0, { c: 2 }] } }, '.a.b[1].c'],
    ['an object with an extra key', { a: 1 }, { a: 1, b: 2 }, '.b'],
    ['an object with a missing key', { a: 1, b: 2 }, { a: 1 }, '.b'],
    ['objects with different key sets of the same size', { a: 1, b: 2 }, { a: 1, c: 2 }, '.b'],
    ['a number and the NaN tag', 1, nan, ''],
    ['NaN and a number', NaN, 1, ''],
    ['a number and the inf tag', 1e308, inf, ''],
    ['a number and the -inf tag', -1e308, negInf, ''],
    ['a number and an unsupported tag', 1, unsupported('A'), ''],
    ['a string and an unsupported tag', 'A', unsupported('A'), ''],
    ['a string and the NaN tag', 'nan', nan, ''],
    ['null and the NaN tag', null, nan, ''],
    ['an object and a tagged value', { value: 'nan' }, nan, ''],
    ['an object spelling the tag and a tagged value', { [TAG]: 'unsupported', value: 'A' }, unsupported('A'), ''],
    ['an array and a tagged value', [], unsupported('list'), ''],
    ['a string and a bigint tag', '42', big('42'), ''],
    ['a number and a bigint tag of another value', 41, big('42'), ''],
    ['an unsupported tag inside an array', [1, 2], [1, unsupported('function')], '[1]'],
  ])('%s differ', (_name, expected, actual, path) => {
    expect(compareValues(expected, actual)).toEqual({ equal: false, path });
  });

  it.each([
    ['NaN and the inf tag', inf],
    ['NaN and the -inf tag', negInf],
  ])('%s differ (infinity is not NaN)', (_name, actual) => {
    // The harnesses spell infinities as {TAG: 'float', value: 'inf' | '-inf'}; NaN equals only the NaN tag.
    expect(compareValues(NaN, actual).equal).toBe(false);
  });

  it('uses the given tolerance', () => {
    expect(compareValues(100, 101, { rel: 0.02 }).equal).toBe(true);
    expect(compareValues(100, 103, { rel: 0.02 }).equal).toBe(false);
    expect(compareValues(0, 0.05, { abs: 0.1 }).equal).toBe(true);
    expect(compareValues(0, 0.2, { abs: 0.1 }).equal).toBe(false);
    expect(compareValues([1.5], [1.6], { abs: 0.2 }).equal).toBe(true);
  });

  it('with zero tolerance only exact numbers are equal', () => {
    expect(compareValues(0.3, 0.1 + 0.2, { rel: 0, abs: 0 })).toEqual({ equal: false, path: '' });
    expect(compareValues(0.5, 0.5, { rel: 0, abs: 0 })).toEqual({ equal: true });
  });
});

describe('showValue', () => {
  it.each([
    [1, '1'],
    ['a', '"a"'],
    [null, 'null'],
    [undefined, 'undefined'],
    [[1, 'b', true], '[1,"b",true]'],
    [{ a: [1, 2] }, '{"a":[1,2]}'],
    [nan, 'nan'],
    [inf, 'inf'],
    [big('123456789012345678901234567890'), '123456789012345678901234567890'],
    [unsupported('A'), 'A'],
    [[1, nan, { x: negInf }], '[1,nan,{"x":-inf}]'],
  ])('shows %j as %s', (value, shown) => {
    expect(showValue(value)).toBe(shown);
  });

  it('cuts long values with an ellipsis', () => {
    const s = showValue('x'.repeat(1000), 10);
    expect(s).toBe('"xxxxxxxxx…');
  });

  it('leaves values at the limit whole', () => {
    expect(showValue('abc', 5)).toBe('"abc"');
  });
});

describe('mismatch', () => {
  it('without a path uses result.mismatch', () => {
    expect(mismatch(3, 4, '')).toEqual({ key: 'result.mismatch', params: { expected: '3', actual: '4' } });
  });

  it('with a path uses result.mismatchAt and drops the leading dot', () => {
    expect(mismatch({ name: 'a' }, { name: 'b' }, '.name')).toEqual({
      key: 'result.mismatchAt',
      params: { path: 'name', expected: '{"name":"a"}', actual: '{"name":"b"}' },
    });
  });

  it('keeps an index path as it is', () => {
    const m = mismatch([1, 2, { name: 'x' }], [1, 2, { name: 'y' }], '[2].name');
    expect(m.key).toBe('result.mismatchAt');
    expect(m.params?.path).toBe('[2].name');
  });

  it('shows tagged values the way a programmer writes them', () => {
    expect(mismatch(1, nan, '')).toEqual({ key: 'result.mismatch', params: { expected: '1', actual: 'nan' } });
  });
});

describe('normalizeStdout', () => {
  it.each([
    ['a\r\nb\r\n', 'a\nb'],
    ['a  \nb\t\n', 'a\nb'],
    ['a \t \nb', 'a\nb'],
    ['a\n\n\n', 'a'],
    ['a\n  \n\t\n', 'a'],
    ['\na', '\na'],
    ['  a', '  a'],
    ['a\n\nb', 'a\n\nb'],
    ['', ''],
    ['\n\n', ''],
    ['a\r\n\r\n', 'a'],
  ])('normalizes %j to %j', (input, output) => {
    expect(normalizeStdout(input)).toBe(output);
  });

  it('makes Windows and Unix output of the same text equal', () => {
    expect(normalizeStdout('1 2 \r\n3\r\n\r\n')).toBe(normalizeStdout('1 2\n3\n'));
  });

  it('keeps inner spaces', () => {
    expect(normalizeStdout('a  b\n')).toBe('a  b');
  });
});

describe('firstDifferentLine', () => {
  it.each([
    ['a\nb', 'a\nb', 0],
    ['', '', 0],
    ['a\nb', 'a\nc', 2],
    ['x\nb', 'a\nb', 1],
    ['a', 'a\nb', 2],
    ['a\nb\nc', 'a\nb', 3],
  ])('%j vs %j → %i', (expected, actual, line) => {
    expect(firstDifferentLine(expected, actual)).toBe(line);
  });
});
