#!/usr/bin/env node
// Compiles the headless core and the CLI to build/node (TypeScript's own compiler), then makes the
// Pyodide snapshot the sandbox starts from. Run by `npm ci` (prepare), `npm test` and the CLI.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.node.json')], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
const { ensureSnapshot } = await import(path.join(root, 'build/node/sandbox/node/spawn.js'));
ensureSnapshot();
