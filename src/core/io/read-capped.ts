/**
 * Reads a fetch response body chunk by chunk with a byte cap, so a huge or endless response
 * cannot exhaust memory. Shared by article loading (ingest) and feed fetching.
 */

/**
 * The body bytes, or null once it passes `maxBytes`. `onOverflow` runs before the reader is
 * cancelled: feed fetching aborts its request there, since cancel alone may leave the socket draining.
 */
/** Longest stretch spent draining already-buffered chunks before the event loop may turn. */
const TURN_MS = 8;

export async function readCapped(res: Response, maxBytes: number, onOverflow?: () => void): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let started = performance.now();
  for (;;) {
    // Buffered chunks resolve as microtasks, which never let the loop turn: yield now and then,
    // or a 25 MB body already in the socket's buffer is read in one stall.
    if (performance.now() - started > TURN_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      started = performance.now();
    }
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      onOverflow?.();
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
