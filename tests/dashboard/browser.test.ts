/**
 * The dashboard in a real headless browser: playwright-core driving Debian's Chromium against
 * Herald with the fake Slack. The link comes from a signed `/herald dashboard` sent to Herald's
 * Slack endpoint, exactly as Slack would send it. Every page gets an axe-core check (no serious
 * or critical violation). With HERALD_SCREENSHOTS=<dir> (npm run screenshots) each page is also
 * saved there, at desktop and phone width, for docs/dashboard.md.
 *
 * Without /usr/bin/chromium the file is skipped with one line, except in CI (CI=true), where
 * `.ci/run` installs Chromium and a missing browser is a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack/server.js';
import { postSigned, SECRET, slashBody, TOKEN } from '../slack/helpers.js';
import { startDashboardHerald, type DashboardHerald } from './harness.js';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const inCi = process.env['CI'] === 'true';
if (!present && !inCi) console.log(`dashboard browser tests skipped: no ${CHROMIUM} (apt-get install chromium)`);
const SHOTS = process.env['HERALD_SCREENSHOTS'] ?? null;
const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const FEED_XML = readFileSync(new URL('../fixtures/feeds/nodefeedparser_rss2sample.xml', import.meta.url));

let fake: FakeSlack;
let h: DashboardHerald;
let feedServer: Server;
let feedUrl: string;
let context: BrowserContext;
let profile: string;
let scheduleId: number;
let n = 0;
/** Where the links point (localhost): the session cookie belongs to that host, not to 127.0.0.1. */
let site = '';

/** What `/herald dashboard` answers a Slack user: the link inside the reply. */
async function slackLink(userId: string): Promise<string> {
  const id = `dash${++n}`;
  const res = await postSigned(
    `${h.base}/slack/events`,
    slashBody('/herald', 'dashboard', fake.responseUrl(id), { user_id: userId, user_name: userId }),
    // Signed at Herald's time: a test before this one moves Herald's clock past link expiry,
    // and Herald judges a request's age by its own clock.
    { ts: Math.floor(h.clock.now().getTime() / 1000) },
  );
  expect(res.status).toBe(200);
  const text = res.text || JSON.stringify(await fake.waitForResponse(id, 1, 15_000));
  expect(text).toContain('ephemeral');
  const m = /https?:\/\/[^\s"|>]+\/dashboard\/login\/[\w-]+/u.exec(text);
  if (!m) throw new Error(`no link in ${text}`);
  site = new URL(m[0]).origin;
  return m[0];
}

/** No serious or critical axe-core violation on the page as it stands. */
async function accessible(page: Page, name: string): Promise<void> {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  const bad = (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`);
  expect(bad, `${name}: ${bad.join('; ')}`).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Checks and (when asked) photographs the page in both colour schemes and at phone width. */
async function look(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await accessible(page, `${name} (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await shoot(page, name);
  if (SHOTS) {
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, `${name}-phone`);
    await page.setViewportSize({ width: 1200, height: 900 });
  }
}

describe.skipIf(!present && !inCi)('the dashboard in Chromium', () => {
  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is missing: .ci/run installs it`).toBe(true);
    fake = await startFakeSlack();
    fake.users.set('UADMIN', { id: 'UADMIN', name: 'Ada', is_admin: true });
    fake.users.set('UMOD', { id: 'UMOD', name: 'Mo' });
    feedServer = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED_XML));
    await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
    feedUrl = `http://127.0.0.1:${(feedServer.address() as { port: number }).port}/rss2sample.xml`;
    h = await startDashboardHerald({
      slack: {
        mode: 'http',
        modeReason: 'test',
        botToken: TOKEN,
        signingSecret: SECRET,
        appToken: null,
        apiUrl: fake.apiUrl,
      },
      allowlist: ['127.0.0.1'],
    });
    // The channel the command is typed in, a schedule in it, and a moderator granted by user.
    const channel = await h.app.store.channels.ensure(
      { platform: 'slack', workspaceId: 'T0001', channelId: 'C2147483705' },
      'test',
    );
    const s = await h.app.scheduler.add({
      channelId: channel.id,
      cron: '0 9 * * 1-5',
      timezone: 'Europe/Paris',
      kind: 'current-article',
    });
    if (!s.ok) throw new Error(s.error.message);
    scheduleId = s.value.id;
    await h.app.store.roles.add({
      workspaceId: channel.workspaceId,
      level: 'moderator',
      kind: 'user',
      externalId: 'UMOD',
    });
    profile = mkdtempSync(join(tmpdir(), 'herald-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1200, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // A busy machine (2 cores shared by many): generous, but an action that never can is still an error.
    context.setDefaultTimeout(45_000);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await h?.close();
    await fake?.close();
    feedServer?.close();
  }, 240_000);

  it('signs an admin in, follows a feed, sees it polled and checks filters live', async () => {
    const page = await context.newPage();
    const link = await slackLink('UADMIN');
    await page.goto(link);
    await look(page, 'sign-in');
    await page.getByRole('button', { name: 'Continue to the dashboard' }).click();
    await page.waitForURL(/\/dashboard$/u);
    await expect.poll(() => page.getByRole('heading', { name: 'Channels' }).isVisible()).toBe(true);
    await look(page, 'channels');

    await page.getByRole('link', { name: '#test' }).click();
    await page.getByLabel('Feed address').fill(feedUrl);
    await page.getByRole('button', { name: 'Follow feed' }).click();
    await page.waitForURL(/\/feeds\/\d+\?done=feed-added/u);
    expect(await page.getByRole('status').textContent()).toContain('now follows the feed');

    const summary = await h.app.pollOnce();
    expect(summary.failures).toEqual([]);
    await page.reload();
    const seen = await page.locator('dt:has-text("Items seen") + dd').textContent();
    expect(Number(seen)).toBeGreaterThan(0);
    const check = page.locator('#check');
    await expect.poll(() => check.textContent()).toMatch(/(\d+) of \1 recent items would be posted/u);
    // Typing a filter asks the server (htmx) which items pass; the answer replaces the list.
    await page.getByLabel('Include').fill('laundry');
    await expect.poll(() => check.textContent(), { timeout: 10_000 }).toMatch(/1 of \d+ recent items would be posted/u);
    await look(page, 'feed');
  }, 240_000);

  it('pauses a schedule and shows its preview for Discord and Slack, live when the format changes', async () => {
    const page = await context.newPage();
    await page.goto(await slackLink('UADMIN'));
    await page.getByRole('button', { name: 'Continue to the dashboard' }).click();
    await page.waitForURL(/\/dashboard$/u);
    await page.goto(
      `${site}/dashboard/channels/${(await h.app.store.schedules.get(scheduleId))!.channelId}/schedules/${scheduleId}`,
    );
    await expect.poll(() => page.locator('#preview-body').textContent()).toContain('On Discord');
    expect(await page.locator('#preview-body').textContent()).toContain('On Slack');
    expect(await page.locator('#preview-body').textContent()).toContain('In the compact format');
    // Choosing another format asks the server (htmx) for the preview again, without saving it.
    await page.getByLabel('Digest format').selectOption('full');
    await expect
      .poll(() => page.locator('#preview-body').textContent(), { timeout: 15_000 })
      .toContain('In the full format');
    expect(await page.locator('#preview-body').textContent()).toContain('On Slack');
    await look(page, 'schedule');

    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForURL(/done=schedule-paused/u);
    expect((await h.app.store.schedules.get(scheduleId))?.paused).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Resume' }).isVisible()).toBe(true);

    for (const [path, name] of [
      ['/dashboard/deliveries', 'deliveries'],
      ['/dashboard/audit', 'audit'],
      ['/dashboard/config', 'config'],
    ] as const) {
      await page.goto(`${site}${path}`);
      await look(page, name);
    }
    expect(await page.locator('body').textContent()).toContain('Import');
  }, 240_000);

  it('refuses a forged CSRF token, a reused link and an expired one', async () => {
    const page = await context.newPage();
    const link = await slackLink('UADMIN');
    await page.goto(link);
    await page.getByRole('button', { name: 'Continue to the dashboard' }).click();
    await page.waitForURL(/\/dashboard$/u);

    await page.goto(
      `${site}/dashboard/channels/${(await h.app.store.schedules.get(scheduleId))!.channelId}/schedules/${scheduleId}`,
    );
    await page.locator('input[name="_csrf"]').evaluateAll((inputs) => {
      for (const input of inputs) (input as unknown as { value: string }).value = 'forged-token-forged-token-forged-xx';
    });
    const paused = (await h.app.store.schedules.get(scheduleId))?.paused;
    await page.getByRole('button', { name: paused ? 'Resume' : 'Pause' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Refused' }).isVisible()).toBe(true);
    expect((await h.app.store.schedules.get(scheduleId))?.paused).toBe(paused);
    await look(page, 'refused-csrf');

    const reused = await context.newPage();
    await reused.goto(link);
    await reused.getByRole('button', { name: 'Continue to the dashboard' }).click();
    await expect.poll(() => reused.getByRole('heading', { name: 'Link expired or used' }).isVisible()).toBe(true);

    const late = await slackLink('UADMIN');
    h.clock.advance(6 * 60_000);
    const expired = await context.newPage();
    await expired.goto(late);
    await expired.getByRole('button', { name: 'Continue to the dashboard' }).click();
    await expect.poll(() => expired.getByRole('heading', { name: 'Link expired or used' }).isVisible()).toBe(true);
    await look(expired, 'refused-link');
  }, 240_000);

  it('shows a moderator the schedules and refuses the feed pages', async () => {
    const mod = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'herald-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await mod.newPage();
      await page.goto(await slackLink('UMOD'));
      await page.getByRole('button', { name: 'Continue to the dashboard' }).click();
      await page.waitForURL(/\/dashboard$/u);
      expect(await page.locator('main').textContent()).toContain('Moderators see the schedules');
      await look(page, 'channels-moderator');
      const channelId = (await h.app.store.schedules.get(scheduleId))!.channelId;
      const [followed] = await h.app.store.subscriptions.listFeedsForChannel(channelId);
      const res = await page.goto(`${site}/dashboard/channels/${channelId}/feeds/${followed!.feed.id}`);
      expect(res?.status()).toBe(403);
      await expect.poll(() => page.getByRole('heading', { name: 'Admins only' }).isVisible()).toBe(true);
    } finally {
      await mod.close();
    }
  }, 240_000);
});
