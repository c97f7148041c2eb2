#!/usr/bin/env node
// The `veredicto` command. Runs the compiled core in build/node, compiling it first if this
// checkout has never been built (npm ci does it through the prepare script).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const entry = path.join(root, 'build', 'node', 'cli', 'main.js');
if (!existsSync(entry)) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'build-node.js')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { main } = await import(entry);
let code;
try {
  code = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`veredicto: internal error: ${e?.stack ?? e}\n`);
  code = 3;
}
// Exit once output is flushed, whatever a sandbox process is still doing.
process.stdout.write('', () => process.exit(code));
