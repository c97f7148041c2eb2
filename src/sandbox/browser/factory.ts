// Starts sandbox runtimes for the Sandbox client (which owns deadlines, nonces and restarts) as Web
// Workers inside the sandbox frame (sandboxFrame.ts): an opaque origin without the app's storage, and
// without network. The one way the browser app starts a runtime. Adds the Python interrupt
// (interrupt.ts): a test past its limit is stopped without losing the worker where the frame is
// cross-origin isolated; the client's hard deadline (terminate and restart) stays the fallback.
import type { Language } from '../../domain/task.js';
import { Sandbox, type SandboxEvents, type WorkerFactory } from '../client.js';
import { InterruptSchedule } from './interrupt.js';
import { runtimeBundle } from './runtimeBundle.js';
import { SandboxFrame } from './sandboxFrame.js';

/** A factory of runtime workers inside `frame`. */
export function frameWorkerFactory(frame: SandboxFrame): WorkerFactory {
  return (language: Language, events) => {
    let interrupts: InterruptSchedule | undefined;
    const worker = frame.spawn(`veredicto-${language}`, () => runtimeBundle(language), {
      message: (m) => {
        interrupts?.heard(m);
        events.message(m);
      },
      exit: (detail) => {
        interrupts?.stop();
        events.exit(detail);
      },
    });
    if (language === 'python') interrupts = new InterruptSchedule((test) => worker.interrupt(test));
    return {
      send: (m) => {
        interrupts?.sent(m);
        worker.send(m);
      },
      kill: () => {
        interrupts?.stop();
        worker.kill();
      },
    };
  };
}

/** A Sandbox whose workers live in one sandbox frame, removed when the sandbox closes. */
class FrameSandbox extends Sandbox {
  constructor(
    private readonly frame: SandboxFrame,
    events: SandboxEvents,
  ) {
    // Python's interrupt is repeated every 25 ms and honoured between bytecodes: give it half a
    // second before the worker is killed, since a restart costs about a second here.
    super(frameWorkerFactory(frame), 2, events, { graceMs: { python: 500 } });
  }

  override close(): void {
    super.close();
    this.frame.close();
  }
}

/** A sandbox of browser workers: up to two jobs at a time. What the frame ignored is reported as `forged`. */
export function browserSandbox(events: SandboxEvents = {}): Sandbox {
  return new FrameSandbox(new SandboxFrame((detail) => events.forged?.(detail)), events);
}
