// Runs the real `veredicto` command for tests and collects what it printed.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const CLI = path.join(ROOT, 'bin', 'veredicto.js');

export type CliResult = { code: number | null; stdout: string; stderr: string };

export function veredicto(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export type RunReport = {
  results: { taskId: string; solutionId: string; verdict: string; tests: { name: string; status: string; message: string; durationMs: number; hidden: boolean; stdout: string }[] }[];
  timings: { runtimeLoadMs: number; evalMs: number };
};
