// Why the sandbox could not run code at all (as opposed to a verdict about the code): a code the
// user's language renders (sandboxErrorMessage, keys in the errors namespace), plus the technical
// detail for the console or a second line, never spliced into a translated sentence.
import type { Language } from '../domain/task.js';
import type { Message } from '../domain/verdict.js';

export const SANDBOX_ERROR_CODES = ['closed', 'startFailed', 'exited'] as const;
export type SandboxErrorCode = (typeof SANDBOX_ERROR_CODES)[number];

export class SandboxError extends Error {
  override name = 'SandboxError';

  constructor(
    readonly code: SandboxErrorCode,
    readonly language?: Language,
    /** What the runtime said (often a stack trace, in English): for diagnosis, not for a sentence. */
    readonly detail = '',
  ) {
    super(`${code}${language ? ` (${language})` : ''}${detail ? `: ${detail}` : ''}`);
  }
}

/** A failure to run as plain data, for state that outlives the error object (a failed run's row). */
export type SandboxFailure = { code: SandboxErrorCode | 'unexpected'; language?: Language };

/** The failure an error stands for: a SandboxError by its code, anything else (a bug) as unexpected. */
export function sandboxFailure(e: unknown): SandboxFailure {
  if (!(e instanceof SandboxError)) return { code: 'unexpected' };
  return e.language ? { code: e.code, language: e.language } : { code: e.code };
}

/**
 * The sentence for a failure (keys `sandbox.<code>` in the errors namespace). `languageName` names
 * a runtime in the reader's locale (`language.<id>` in common).
 */
export function failureMessage(f: SandboxFailure, languageName: (l: Language) => string): Message {
  return { key: `sandbox.${f.code}`, ...(f.language ? { params: { language: languageName(f.language) } } : {}) };
}
