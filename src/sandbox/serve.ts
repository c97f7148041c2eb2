// The worker side of the protocol: receives jobs, runs them on a Runner, reports each test.
// Shared by Node child processes and browser Web Workers; the transport is passed in.
import type { FromWorker, Runner, ToWorker } from './protocol.js';

export type Port = { post(message: FromWorker): void; listen(handler: (message: ToWorker) => void): void };

export function serve(port: Port, runner: Runner, loadMs: number): void {
  // Once a job has asked for a new runtime, this one runs nothing more: jobs the host sent ahead
  // (SandboxOptions.ahead) must not start in a runtime that may be tainted; they run elsewhere.
  let retired = false;
  port.listen((message) => {
    if (message?.type !== 'run' || retired) return;
    const { id, nonce, job } = message;
    let recycle = true;
    try {
      ({ recycle } = runner.run(job, (index, result) => port.post({ type: 'result', id, nonce, index, result }), (index) => port.post({ type: 'started', id, nonce, index })));
    } finally {
      retired = recycle;
      port.post({ type: 'done', id, nonce, recycle });
    }
  });
  port.post({ type: 'ready', language: runner.language, loadMs });
}
