// Where the app serves clang for the browser's C++ worker, and which of @yowasp/clang's files: its
// module (bundle.js) and what that module fetches next to itself (the compiler's WebAssembly, about
// 75 MB, and its headers and libraries as one tar, about 30 MB). Read by vite.config.ts, which copies
// them from node_modules, and by the app, which fetches them the first time a C++ task opens
// (runtimeBundle.ts). No imports: vite.config.ts loads this file in Node.

/** Under the app's base URL; a stable path (not hashed), so a static host can serve it as files. */
export const CLANG_PATH = 'clang/';

export const CLANG_FILES = ['bundle.js', 'llvm.core.wasm', 'llvm.core2.wasm', 'llvm.core3.wasm', 'llvm.core4.wasm', 'llvm-resources.tar'] as const;
