// How a failure reads in the page's language: the sandbox's error codes (SandboxError) and storage's
// (StorageError, a full disk), rendered through i18n, never an Error's English message spliced into
// a translated sentence. The technical detail goes to the console.
import { render, type AnyT } from '../../i18n/i18n.js';
import { failureMessage, type SandboxFailure } from '../../sandbox/sandboxError.js';
import { storageFailure } from '../../storage/database.js';

/** Why code could not be run (a failed run, a runtime that did not start). */
export function sandboxFailureText(t: AnyT, f: SandboxFailure): string {
  return render(t, failureMessage(f, (l) => render(t, { key: `language.${l}` }, 'common')));
}

/** Why something could not be saved, from the error a save threw. */
export function storageFailureText(t: AnyT, error: unknown): string {
  const failure = storageFailure(error);
  if (failure === 'other') console.error('Veredicto: a save failed', error);
  return render(t, { key: `storage.${failure}` });
}
