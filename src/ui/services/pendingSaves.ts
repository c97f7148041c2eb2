// Saves that must reach disk before the page reloads on purpose (the language switch reloads once
// Monaco has loaded in the other language). A screen registers its flush while it is open; open
// evaluations are flushed through Services.open, drafts being written through this.
const flushes = new Set<() => Promise<unknown>>();

/** Registers a flush; call the returned function when the screen closes. */
export function registerFlush(flush: () => Promise<unknown>): () => void {
  flushes.add(flush);
  return () => void flushes.delete(flush);
}

/** Runs every registered flush; a failed one does not stop the others. */
export async function flushPendingSaves(): Promise<void> {
  await Promise.allSettled([...flushes].map((f) => f()));
}
