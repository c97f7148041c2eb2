// The response headers of every page Veredicto serves, in one place: the Vite dev and preview
// servers (vite.config.ts) and the team server (src/server/static.ts) send exactly these.
// Pages are cross-origin isolated (COOP/COEP) so runtime workers get SharedArrayBuffer interrupts.
import crypto from 'node:crypto';
import { INNER_SCRIPT } from '../sandbox/browser/sandboxDocument.js';

// Same-origin files need no CORP header under COEP require-corp; the header is sent anyway so a
// file fetched from an opaque-origin frame later states its policy. Applies to public/ files too.
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/**
 * The app's policy, on every response but the sandbox page (a worker script takes its policy from its
 * own response, so Monaco's editor worker runs under this one too). Scripts, workers and connections
 * only from the app's origin; WebAssembly compiled, never eval; inline styles for Monaco and React's
 * style attributes; the app may frame only its own sandbox page and may not be framed.
 * Dev adds the nonce Vite puts on the inline scripts it injects (the React refresh preamble).
 */
export function appPolicy(devNonce?: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${devNonce ? ` 'nonce-${devNonce}'` : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The sandbox page's policy (src/sandbox/browser/sandboxDocument.ts), which its opaque-origin inner
 * frame and that frame's runtime workers inherit: the one inner script pinned by its hash, workers and
 * modules only from blob: URLs the frame made from the files the app handed over, WebAssembly, and
 * no network at all (no connect-src, no other frame, no form, no base). Only the app may frame it.
 * On the dev server the runtimes' entry modules are imported from the app's origin, hence 'self'.
 */
export function sandboxPolicy(dev = false): string {
  const hash = crypto.createHash('sha256').update(INNER_SCRIPT, 'utf8').digest('base64');
  return [
    "default-src 'none'",
    `script-src 'sha256-${hash}'${dev ? " 'self'" : ''} blob: 'wasm-unsafe-eval'`,
    'worker-src blob:',
    "connect-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}
