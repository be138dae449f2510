/**
 * `/metrics` speaks the Prometheus text format from the registry passed in, and `/healthz` shows
 * each part with a 503 when one is down.
 */
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { createMetrics, instrumentDelivery, type HeraldMetrics } from '../../src/observability/metrics.js';
import { ok } from '../../src/core/result.js';
import { silentLogger } from '../discord/helpers.js';

let server: HttpServer | null = null;
let metrics: HeraldMetrics | null = null;
afterEach(async () => {
  await server?.close();
  metrics?.stop();
});

describe('operating endpoints', () => {
  it('serves metrics in the Prometheus format from its own registry, not the global one', async () => {
    metrics = createMetrics(new Registry());
    const port = instrumentDelivery({ deliver: async () => ok({ messageId: '1' }) }, 'discord', metrics);
    await port.deliver(
      { platform: 'discord', workspaceId: 'g', channelId: 'c' },
      { reply: {} as never, deliveryKey: 'k' },
    );
    metrics.commands.observe({ command: 'who-is', outcome: 'ok' }, 0.02);
    server = createHttpServer(silentLogger, { metrics: metrics.registry });
    const { port: p } = await server.listen(0, '127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${p}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('herald_deliveries_total{platform="discord",outcome="sent"} 1');
    expect(text).toContain('herald_command_duration_seconds_bucket{le="0.025",command="who-is",outcome="ok"} 1');
    expect(text).toMatch(/herald_event_loop_delay_max_milliseconds \d/);
    const { register } = await import('prom-client');
    expect(await register.getSingleMetric('herald_deliveries_total')).toBeUndefined();
  });

  it('answers /healthz with every part, 200 when all are up and 503 when one is down', async () => {
    let slackUp = true;
    server = createHttpServer(silentLogger, {
      health: {
        store: () => ({ ok: true }),
        discord: () => ({ ok: true }),
        slack: () => (slackUp ? { ok: true } : { ok: false, detail: 'auth.test failed' }),
        scheduler: () => ({ ok: true }),
        poller: async () => {
          throw new Error('lease table unreadable');
        },
      },
    });
    const { port } = await server.listen(0, '127.0.0.1');
    const down = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(down.status).toBe(503);
    const body = (await down.json()) as { ok: boolean; checks: Record<string, { ok: boolean; detail?: string }> };
    expect(body.ok).toBe(false);
    expect(Object.keys(body.checks).sort()).toEqual(['discord', 'poller', 'scheduler', 'slack', 'store']);
    expect(body.checks['poller']).toEqual({ ok: false, detail: 'lease table unreadable' });
    expect(body.checks['slack']?.ok).toBe(true);
    slackUp = false;
    const again = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as typeof body;
    expect(again.checks['slack']).toEqual({ ok: false, detail: 'auth.test failed' });
  });
});
