// `npm ci` on a fresh machine refuses a lockfile that lacks any package another locked package
// depends on, optional platform builds included, even the ones this machine never installs. An
// `npm install` here can write such a lockfile when the registry lacks a platform build, so the quick
// start would break only on a clean checkout. This test finds that before CI does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cliRunner.js';

interface Locked {
  version?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, Locked>;
};

/** Where Node's resolution would find `name` from the package at `from` (a lockfile key). */
function resolve(from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const key = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (dir === '') return undefined;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up < 0 ? '' : dir.slice(0, up);
  }
}

describe('package-lock.json', () => {
  it('locks every dependency and optional dependency of every locked package', () => {
    const missing: string[] = [];
    for (const [key, pkg] of Object.entries(lock.packages)) {
      if (pkg.link) continue;
      const wanted = { ...pkg.dependencies, ...pkg.optionalDependencies };
      for (const name of Object.keys(wanted)) {
        if (!resolve(key, name)) missing.push(`${key || '(root)'} → ${name}@${wanted[name]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
