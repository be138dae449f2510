/**
 * The Slack adapter: a real Bolt `App`, receiving either over HTTP on Herald's one server
 * (`POST /slack/events`, signatures and timestamps checked by Bolt's `HTTPReceiver`) or over
 * Socket Mode when an app-level token is configured (no public URL needed).
 */
import { App, HTTPReceiver, LogLevel, SocketModeReceiver } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Dispatcher } from '../../core/commands/dispatch.js';
import type { CommandRegistry } from '../../core/commands/registry.js';
import { withRequestId } from '../../core/request-context.js';
import { systemClock, type Clock, type Logger, type OnRateLimitWait } from '../../core/ports.js';
import { watchSlackRateLimits } from './rate-limits.js';
import { createMemoryReplayGuard, type ReplayGuard } from '../../http/replay-guard.js';
import type { HttpServer } from '../../http/server.js';
import { boltLogger } from './bolt-logger.js';
import { createPlainMentionResolver } from './plain-mentions.js';
import { registerHandlers, type ChannelUnavailableHook } from './handlers.js';
import { SLACK_EVENTS_PATH } from './manifest.js';
import { createSlackPermissions } from './permissions.js';
import { withSignedRequestCheck } from './signed-request.js';
import { slackRequestId, withSlackRequestId } from './request-id.js';
import { UMBRELLA } from './to-invocation.js';

export { SLACK_EVENTS_PATH };

export interface SlackAppOptions {
  /** `xoxb-…` (SLACK_BOT_TOKEN). */
  readonly botToken: string;
  /** SLACK_SIGNING_SECRET: HTTP mode. */
  readonly signingSecret?: string | null;
  /** SLACK_APP_TOKEN (`xapp-…`): Socket Mode; wins over HTTP mode when both are set. */
  readonly appToken?: string | null;
  /** SLACK_API_URL: a Web API base such as `http://127.0.0.1:8080/api/` (tests, proxies). */
  readonly apiUrl?: string | null;
  /** Herald's HTTP server; required in HTTP mode, where the Slack route is mounted on it. */
  readonly http?: HttpServer;
  readonly registry: CommandRegistry;
  readonly dispatcher: Dispatcher;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** Ack budget for commands not declared `slow`; default 2,000 ms (Slack allows 3 s). */
  readonly ackBudgetMs?: number;
  /** Name of the umbrella command; default `herald`. */
  readonly umbrella?: string;
  /** Cache lifetime of admin/owner and user-group lookups; default 5 minutes. */
  readonly permissionsTtlMs?: number;
  /** False when the app is installed without `usergroups:read`. */
  readonly userGroups?: boolean;
  /** The bot was removed from a channel or it was archived: pause its schedules. */
  readonly onChannelUnavailable?: ChannelUnavailableHook;
  /** Told of every 429 Slack answers (for /metrics). */
  readonly onRateLimitWait?: OnRateLimitWait;
  /** Retries of the WebClient used for interactive calls; default 2 (Slack's own default retries for ~30 min). */
  readonly webClientRetries?: number;
  /** Socket Mode reconnects by itself unless this is false (tests). */
  readonly socketAutoReconnect?: boolean;
  /** HTTP mode: remembers signed requests for the signature window (default: in memory, this process). */
  readonly replayGuard?: ReplayGuard;
}

export interface SlackApp {
  readonly mode: 'http' | 'socket';
  /** The bot's WebClient (honours 429 Retry-After). */
  readonly client: WebClient;
  /** HTTP mode: checks the token (`auth.test`) and mounts the route. Socket Mode: also connects. */
  start(): Promise<void>;
  /** Socket Mode: disconnects. HTTP mode: the route stays, but the server is the caller's to close. */
  stop(): Promise<void>;
}

/** Builds the Bolt app for the mode the options describe; throws when neither mode is configured. */
export function createSlackApp(opts: SlackAppOptions): SlackApp {
  const mode = opts.appToken ? 'socket' : opts.signingSecret ? 'http' : null;
  if (!mode) throw new Error('Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)');
  if (mode === 'http' && !opts.http) throw new Error("Slack HTTP mode needs Herald's HTTP server");
  const logger = boltLogger(opts.logger, LogLevel.INFO);
  const clientOptions = {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    retryConfig: { retries: opts.webClientRetries ?? 2, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
  };
  const receiver =
    mode === 'socket'
      ? new SocketModeReceiver({
          appToken: opts.appToken!,
          logger,
          autoReconnectEnabled: opts.socketAutoReconnect ?? true,
          // apps.connections.open must go to the same (possibly fake) Web API.
          installerOptions: { clientOptions },
        })
      : new HTTPReceiver({
          signingSecret: opts.signingSecret!,
          endpoints: SLACK_EVENTS_PATH,
          logger,
          // Checked once, before Bolt, by signed-request.ts (with timestamps from the future and replays).
          signatureVerification: false,
          // Bolt answers 404 itself if no listener acked by then; keep it just above Slack's 3 s.
          unhandledRequestTimeoutMillis: 3_001,
        });
  const app = new App({
    token: opts.botToken,
    receiver,
    logger,
    clientOptions,
    // auth.test runs in start(), where a bad token or unreachable API is a clear rejected promise.
    deferInitialization: true,
    ignoreSelf: true,
    // Herald keeps no per-conversation state in Bolt; its default store threw (and caught) an
    // Error on every request, a cost on each command's latency.
    convoStore: false,
  });
  watchSlackRateLimits(app.client, opts.onRateLimitWait);
  // Socket Mode has no HTTP request to wrap: the request's context opens in Bolt's first
  // middleware. (In HTTP mode it is opened around the request, before Bolt; no middleware then,
  // as Bolt runs every middleware on every request.)
  if (mode === 'socket') app.use(({ body, next }) => withRequestId(slackRequestId(body), next));
  const clock = opts.clock ?? systemClock;
  registerHandlers(app, {
    registry: opts.registry,
    dispatcher: opts.dispatcher,
    permissions: createSlackPermissions({
      client: app.client,
      clock,
      logger: opts.logger,
      ...(opts.permissionsTtlMs !== undefined ? { ttlMs: opts.permissionsTtlMs } : {}),
      ...(opts.userGroups !== undefined ? { userGroups: opts.userGroups } : {}),
    }),
    mentions: createPlainMentionResolver({ client: app.client, clock, logger: opts.logger }),
    logger: opts.logger.child({ adapter: 'slack' }),
    ackBudgetMs: opts.ackBudgetMs ?? 2_000,
    umbrella: opts.umbrella ?? UMBRELLA,
    ...(opts.onChannelUnavailable ? { onChannelUnavailable: opts.onChannelUnavailable } : {}),
  });

  let started = false;
  return {
    mode,
    client: app.client,
    async start() {
      if (started) return;
      await app.init();
      if (receiver instanceof HTTPReceiver) {
        const check = {
          signingSecret: opts.signingSecret!,
          guard: opts.replayGuard ?? createMemoryReplayGuard(),
          clock,
          logger: opts.logger,
        };
        opts.http!.route(
          'POST',
          SLACK_EVENTS_PATH,
          withSignedRequestCheck(
            check,
            withSlackRequestId((req, res) => receiver.requestListener(req, res)),
          ),
        );
      } else {
        await app.start();
      }
      started = true;
      opts.logger.info({ mode }, 'slack adapter started');
    },
    async stop() {
      if (!started) return;
      started = false;
      if (mode === 'socket') await app.stop();
    },
  };
}
