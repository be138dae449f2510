/**
 * The request id of the invocation being answered, carried through every await of it (store,
 * deliveries, feed fetches, adapters) by AsyncLocalStorage, so the logger can put it on every
 * line (`reqId`) without each layer passing it along. The dispatcher opens a context when an
 * adapter has not already opened one for the request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const context = new AsyncLocalStorage<{ readonly reqId: string }>();

/** Runs `work` with `reqId` as the current request id (an outer one is kept). */
export function withRequestId<T>(reqId: string, work: () => T): T {
  return context.getStore() ? work() : context.run({ reqId }, work);
}

/** The current invocation's request id, if any. */
export function currentRequestId(): string | undefined {
  return context.getStore()?.reqId;
}
