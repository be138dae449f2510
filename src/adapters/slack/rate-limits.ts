/** Slack's 429 answers, reported from a WebClient (for /metrics). */
import { WebClientEvent, type WebClient } from '@slack/web-api';
import type { OnRateLimitWait } from '../../core/ports.js';

/** Reports each 429 the client receives, with its Retry-After, whatever the caller does next. */
export function watchSlackRateLimits(client: WebClient, onWait: OnRateLimitWait | undefined): void {
  if (!onWait) return;
  client.on(WebClientEvent.RATE_LIMITED, (retrySeconds: number) =>
    onWait({ reason: '429', waitMs: retrySeconds * 1000 }),
  );
}
