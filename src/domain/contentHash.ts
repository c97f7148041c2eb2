// A short fingerprint of a text (FNV-1a, 32 bits, over UTF-16 code units), so what a line comment or
// a rewrite's run refers to can be told apart from a later version of the same code. Not for
// security: it detects change, it does not resist forgery.
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `fnv1a32:${h.toString(16).padStart(8, '0')}`;
}
