// A run the sandbox could not carry out, or a save storage refused, reads in the trainer's language:
// the error's code is kept, not its English message, and the page renders the code through i18n.
import { describe, expect, it } from 'vitest';
import { newEvaluation } from '../../domain/evaluation.js';
import type { Task } from '../../domain/task.js';
import { createI18n } from '../../i18n/i18n.js';
import type { Sandbox } from '../../sandbox/client.js';
import { SandboxError, sandboxFailure } from '../../sandbox/sandboxError.js';
import { allResources } from '../resources.js';
import { StorageError } from '../../storage/database.js';
import { sandboxFailureText, storageFailureText } from './failureText.js';
import { TaskSession } from './taskSession.js';

const task: Task = {
  schemaVersion: 1, id: 't', title: { en: 'T' }, prompt: { en: 'P' }, entryPoint: 'f', tags: [],
  tests: [{ kind: 'call', name: 'one', hidden: false, args: [1], expected: 1 }],
  solutions: [{ id: 'a', label: 'A', language: 'python', code: 'x' }],
};
const failing = (error: unknown) => ({ evaluate: async () => Promise.reject(error) }) as unknown as Sandbox;

describe('sandbox failures', () => {
  it('a run that cannot start keeps the code and reads as a whole Spanish sentence', async () => {
    const s = new TaskSession(task, newEvaluation('t', 'es-CL', 'T0'), () => failing(new SandboxError('startFailed', 'python', 'Error: ENOENT: pyodide.asm.wasm')), { schedule: () => {}, flush: async () => {} });
    await s.run();
    const run = s.snapshot.runs.a!;
    expect(run.state).toBe('failed');
    expect(run.failure).toEqual({ code: 'startFailed', language: 'python' });
    const es = await createI18n(await allResources(), 'es-CL');
    const en = await createI18n(await allResources(), 'en');
    expect(sandboxFailureText(es.t, run.failure!)).toBe('el entorno aislado de Python no pudo iniciar');
    expect(sandboxFailureText(en.t, run.failure!)).toBe('the Python sandbox could not start');
    expect(es.t('results.runFailed', { detail: sandboxFailureText(es.t, run.failure!) })).not.toMatch(/ENOENT|Error/);
  });

  it('every code has a sentence in both locales; anything else is an unexpected failure', async () => {
    const es = await createI18n(await allResources(), 'es-CL');
    expect(sandboxFailure(new Error('boom'))).toEqual({ code: 'unexpected' });
    expect(sandboxFailure(new SandboxError('closed'))).toEqual({ code: 'closed' });
    for (const f of [{ code: 'closed' as const }, { code: 'startFailed' as const, language: 'javascript' as const }, { code: 'exited' as const, language: 'python' as const }, { code: 'unexpected' as const }]) {
      const text = sandboxFailureText(es.t, f);
      expect(text, f.code).not.toContain('sandbox.');
      expect(text).not.toBe(sandboxFailureText((await createI18n(await allResources(), 'en')).t, f));
    }
  });
});

describe('storage failures', () => {
  it('a refused save reads as a whole sentence in the trainer\'s language', async () => {
    const es = await createI18n(await allResources(), 'es-CL');
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    expect(storageFailureText(es.t, quota)).toBe('el almacenamiento de este navegador para la aplicación está lleno');
    expect(storageFailureText(es.t, new StorageError('stale', 'evaluations t1: saved elsewhere (save 3, expected 2)'))).toBe('otra pestaña lo guardó antes');
    const sentence = es.t('data.importNotSaved', { detail: storageFailureText(es.t, new StorageError('unavailable', 'IndexedDB is not available in this browser')) });
    expect(sentence).toContain('IndexedDB no está disponible');
    expect(sentence).not.toMatch(/is not available|quota|saved elsewhere/);
  });
});

