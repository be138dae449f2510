/**
 * One channel: its schedules (moderators and admins), its feeds and settings (admins), with forms
 * to add a schedule or a feed and change a setting, through the same use cases as the commands.
 */
import type { Hono } from 'hono';
import { html } from 'hono/html';
import {
  CHANNEL_SETTINGS,
  parseChannelSetting,
  setChannelSetting,
  type ChannelSetting,
} from '../../core/admin/channel-settings.js';
import { addSchedule } from '../../core/admin/schedule-actions.js';
import { describeSchedule, nextRunsText } from '../../core/admin/schedules.js';
import type { AdminScope } from '../../core/admin/scope.js';
import { describeFilters, feedFailureHint, feedHealth } from '../../core/feeds/describe.js';
import { parseFilterOptions } from '../../core/feeds/filters.js';
import { followFeed } from '../../core/feeds/follow.js';
import type { Failure } from '../../core/result.js';
import { DIGEST_FORMATS, SCHEDULE_KINDS, type ScheduleKind } from '../../core/store/records.js';
import { errorPage } from '../respond.js';
import {
  actorOf,
  channelIn,
  channelLabel,
  doneNotice,
  field,
  isAdmin,
  type DashboardDeps,
  type DashboardEnv,
  type DashContext,
} from '../deps.js';
import { csrfField, page, type Html } from '../html.js';

const failureText = (f: Failure): string => `${f.message}${f.hint ? ` ${f.hint}` : ''}`;

/** The form values to show again after a refused change. */
type Sticky = Record<string, string>;

async function channelPage(
  c: DashContext,
  deps: DashboardDeps,
  scope: AdminScope,
  notice: { text: string; error?: boolean } | null,
  sticky: Sticky = {},
  status: 200 | 422 = 200,
) {
  const session = c.get('session');
  const admin = isAdmin(c);
  const { channel } = scope;
  const base = `/dashboard/channels/${channel.id}`;
  const zone = channel.settings.timezone;
  const schedules = await deps.store.schedules.listForChannel(channel.id);
  const now = deps.clock.now();
  const scheduleRows = schedules.map((s) => {
    const next = s.paused ? 'paused' : (nextRunsText(deps.schedules, s, zone, 1, now)[0] ?? '—');
    return html`<tr>
      <td><a href="${base}/schedules/${s.id}">#${s.id}</a></td>
      <td><code>${s.cron}</code> (${s.timezone})</td>
      <td>${s.kind}</td>
      <td>${next}</td>
    </tr>`;
  });
  const feeds = admin ? await deps.store.subscriptions.listFeedsForChannel(channel.id) : [];
  const feedRows = feeds.map(
    ({ feed, subscription }) =>
      html`<tr>
        <td><a href="${base}/feeds/${feed.id}">${feed.title ?? feed.url}</a></td>
        <td>${feedHealth(feed)}</td>
        <td>${feed.fetch.itemsSeen}</td>
        <td>${describeFilters(subscription.filters) ?? 'none'}</td>
      </tr>`,
  );
  const kinds = SCHEDULE_KINDS.map(
    (k: ScheduleKind) => html`<option value="${k}" ${sticky['kind'] === k ? 'selected' : ''}>${k}</option>`,
  );
  const body: Html = html`
    ${
      channel.settings.unavailable
        ? html`<p class="notice error" role="alert">
            Herald cannot post here: ${channel.settings.unavailable.reason}. Its schedules were paused; resuming one
            says the channel works again.
          </p>`
        : ''
    }
    <section aria-labelledby="schedules">
      <h2 id="schedules">Schedules</h2>
      ${
        schedules.length
          ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Schedules table">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Schedule</th>
                    <th scope="col">Cron</th>
                    <th scope="col">Posts</th>
                    <th scope="col">Next run (${zone})</th>
                  </tr>
                </thead>
                <tbody>
                  ${scheduleRows}
                </tbody>
              </table>
            </div>`
          : html`<p>No schedules yet.</p>`
      }
      <h3>Add a schedule</h3>
      <form class="stack" method="post" action="${base}/schedules">
        ${csrfField(session)}
        <label for="cron"
          >Cron expression <span class="hint">five fields, e.g. 0 9 * * 1-5 (9:00 on weekdays)</span></label
        >
        <input id="cron" name="cron" type="text" required value="${sticky['cron'] ?? ''}" autocomplete="off" />
        <label for="timezone">Time zone <span class="hint">IANA name; empty = the channel's (${zone})</span></label>
        <input id="timezone" name="timezone" type="text" value="${sticky['timezone'] ?? ''}" autocomplete="off" />
        <label for="kind">What it posts</label>
        <select id="kind" name="kind">
          ${kinds}
        </select>
        <div><button type="submit">Add schedule</button></div>
      </form>
    </section>
    ${
      admin
        ? html`<section aria-labelledby="feeds">
              <h2 id="feeds">Feeds</h2>
              ${
                feeds.length
                  ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Feeds table">
                      <table>
                        <thead>
                          <tr>
                            <th scope="col">Feed</th>
                            <th scope="col">State</th>
                            <th scope="col">Items seen</th>
                            <th scope="col">Filters</th>
                          </tr>
                        </thead>
                        <tbody>
                          ${feedRows}
                        </tbody>
                      </table>
                    </div>`
                  : html`<p>This channel follows no feeds yet.</p>`
              }
              <h3>Follow a feed</h3>
              <form class="stack" method="post" action="${base}/feeds">
                ${csrfField(session)}
                <label for="url"
                  >Feed address <span class="hint">RSS or Atom, fetched once now to check it</span></label
                >
                <input id="url" name="url" type="url" required value="${sticky['url'] ?? ''}" autocomplete="off" />
                <label for="include"
                  >Include <span class="hint">comma-separated keywords or /regex/i; empty = every item</span></label
                >
                <input id="include" name="include" type="text" value="${sticky['include'] ?? ''}" />
                <label for="exclude">Exclude <span class="hint">never post items matching one of these</span></label>
                <input id="exclude" name="exclude" type="text" value="${sticky['exclude'] ?? ''}" />
                <div><button type="submit">Follow feed</button></div>
              </form>
            </section>
            <section aria-labelledby="settings">
              <h2 id="settings">Settings</h2>
              <form class="stack" method="post" action="${base}/settings">
                ${csrfField(session)}
                <input type="hidden" name="setting" value="timezone" />
                <label for="set-timezone">Time zone</label>
                <input id="set-timezone" name="value" type="text" value="${zone}" required />
                <div><button type="submit">Save time zone</button></div>
              </form>
              <form class="stack" method="post" action="${base}/settings">
                ${csrfField(session)}
                <input type="hidden" name="setting" value="format" />
                <label for="set-format">Digest format</label>
                <select id="set-format" name="value">
                  ${DIGEST_FORMATS.map(
                    (f) =>
                      html`<option value="${f}" ${channel.settings.digestFormat === f ? 'selected' : ''}>${f}</option>`,
                  )}
                </select>
                <div><button type="submit">Save format</button></div>
              </form>
              <p><a href="/dashboard/deliveries?channel=${channel.id}">Delivery log of this channel</a></p>
            </section>`
        : ''
    }
  `;
  return c.html(
    page({ title: `Channel ${channelLabel(channel)}`, session, workspaceName: scope.workspace.name, notice }, body),
    status,
  );
}

export function channelPages(app: Hono<DashboardEnv>, deps: DashboardDeps): void {
  app.get('/channels/:cid', async (c) => {
    const scope = await channelIn(c, deps, c.req.param('cid'));
    if (!scope) return c.notFound();
    return channelPage(c, deps, scope, doneNotice(c));
  });

  app.post('/channels/:cid/schedules', async (c) => {
    const scope = await channelIn(c, deps, c.req.param('cid'));
    if (!scope) return c.notFound();
    const form = await c.req.parseBody();
    const sticky = { cron: field(form, 'cron'), timezone: field(form, 'timezone'), kind: field(form, 'kind') };
    const kind = SCHEDULE_KINDS.find((k) => k === sticky.kind) ?? 'new-articles';
    const added = await addSchedule(deps.schedules, scope, actorOf(c), {
      cron: sticky.cron,
      timezone: sticky.timezone || undefined,
      kind,
    });
    if (!added.ok) return channelPage(c, deps, scope, { text: failureText(added.error), error: true }, sticky, 422);
    return c.redirect(`/dashboard/channels/${scope.channel.id}/schedules/${added.value.id}?done=schedule-added`, 303);
  });

  app.post('/channels/:cid/feeds', async (c) => {
    const scope = await channelIn(c, deps, c.req.param('cid'));
    if (!scope) return c.notFound();
    if (!isAdmin(c)) return errorPage(c, 403, 'Admins only', 'Feeds are changed by admins of this workspace.');
    const form = await c.req.parseBody();
    const sticky = { url: field(form, 'url'), include: field(form, 'include'), exclude: field(form, 'exclude') };
    const filters = parseFilterOptions(sticky.include, sticky.exclude);
    if (!filters.ok) return channelPage(c, deps, scope, { text: failureText(filters.error), error: true }, sticky, 422);
    const followed = await followFeed(deps.feeds, scope, actorOf(c), { url: sticky.url, filters: filters.value });
    if (!followed.ok)
      return channelPage(
        c,
        deps,
        scope,
        { text: failureText(feedFailureHint(followed.error)), error: true },
        sticky,
        422,
      );
    return c.redirect(`/dashboard/channels/${scope.channel.id}/feeds/${followed.value.feed.id}?done=feed-added`, 303);
  });

  app.post('/channels/:cid/settings', async (c) => {
    const scope = await channelIn(c, deps, c.req.param('cid'));
    if (!scope) return c.notFound();
    if (!isAdmin(c))
      return errorPage(c, 403, 'Admins only', 'Channel settings are changed by admins of this workspace.');
    const form = await c.req.parseBody();
    const setting = CHANNEL_SETTINGS.find((s) => s === field(form, 'setting') && s !== 'article') as
      ChannelSetting | undefined;
    if (!setting)
      return errorPage(c, 400, 'Unknown setting', 'The dashboard changes the time zone and the digest format.');
    const w = c.get('workspace');
    const where = { platform: w.platform, workspaceId: w.externalId, channelId: scope.channel.externalId };
    const patch = await parseChannelSetting(deps.library, where, setting, field(form, 'value'));
    if (!patch.ok) return channelPage(c, deps, scope, { text: failureText(patch.error), error: true }, {}, 422);
    const saved = await setChannelSetting(scope, actorOf(c), setting, patch.value);
    if (!saved.ok) return channelPage(c, deps, scope, { text: failureText(saved.error), error: true }, {}, 422);
    return c.redirect(`/dashboard/channels/${scope.channel.id}?done=setting-saved`, 303);
  });
}

export { failureText };
