import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker, Job, ToWorker } from '../protocol.js';
import type { Port } from '../serve.js';
import { isFromFrame, isWorkerBoot } from './frame.protocol.js';
import { CONTROL_BYTES, InterruptSchedule, interruptiblePort, REPEAT_MS, requestInterrupt, SLOT } from './interrupt.js';

const job = (firstIndex = 0, tests = 3, timeMs = 1000): Job => ({
  language: 'python',
  code: '',
  tests: Array.from({ length: tests }, () => ({ kind: 'stdio' as const, stdin: '' })),
  firstIndex,
  limits: { timeMs, outputBytes: 1024, memoryMb: 64 },
});
const run = (id = 1, nonce = 'n', j = job()): ToWorker => ({ type: 'run', id, nonce, job: j });
const result = (index: number, id = 1, nonce = 'n', outcome: 'ok' | 'error' = 'ok'): FromWorker => ({
  type: 'result',
  id,
  nonce,
  index,
  result: { outcome, stdout: '', stderr: '', truncated: false, durationMs: 1, ...(outcome === 'error' ? { error: { type: 'KeyboardInterrupt', message: '' } } : { value: '42' }) },
});

function fakePort() {
  const posted: FromWorker[] = [];
  let handler: ((m: ToWorker) => void) | undefined;
  const port: Port = { post: (m) => posted.push(m), listen: (h) => (handler = h) };
  return { port, posted, deliver: (m: ToWorker) => handler?.(m) };
}

describe('interruptiblePort (worker side)', () => {
  it('reports the test the host stopped as a timeout, and only that test', () => {
    const control = new Int32Array(new SharedArrayBuffer(CONTROL_BYTES));
    const { port, posted, deliver } = fakePort();
    const p = interruptiblePort(port, control);
    p.listen(() => {});
    deliver(run(1, 'n', job(2)));
    expect(Atomics.load(control, SLOT.current)).toBe(2);
    p.post(result(2));
    expect(Atomics.load(control, SLOT.current)).toBe(3);
    requestInterrupt(control, 3);
    expect(Atomics.load(control, SLOT.signal)).toBe(2);
    p.post(result(3, 1, 'n', 'error'));
    p.post(result(4));
    expect(posted.map((m) => (m.type === 'result' ? m.result.outcome : m.type))).toEqual(['ok', 'timeout', 'ok']);
    expect(Atomics.load(control, SLOT.signal)).toBe(0);
  });

  it('never signals a test that already finished, and forgets a pending signal between tests', () => {
    const control = new Int32Array(new SharedArrayBuffer(CONTROL_BYTES));
    const { port, posted, deliver } = fakePort();
    const p = interruptiblePort(port, control);
    p.listen(() => {});
    deliver(run());
    p.post(result(0));
    requestInterrupt(control, 0); // late: the worker is on test 1
    expect(Atomics.load(control, SLOT.signal)).toBe(0);
    Atomics.store(control, SLOT.signal, 2); // a signal written just as test 1 ended
    p.post(result(1));
    expect(Atomics.load(control, SLOT.signal)).toBe(0);
    expect(posted.every((m) => m.type !== 'result' || m.result.outcome === 'ok')).toBe(true);
    deliver(run(2));
    expect([Atomics.load(control, SLOT.signal), Atomics.load(control, SLOT.aimed), Atomics.load(control, SLOT.current)]).toEqual([0, 0, 0]);
  });
});

describe('InterruptSchedule (host side)', () => {
  afterEach(() => vi.useRealTimers());

  it('asks at the time limit of each test, again every REPEAT_MS, and stops at the result or the end', () => {
    vi.useFakeTimers();
    const asked: number[] = [];
    const s = new InterruptSchedule((t) => asked.push(t));
    s.sent(run(7, 'n', job(0, 3, 1000)));
    vi.advanceTimersByTime(999);
    s.heard(result(0, 7));
    vi.advanceTimersByTime(999);
    expect(asked).toEqual([]);
    vi.advanceTimersByTime(1 + 2 * REPEAT_MS);
    expect(asked).toEqual([1, 1, 1]);
    s.heard(result(1, 7));
    s.heard({ type: 'done', id: 7, nonce: 'n', recycle: false });
    vi.advanceTimersByTime(5000);
    expect(asked).toEqual([1, 1, 1]);
  });

  it('is not moved by messages of another run or with another nonce', () => {
    vi.useFakeTimers();
    const asked: number[] = [];
    const s = new InterruptSchedule((t) => asked.push(t));
    s.sent(run(7, 'n', job(0, 3, 1000)));
    vi.advanceTimersByTime(900);
    s.heard(result(0, 7, 'forged'));
    s.heard(result(0, 8, 'n'));
    s.heard({ type: 'done', id: 7, nonce: 'forged', recycle: false });
    vi.advanceTimersByTime(100);
    expect(asked).toEqual([0]);
    s.stop();
    vi.advanceTimersByTime(1000);
    expect(asked).toEqual([0]);
  });
});

describe('frame protocol', () => {
  it('accepts the frame messages and nothing else', () => {
    expect(isFromFrame({ type: 'hello', isolated: true })).toBe(true);
    expect(isFromFrame({ type: 'messages', messages: [{ id: 3, data: { anything: 1 } }, { id: 4, data: null }] })).toBe(true);
    expect(isFromFrame({ type: 'messages', messages: [] })).toBe(true);
    expect(isFromFrame({ type: 'exit', id: 3, message: 'gone' })).toBe(true);
    for (const bad of [null, 'hello', { type: 'hello' }, { type: 'message', id: 3, data: 1 }, { type: 'messages', messages: [{ id: '3', data: 1 }] }, { type: 'messages', messages: [{ id: 1.5, data: 1 }] }, { type: 'messages', messages: [{ id: 3 }] }, { type: 'messages', messages: [null] }, { type: 'messages', messages: {} }, { type: 'exit', id: 3 }, { type: 'result', id: 1 }])
      expect(isFromFrame(bad)).toBe(false);
  });

  it('checks a worker boot message', () => {
    expect(isWorkerBoot({ base: 'http://x/', files: { a: new Blob([]) }, control: null })).toBe(true);
    expect(isWorkerBoot({ base: 'http://x/', files: { a: 'not a blob' }, control: null })).toBe(false);
    expect(isWorkerBoot({ base: 'http://x/', files: {}, control: new ArrayBuffer(12) })).toBe(false);
  });
});
