/**
 * The one place a discord.js REST client is made: the API URL is configurable
 * (DISCORD_API_URL → a fake Discord in tests), and rate limits, retries of transient
 * failures and timeouts are left to discord.js's queue rather than hand-made loops.
 */
import { DefaultRestOptions, REST, RESTEvents, type RESTOptions } from 'discord.js';
import type { OnRateLimitWait } from '../../core/ports.js';
import { isCrosspostRoute } from './crosspost.js';
import { createPacer, DISCORD_GLOBAL_PACE, type Pacer } from './request-pacer.js';
import { timeoutFromRelease } from './timeout-from-release.js';

/** One pacer per bot token in this process: Discord's global limit is the bot's, whichever client sends. */
const pacers = new Map<string, Pacer>();
/** Interaction answers and follow-ups are not bound to the bot's global limit (Discord's rate-limit docs). */
const INTERACTION_ROUTE = /\/(interactions|webhooks)\//u;

/** discord.js's own request function, each bot-token request released by the bot's pacer first. */
const pacedRequest: RESTOptions['makeRequest'] = async (url, init) => {
  const auth = new Headers(init.headers as ConstructorParameters<typeof Headers>[0]).get('authorization');
  if (auth && !INTERACTION_ROUTE.test(new URL(url).pathname)) {
    let pacer = pacers.get(auth);
    if (!pacer) pacers.set(auth, (pacer = createPacer(DISCORD_GLOBAL_PACE)));
    // The wait in the pacer does not count against discord.js's timeout (timeout-from-release.ts).
    const queued = timeoutFromRelease(init.signal as AbortSignal | null | undefined);
    await pacer();
    const res = await DefaultRestOptions.makeRequest(url, { ...init, signal: queued.release() ?? null });
    if (res.status === 429 && res.headers.get('x-ratelimit-global'))
      pacer.pause(Number(res.headers.get('retry-after') ?? 1) * 1000);
    return res;
  }
  return DefaultRestOptions.makeRequest(url, init);
};

/**
 * Options every Herald REST client shares. A crosspost over Discord's hourly limit is rejected
 * at once rather than queued for up to an hour: the post stays, unpublished (crosspost.ts). Every
 * request goes through the bot's pacer (request-pacer.ts), which keeps the global limit in every
 * window; discord.js's own global count is set above it so that it never is the one waiting.
 */
export const HERALD_REST_OPTIONS: Partial<RESTOptions> = Object.freeze({
  rejectOnRateLimit: (data: { route: string }) => isCrosspostRoute(data.route),
  makeRequest: pacedRequest,
  globalRequestsPerSecond: 100,
});

export interface DiscordRestOptions {
  /** Bot token; optional for interaction webhooks, which authenticate by their token. */
  readonly token?: string | null;
  /** Base URL up to `/api`, e.g. `http://127.0.0.1:PORT/api`; null → discord.com. */
  readonly apiUrl?: string | null;
  /** Extra discord.js options (tests: `offset: 0`, short `timeout`). */
  readonly overrides?: Partial<RESTOptions>;
  /** Told of every rate-limit wait (for /metrics). */
  readonly onRateLimitWait?: OnRateLimitWait;
}

const watched = new WeakSet<REST>();

/**
 * Reports a REST queue's rate-limit waits: 429 answers (discord.js retries them after their
 * Retry-After) and known limits it waits out before sending. Once per queue, however often asked.
 */
export function watchRateLimits(rest: REST, onWait: OnRateLimitWait | undefined): REST {
  if (!onWait || watched.has(rest)) return rest;
  watched.add(rest);
  rest.on(RESTEvents.RateLimited, (info) => onWait({ reason: 'limit', waitMs: info.timeToReset }));
  rest.on(RESTEvents.Response, (_request, response) => {
    if (response.status !== 429) return;
    onWait({ reason: '429', waitMs: Number(response.headers.get('retry-after') ?? 0) * 1000 });
  });
  return rest;
}

export function createDiscordRest(opts: DiscordRestOptions = {}): REST {
  const rest = new REST({ ...HERALD_REST_OPTIONS, ...(opts.apiUrl ? { api: opts.apiUrl } : {}), ...opts.overrides });
  if (opts.token) rest.setToken(opts.token);
  return watchRateLimits(rest, opts.onRateLimitWait);
}
