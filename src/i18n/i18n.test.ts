import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resource } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, localeFrom, NAMESPACES, render } from './i18n.js';

const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');

function resources(): Resource {
  const out: Resource = {};
  for (const locale of ['en', 'es-CL'])
    out[locale] = Object.fromEntries(NAMESPACES.map((ns) => [ns, JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, locale, `${ns}.json`), 'utf8'))]));
  return out;
}

describe('localeFrom', () => {
  it.each([
    ['es_CL.UTF-8', 'es-CL'],
    ['es-CL', 'es-CL'],
    ['es', 'es-CL'],
    ['es_ES.UTF-8', 'es-CL'],
    ['es-AR', 'es-CL'],
    ['ES_cl', 'es-CL'],
    ['es.UTF-8', 'es-CL'],
    ['en_US.UTF-8', 'en'],
    ['en', 'en'],
    ['C', 'en'],
    ['POSIX', 'en'],
    ['C.UTF-8', 'en'],
    ['fr_FR.UTF-8', 'en'],
    ['est', 'en'],
    ['pt_BR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('%j → %s', (value, locale) => {
    expect(localeFrom(value)).toBe(locale);
  });
});

describe('createI18n and render', () => {
  it.each([
    ['en', { key: 'result.timeout', params: { ms: 5000 } }, 'did not finish within 5,000 ms'],
    ['es-CL', { key: 'result.timeout', params: { ms: 5000 } }, 'no terminó dentro de 5.000 ms'],
    ['en', { key: 'result.mismatchAt', params: { path: '[2].name', expected: '"a"', actual: '"b"' } }, 'at [2].name: expected "a", got "b"'],
    ['es-CL', { key: 'result.mismatch', params: { expected: '3', actual: '4' } }, 'se esperaba 3 y se obtuvo 4'],
    ['en', { key: 'schema.required' }, 'is required'],
    ['es-CL', { key: 'schema.required' }, 'es obligatorio'],
    ['en', { key: 'task.duplicateId', params: { id: 'a<b>' } }, 'the id “a<b>” is used more than once'],
    ['es-CL', { key: 'file.invalidJson', params: { file: 'x.json', line: 3, column: 12 } }, 'x.json, línea 3, columna 12: no es JSON válido'],
  ] as const)('renders in %s: %j', async (locale, message, text) => {
    const i18n = await createI18n(resources(), locale);
    expect(render(i18n.t, message)).toBe(text);
  });

  it('reads the common namespace by default', async () => {
    const en = await createI18n(resources(), 'en');
    const es = await createI18n(resources(), 'es-CL');
    expect(en.t('verdict.timeout')).toBe('timeout');
    expect(es.t('locale.es-CL')).toBe('Español (Chile)');
    expect(es.t('verdict.passed')).not.toBe(en.t('verdict.passed'));
  });

  it('does not fall back to English for a key missing in Spanish', async () => {
    const r: Resource = { en: { errors: { only: { en: 'English only' } } }, 'es-CL': { errors: {} } };
    const es = await createI18n(r, 'es-CL');
    expect(render(es.t, { key: 'only.en' })).toBe('only.en');
  });

  it('keeps two instances independent', async () => {
    const en = await createI18n(resources(), 'en');
    const es = await createI18n(resources(), 'es-CL');
    expect(render(en.t, { key: 'schema.required' })).toBe('is required');
    expect(render(es.t, { key: 'schema.required' })).toBe('es obligatorio');
  });
});

describe('numbers in sentences', () => {
  it('are written as each locale writes them: sizes, byte counts and counts', async () => {
    const es = await createI18n(resources(), 'es-CL');
    const en = await createI18n(resources(), 'en');
    const limit = { key: 'result.outputLimit', params: { bytes: 65536 } };
    expect(render(es.t, limit)).toContain('65.536 bytes');
    expect(render(en.t, limit)).toContain('65,536 bytes');
    const big = { key: 'file.tooLarge', params: { file: 'x.json', size: 19.1, max: 5 } };
    expect(render(es.t, big)).toContain('19,1 MB');
    expect(render(en.t, big)).toContain('19.1 MB');
    // The fixed translation of another language follows that language, not the instance's.
    expect(render(es.getFixedT('en'), big)).toContain('19.1 MB');
  });

  it('leave identifiers and values from the data as they are', async () => {
    const es = await createI18n(resources(), 'es-CL');
    expect(render(es.t, { key: 'import.newerVersion', params: { version: 1000 } }, 'judging')).toContain('1000');
    expect(render(es.t, { key: 'result.mismatch', params: { expected: '1000000', actual: '1.5' } })).toBe('se esperaba 1000000 y se obtuvo 1.5');
  });
});
