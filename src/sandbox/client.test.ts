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

  it('waits the grace a sandbox was given before killing a worker that stops its test itself', async () => {
    // The worker reports each test stopped at 50 + 150 ms, as an interrupted Pyodide would.
    const stoppedLate = () =>
      scripted((m, post) => {
        let i = m.job.firstIndex;
        const next = () => {
          if (i >= m.job.firstIndex + m.job.tests.length) return post({ type: 'done', id: m.id, nonce: m.nonce, recycle: false });
          post({ type: 'result', id: m.id, nonce: m.nonce, index: i++, result: { ...ok(''), outcome: 'timeout' } });
          setTimeout(next, 200);
        };
        setTimeout(next, 200);
      });
    const patient = stoppedLate();
    const sb = new Sandbox(patient.factory, 1, {}, { graceMs: { python: 400 } });
    const r = await sb.evaluate(task, solution);
    sb.close();
    expect(r.tests.map((t) => t.status)).toEqual(['timeout', 'timeout']);
    expect(patient.counts()).toEqual({ spawned: 1, killed: 1 }); // only by close()

    const hasty = stoppedLate();
    const sb2 = new Sandbox(hasty.factory, 1);
    const r2 = await sb2.evaluate(task, solution);
    sb2.close();
    expect(r2.tests.map((t) => t.status)).toEqual(['timeout', 'timeout']);
    expect(hasty.counts().spawned).toBeGreaterThan(1); // the default 100 ms: killed and replaced
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

  describe('with jobs sent ahead to a busy worker', () => {
    /** Workers that hold each job until the test lets them answer; `answer(n)` answers worker n's oldest job. */
    function held() {
      const jobs: Array<Array<{ m: Extract<ToWorker, { type: 'run' }>; post: (m: unknown) => void }>> = [];
      let killed = 0;
      const factory: WorkerFactory = (language, events) => {
        const n = jobs.length;
        jobs.push([]);
        queueMicrotask(() => events.message({ type: 'ready', language, loadMs: 1 }));
        return { send: (m) => void jobs[n]!.push({ m, post: (x) => events.message(x) }), kill: () => void killed++ };
      };
      const answer = (n: number, recycle = false) => {
        const { m, post } = jobs[n]!.shift()!;
        m.job.tests.forEach((t, i) => {
          const x = t.kind === 'call' ? (JSON.parse(t.args) as number[])[0]! : 0;
          post({ type: 'result', id: m.id, nonce: m.nonce, index: m.job.firstIndex + i, result: ok(String(x + 1)) });
        });
        post({ type: 'done', id: m.id, nonce: m.nonce, recycle });
      };
      return { factory, jobs, answer, killed: () => killed };
    }
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const slow = { ...task, limits: { timeMs: 5_000 } };

    it('sends the next job before the running one is done, and no more than that', async () => {
      const w = held();
      const sb = new Sandbox(w.factory, 1, {}, { ahead: 1 });
      await sb.warmUp(['python']);
      const runs = [1, 2, 3].map(() => sb.evaluate(slow, solution));
      await tick();
      expect(w.jobs[0]!.length).toBe(2);
      w.answer(0);
      await tick();
      expect(w.jobs[0]!.length).toBe(2); // the third was sent when the first was done
      w.answer(0);
      await tick();
      w.answer(0);
      const results = await Promise.all(runs);
      sb.close();
      expect(results.map((r) => r.verdict)).toEqual(['passed', 'passed', 'passed']);
    });

    it('runs a job that waited behind one that timed out on the replacement worker, without a verdict from the first', async () => {
      const w = held();
      const sb = new Sandbox(w.factory, 1, {}, { ahead: 1 });
      await sb.warmUp(['python']);
      const hung = sb.evaluate({ ...task, tests: task.tests.slice(0, 1) }, solution);
      const behind = sb.evaluate(slow, solution);
      await tick();
      expect(w.jobs[0]!.length).toBe(2);
      const first = await hung; // worker 0 never answers: stopped at the 50 ms deadline
      expect(first.tests.map((t) => t.status)).toEqual(['timeout']);
      expect(w.killed()).toBe(1);
      await tick();
      expect(w.jobs[1]!.map((j) => j.m.job.firstIndex)).toEqual([0]);
      w.answer(1);
      const second = await behind;
      sb.close();
      expect(second.tests.map((t) => t.status)).toEqual(['passed', 'passed']);
    });

    it('does not let a worker that asked to be recycled answer the job waiting behind', async () => {
      const w = held();
      const forged: string[] = [];
      const sb = new Sandbox(w.factory, 1, { forged: (d) => forged.push(d) }, { ahead: 1 });
      await sb.warmUp(['python']);
      const runs = [sb.evaluate(slow, solution), sb.evaluate(slow, solution)];
      await tick();
      w.answer(0, true);
      await tick();
      expect(w.killed()).toBe(1);
      w.answer(0); // too late: ignored, the job runs on the new worker
      await tick();
      w.answer(1);
      const results = await Promise.all(runs);
      sb.close();
      expect(results.map((r) => r.verdict)).toEqual(['passed', 'passed']);
      expect(forged).toEqual([]);
    });

    it('cancels a waiting job at once, and stops its worker when it gets there', async () => {
      const w = held();
      const sb = new Sandbox(w.factory, 1, {}, { ahead: 1 });
      await sb.warmUp(['python']);
      const controller = new AbortController();
      const head = sb.evaluate(slow, solution);
      const waiting = sb.evaluate(slow, solution, { signal: controller.signal });
      await tick();
      controller.abort();
      await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
      expect(w.killed()).toBe(0); // the running job goes on
      w.answer(0);
      expect((await head).verdict).toBe('passed');
      expect(w.killed()).toBe(1);
      sb.close();
    });

    it('sends nothing ahead unless asked to', async () => {
      const w = held();
      const sb = new Sandbox(w.factory, 1);
      await sb.warmUp(['python']);
      const runs = [sb.evaluate(slow, solution), sb.evaluate(slow, solution)];
      await tick();
      expect(w.jobs[0]!.length).toBe(1);
      w.answer(0);
      await tick();
      w.answer(0);
      expect((await Promise.all(runs)).map((r) => r.verdict)).toEqual(['passed', 'passed']);
      sb.close();
    });

    it('sends nothing ahead to a worker whose job has been running a while', async () => {
      const w = held();
      const sb = new Sandbox(w.factory, 1, {}, { ahead: 1 });
      await sb.warmUp(['python']);
      const first = sb.evaluate(slow, solution);
      await new Promise((r) => setTimeout(r, 300));
      const second = sb.evaluate(slow, solution);
      await tick();
      expect(w.jobs[0]!.length).toBe(1);
      w.answer(0);
      await tick();
      w.answer(0);
      expect((await Promise.all([first, second])).map((r) => r.verdict)).toEqual(['passed', 'passed']);
      sb.close();
    });
  });

  it('serves evaluations waiting for a worker, of both languages, and one cancelled while waiting holds up none', async () => {
    const { factory } = scripted((m, post) => {
      m.job.tests.forEach((t, i) => {
        const x = t.kind === 'call' ? (JSON.parse(t.args) as number[])[0]! : 0;
        post({ type: 'result', id: m.id, nonce: m.nonce, index: m.job.firstIndex + i, result: ok(String(x + 1)) });
      });
      post({ type: 'done', id: m.id, nonce: m.nonce, recycle: false });
    });
    const sb = new Sandbox(factory, 1, {}, { ahead: 1 });
    const controller = new AbortController();
    const js = { ...solution, language: 'javascript' as const };
    const runs = [solution, js, solution, js, solution, js, solution].map((s, i) =>
      sb.evaluate(task, s, i === 3 ? { signal: controller.signal } : {}),
    );
    controller.abort();
    const settled = await Promise.allSettled(runs);
    sb.close();
    expect(settled.map((r) => (r.status === 'fulfilled' ? r.value.verdict : (r.reason as Error).name))).toEqual([
      'passed', 'passed', 'passed', 'AbortError', 'passed', 'passed', 'passed',
    ]);
  });

  it('starts the spare while a Python test is past half its time, before the kill that needs it', async () => {
    const { factory, counts } = scripted((m, post, n) => {
      if (n === 0) return; // hangs until killed
      m.job.tests.forEach((_t, i) => post({ type: 'result', id: m.id, nonce: m.nonce, index: m.job.firstIndex + i, result: ok('2') }));
      post({ type: 'done', id: m.id, nonce: m.nonce, recycle: false });
    });
    const restarted: number[] = [];
    const sb = new Sandbox(factory, 1, { restarted: (_l, ms) => restarted.push(ms) }, { spares: 1, earlySpares: ['python'] });
    await sb.warmUp(['python']);
    const run = sb.evaluate({ ...task, tests: task.tests.slice(0, 1), limits: { timeMs: 200 } }, solution);
    await new Promise((r) => setTimeout(r, 150));
    expect(counts()).toEqual({ spawned: 2, killed: 0 }); // the spare, at 100 ms
    expect((await run).tests[0]!.status).toBe('timeout');
    await new Promise((r) => setTimeout(r, 0));
    expect(restarted).toHaveLength(1);
    expect(restarted[0]).toBeLessThan(50); // it was ready when the worker was killed at 300 ms
    sb.close();
  });
});

