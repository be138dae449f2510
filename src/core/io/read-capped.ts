/**
 * Reads a fetch response body chunk by chunk with a byte cap, so a huge or endless response
 * cannot exhaust memory. Chunks are handed on as they come (safe-fetch.ts decodes and cuts them
 * there): the body is never copied into one buffer.
 */

/** Thrown by `readChunks` once the body passes its cap. */
export class OverByteCap extends Error {
  constructor(readonly maxBytes: number) {
    super(`body over the ${maxBytes}-byte cap`);
    this.name = 'OverByteCap';
  }
}

/** Longest stretch spent draining already-buffered chunks before the event loop may turn. */
const TURN_MS = 8;

/**
 * The body's chunks; throws `OverByteCap` once they pass `maxBytes`. `onOverflow` runs before the
 * reader is cancelled: feed fetching aborts its request there, since cancel alone may leave the
 * socket draining. Stopping early (or failing) cancels the reader.
 */
export async function* readChunks(
  res: Response,
  maxBytes: number,
  onOverflow?: () => void,
): AsyncGenerator<Uint8Array, void, undefined> {
  if (!res.body) return;
  const reader = res.body.getReader();
  let total = 0;
  let started = performance.now();
  let finished = false;
  try {
    for (;;) {
      // Buffered chunks resolve as microtasks, which never let the loop turn: yield now and then,
      // or a 25 MB body already in the socket's buffer is read in one stall.
      if (performance.now() - started > TURN_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        started = performance.now();
      }
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      total += value.byteLength;
      if (total > maxBytes) {
        onOverflow?.();
        throw new OverByteCap(maxBytes);
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}
