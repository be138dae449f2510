/**
 * Reads a fetch response body chunk by chunk with a byte cap, so a huge or endless response
 * cannot exhaust memory. Shared by article loading (ingest) and feed fetching.
 */

/**
 * The body bytes, or null once it passes `maxBytes`. `onOverflow` runs before the reader is
 * cancelled: feed fetching aborts its request there, since cancel alone may leave the socket draining.
 */
export async function readCapped(res: Response, maxBytes: number, onOverflow?: () => void): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
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
