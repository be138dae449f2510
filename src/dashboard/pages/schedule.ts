/**
 * One schedule (moderators and admins): its cron with the next five runs in the channel's zone,
 * pause/resume/remove through the `/schedule` use cases, and a live preview of the exact digest it
 * would post now, on Discord and on Slack, built by `composeScheduledDigest` as the slot handler does.
 */
import type { Hono } from 'hono';
import { html } from 'hono/html';
import { changeSchedule, type ScheduleVerb } from '../../core/admin/schedule-actions.js';
import { channelSchedule, describeSchedule, nextRunsText } from '../../core/admin/schedules.js';
import type { AdminScope } from '../../core/admin/scope.js';
import { composeScheduledDigest } from '../../core/digest/index.js';
import { DIGEST_FORMATS, type Channel, type DigestFormat, type Schedule } from '../../core/store/records.js';
import {
  actorOf,
  channelIn,
  channelLabel,
  doneNotice,
  type DashboardDeps,
  type DashboardEnv,
  type DashContext,
} from '../deps.js';
import { actionButton, fieldList, page } from '../html.js';
import { errorPage } from '../respond.js';
import { previewHtml } from '../preview.js';
import { failureText } from './channel.js';

async function scheduleIn(
  c: DashContext,
  deps: DashboardDeps,
): Promise<{ scope: AdminScope; schedule: Schedule } | null> {
  const scope = await channelIn(c, deps, c.req.param('cid'));
  if (!scope) return null;
  const found = await channelSchedule(scope, c.req.param('sid') ?? '');
  return found.ok ? { scope, schedule: found.value } : null;
}

/** The digest `schedule` would post now, in `format` (the channel's unless the preview asks for another). */
async function preview(deps: DashboardDeps, scope: AdminScope, schedule: Schedule, format: DigestFormat | null) {
  const channel: Channel = format
    ? { ...scope.channel, settings: { ...scope.channel.settings, digestFormat: format } }
    : scope.channel;
  const store = {
    ...deps.store,
    channels: {
      ...deps.store.channels,
      get: async (id: number) => (id === channel.id ? channel : deps.store.channels.get(id)),
    },
  };
  const composed = await composeScheduledDigest(
    { store, library: deps.library, ...(deps.digestLimits ? { limits: deps.digestLimits } : {}) },
    schedule,
    deps.clock.now(),
  );
  if (!composed.ok) return html`<p class="bad" role="alert">${failureText(composed.error)}</p>`;
  const { reply, empty } = composed.value;
  return html`<p class="muted">In the ${channel.settings.digestFormat} format.</p>
    ${
      empty
        ? html`<p class="notice">
            Nothing new since the last run: this slot would post nothing (empty digests are skipped). This is what the
            digest says when shown on request:
          </p>`
        : ''
    }
    ${previewHtml(reply)}`;
}

export function schedulePages(app: Hono<DashboardEnv>, deps: DashboardDeps): void {
  app.get('/channels/:cid/schedules/:sid', async (c) => {
    const found = await scheduleIn(c, deps);
    if (!found) return c.notFound();
    const { scope, schedule } = found;
    const session = c.get('session');
    const zone = scope.channel.settings.timezone;
    const url = `/dashboard/channels/${scope.channel.id}/schedules/${schedule.id}`;
    const runs = schedule.paused ? [] : nextRunsText(deps.schedules, schedule, zone, 5, deps.clock.now());
    const body = html` <p><a href="/dashboard/channels/${scope.channel.id}">← ${channelLabel(scope.channel)}</a></p>
      ${fieldList([
        { name: 'Schedule', value: describeSchedule(schedule) },
        { name: 'State', value: schedule.paused ? 'paused' : 'running' },
        { name: 'Last run', value: schedule.lastRunSlot ?? 'not yet' },
      ])}
      <div class="actions">
        ${schedule.paused ? actionButton(session, `${url}/resume`, 'Resume') : actionButton(session, `${url}/pause`, 'Pause')}
        ${actionButton(session, `${url}/remove`, 'Remove', 'danger')}
      </div>
      <section aria-labelledby="next">
        <h2 id="next">Next five runs (${zone})</h2>
        ${
          schedule.paused
            ? html`<p>None while paused.</p>`
            : html`<ol>
                ${runs.map((r) => html`<li>${r}</li>`)}
              </ol>`
        }
      </section>
      <section aria-labelledby="preview">
        <h2 id="preview">Preview: the digest it would post now</h2>
        <form class="stack" hx-get="${url}/preview" hx-trigger="change" hx-target="#preview-body">
          <label for="format"
            >Digest format
            <span class="hint"
              >the channel uses ${scope.channel.settings.digestFormat}; try another here without saving</span
            ></label
          >
          <select id="format" name="format">
            ${DIGEST_FORMATS.map(
              (f) =>
                html`<option value="${f}" ${f === scope.channel.settings.digestFormat ? 'selected' : ''}>${f}</option>`,
            )}
          </select>
        </form>
        <div id="preview-body" aria-live="polite">${await preview(deps, scope, schedule, null)}</div>
      </section>`;
    return c.html(
      page(
        { title: `Schedule #${schedule.id}`, session, workspaceName: scope.workspace.name, notice: doneNotice(c) },
        body,
      ),
    );
  });

  app.get('/channels/:cid/schedules/:sid/preview', async (c) => {
    const found = await scheduleIn(c, deps);
    if (!found) return c.notFound();
    const format = DIGEST_FORMATS.find((f) => f === c.req.query('format')) ?? null;
    return c.html(await preview(deps, found.scope, found.schedule, format));
  });

  for (const verb of ['pause', 'resume', 'remove'] as const satisfies readonly ScheduleVerb[]) {
    app.post(`/channels/:cid/schedules/:sid/${verb}`, async (c) => {
      const found = await scheduleIn(c, deps);
      if (!found) return c.notFound();
      const { scope, schedule } = found;
      const changed = await changeSchedule(deps.schedules, scope, actorOf(c), String(schedule.id), verb);
      if (!changed.ok) return errorPage(c, 422, 'Not changed', failureText(changed.error));
      const done = `schedule-${verb === 'pause' ? 'paused' : verb === 'resume' ? 'resumed' : 'removed'}`;
      return c.redirect(
        verb === 'remove'
          ? `/dashboard/channels/${scope.channel.id}?done=${done}`
          : `/dashboard/channels/${scope.channel.id}/schedules/${schedule.id}?done=${done}`,
        303,
      );
    });
  }
}
