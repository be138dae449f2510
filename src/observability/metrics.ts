/**
 * Herald's Prometheus metrics through prom-client. The registry is created by the composition
 * root and passed in (never prom-client's global default registry), so two Heralds in one process
 * (tests) keep their counts apart. The core never sees prom-client: the wrappers below measure at
 * the ports (dispatcher, delivery, slot handler, feed fetch) from the outside.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Dispatcher } from '../core/commands/dispatch.js';
import type { Clock, DeliveryPort, Platform, RateLimitWait } from '../core/ports.js';
import type { SlotHandler } from '../core/schedule/port.js';

export interface HeraldMetrics {
  readonly registry: Registry;
  readonly commands: Histogram<'command' | 'outcome'>;
  readonly deliveries: Counter<'platform' | 'outcome'>;
  readonly feedFetches: Counter<'outcome'>;
  readonly rateLimitWaits: Counter<'platform' | 'reason'>;
  readonly rateLimitWaitSeconds: Histogram<'platform' | 'reason'>;
  readonly scheduleLag: Histogram<string>;
  /** Stops the event-loop monitor. */
  stop(): void;
}

export function createMetrics(registry: Registry = new Registry()): HeraldMetrics {
  const commands = new Histogram({
    name: 'herald_command_duration_seconds',
    help: 'Slash commands answered, by command and outcome (answer, error code), with latency.',
    labelNames: ['command', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'herald_deliveries_total',
    help: 'Messages the bot posted on its own (digests, notices), by platform and outcome.',
    labelNames: ['platform', 'outcome'] as const,
    registers: [registry],
  });
  const feedFetches = new Counter({
    name: 'herald_feed_fetches_total',
    help: 'Feed fetches in polls, by outcome (fetched, not-modified, or the failure code).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const rateLimitWaits = new Counter({
    name: 'herald_rate_limit_waits_total',
    help: 'Times a platform made Herald wait, by platform and reason (429: an HTTP 429 answer; limit: a known limit waited out before sending).',
    labelNames: ['platform', 'reason'] as const,
    registers: [registry],
  });
  const rateLimitWaitSeconds = new Histogram({
    name: 'herald_rate_limit_wait_seconds',
    help: 'How long each rate-limit wait was (Retry-After, or the time to the limit reset), by platform and reason.',
    labelNames: ['platform', 'reason'] as const,
    buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 3600],
    registers: [registry],
  });
  const scheduleLag = new Histogram({
    name: 'herald_schedule_lag_seconds',
    help: 'How long after its slot a scheduled digest started (late catch-up runs included).',
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900],
    registers: [registry],
  });
  const loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const ms = (ns: number) => (Number.isFinite(ns) ? ns / 1e6 : 0);
  new Gauge({
    name: 'herald_event_loop_delay_max_milliseconds',
    help: 'Longest event-loop delay since the previous scrape: how long an interaction could have waited.',
    registers: [registry],
    collect() {
      this.set(ms(loop.max));
      loop.reset();
    },
  });
  new Gauge({
    name: 'herald_event_loop_delay_p99_milliseconds',
    help: 'p99 event-loop delay since the previous scrape.',
    registers: [registry],
    collect() {
      this.set(ms(loop.percentile(99)));
    },
  });
  collectDefaultMetrics({ register: registry, prefix: 'herald_' });
  return {
    registry,
    commands,
    deliveries,
    feedFetches,
    rateLimitWaits,
    rateLimitWaitSeconds,
    scheduleLag,
    stop: () => loop.disable(),
  };
}

/** The dispatcher, timing each command and counting its outcome. */
export function instrumentDispatcher(d: Dispatcher, m: HeraldMetrics): Dispatcher {
  return {
    ...d,
    async dispatch(inv) {
      const end = m.commands.startTimer();
      const command = inv.subcommand ? `${inv.command} ${inv.subcommand}` : inv.command;
      try {
        const reply = await d.dispatch(inv);
        end({ command, outcome: reply.kind === 'answer' || reply.kind === 'info' ? 'ok' : (reply.code ?? reply.kind) });
        return reply;
      } catch (e) {
        end({ command, outcome: 'internal' });
        throw e;
      }
    },
  };
}

/** A delivery port counting outcomes for its platform. */
export function instrumentDelivery(port: DeliveryPort, platform: Platform, m: HeraldMetrics): DeliveryPort {
  return {
    ...port,
    async deliver(where, message) {
      try {
        const r = await port.deliver(where, message);
        m.deliveries.inc({ platform, outcome: r.ok ? 'sent' : r.error.code });
        return r;
      } catch (e) {
        m.deliveries.inc({ platform, outcome: 'internal' });
        throw e;
      }
    },
  };
}

/** A slot handler recording how late each run started. */
export function instrumentSlots(onSlot: SlotHandler, m: HeraldMetrics, clock: Clock): SlotHandler {
  return (event) => {
    m.scheduleLag.observe(Math.max(0, (clock.now().getTime() - event.slot.getTime()) / 1000));
    return onSlot(event);
  };
}

/** Counts a rate-limit wait and records how long it was. */
export function recordRateLimitWait(m: HeraldMetrics): (platform: Platform, wait: RateLimitWait) => void {
  return (platform, wait) => {
    m.rateLimitWaits.inc({ platform, reason: wait.reason });
    m.rateLimitWaitSeconds.observe({ platform, reason: wait.reason }, Math.max(0, wait.waitMs) / 1000);
  };
}
