// Vitest global set-up: tests that start sandboxes or the CLI run the compiled core, so compile
// it (and make the Pyodide snapshot if missing) from the current sources first.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../../bin/build-node.js')], { stdio: 'inherit' });
}
