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
    // stdout is kept as bytes: a precompiled header is written there (`-o -`), because yowasp's
    // in-memory files grow by a copy of the whole file per write, which for a 13 MB header costs
    // seconds; its chunks are copied, as yowasp may reuse the buffer.
    const chunks: Uint8Array[] = [];
    const keep = (bytes: Uint8Array | null) => void (bytes && chunks.push(bytes.slice()));
    try {
      const out = clang.commands['clang++'](args.slice(1), files, { synchronously: true, stdout: keep, stderr: collect, decodeASCII: false }) as Record<string, Uint8Array>;
      return { ok: true, files: out, stdout: concat(chunks) };
    } catch (e) {
      if (e instanceof clang.Exit) return { ok: false, messages: messages + decoder.decode(concat(chunks)) };
      throw e;
    }
  };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}
