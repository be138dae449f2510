/**
 * Replay and future-timestamp checks in front of Bolt's HTTPReceiver. Bolt verifies the
 * signature and refuses timestamps more than five minutes old, but accepts any future
 * timestamp and the same signed request any number of times (issue 11, Medium 4: three
 * deliveries of one `/schedule add` made three schedules).
 *
 * The body is read here once and handed to Bolt as `req.rawBody`, which Bolt's receiver
 * reuses instead of reading the stream again. Only requests whose signature verifies are
 * remembered; anything else goes on to Bolt, which answers 401 as before.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isValidSlackRequest } from '@slack/bolt';
import type { Clock, Logger } from '../../core/ports.js';
import type { ReplayGuard } from '../../http/replay-guard.js';
import { readRawBody } from '../../http/server.js';

/** Slack's own window: a request signed more than five minutes from now, either way, is refused. */
export const SLACK_WINDOW_SECONDS = 300;

export interface ReplayCheckOptions {
  readonly signingSecret: string;
  readonly guard: ReplayGuard;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Bolt's default body limit. */
  readonly maxBodyBytes?: number;
}

type Next = (req: IncomingMessage, res: ServerResponse) => void;

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

function refuse(res: ServerResponse, status: number, error: string): void {
  const text = JSON.stringify({ error });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

/** Wraps Bolt's request listener with the two checks Bolt lacks. */
export function withReplayCheck(
  opts: ReplayCheckOptions,
  next: Next,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const log = opts.logger.child({ adapter: 'slack-http' });
  return async (req, res) => {
    const raw = await readRawBody(req, opts.maxBodyBytes ?? 10 * 1024 * 1024);
    if (raw === null) return refuse(res, 413, 'body too large');
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
    const signature = header(req, 'x-slack-signature');
    const ts = Number(header(req, 'x-slack-request-timestamp'));
    const nowMs = opts.clock.now().getTime();
    const signed =
      signature !== undefined &&
      Number.isInteger(ts) &&
      isValidSlackRequest({
        signingSecret: opts.signingSecret,
        body: raw.toString(),
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': ts },
        nowMilliseconds: nowMs,
      });
    if (signed) {
      if (ts > nowMs / 1000 + SLACK_WINDOW_SECONDS) {
        log.warn({ ts }, 'request signed in the future refused');
        return refuse(res, 401, 'request timestamp is in the future');
      }
      // The signature covers timestamp and body: the same signature is the same request.
      const expiresAtMs = (ts + SLACK_WINDOW_SECONDS + 1) * 1000;
      if (!(await opts.guard.firstSighting(`slack:${signature}`, expiresAtMs, nowMs))) {
        log.warn({ retry: header(req, 'x-slack-retry-num') ?? null }, 'replayed request refused');
        return refuse(res, 409, 'request already received');
      }
    }
    next(req, res);
  };
}
