/**
 * The dashboard over real HTTP: single-use links, sessions and their cookie, CSRF on every change,
 * moderators versus admins, and workspace scope (another workspace's things are 404, never 403).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoker, Where } from '../../src/core/ports.js';
import { Client, signIn, startDashboardHerald, type DashboardHerald } from './harness.js';

const A: Where = { platform: 'discord', workspaceId: 'G-A', channelId: 'C-A1' };
const B: Where = { platform: 'discord', workspaceId: 'G-B', channelId: 'C-B1' };
const admin = (userId = 'u-admin'): Invoker => ({ userId, displayName: 'Ada', platformLevel: 'admin' });
const moderator: Invoker = { userId: 'u-mod', displayName: 'Mo', platformLevel: 'moderator' };

let h: DashboardHerald;
let ids: { chA: number; chB: number; schA: number; schB: number; feedA: number; feedB: number };

beforeAll(async () => {
  h = await startDashboardHerald();
  const { store, scheduler } = h.app;
  const chA = await store.channels.ensure(A, 'news');
  const chB = await store.channels.ensure(B, 'secret-news');
  const add = async (channelId: number) => {
    const s = await scheduler.add({ channelId, cron: '0 9 * * 1-5', timezone: 'Europe/Paris', kind: 'new-articles' });
    if (!s.ok) throw new Error(s.error.message);
    return s.value.id;
  };
  const feedA = await store.feeds.ensure('https://a.example/feed.xml', 'Feed of A');
  const feedB = await store.feeds.ensure('https://b.example/feed.xml', 'Feed of B');
  await store.subscriptions.subscribe(chA.id, feedA.id, { include: [], exclude: [] });
  await store.subscriptions.subscribe(chB.id, feedB.id, { include: [], exclude: [] });
  ids = {
    chA: chA.id,
    chB: chB.id,
    schA: await add(chA.id),
    schB: await add(chB.id),
    feedA: feedA.id,
    feedB: feedB.id,
  };
}, 60_000);

afterAll(async () => h?.close());

describe('signing in with a link', () => {
  it('mints a link through /dashboard; opening it sets a scoped cookie and redirects to a clean URL', async () => {
    const link = await h.mint(A, admin());
    expect(link).toMatch(/^http:\/\/localhost:\d+\/dashboard\/login\/[\w-]{43}$/u);
    const client = new Client(h.base);
    // Showing the link's page (what a chat app's link preview does) does not use it up.
    expect((await client.get(link)).status).toBe(200);
    const opened = await client.post(link);
    expect(opened.status).toBe(303);
    expect(opened.location).toBe('/dashboard');
    expect(client.setCookie).toMatch(/HttpOnly/u);
    expect(client.setCookie).toMatch(/SameSite=Lax/u);
    expect(client.setCookie).toMatch(/Path=\/dashboard/u);
    expect(client.setCookie).toMatch(/Max-Age=1800/u);
    expect(client.setCookie).not.toMatch(/Secure/u);
    const home = await client.get('/dashboard');
    expect(home.status).toBe(200);
    expect(home.text).toContain('#news');
    expect(home.text).not.toContain('secret-news');
  });

  it('refuses a reused link and an expired one', async () => {
    const link = await h.mint(A, admin());
    await signIn(h.base, link);
    const again = await new Client(h.base).post(link);
    expect(again.status).toBe(410);
    expect(again.text).toContain('expired or was already used');
    const late = await h.mint(A, admin());
    h.clock.advance(5 * 60_000 + 1);
    const expired = await new Client(h.base).post(late);
    expect(expired.status).toBe(410);
  });

  it('ends a session after 30 idle minutes, and keeps one that is used', async () => {
    const client = await signIn(h.base, await h.mint(A, admin()));
    h.clock.advance(29 * 60_000);
    expect((await client.get('/dashboard')).status).toBe(200);
    h.clock.advance(29 * 60_000);
    expect((await client.get('/dashboard')).status).toBe(200);
    h.clock.advance(30 * 60_000 + 1);
    const ended = await client.get('/dashboard');
    expect(ended.status).toBe(401);
    expect(ended.text).toContain('/herald dashboard');
  });

  it('checks access again when the link is opened: a grant taken away in between no longer counts', async () => {
    const ws = (await h.app.store.workspaces.find('discord', 'G-A'))!;
    await h.app.store.roles.add({ workspaceId: ws.id, level: 'admin', kind: 'role', externalId: 'R-ops' });
    const viaRole: Invoker = { userId: 'u-ops', platformLevel: 'member', roleIds: ['R-ops'] };
    const link = await h.mint(A, viaRole);
    await h.app.store.roles.remove(ws.id, 'admin', 'role', 'R-ops');
    const refused = await new Client(h.base).post(link);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('no longer have moderator or admin access');
  });

  it('gives members no link, and signing out ends the session', async () => {
    const member = await h.app.dispatcher.dispatch({
      command: 'dashboard',
      args: {},
      invoker: { userId: 'u-member', platformLevel: 'member' },
      where: A,
    });
    expect(member.code).toBe('permission_denied');
    const client = await signIn(h.base, await h.mint(A, admin()));
    expect((await client.post('/dashboard/logout', { _csrf: await client.csrf() })).status).toBe(200);
    expect((await client.get('/dashboard')).status).toBe(401);
  });
});

describe('changes', () => {
  const pause = (id: number, ch: number) => `/dashboard/channels/${ch}/schedules/${id}/pause`;
  const resume = (id: number, ch: number) => `/dashboard/channels/${ch}/schedules/${id}/resume`;

  it('refuse a missing or forged CSRF token and change nothing', async () => {
    const client = await signIn(h.base, await h.mint(A, admin()));
    expect((await client.post(pause(ids.schA, ids.chA))).status).toBe(403);
    const forged = await client.post(pause(ids.schA, ids.chA), { _csrf: 'x'.repeat(43) });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('Reload the page');
    const otherSession = await signIn(h.base, await h.mint(A, admin()));
    expect((await client.post(pause(ids.schA, ids.chA), { _csrf: await otherSession.csrf() })).status).toBe(403);
    expect((await h.app.store.schedules.get(ids.schA))?.paused).toBe(false);
  });

  it('refuse a POST from another site even with the token', async () => {
    const client = await signIn(h.base, await h.mint(A, admin()));
    const res = await client.post(
      pause(ids.schA, ids.chA),
      { _csrf: await client.csrf() },
      { origin: 'https://evil.example' },
    );
    expect(res.status).toBe(403);
    expect((await h.app.store.schedules.get(ids.schA))?.paused).toBe(false);
  });

  it('pause and resume through the /schedule use case, audited with the user', async () => {
    const client = await signIn(h.base, await h.mint(A, moderator));
    const csrf = await client.csrf();
    const paused = await client.post(pause(ids.schA, ids.chA), { _csrf: csrf });
    expect(paused.status).toBe(303);
    expect(paused.location).toBe(`/dashboard/channels/${ids.chA}/schedules/${ids.schA}?done=schedule-paused`);
    expect((await h.app.store.schedules.get(ids.schA))?.paused).toBe(true);
    // The htmx header carries the token as well as the form field does.
    expect((await client.post(resume(ids.schA, ids.chA), {}, { 'x-csrf-token': csrf })).status).toBe(303);
    expect((await h.app.store.schedules.get(ids.schA))?.paused).toBe(false);
    const ws = (await h.app.store.workspaces.find('discord', 'G-A'))!;
    const audit = await h.app.store.audit.list(ws.id, 2);
    expect(audit.map((e) => [e.action, e.actorId, e.target])).toEqual([
      ['schedule.resume', 'u-mod', `schedule ${ids.schA}`],
      ['schedule.pause', 'u-mod', `schedule ${ids.schA}`],
    ]);
  });

  it('add a schedule, showing a refused cron with its reason', async () => {
    const client = await signIn(h.base, await h.mint(A, moderator));
    const bad = await client.post(`/dashboard/channels/${ids.chA}/schedules`, {
      _csrf: await client.csrf(),
      cron: '0 25 * * *',
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('role="alert"');
    expect(bad.text).toContain('value="0 25 * * *"');
    const good = await client.post(`/dashboard/channels/${ids.chA}/schedules`, {
      _csrf: await client.csrf(),
      cron: '30 7 * * *',
      timezone: 'Asia/Tokyo',
    });
    expect(good.status).toBe(303);
    const schedules = await h.app.store.schedules.listForChannel(ids.chA);
    expect(schedules.find((s) => s.cron === '30 7 * * *')?.timezone).toBe('Asia/Tokyo');
  });
});

describe('scope', () => {
  it("never shows or changes another workspace's channel, schedule or feed: 404, not 403", async () => {
    const client = await signIn(h.base, await h.mint(A, admin()));
    const csrf = await client.csrf();
    for (const path of [
      `/dashboard/channels/${ids.chB}`,
      `/dashboard/channels/${ids.chB}/schedules/${ids.schB}`,
      `/dashboard/channels/${ids.chB}/schedules/${ids.schB}/preview`,
      `/dashboard/channels/${ids.chB}/feeds/${ids.feedB}`,
      // A's channel with B's schedule and feed ids
      `/dashboard/channels/${ids.chA}/schedules/${ids.schB}`,
      `/dashboard/channels/${ids.chA}/feeds/${ids.feedB}`,
    ]) {
      const res = await client.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain('secret-news');
      expect(res.text).not.toContain('Feed of B');
    }
    for (const path of [
      `/dashboard/channels/${ids.chB}/schedules/${ids.schB}/pause`,
      `/dashboard/channels/${ids.chA}/schedules/${ids.schB}/pause`,
      `/dashboard/channels/${ids.chB}/schedules`,
      `/dashboard/channels/${ids.chB}/feeds/${ids.feedB}/remove`,
    ])
      expect((await client.post(path, { _csrf: csrf, cron: '0 1 * * *' })).status, path).toBe(404);
    expect((await h.app.store.schedules.get(ids.schB))?.paused).toBe(false);
    expect(await h.app.store.schedules.listForChannel(ids.chB)).toHaveLength(1);
    expect(await h.app.store.subscriptions.get(ids.chB, ids.feedB)).not.toBeNull();
  });

  it('shows moderators the schedules only: feed pages, logs and import/export are refused', async () => {
    const client = await signIn(h.base, await h.mint(A, moderator));
    const home = await client.get('/dashboard');
    expect(home.text).not.toContain('Feeds</th>');
    expect(home.text).not.toContain('Audit log');
    expect((await client.get(`/dashboard/channels/${ids.chA}/schedules/${ids.schA}`)).status).toBe(200);
    const channel = await client.get(`/dashboard/channels/${ids.chA}`);
    expect(channel.text).not.toContain('Feed of A');
    for (const path of [
      `/dashboard/channels/${ids.chA}/feeds/${ids.feedA}`,
      '/dashboard/deliveries',
      '/dashboard/audit',
      '/dashboard/config',
    ])
      expect((await client.get(path)).status, path).toBe(403);
    const csrf = await client.csrf();
    expect(
      (await client.post(`/dashboard/channels/${ids.chA}/feeds/${ids.feedA}/remove`, { _csrf: csrf })).status,
    ).toBe(403);
    expect(await h.app.store.subscriptions.get(ids.chA, ids.feedA)).not.toBeNull();
  });
});

describe('pages', () => {
  it('shows a schedule with its next five runs in the channel zone and a preview checked against both platforms', async () => {
    const client = await signIn(h.base, await h.mint(A, admin()));
    const page = await client.get(`/dashboard/channels/${ids.chA}/schedules/${ids.schA}`);
    expect(page.status).toBe(200);
    // 09:00 in Paris on weekdays, shown in the channel's zone (UTC): 08:00 in winter, 07:00 in summer.
    const runs = page.text.match(/<li>[^<]*UTC<\/li>/gu) ?? [];
    expect(runs).toHaveLength(5);
    for (const r of runs) expect(r).toMatch(/(Mon|Tue|Wed|Thu|Fri), .*0[78]:00 UTC/u);
    expect(page.text).toContain('On Discord');
    expect(page.text).toContain('On Slack');
    expect(page.text).toContain('Within every limit checked');
    const full = await client.get(`/dashboard/channels/${ids.chA}/schedules/${ids.schA}/preview?format=full`);
    expect(full.status).toBe(200);
    expect(full.text).toContain('On Discord');
  });

  it('serves the vendored htmx unchanged, and every page with a strict content security policy', async () => {
    const served = await fetch(`${h.base}/dashboard/static/htmx-2.0.11.min.js`);
    const body = await served.text();
    expect(createHash('sha256').update(body).digest('hex')).toBe(
      'd6fdc75f204e6bdefa99b69bf1e6d4ac69b8a364f77929f45c13476b4000f717',
    );
    expect(body).toBe(readFileSync(new URL('../../src/dashboard/static/htmx-2.0.11.min.js', import.meta.url), 'utf8'));
    const page = await fetch(`${h.base}/dashboard`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('behind HTTPS', () => {
  it('mints links on the public address and marks the cookie Secure', async () => {
    const secure = await startDashboardHerald({
      http: { port: 0, host: '127.0.0.1', publicUrl: 'https://herald.example.org' },
    });
    try {
      const link = await secure.mint(A, admin());
      expect(link).toMatch(/^https:\/\/herald\.example\.org\/dashboard\/login\//u);
      const client = new Client(secure.base);
      expect((await client.post(link.replace('https://herald.example.org', secure.base))).status).toBe(303);
      expect(client.setCookie).toMatch(/; Secure/u);
    } finally {
      await secure.close();
    }
  });
});
