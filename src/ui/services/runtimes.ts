// The two runtimes as the page sees them: one Sandbox of browser workers, started in the
// background when the app opens (unless `?preload=0`, kept for measuring what preloading buys),
// and an observable state per language for the header and for the bench.
import type { Language } from '../../domain/task.js';
import type { Sandbox } from '../../sandbox/client.js';
import { sandboxFailure, type SandboxFailure } from '../../sandbox/sandboxError.js';
import { browserSandbox } from '../../sandbox/browser/factory.js';
import { Store } from '../store.js';

export type RuntimeState = { phase: 'idle' } | { phase: 'starting' } | { phase: 'ready'; ms: number } | { phase: 'failed'; failure: SandboxFailure };
export type RuntimesState = Record<Language, RuntimeState>;

export class Runtimes extends Store<RuntimesState> {
  private readonly started = performance.now();
  readonly sandbox: Sandbox = browserSandbox({ forged: (detail) => console.warn(`Veredicto: ignored a worker message: ${detail}`) });

  constructor() {
    super({ python: { phase: 'idle' }, javascript: { phase: 'idle' } });
  }

  /** Starts one worker per language (JavaScript first: it is ready in milliseconds). */
  warmUp(languages: readonly Language[] = ['javascript', 'python']): void {
    for (const language of languages) {
      if (this.snapshot[language].phase !== 'idle' && this.snapshot[language].phase !== 'failed') continue;
      this.setPhase(language, { phase: 'starting' });
      this.sandbox.warmUp([language], 1).then(
        () => this.setPhase(language, { phase: 'ready', ms: performance.now() - this.started }),
        (e: unknown) => {
          console.error(`Veredicto: the ${language} runtime did not start`, e);
          this.setPhase(language, { phase: 'failed', failure: sandboxFailure(e) });
        },
      );
    }
  }

  close(): void {
    this.sandbox.close();
  }

  private setPhase(language: Language, s: RuntimeState): void {
    this.set({ [language]: s });
  }
}
