// Makes the Pyodide memory snapshot that sandbox processes start from (about 0.2 s instead of 2 s).
// Runs in its own process, before and apart from any untrusted code; writes atomically.
import fs from 'node:fs';
import path from 'node:path';
import { preparePython, PYODIDE_LOAD_OPTIONS } from '../runners/pyodide.js';
import { PYODIDE_DIR, SNAPSHOT_FILE } from './paths.js';

const out = process.argv[2] ?? SNAPSHOT_FILE;
const { loadPyodide } = (await import(`${PYODIDE_DIR}/pyodide.mjs`)) as typeof import('pyodide');
const py = await loadPyodide({ indexURL: `${PYODIDE_DIR}/`, ...PYODIDE_LOAD_OPTIONS, _makeSnapshot: true } as Parameters<typeof loadPyodide>[0]);
preparePython(py);
const bytes = (py as unknown as { makeMemorySnapshot(): Uint8Array }).makeMemorySnapshot();
fs.mkdirSync(path.dirname(out), { recursive: true });
const tmp = `${out}.${process.pid}.tmp`;
fs.writeFileSync(tmp, bytes);
fs.renameSync(tmp, out);
process.exit(0);
