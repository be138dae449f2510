/** The delivery log (what was posted where and when, what failed and why) and the audit log; admins only. */
import type { Hono } from 'hono';
import { html } from 'hono/html';
import { clip } from '../../core/answers/article-text.js';
import { waitingForRetry } from '../../core/delivery/retry.js';
import { formatInstant } from '../../core/schedule/time.js';
import type { Channel, Delivery } from '../../core/store/records.js';
import { channelLabel, isAdmin, type DashboardDeps, type DashboardEnv } from '../deps.js';
import { page } from '../html.js';
import { errorPage } from '../respond.js';

const PER_CHANNEL = 50;
const SHOWN = 200;

/** What a delivery key says in words: "digest of schedule #3 for the 09:00 slot", "feed #2 disabled notice". */
export function describeDelivery(d: Delivery, zone: string): string {
  const live = /^live:\d+:([^:]+):(\d+)$/u.exec(d.key);
  if (live) return `live post of an item of feed #${live[2]} (article ${live[1]!.slice(0, 8)})`;
  // Since the key carries the count: live-more:<channel>:<feed>:<count>:<instant>; before, no count.
  const more = /^live-more:\d+:(\d+):(?:(\d+):)?(\d{4}-.+)$/u.exec(d.key);
  if (more)
    return `"${more[2] ? `${more[2]} ` : ''}more items" message of feed #${more[1]} (${formatInstant(more[3]!, zone)})`;
  const notice = /^feed-disabled:(\d+):(.+):\d+$/u.exec(d.key);
  if (notice) return `notice: feed #${notice[1]} was disabled (${formatInstant(notice[2]!, zone)})`;
  const slot = /^(\d+):(.+):\d+$/u.exec(d.key);
  if (slot) return `digest of schedule #${slot[1]}, slot ${formatInstant(slot[2]!, zone)}`;
  return d.key;
}

const STATUS_CLASS = { sent: 'ok', failed: 'bad', pending: 'warn' } as const;

export function logPages(app: Hono<DashboardEnv>, deps: DashboardDeps): void {
  app.get('/deliveries', async (c) => {
    if (!isAdmin(c)) return errorPage(c, 403, 'Admins only', 'The delivery log is for admins of this workspace.');
    const workspace = c.get('workspace');
    let channels = await deps.store.channels.listByWorkspace(workspace.id);
    const only = c.req.query('channel');
    if (only) channels = channels.filter((ch) => String(ch.id) === only);
    const rows: { d: Delivery; ch: Channel }[] = [];
    for (const ch of channels)
      for (const d of await deps.store.deliveries.listForChannel(ch.id, PER_CHANNEL)) rows.push({ d, ch });
    rows.sort((a, b) => b.d.updatedAt.localeCompare(a.d.updatedAt));
    const shown = rows.slice(0, SHOWN);
    const body = shown.length
      ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Deliveries table">
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Channel</th>
                <th scope="col">What</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              ${shown.map(({ d, ch }) => {
                const zone = ch.settings.timezone;
                return html`<tr>
                  <td>${formatInstant(d.updatedAt, zone)}</td>
                  <td><a href="/dashboard/channels/${ch.id}">${channelLabel(ch)}</a></td>
                  <td>${describeDelivery(d, zone)}</td>
                  <td>
                    <span class="${STATUS_CLASS[d.status]}"
                      >${waitingForRetry(d) ? 'waiting to be tried again' : d.status}</span
                    >${d.attempts > 1 ? ` after ${d.attempts} attempts` : ''}
                    ${d.messageId ? html`<br /><span class="muted">message ${d.messageId}</span>` : ''}
                    ${d.lastError ? html`<br /><span class="bad">${d.lastError}</span>` : ''}
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>`
      : html`<p>Nothing was posted on a schedule yet${only ? ' in this channel' : ''}.</p>`;
    return c.html(page({ title: 'Delivery log', session: c.get('session'), workspaceName: workspace.name }, body));
  });

  app.get('/audit', async (c) => {
    if (!isAdmin(c)) return errorPage(c, 403, 'Admins only', 'The audit log is for admins of this workspace.');
    const workspace = c.get('workspace');
    const entries = await deps.store.audit.list(workspace.id, 100);
    const show = (v: unknown) => (v === null || v === undefined ? '—' : clip(JSON.stringify(v), 300));
    const body = entries.length
      ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Audit table">
          <table>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              ${entries.map(
                (e) =>
                  html`<tr>
                    <td>${formatInstant(e.at, 'UTC')}</td>
                    <td>${e.actorName ? `${e.actorName} (${e.actorId})` : e.actorId}</td>
                    <td>${e.action}${e.target ? html` <code>${e.target}</code>` : ''}</td>
                    <td><code>${show(e.before)}</code></td>
                    <td><code>${show(e.after)}</code></td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>`
      : html`<p>No admin or moderator actions recorded yet.</p>`;
    return c.html(page({ title: 'Audit log', session: c.get('session'), workspaceName: workspace.name }, body));
  });
}
