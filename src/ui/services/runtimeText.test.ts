// A runtime's state as the header and the task's runtime note read it, in both languages: the
// download's progress while C++ fetches clang, then "starting" once the files are all here.
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.js';
import { allResources } from '../resources.js';
import { runtimeStateText } from './runtimeText.js';

const MB = 1024 * 1024;

describe('runtimeStateText', () => {
  it('shows the download in percent of the whole, then starting, then ready', async () => {
    const en = await createI18n(await allResources(), 'en');
    const t = en.t as Parameters<typeof runtimeStateText>[0];
    expect(runtimeStateText(t, 'cpp', { phase: 'starting' })).toBe('Starting C++…');
    expect(runtimeStateText(t, 'cpp', { phase: 'starting', download: { done: 42.5 * MB, total: 100 * MB } })).toBe('Fetching C++: 42% of 100 MB');
    expect(runtimeStateText(t, 'cpp', { phase: 'starting', download: { done: 3 * MB, total: null } })).toBe('Fetching C++: 3 MB so far');
    expect(runtimeStateText(t, 'cpp', { phase: 'starting', download: { done: 100 * MB, total: 100 * MB } })).toBe('Starting C++…');
    expect(runtimeStateText(t, 'cpp', { phase: 'ready', ms: 1 })).toBe('C++ ready');
  });

  it('reads in Chilean Spanish, with its number format', async () => {
    const es = await createI18n(await allResources(), 'es-CL');
    const t = es.t as Parameters<typeof runtimeStateText>[0];
    expect(runtimeStateText(t, 'cpp', { phase: 'starting', download: { done: 7 * MB, total: 1200 * MB } })).toBe('Descargando C++: 0 % de 1.200 MB');
    expect(runtimeStateText(t, 'cpp', { phase: 'starting', download: { done: 12 * MB, total: null } })).toBe('Descargando C++: 12 MB hasta ahora');
    expect(runtimeStateText(t, 'cpp', { phase: 'idle' })).toBe('C++ sin iniciar');
  });
});
