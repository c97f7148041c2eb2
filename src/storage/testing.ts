// Test helpers only (imported by *.test.ts): a fresh, uniquely named database per test on
// fake-indexeddb, so tests never see each other's records.
import 'fake-indexeddb/auto';
import { newEvaluation, evaluationReducer, type Evaluation } from '../domain/evaluation.js';
import { openDatabase, type VeredictoDB } from './database.js';

let count = 0;
export function freshDatabase(): Promise<VeredictoDB> {
  return openDatabase(`veredicto-test-${process.pid}-${++count}`);
}

export function sampleEvaluation(taskId = 'add-two'): Evaluation {
  const e = newEvaluation(taskId, 'es-CL', '2025-01-01T00:00:00.000Z');
  return evaluationReducer(evaluationReducer(e, { type: 'rank', solutionId: 'a', rank: 1 }, '2025-01-01T00:01:00.000Z'), {
    type: 'justification',
    text: 'A pasa todas las pruebas.',
    locale: 'es-CL',
  }, '2025-01-01T00:02:00.000Z');
}
