// Worker side of start-up inside the sandbox frame: takes the files the app handed over (left on the
// global object by the frame's boot script, see sandboxDocument.ts) and lets the runtime read them
// through `fetch` and `import()` of blob: URLs. Nothing else is reachable: any other URL is refused,
// and lockDown.ts removes `fetch` before untrusted code runs. Must run before anything else.
// WebAssembly the frame compiled already (frame.protocol.ts `modules`) is what
// `WebAssembly.compileStreaming` of that file's Response gives: the runtime's loader stays as it is.
import { isWorkerBoot } from './frame.protocol.js';
import { runtimeFileType, runtimeFileUrl } from './runtimeFiles.js';

const KEY = '__veredicto';
/** Marks a Response of this `fetch` as a file whose module the frame compiled (kept when a loader wraps the Response). */
const MODULE_HEADER = 'X-Veredicto-Module';

export type Boot = {
  base: string;
  /** The interrupt slots (interrupt.ts), where the frame is cross-origin isolated. */
  control: Int32Array | null;
  /**
   * Imports a JavaScript module from the handed-over files. `ownUrl`: the module finds its own
   * files by `new URL('./x', import.meta.url)`, which a blob: module's URL cannot resolve, so it
   * reads the file's own URL instead (and the `fetch` above serves what it asks for).
   */
  importModule(path: string, options?: { ownUrl?: boolean }): Promise<unknown>;
  /** A handed-over file, if the app handed it over (an optional one, such as Python's snapshot). */
  optional(path: string): Blob | undefined;
};

export function takeBoot(): Boot {
  const scope = globalThis as Record<string, unknown>;
  const boot = scope[KEY];
  delete scope[KEY];
  if (!isWorkerBoot(boot)) throw new Error('the worker started without its runtime files');
  const files = new Map(Object.entries(boot.files).map(([url, blob]) => [runtimeFileUrl(url, boot.base), blob]));
  const file = (url: string): Blob => {
    const blob = files.get(runtimeFileUrl(url, boot.base));
    if (!blob) throw new TypeError(`the sandbox has no network: ${url}`);
    return blob;
  };
  const modules = new Map(Object.entries(boot.modules ?? {}).map(([url, m]) => [runtimeFileUrl(url, boot.base), m]));
  scope.fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = runtimeFileUrl(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, boot.base);
    const headers: Record<string, string> = { 'Content-Type': runtimeFileType(url) };
    if (modules.has(url)) headers[MODULE_HEADER] = url;
    return new Response(file(url), { status: 200, headers });
  };
  if (modules.size) {
    const compileStreaming = WebAssembly.compileStreaming.bind(WebAssembly);
    WebAssembly.compileStreaming = async (source) => {
      const response = await source;
      return modules.get(response.headers.get(MODULE_HEADER) ?? '') ?? compileStreaming(response);
    };
  }
  return {
    base: boot.base,
    control: boot.control ? new Int32Array(boot.control) : null,
    optional: (path) => files.get(runtimeFileUrl(path, boot.base)),
    importModule: async (path, options = {}) => {
      const source = options.ownUrl ? (await file(path).text()).replaceAll('import.meta.url', JSON.stringify(runtimeFileUrl(path, boot.base))) : file(path);
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      try {
        return await import(/* @vite-ignore */ url);
      } finally {
        URL.revokeObjectURL(url);
      }
    },
  };
}
