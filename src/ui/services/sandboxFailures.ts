// How a failure to run code reads in the page's language: the sandbox's error codes (SandboxError)
// rendered through i18n, never an Error's English message spliced into a translated sentence.
import { render, type AnyT } from '../../i18n/i18n.js';
import { failureMessage, type SandboxFailure } from '../../sandbox/sandboxError.js';

export function failureText(t: AnyT, f: SandboxFailure): string {
  return render(t, failureMessage(f, (l) => render(t, { key: `language.${l}` }, 'common')));
}
