#!/usr/bin/env node
// Generates the benchmark task sets, deterministically: every template of templates.mjs times each
// of its variants, as HumanEval rows (bench/sets/python.jsonl) and HumanEval-X JavaScript rows
// (bench/sets/javascript.jsonl). Expected values come from running the JavaScript reference in a
// Node vm here; `node bench/tasks.mjs [outDir]` writes the files (default bench/sets).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { allJsHelpers, jsHelpers, pythonHelpers } from './helpers.mjs';
import { TEMPLATES } from './templates.mjs';

const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
const indent = (text, pad) =>
  text
    .replace(/^\n/, '')
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');

/** A JavaScript value (plain data) as a Python literal, written the way Python's repr writes it. */
export function pyLit(v) {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return /['\\\n]/.test(v) ? JSON.stringify(v) : `'${v}'`;
  if (Array.isArray(v)) return `[${v.map(pyLit).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${pyLit(k)}: ${pyLit(x)}`).join(', ')}}`;
}

/** The same as a JavaScript literal. */
export function jsLit(v) {
  if (Array.isArray(v)) return `[${v.map(jsLit).join(', ')}]`;
  if (typeof v === 'string') return /['\\\n]/.test(v) ? JSON.stringify(v) : `'${v}'`;
  if (v !== null && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${jsLit(x)}`).join(', ')} }`;
  return JSON.stringify(v);
}

const isScalar = (v) => v === null || typeof v !== 'object';
const jsAssert = (actual, expected) =>
  isScalar(expected) ? `console.assert(${actual} === ${jsLit(expected)})` : `console.assert(JSON.stringify(${actual}) === JSON.stringify(${jsLit(expected)}))`;

export function generate() {
  const python = [];
  const javascript = [];
  let index = 0;
  for (const t of TEMPLATES) {
    const jsName = camel(t.name);
    const jsDecl = `const ${jsName} = ${t.js} => {\n`;
    const jsSolution = `${indent(t.jsBody, '  ')}\n}\n`;
    // Run the JavaScript reference to get the expected values.
    const context = vm.createContext({});
    vm.runInContext(`${jsDecl}${jsSolution}\n${allJsHelpers()}\nglobalThis.__f = ${jsName};`, context);
    const run = (expr) => JSON.parse(vm.runInContext(`JSON.stringify(${expr})`, context));
    const examples = t.examples.map((args) => ({ args, expected: run(`__f(...${JSON.stringify(args)})`) }));

    const pyDoc = [...t.doc.split('\n'), ...examples.flatMap(({ args, expected }) => [`>>> ${t.name}(${args.map(pyLit).join(', ')})`, pyLit(expected)])];
    const jsDoc = [...t.doc.split('\n'), ...examples.flatMap(({ args, expected }) => [`>>> ${jsName}(${args.map(jsLit).join(', ')})`, jsLit(expected)])];
    const imports = [...(t.imports ?? []), ...(/\bList\[/.test(t.sig) ? ['from typing import List'] : [])];
    const pyPrompt = `${imports.length ? `${imports.join('\n')}\n` : ''}\n\ndef ${t.sig}:\n    """ ${pyDoc.join('\n    ')}\n    """\n`;
    const pySolution = `${indent(t.py, '    ')}\n`;
    const jsPrompt = `/* ${jsDoc.join('\n  ')}\n  */\n${jsDecl}`;

    t.variants.forEach((variant) => {
      const spec = typeof variant === 'string' ? { py: variant, js: variant } : variant;
      const setup = spec.setup ?? { py: [], js: [] };
      const pyBig = spec.py.replaceAll('$F', 'candidate');
      const jsBig = spec.js.replaceAll('$F', jsName);
      const expected = run(`(() => { ${setup.js.map((l) => l.replaceAll('$F', '__f') + ';').join(' ')} return ${spec.js.replaceAll('$F', '__f')}; })()`);

      const checkLines = [
        ...examples.map(({ args, expected: e }) => `assert candidate(${args.map(pyLit).join(', ')}) == ${pyLit(e)}`),
        ...setup.py,
        `assert ${pyBig} == ${pyLit(expected)}`,
      ];
      const pyCheck = `def check(candidate):\n${checkLines.map((l) => `    ${l}`).join('\n')}\n`;
      const pyHelpers = pythonHelpers(checkLines.join('\n'));
      const pyTest = `\n\nMETADATA = {'author': 'veredicto-bench', 'dataset': 'test'}\n\n\n${pyHelpers ? `${pyHelpers}\n\n\n` : ''}${pyCheck}\n`;

      const testName = `test${jsName[0].toUpperCase()}${jsName.slice(1)}`;
      const jsLines = [
        ...examples.map(({ args, expected: e }) => jsAssert(`${jsName}(${args.map(jsLit).join(', ')})`, e)),
        ...setup.js,
        jsAssert(jsBig, expected),
      ];
      const helpers = jsHelpers(jsLines.join('\n'));
      const jsTest = `${helpers ? `${helpers}\n` : ''}const ${testName} = () => {\n${jsLines.map((l) => `  ${l}`).join('\n')}\n}\n\n${testName}()\n`;

      python.push({ task_id: `Bench/${index}`, prompt: pyPrompt, canonical_solution: pySolution, test: pyTest, entry_point: t.name });
      javascript.push({ task_id: `JavaScript/${index}`, prompt: jsPrompt, canonical_solution: jsSolution, test: jsTest, declaration: `\n${jsDecl}` });
      index++;
    });
  }
  return { python, javascript };
}

export function writeSets(outDir) {
  const { python, javascript } = generate();
  fs.mkdirSync(outDir, { recursive: true });
  const files = {};
  for (const [name, rows] of [['python', python], ['javascript', javascript]]) {
    const file = path.join(outDir, `${name}.jsonl`);
    fs.writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    files[name] = file;
  }
  return { files, count: python.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const { files, count } = writeSets(process.argv[2] ?? path.join(here, 'sets'));
  for (const f of Object.values(files)) console.log(`${f}: ${count} tasks, ${(fs.statSync(f).size / 1024).toFixed(0)} KB`);
}
