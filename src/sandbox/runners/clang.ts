// clang (@yowasp/clang, WebAssembly) as the C++ runner's Compiler, the same in a Node sandbox child
// and in a browser worker: the caller imports the package its own way (a file of node_modules, or
// the copy the app serves, handed to the worker), then this loads its files once and compiles
// synchronously from then on, before the worker is locked down and with nothing left to fetch.
import type * as Clang from '@yowasp/clang';
import type { Compiler } from './cpp.js';

/** Loads clang's modules and headers (through the realm's `fetch`), then returns the compiler. */
export async function clangCompiler(clang: typeof Clang): Promise<Compiler> {
  // A run with no arguments only fetches and compiles the modules; the progress callback keeps
  // yowasp's default one from logging percentages to the console.
  await clang.runLLVM(undefined, {}, { fetchProgress: () => {} });
  return (files, args) => {
    let messages = '';
    const decoder = new TextDecoder();
    const collect = (bytes: Uint8Array | null) => void (bytes && (messages += decoder.decode(bytes, { stream: true })));
    try {
      const out = clang.commands['clang++'](args.slice(1), files, { synchronously: true, stdout: collect, stderr: collect, decodeASCII: false }) as Record<string, Uint8Array>;
      return { ok: true, files: out };
    } catch (e) {
      if (e instanceof clang.Exit) return { ok: false, messages };
      throw e;
    }
  };
}
