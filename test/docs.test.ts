// The repository explains itself: what its docs and comments point to exists in a clone of it (no
// notes kept outside the repository), and the files the docs name are still there, so a rename
// that leaves docs/ARCHITECTURE.md or CONTRIBUTING.md behind fails here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && /\.(ts|tsx|js|mjs|md|json|html)$/.test(f) && fs.existsSync(path.join(ROOT, f)));
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const DOCS = ['README.md', 'CONTRIBUTING.md', 'docs/ARCHITECTURE.md', 'docs/RUNTIME-NOTES.md', 'docs/sandbox-state.md', 'tasks/README.md'];

/** Backticked paths of source files in a text: `src/ui/store.ts`, `domain/task.ts`, `ui/download.ts`. */
export function namedFiles(text: string): string[] {
  return [...text.matchAll(/`((?:\.\.\/)*[\w.-]+(?:\/[\w.-]+)+\.(?:tsx?|jsx?|mjs|json|css|md))`/g)].map((m) => m[1]!);
}

describe('the repository explains itself', () => {
  it('the docs are there', () => {
    for (const f of DOCS) expect(fs.existsSync(path.join(ROOT, f)), f).toBe(true);
  });

  it('nothing points to notes kept outside the repository', () => {
    const outside = /(?<![\w-])(?:NOTES|STYLE|GLOSSARY)\.md\b|\.\.\/shared\/(?!conformance)/;
    const found = tracked.filter((f) => f !== 'test/docs.test.ts' && outside.test(read(f)));
    expect(found).toEqual([]);
  });

  it('finds the files the docs name (the scan works)', () => {
    expect(namedFiles('see `src/ui/store.ts`, `domain/task.ts` and `x.ts`, not `a b/c.ts`')).toEqual(['src/ui/store.ts', 'domain/task.ts']);
    expect(namedFiles(read('docs/ARCHITECTURE.md')).length).toBeGreaterThan(40);
  });

  it('every source file the docs name exists (at the root, or under src/)', () => {
    const missing = DOCS.flatMap((doc) =>
      namedFiles(read(doc))
        .filter((f) => !f.startsWith('../'))
        .filter((f) => ![path.join(ROOT, f), path.join(ROOT, 'src', f), path.join(ROOT, path.dirname(doc), f)].some((p) => fs.existsSync(p)))
        .map((f) => `${doc}: ${f}`),
    );
    expect(missing).toEqual([]);
  });

  it('every doc a source comment points to exists', () => {
    const missing = tracked.flatMap((f) =>
      [...read(f).matchAll(/\b((?:docs\/[\w.-]+|CONTRIBUTING|README)\.md)\b/g)].map((m) => m[1]!).filter((d) => !fs.existsSync(path.join(ROOT, d))).map((d) => `${f}: ${d}`),
    );
    expect(missing).toEqual([]);
  });
});
