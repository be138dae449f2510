/** Import and export of the workspace configuration (JSON, and the feeds as OPML), as `/config` does; admins only. */
import type { Hono } from 'hono';
import { html } from 'hono/html';
import { exportConfig, toOpml } from '../../core/admin/config-doc.js';
import { importConfig } from '../../core/admin/config-transfer.js';
import { checkImportSize, DEFAULT_LIMITS } from '../../core/limits.js';
import { actorOf, field, isAdmin, type DashboardDeps, type DashboardEnv, type DashContext } from '../deps.js';
import { csrfField, page } from '../html.js';
import { errorPage } from '../respond.js';
import { failureText } from './channel.js';

function configPage(
  c: DashContext,
  notice: { text: string; error?: boolean } | null,
  lines: readonly string[] = [],
  json = '',
) {
  const session = c.get('session');
  const body = html` <section aria-labelledby="export">
      <h2 id="export">Export</h2>
      <p>
        <a class="button" href="/dashboard/config/export.json" download>Download JSON</a>
        <a class="button" href="/dashboard/config/export.opml" download>Download feeds as OPML</a>
      </p>
    </section>
    <section aria-labelledby="import">
      <h2 id="import">Import</h2>
      <form class="stack" method="post" action="/dashboard/config/import">
        ${csrfField(session)}
        <label for="json"
          >Configuration JSON
          <span class="hint"
            >as exported here or by /config export; checked in full before anything changes</span
          ></label
        >
        <textarea id="json" name="json" rows="8" required>${json}</textarea>
        <label
          ><input type="checkbox" name="replace" value="true" /> Also remove feeds and schedules the JSON does not
          list</label
        >
        <div><button type="submit">Import</button></div>
      </form>
      ${
        lines.length
          ? html`<ul>
              ${lines.map((l) => html`<li>${l}</li>`)}
            </ul>`
          : ''
      }
    </section>`;
  return c.html(
    page({ title: 'Import and export', session, workspaceName: c.get('workspace').name, notice }, body),
    notice?.error ? 422 : 200,
  );
}

export function configPages(app: Hono<DashboardEnv>, deps: DashboardDeps): void {
  const refuse = (c: DashContext) =>
    errorPage(c, 403, 'Admins only', 'Import and export are for admins of this workspace.');

  app.get('/config', (c) => (isAdmin(c) ? configPage(c, null) : refuse(c)));

  app.get('/config/export.json', async (c) => {
    if (!isAdmin(c)) return refuse(c);
    const doc = await exportConfig(deps.store, c.get('workspace'));
    c.header('content-disposition', 'attachment; filename="herald-config.json"');
    return c.body(JSON.stringify(doc, null, 2), 200, { 'content-type': 'application/json; charset=utf-8' });
  });

  app.get('/config/export.opml', async (c) => {
    if (!isAdmin(c)) return refuse(c);
    const w = c.get('workspace');
    const doc = await exportConfig(deps.store, w);
    c.header('content-disposition', 'attachment; filename="herald-feeds.opml"');
    return c.body(toOpml(doc, w.platform, w.externalId), 200, { 'content-type': 'text/x-opml; charset=utf-8' });
  });

  app.post('/config/import', async (c) => {
    if (!isAdmin(c)) return refuse(c);
    const form = await c.req.parseBody();
    const json = field(form, 'json');
    const tooBig = checkImportSize(json, deps.limits ?? DEFAULT_LIMITS);
    if (tooBig) return configPage(c, { text: failureText(tooBig.failure), error: true });
    const workspace = c.get('workspace');
    // The import acts on the workspace; the scope's channel is only where a command would have been typed.
    const [channel] = await deps.store.channels.listByWorkspace(workspace.id);
    if (!channel)
      return configPage(c, { text: 'This workspace has no channel yet; use Herald in one first.', error: true });
    const imported = await importConfig(
      { store: deps.store, workspace, channel },
      actorOf(c),
      { json, replace: field(form, 'replace') === 'true' },
      { schedules: deps.schedules, feeds: deps.feeds, channels: deps.channels, now: deps.clock.now() },
    );
    if (!imported.ok) return configPage(c, { text: failureText(imported.error), error: true }, [], json);
    const lines = imported.value;
    return configPage(
      c,
      {
        text: lines.length
          ? `Configuration imported: ${lines.length} change(s).`
          : 'Nothing changed: the workspace already matches.',
      },
      lines,
    );
  });
}
