// The runtimes as the page sees them: one Sandbox of browser workers, the preloaded ones started in
// the background when the app opens (unless `?preload=0`, kept for measuring what preloading buys),
// the others with the first task that needs them, and an observable state per language for the
// header, the task's runtime note and the bench, with the download's progress while a runtime
// fetches its files on first use (C++).
import { LANGUAGES, type Language } from '../../domain/task.js';
import type { Sandbox } from '../../sandbox/client.js';
import { sandboxFailure, type SandboxFailure } from '../../sandbox/sandboxError.js';
import { sameShown, type Progress } from '../../sandbox/browser/downloadProgress.js';
import { browserSandbox } from '../../sandbox/browser/factory.js';
import { onRuntimeDownload } from '../../sandbox/browser/runtimeBundle.js';
import { Store } from '../store.js';

export type RuntimeState = { phase: 'idle' } | { phase: 'starting'; download?: Progress } | { phase: 'ready'; ms: number } | { phase: 'failed'; failure: SandboxFailure };
export type RuntimesState = Record<Language, RuntimeState>;

/** The runtimes started when the app opens; the others start with the first task that needs them. */
export const PRELOADED: readonly Language[] = ['javascript', 'python'];

export class Runtimes extends Store<RuntimesState> {
  private readonly started = performance.now();
  readonly sandbox: Sandbox = browserSandbox({ forged: (detail) => console.warn(`Veredicto: ignored a worker message: ${detail}`) });
  private readonly unlisten: () => void;

  constructor() {
    super(Object.fromEntries(LANGUAGES.map((l) => [l, { phase: 'idle' }])) as RuntimesState);
    this.unlisten = onRuntimeDownload((language, download) => {
      const now = this.snapshot[language];
      if (now.phase === 'starting' && !sameShown(now.download, download)) this.setPhase(language, { phase: 'starting', download });
    });
  }

  /** Starts one worker per language (JavaScript first: it is ready in milliseconds). */
  warmUp(languages: readonly Language[] = PRELOADED): void {
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
    this.unlisten();
    this.sandbox.close();
  }

  private setPhase(language: Language, s: RuntimeState): void {
    this.set({ [language]: s });
  }
}
