// The only host globals that environment-neutral code (domain, formats, sandbox/harness) may use:
// standard in browsers, workers and Node alike (WHATWG), declared here so tsconfig.core.json can
// type-check that code without the DOM or Node libraries. Adding a global here is a decision:
// it must exist in every place the code runs.

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
declare var AbortSignal: { prototype: AbortSignal };

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { prototype: AbortController; new (): AbortController };

declare function queueMicrotask(callback: () => void): void;

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare var TextEncoder: { prototype: TextEncoder; new (): TextEncoder };
