// The built-in task the placeholder page runs to prove both sandboxes work: two correct solutions
// (one per language) and one deliberately wrong one, which must fail.
import type { Task } from '../domain/task.js';

export const SAMPLE_TASK: Task = {
  schemaVersion: 1,
  id: 'self-test-add',
  title: { en: 'Add two numbers', 'es-CL': 'Sumar dos números' },
  prompt: { en: 'Write add(a, b) that returns a + b.', 'es-CL': 'Escribe add(a, b), que retorna a + b.' },
  entryPoint: 'add',
  tests: [
    { kind: 'call', name: 'add(2, 0)', hidden: false, args: [2, 0], expected: 2 },
    { kind: 'call', name: 'add(1, 2)', hidden: false, args: [1, 2], expected: 3 },
  ],
  solutions: [
    { id: 'python-correct', label: 'python-correct', language: 'python', code: 'def add(a, b):\n    return a + b\n' },
    { id: 'javascript-correct', label: 'javascript-correct', language: 'javascript', code: 'function add(a, b) {\n  return a + b;\n}\n' },
    // Passes the first test by luck (2 - 0 == 2 + 0), fails the second.
    { id: 'python-wrong', label: 'python-wrong', language: 'python', code: 'def add(a, b):\n    return a - b\n' },
  ],
  tags: [],
};
