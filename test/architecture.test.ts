// The layering of src/ (docs/ARCHITECTURE.md), held by a test instead of by review: every import
// of every source file is read, and the test fails when one crosses a line. Type-only imports
// count: they tie modules together just the same (the services.ts ↔ exporting.ts cycle was one).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');

/** What each layer may import from the rest of src/ (its own folder is always allowed). */
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  formats: ['domain'],
  sandbox: ['domain'],
  storage: ['domain'],
  i18n: ['domain'],
  db: ['domain'],
  server: ['domain', 'formats', 'sandbox', 'db'],
  cli: ['domain', 'formats', 'sandbox', 'i18n', 'db', 'server'],
  ui: ['domain', 'formats', 'i18n', 'storage', 'sandbox'],
};
/** The UI's seams: the only part of src/ui that may import storage or the sandbox. */
const UI_SEAMS = 'ui/services/';

/** Relative specifiers of every import, export-from, dynamic import and side-effect import. */
export function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const found = new Set<string>();
  for (const m of code.matchAll(/\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g)) found.add(m[1]!);
  for (const m of code.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) found.add(m[1]!);
  for (const m of code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) found.add(m[1]!);
  return [...found].filter((s) => s.startsWith('.'));
}

/** Every cycle's members (strongly connected components of more than one module, or a self-import). */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []));

/** src-relative path of a module, without extension ("ui/services/catalog"). */
const moduleOf = (file: string) => path.relative(SRC, file).replace(/\.tsx?$/, '');
const sourceFiles = walk(SRC).filter((f) => !/\.test\.tsx?$/.test(f));
const graph = new Map<string, string[]>();
for (const file of sourceFiles) {
  const targets = importsOf(fs.readFileSync(file, 'utf8'))
    .map((spec) => path.resolve(path.dirname(file), spec).replace(/\.(js|jsx|ts|tsx)$/, ''))
    .filter((abs) => abs.startsWith(SRC + path.sep))
    .map((abs) => path.relative(SRC, abs));
  graph.set(moduleOf(file), targets);
}
const layerOf = (module: string) => module.split('/')[0]!;

describe('architecture', () => {
  it('reads imports of every kind, and only those (the scan works)', () => {
    const source = [
      "import { a } from './a.js';",
      "import type { B } from '../b/b.js';",
      "export { c } from './c.js';",
      "export * from './d.js';",
      "import './side.css';",
      "const e = await import('./e.js');",
      "// import { f } from './commented.js';",
      "/* import { g } from './block.js'; */",
      "import { z } from 'zod';",
      "const s = 'from \"./not-an-import.js\"';",
    ].join('\n');
    expect(importsOf(source).sort()).toEqual(['../b/b.js', './a.js', './c.js', './d.js', './e.js', './side.css']);
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('ui/services/services')).toEqual(expect.arrayContaining(['ui/services/catalog', 'storage/database']));
  });

  it('finds cycles (the check works)', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(cyclesOf(g)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(cyclesOf(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('src/domain imports nothing else from src/', () => {
    const out = [...graph].filter(([m]) => layerOf(m) === 'domain').flatMap(([m, ts]) => ts.filter((t) => layerOf(t) !== 'domain').map((t) => `${m} → ${t}`));
    expect(out).toEqual([]);
  });

  it('each layer imports only the layers below it', () => {
    const out = [...graph].flatMap(([m, ts]) => {
      const allowed = ALLOWED[layerOf(m)];
      if (!allowed) return []; // a folder this map does not know yet: only the cycle rule applies
      return ts.filter((t) => layerOf(t) !== layerOf(m) && !allowed.includes(layerOf(t))).map((t) => `${m} → ${t}`);
    });
    expect(out).toEqual([]);
  });

  it('the UI reaches storage and the sandbox only through src/ui/services/', () => {
    const out = [...graph]
      .filter(([m]) => layerOf(m) === 'ui' && !`${m}`.startsWith(UI_SEAMS))
      .flatMap(([m, ts]) => ts.filter((t) => layerOf(t) === 'storage' || layerOf(t) === 'sandbox').map((t) => `${m} → ${t}`));
    expect(out).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it("builds zod schemas only with src/domain/zod.ts's configured z (jitless before any schema exists)", () => {
    const out = sourceFiles
      .filter((f) => ALLOWED[layerOf(moduleOf(f))] && moduleOf(f) !== 'domain/zod')
      .filter((f) => /^\s*import\s+(?!type\b)[^'"]*from\s*['"]zod['"]/m.test(fs.readFileSync(f, 'utf8')))
      .map(moduleOf);
    expect(out).toEqual([]);
  });

  it('touches the browser\'s storage only in src/storage (and the sandbox, which locks it away)', () => {
    const out = sourceFiles
      .filter((f) => !['storage', 'sandbox'].includes(layerOf(moduleOf(f))))
      .filter((f) => /(?<![.\w$])(?:localStorage|sessionStorage|indexedDB)\s*[.[]/.test(fs.readFileSync(f, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')))
      .map(moduleOf);
    expect(out).toEqual([]);
  });
});
