// The client's own rules, with scripted workers standing in for runtimes: it believes only the
// replies it asked for, and a worker that never answers is stopped and replaced at the deadline.
import { describe, expect, it } from 'vitest';
import type { Task } from '../domain/task.js';
import { Sandbox, type WorkerEvents, type WorkerFactory } from './client.js';
import type { FromWorker, ToWorker } from './protocol.js';

const task: Task = {
  schemaVersion: 1, id: 't', title: { en: 't' }, prompt: { en: 't' }, entryPoint: 'f', tags: [], solutions: [],
  tests: [
    { kind: 'call', name: 'one', hidden: false, args: [1], expected: 2 },
    { kind: 'call', name: 'two', hidden: false, args: [2], expected: 3 },
  ],
  limits: { timeMs: 50 },
};
const solution = { id: 's', label: 's', language: 'python' as const, code: 'def f(x): return x + 1' };
const ok = (value: string) => ({ outcome: 'ok' as const, value, stdout: '', stderr: '', truncated: false, durationMs: 1 });

/** A factory whose workers answer each job with `script(job message, post)`. */
function scripted(script: (m: Extract<ToWorker, { type: 'run' }>, post: (m: FromWorker | unknown) => void, n: number) => void) {
  let spawned = 0;
  let killed = 0;
  const factory: WorkerFactory = (language, events: WorkerEvents) => {
    const n = spawned++;
    queueMicrotask(() => events.message({ type: 'ready', language, loadMs: 1 }));
    return {
      send: (m) => queueMicrotask(() => script(m, (x) => events.message(x), n)),
      kill: () => void killed++,
    };
  };
  return { factory, counts: () => ({ spawned, killed }) };
}

describe('Sandbox client', () => {
  it('ignores results with the wrong nonce, a wrong job id or out of order, and reports them', async () => {
    const forged: string[] = [];
    const { factory } = scripted((m, post) => {
      post({ type: 'result', id: m.id, nonce: 'guessed', index: 0, result: ok('2') });
      post({ type: 'result', id: m.id + 1, nonce: m.nonce, index: 0, result: ok('2') });
      post({ type: 'result', id: m.id, nonce: m.nonce, index: 1, result: ok('3') });
      post({ type: 'result', id: m.id, nonce: m.nonce, index: 0, result: ok('99') });
      post({ type: 'result', id: m.id, nonce: m.nonce, index: 1, result: ok('3') });
      post({ type: 'done', id: m.id, nonce: m.nonce, recycle: false });
    });
    const sb = new Sandbox(factory, 1, { forged: (d) => forged.push(d) });
    const r = await sb.evaluate(task, solution);
    sb.close();
    expect(r.tests.map((t) => t.status)).toEqual(['failed', 'passed']);
    expect(forged.length).toBe(3);
  });

  it('ignores malformed messages', async () => {
    const forged: string[] = [];
    const { factory } = scripted((m, post) => {
      post({ type: 'result', id: m.id, nonce: m.nonce, index: 0, result: { outcome: 'passed!' } });
      post('passed');
      m.job.tests.forEach((_t, i) => post({ type: 'result', id: m.id, nonce: m.nonce, index: i, result: ok(String(i + 2)) }));
      post({ type: 'done', id: m.id, nonce: m.nonce, recycle: false });
    });
    const sb = new Sandbox(factory, 1, { forged: (d) => forged.push(d) });
    const r = await sb.evaluate(task, solution);
    sb.close();
    expect(r.verdict).toBe('passed');
    expect(forged).toEqual(['malformed message', 'malformed message']);
  });

  it('stops a worker that misses the deadline, replaces it and resumes with the next test', async () => {
    const jobs: number[] = [];
    const { factory, counts } = scripted((m, post, n) => {
      jobs.push(m.job.firstIndex);
      if (n === 0) return; // the first worker never answers
      m.job.tests.forEach((_t, i) => post({ type: 'result', id: m.id, nonce: m.nonce, index: m.job.firstIndex + i, result: ok('3') }));
      post({ type: 'done', id: m.id, nonce: m.nonce, recycle: false });
    });
    const sb = new Sandbox(factory, 1);
    const r = await sb.evaluate(task, solution);
    sb.close();
    expect(r.tests.map((t) => t.status)).toEqual(['timeout', 'passed']);
    expect(jobs).toEqual([0, 1]);
    expect(counts().killed).toBeGreaterThanOrEqual(1);
    expect(counts().spawned).toBe(2);
  });

  it('keeps a spare once a worker has been killed, and hands it the job of the next one killed', async () => {
    const ran: number[] = [];
    const { factory, counts } = scripted((m, post, n) => {
      ran.push(n);
      if (n < 2) return; // the first worker and its cold replacement hang
      m.job.tests.forEach((t, i) => {
        const x = t.kind === 'call' ? (JSON.parse(t.args) as number[])[0]! : 0;
        post({ type: 'result', id: m.id, nonce: m.nonce, index: m.job.firstIndex + i, result: ok(String(x + 1)) });
      });
      post({ type: 'done', id: m.id, nonce: m.nonce, recycle: false });
    });
    const sb = new Sandbox(factory, 1, {}, { spares: 1 });
    await sb.warmUp(['python']);
    expect(counts().spawned).toBe(1); // no spare before it is needed
    const first = await sb.evaluate(task, solution);
    expect(first.tests.map((t) => t.status)).toEqual(['timeout', 'timeout']);
    const second = await sb.evaluate(task, solution);
    sb.close();
    expect(second.verdict).toBe('passed');
    expect(ran).toEqual([0, 1, 2]); // worker 2 is the spare started at the first kill
    expect(counts().spawned).toBe(4); // pool worker, cold replacement, spare, new spare
  });

  it('treats a worker that exits mid-test as crashed and carries on', async () => {
    let first = true;
    const factory: WorkerFactory = (language, events) => {
      queueMicrotask(() => events.message({ type: 'ready', language, loadMs: 1 }));
      return {
        send: (m) =>
          queueMicrotask(() => {
            if (m.type !== 'run') return;
            if (first) {
              first = false;
              events.exit('signal SIGSEGV');
              return;
            }
            m.job.tests.forEach((_t, i) => events.message({ type: 'result', id: m.id, nonce: m.nonce, index: m.job.firstIndex + i, result: ok('3') }));
            events.message({ type: 'done', id: m.id, nonce: m.nonce, recycle: false });
          }),
        kill: () => {},
      };
    };
    const sb = new Sandbox(factory, 1);
    const r = await sb.evaluate(task, solution);
    sb.close();
    expect(r.tests.map((t) => t.status)).toEqual(['crashed', 'passed']);
    expect(r.verdict).toBe('crashed');
  });

  it('reports each test as it is judged, in order', async () => {
    const { factory } = scripted((m, post) => {
      m.job.tests.forEach((_t, i) => post({ type: 'result', id: m.id, nonce: m.nonce, index: i, result: ok('3') }));
      post({ type: 'done', id: m.id, nonce: m.nonce, recycle: false });
    });
    const sb = new Sandbox(factory, 1);
    const heard: string[] = [];
    const r = await sb.evaluate(task, solution, { onTest: (i, t) => heard.push(`${i}:${t.name}:${t.status}`) });
    sb.close();
    expect(heard).toEqual(['0:one:failed', '1:two:passed']);
    expect(r.tests.map((t) => t.status)).toEqual(['failed', 'passed']);
  });

  it('stops a run when it is cancelled, killing the busy worker, and can run again', async () => {
    let silent = true;
    const { factory, counts } = scripted((m, post) => {
      if (silent) return; // a test that never ends
      m.job.tests.forEach((_t, i) => post({ type: 'result', id: m.id, nonce: m.nonce, index: i, result: ok(String(i + 2)) }));
      post({ type: 'done', id: m.id, nonce: m.nonce, recycle: false });
    });
    const sb = new Sandbox(factory, 1);
    const controller = new AbortController();
    const run = sb.evaluate({ ...task, limits: { timeMs: 60_000 } }, solution, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(counts().killed).toBe(1);
    silent = false;
    const again = await sb.evaluate(task, solution);
    sb.close();
    expect(again.verdict).toBe('passed');
  });
});
