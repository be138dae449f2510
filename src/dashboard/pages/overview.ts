/** The front page: every channel of the workspace with its feeds, schedules, settings and health at a glance. */
import type { Hono } from 'hono';
import { html } from 'hono/html';
import { feedHealth } from '../../core/feeds/describe.js';
import type { DashboardDeps, DashboardEnv } from '../deps.js';
import { channelLabel, isAdmin } from '../deps.js';
import { page } from '../html.js';

export function overviewPage(app: Hono<DashboardEnv>, deps: DashboardDeps): void {
  app.get('/', async (c) => {
    const workspace = c.get('workspace');
    const session = c.get('session');
    const admin = isAdmin(c);
    const channels = await deps.store.channels.listByWorkspace(workspace.id);
    const rows = await Promise.all(
      channels.map(async (ch) => {
        const schedules = await deps.store.schedules.listForChannel(ch.id);
        const feeds = admin ? await deps.store.subscriptions.listFeedsForChannel(ch.id) : [];
        const failing = feeds.filter((f) => feedHealth(f.feed) !== 'ok' && feedHealth(f.feed) !== 'not fetched yet');
        const paused = schedules.filter((s) => s.paused).length;
        const unavailable = ch.settings.unavailable;
        const health = unavailable
          ? html`<span class="bad">cannot post: ${unavailable.reason}</span>`
          : failing.length > 0
            ? html`<span class="warn">${failing.length} feed(s) need attention</span>`
            : html`<span class="ok">ok</span>`;
        return html`<tr>
          <td><a href="/dashboard/channels/${ch.id}">${channelLabel(ch)}</a></td>
          ${admin ? html`<td>${feeds.length}</td>` : ''}
          <td>${schedules.length - paused} running${paused ? `, ${paused} paused` : ''}</td>
          ${admin ? html`<td>${ch.settings.timezone}, ${ch.settings.digestFormat}</td>` : ''}
          <td>${health}</td>
        </tr>`;
      }),
    );
    const body = channels.length
      ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Channels table">
          <table>
            <caption class="muted">
              ${
                admin
                  ? 'Feeds, schedules, settings and health of each channel.'
                  : 'Moderators see the schedules of each channel.'
              }
            </caption>
            <thead>
              <tr>
                <th scope="col">Channel</th>
                ${admin ? html`<th scope="col">Feeds</th>` : ''}
                <th scope="col">Schedules</th>
                ${admin ? html`<th scope="col">Time zone, format</th>` : ''}
                <th scope="col">Health</th>
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>
        </div>`
      : html`<p>No channel of this workspace has used Herald yet. Type a command in a channel and it appears here.</p>`;
    return c.html(page({ title: 'Channels', session, workspaceName: workspace.name ?? workspace.externalId }, body));
  });
}
