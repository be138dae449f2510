/**
 * The one check of a request posted to Herald's Slack endpoint, in front of Bolt's
 * HTTPReceiver: the v0 signature over `v0:<timestamp>:<body>`, the timestamp within five minutes
 * either way (Bolt refuses only the stale side), and the same signed request never twice
 * (issue 11, Medium 4: three deliveries of one `/schedule add` made three schedules).
 *
 * Bolt's own signature check is switched off (`signatureVerification: false` in app.ts), so the
 * signature is checked once per request, not twice: Bolt's check computes three HMACs and draws
 * random bytes (its `tsscmp` compare) and it ran after this one on every request (issue 14's
 * latency target; docs/decisions/045-one-slack-signature-check.md). Refusals keep Bolt's
 * answers: 401 with no body for an unsigned or stale request, and `ssl_check=1` (Slack's
 * unsigned certificate probe) passes stripped of everything else, as Bolt lets it.
 *
 * The body is read here once and handed to Bolt as `req.rawBody`, which Bolt's receiver
 * reuses instead of reading the stream again.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock, Logger } from '../../core/ports.js';
import type { ReplayGuard } from '../../http/replay-guard.js';
import { readRawBody } from '../../http/server.js';

/** Slack's own window: a request signed more than five minutes from now, either way, is refused. */
export const SLACK_WINDOW_SECONDS = 300;

export interface SignedRequestOptions {
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

const SIGNATURE = /^v0=([0-9a-f]{64})$/u;

/** Whether `signature` is Slack's v0 signature of `raw` at `ts` (seconds) with `secret`, compared in constant time. */
export function hasSlackSignature(secret: string, ts: number, raw: Buffer, signature: string | undefined): boolean {
  const hex = signature === undefined ? null : SIGNATURE.exec(signature)?.[1];
  if (!hex) return false;
  const ours = createHmac('sha256', secret).update(`v0:${ts}:`).update(raw).digest();
  return timingSafeEqual(ours, Buffer.from(hex, 'hex'));
}

function refuse(res: ServerResponse, status: number, error: string): void {
  const text = JSON.stringify({ error });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

/** Slack's certificate probe: a form body whose `ssl_check` is 1; unsigned by design. */
const isSslCheck = (req: IncomingMessage, raw: Buffer): boolean =>
  req.headers['content-type'] === 'application/x-www-form-urlencoded' &&
  new URLSearchParams(raw.toString()).get('ssl_check') === '1';

/** Wraps Bolt's request listener (whose own signature check is off) with Herald's one check. */
export function withSignedRequestCheck(
  opts: SignedRequestOptions,
  next: Next,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const log = opts.logger.child({ adapter: 'slack-http' });
  return async (req, res) => {
    const raw = await readRawBody(req, opts.maxBodyBytes ?? 10 * 1024 * 1024);
    if (raw === null) return refuse(res, 413, 'body too large');
    const rawReq = req as IncomingMessage & { rawBody?: Buffer };
    const signature = header(req, 'x-slack-signature');
    const ts = Number(header(req, 'x-slack-request-timestamp'));
    const nowMs = opts.clock.now().getTime();
    if (!Number.isInteger(ts) || !hasSlackSignature(opts.signingSecret, ts, raw, signature)) {
      if (isSslCheck(req, raw)) {
        rawReq.rawBody = Buffer.from('ssl_check=1');
        return next(req, res);
      }
      log.warn({ signed: signature !== undefined }, 'request without a valid signature refused');
      return void res.writeHead(401).end();
    }
    if (ts < Math.floor(nowMs / 1000) - SLACK_WINDOW_SECONDS) {
      log.warn({ ts }, 'stale request refused');
      return void res.writeHead(401).end();
    }
    if (ts > nowMs / 1000 + SLACK_WINDOW_SECONDS) {
      log.warn({ ts }, 'request signed in the future refused');
      return refuse(res, 401, 'request timestamp is in the future');
    }
    // The signature covers timestamp and body: the same signature is the same request.
    const expiresAtMs = (ts + SLACK_WINDOW_SECONDS + 1) * 1000;
    if (!(await opts.guard.firstSighting(`slack:${signature!}`, expiresAtMs, nowMs))) {
      log.warn({ retry: header(req, 'x-slack-retry-num') ?? null }, 'replayed request refused');
      return refuse(res, 409, 'request already received');
    }
    rawReq.rawBody = raw;
    next(req, res);
  };
}
