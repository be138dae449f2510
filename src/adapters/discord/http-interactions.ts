/**
 * `POST /discord/interactions` on Herald's HTTP server: the stateless way to receive
 * interactions. Every request is verified (Ed25519 over timestamp + raw body, timestamp
 * near now) before it is parsed, and an interaction id seen before is refused (a replayed
 * signed request would otherwise run its command again); the first answer is the HTTP
 * response itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIInteraction, APIInteractionResponse } from 'discord-api-types/v10';
import type { Clock, Logger } from '../../core/ports.js';
import { createMemoryReplayGuard, type ReplayGuard } from '../../http/replay-guard.js';
import { readRawBody, type HttpServer } from '../../http/server.js';
import type { InteractionHandler } from './interactions.js';
import { publicKeyFromHex, verifyDiscordRequest } from './verify-signature.js';

export const DISCORD_INTERACTIONS_PATH = '/discord/interactions';

export interface HttpInteractionsOptions {
  /** DISCORD_PUBLIC_KEY: 64 hex characters. */
  readonly publicKey: string;
  readonly handler: InteractionHandler;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Refuse requests whose timestamp is further than this from now; default 5 minutes. */
  readonly maxSkewSeconds?: number;
  /** Interaction bodies are small; anything bigger is refused before verification. */
  readonly maxBodyBytes?: number;
  /** Remembers interaction ids for the signature window; default: in memory, this process only. */
  readonly replayGuard?: ReplayGuard;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

/** Builds the request handler (exported for servers other than Herald's own, and for benches). */
export function discordInteractionsHandler(
  opts: HttpInteractionsOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const key = publicKeyFromHex(opts.publicKey);
  const maxSkewSeconds = opts.maxSkewSeconds ?? 300;
  const log = opts.logger.child({ adapter: 'discord-http' });
  const guard = opts.replayGuard ?? createMemoryReplayGuard();
  return async (req, res) => {
    const rawBody = await readRawBody(req, opts.maxBodyBytes ?? 256_000);
    if (rawBody === null) return sendJson(res, 413, { error: 'body too large' });
    const check = verifyDiscordRequest(key, {
      signature: req.headers['x-signature-ed25519'] as string | undefined,
      timestamp: req.headers['x-signature-timestamp'] as string | undefined,
      rawBody,
      nowMs: opts.clock.now().getTime(),
      maxSkewSeconds,
    });
    if (check !== 'ok') {
      log.info({ check }, 'interaction refused');
      return sendJson(res, 401, { error: 'invalid request signature' });
    }
    let interaction: APIInteraction;
    try {
      interaction = JSON.parse(rawBody.toString('utf8')) as APIInteraction;
    } catch {
      return sendJson(res, 400, { error: 'body is not JSON' });
    }
    if (typeof interaction?.id !== 'string') return sendJson(res, 400, { error: 'interaction has no id' });
    // A signed request stays valid until its timestamp leaves the window; remember its id that long.
    const nowMs = opts.clock.now().getTime();
    const timestamp = Number(req.headers['x-signature-timestamp']);
    const expiresAtMs = (timestamp + maxSkewSeconds + 1) * 1000;
    if (!(await guard.firstSighting(`discord:${interaction.id}`, expiresAtMs, nowMs))) {
      log.warn({ interactionId: interaction.id }, 'replayed interaction refused');
      return sendJson(res, 409, { error: 'interaction already received' });
    }
    let answered = false;
    await opts.handler.handle(interaction, async (body: APIInteractionResponse) => {
      answered = true;
      sendJson(res, 200, body);
    });
    // The handler answers every kind; this only guards against a bug leaving Discord waiting.
    if (!answered && !res.headersSent) sendJson(res, 500, { error: 'no response' });
  };
}

/** Registers the endpoint on Herald's HTTP server. */
export function mountDiscordInteractions(http: HttpServer, opts: HttpInteractionsOptions): void {
  http.route('POST', DISCORD_INTERACTIONS_PATH, discordInteractionsHandler(opts));
}
