/**
 * The request id of a Slack request, opened around ALL of Bolt's work on it: the listener, the
 * deferred part of a reply (`respond()` through the response_url after the ack), Bolt's own
 * lines and `app.error`. The dispatcher alone opens it only around the command's own answer, so
 * lines logged after the handler returned had no `reqId` (issue 11).
 *
 * The id is Slack's own where it sends one (an interaction's `trigger_id`, an event's
 * `event_id`), so a line can be matched with Slack's side; otherwise a fresh one.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { withRequestId } from '../../core/request-context.js';

const SAFE_ID = /^[\w.-]{1,100}$/u;
// A constant: a literal would be a new RegExp object on every request.
const PLUS = /\+/gu;

const fresh = (): string => randomBytes(6).toString('hex');

const safe = (v: unknown): string | null => (typeof v === 'string' && SAFE_ID.test(v) ? v : null);

/** The id of a parsed Slack body (a slash command, an interaction payload, an Events API envelope). */
export function slackRequestId(body: unknown): string {
  if (typeof body !== 'object' || body === null) return fresh();
  const b = body as Record<string, unknown>;
  return safe(b['trigger_id']) ?? safe(b['event_id']) ?? fresh();
}

/** A form field's value, read without parsing the whole form (this runs on every request). */
function formField(body: string, name: string): string | null {
  const key = `${name}=`;
  const amp = body.indexOf(`&${key}`);
  const start = body.startsWith(key) ? key.length : amp === -1 ? -1 : amp + 1 + key.length;
  if (start === -1) return null;
  const end = body.indexOf('&', start);
  return decodeURIComponent(body.slice(start, end === -1 ? undefined : end).replace(PLUS, ' '));
}

/** The id of a raw HTTP body as Slack posts it: form-encoded (commands, `payload=` interactions) or JSON (events). */
export function rawSlackRequestId(raw: Buffer | undefined, contentType: string | undefined): string {
  if (!raw) return fresh();
  try {
    const text = raw.toString();
    if (contentType?.startsWith('application/json')) return slackRequestId(JSON.parse(text));
    const payload = formField(text, 'payload');
    return payload
      ? slackRequestId(JSON.parse(payload))
      : slackRequestId({ trigger_id: formField(text, 'trigger_id') });
  } catch {
    return fresh();
  }
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** HTTP mode: runs Bolt's request listener inside the request's context (the body already read into `req.rawBody`). */
export function withSlackRequestId(next: Listener): Listener {
  return (req, res) => {
    const raw = (req as IncomingMessage & { rawBody?: Buffer }).rawBody;
    withRequestId(rawSlackRequestId(raw, req.headers['content-type']), () => next(req, res));
  };
}
