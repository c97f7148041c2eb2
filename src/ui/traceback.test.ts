// Harness frames leave a traceback; the solution's, the test's and the standard library's stay.
import { describe, expect, it } from 'vitest';
import { withoutHarnessFrames } from './traceback.js';

describe('withoutHarnessFrames', () => {
  it('drops the <exec> frame of the harness and keeps the solution and test frames', () => {
    const stderr = 'Traceback (most recent call last):\n  File "<exec>", line 371, in call\n  File "solution.py", line 4, in f\n  File "solution.py", line 2, in g\nZeroDivisionError: division by zero\n';
    expect(withoutHarnessFrames(stderr)).toBe('Traceback (most recent call last):\n  File "solution.py", line 4, in f\n  File "solution.py", line 2, in g\nZeroDivisionError: division by zero\n');
  });

  it('drops a harness frame with its source line and markers, and Pyodide internals', () => {
    const stderr = [
      'Traceback (most recent call last):',
      '  File "/lib/python3.14/site-packages/_pyodide/_base.py", line 597, in eval_code_async',
      '    await CodeRunner(',
      '  File "<exec>", line 12, in run',
      '    result = fn(*args)',
      '             ^^^^^^^^^',
      '  File "/lib/python314.zip/json/__init__.py", line 346, in loads',
      '    return _default_decoder.decode(s)',
      '  File "test.py", line 1, in <module>',
      'ValueError: bad',
    ].join('\n');
    expect(withoutHarnessFrames(stderr)).toBe(
      [
        'Traceback (most recent call last):',
        '  File "/lib/python314.zip/json/__init__.py", line 346, in loads',
        '    return _default_decoder.decode(s)',
        '  File "test.py", line 1, in <module>',
        'ValueError: bad',
      ].join('\n'),
    );
  });

  it('leaves text that is not a traceback alone, even when it mentions <exec>', () => {
    expect(withoutHarnessFrames('printed File "<exec>" on purpose\n  indented\n')).toBe('printed File "<exec>" on purpose\n  indented\n');
  });
});
