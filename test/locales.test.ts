// The two locales stay in step: same files, same keys, same placeholders, no empty strings; every
// message key the engine emits exists; the Spanish is Chilean (see the glossary's word choices).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EN = path.join(ROOT, 'locales', 'en');
const ES = path.join(ROOT, 'locales', 'es-CL');

const jsonFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const read = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Every leaf of a locale file as dotted key → value. */
function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length === 0) out.set(prefix, value);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
  return out;
}

const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]!))].sort();

const NAMESPACE_FILES = jsonFiles(EN);

describe('locale files', () => {
  it('English has the namespaces the app loads', () => {
    expect(NAMESPACE_FILES).toEqual(expect.arrayContaining(['cli.json', 'common.json', 'errors.json']));
  });

  it('es-CL has exactly the files English has', () => {
    expect(jsonFiles(ES)).toEqual(NAMESPACE_FILES);
  });

  describe.each(NAMESPACE_FILES.map((f) => [f]))('%s', (file) => {
    const en = flatten(read(path.join(EN, file)));
    const esPath = path.join(ES, file);
    const es = fs.existsSync(esPath) ? flatten(read(esPath)) : new Map<string, unknown>();

    it('exists in es-CL', () => {
      expect(fs.existsSync(esPath), `locales/es-CL/${file} is missing`).toBe(true);
    });

    it('has the same keys in both locales', () => {
      const missing = [...en.keys()].filter((k) => !es.has(k));
      const extra = [...es.keys()].filter((k) => !en.has(k));
      expect(missing, `keys of locales/en/${file} missing from locales/es-CL/${file}: ${missing.join(', ')}`).toEqual([]);
      expect(extra, `keys of locales/es-CL/${file} not in locales/en/${file}: ${extra.join(', ')}`).toEqual([]);
    });

    it('has only non-empty strings', () => {
      for (const [locale, map] of [['en', en], ['es-CL', es]] as const) {
        const bad = [...map].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
        expect(bad, `locales/${locale}/${file}: empty or non-string values at ${bad.join(', ')}`).toEqual([]);
      }
    });

    it('uses the same placeholders in each pair of strings', () => {
      const differing: string[] = [];
      for (const [key, v] of en) {
        const w = es.get(key);
        if (typeof v !== 'string' || typeof w !== 'string') continue;
        const a = placeholders(v);
        const b = placeholders(w);
        if (a.join() !== b.join()) differing.push(`${key} (en: ${a.join(', ') || '–'}; es-CL: ${b.join(', ') || '–'})`);
      }
      expect(differing, `${file}: placeholders differ at ${differing.join('; ')}`).toEqual([]);
    });
  });
});

describe('Chilean Spanish', () => {
  // Spain-Spanish words the glossary rules out: computador, archivo, ustedes, puntaje, ciclo instead.
  const FORBIDDEN = ['ordenador', 'fichero', 'vosotros', 'puntuación', 'bucle'];
  /** Accents and case folded away, so "PUNTUACION" is caught as well as "puntuación". */
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  /** Forbidden words in a text, at the start of a word (plurals count: "bucles"). */
  const hits = (text: string) => FORBIDDEN.filter((w) => new RegExp(`(?<![\\p{L}\\p{N}_])${fold(w)}`, 'u').test(fold(text)));

  it.each(jsonFiles(ES).map((f) => [f]))('locales/es-CL/%s avoids Spain-Spanish words', (file) => {
    const found: string[] = [];
    for (const [key, value] of flatten(read(path.join(ES, file))))
      if (typeof value === 'string') for (const word of hits(value)) found.push(`${key}: “${word}” in “${value}”`);
    expect(found).toEqual([]);
  });

  it('the check finds the words in any case and with or without accents', () => {
    expect(hits('Guarda el FICHERO en el Ordenador')).toEqual(['ordenador', 'fichero']);
    expect(hits('la PUNTUACION final; dos bucles')).toEqual(['puntuación', 'bucle']);
    expect(hits('el archivo en el computador; puntaje; ciclo; desbucle')).toEqual([]);
  });
});

describe('message keys used by the engine', () => {
  const SOURCES = [
    'src/domain/testVerdict.ts',
    'src/domain/compare.ts',
    'src/domain/task.ts',
    ...fs
      .readdirSync(path.join(ROOT, 'src/formats'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => `src/formats/${f}`),
  ];
  const KEY = /^[a-z]+\.[A-Za-z]+$/;

  /** The first argument of each `problem(` call, however it is written (a ternary gives two keys). */
  function problemArguments(source: string): string[] {
    const out: string[] = [];
    for (const m of source.matchAll(/\bproblem\(/g)) {
      let depth = 0;
      let i = m.index + m[0].length;
      const start = i;
      for (; i < source.length; i++) {
        const c = source[i];
        if (c === '(' || c === '[' || c === '{') depth++;
        else if (c === ')' || c === ']' || c === '}') {
          if (depth === 0) break;
          depth--;
        } else if (c === ',' && depth === 0) break;
      }
      out.push(source.slice(start, i));
    }
    return out;
  }

  function keysIn(file: string): string[] {
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const keys = [...source.matchAll(/\bkey:\s*'([^']+)'/g)].map((m) => m[1]!);
    for (const arg of problemArguments(source)) keys.push(...[...arg.matchAll(/'([^']+)'/g)].map((m) => m[1]!));
    return keys;
  }

  const used = new Map<string, string[]>();
  for (const file of SOURCES) for (const key of keysIn(file)) used.set(key, [...(used.get(key) ?? []), file]);
  const errors = flatten(read(path.join(EN, 'errors.json')));

  it('finds the keys in the sources (the scan works)', () => {
    expect(SOURCES).toEqual(expect.arrayContaining(['src/formats/taskFile.ts', 'src/formats/datasets.ts', 'src/formats/jsonText.ts']));
    expect([...used.keys()]).toEqual(
      expect.arrayContaining([
        'result.mismatch',
        'result.mismatchAt',
        'result.unsupportedValue',
        'file.tooLarge',
        'file.tooDeep',
        'file.invalidJson',
        'file.unknownShape',
        'file.sampleUnknownTask',
        'schema.required',
        'schema.unknownField',
        'task.duplicateId',
        'task.unknownSolution',
        'task.unranked',
        'task.localeMissing',
      ]),
    );
  });

  it('every key looks like namespace.name', () => {
    const odd = [...used.keys()].filter((k) => !KEY.test(k));
    expect(odd).toEqual([]);
  });

  it('every key exists as a string in locales/en/errors.json', () => {
    const missing = [...used].filter(([k]) => typeof errors.get(k) !== 'string').map(([k, files]) => `${k} (${[...new Set(files)].join(', ')})`);
    expect(missing, `keys missing from locales/en/errors.json: ${missing.join('; ')}`).toEqual([]);
  });
});
