/** The dashboard's refusals as pages: what happened and the way back. */
import { html } from 'hono/html';
import type { DashContext } from './deps.js';
import { page } from './html.js';

export function errorPage(c: DashContext, status: 400 | 401 | 403 | 404 | 410 | 422, title: string, text: string) {
  const session = c.get('session') ?? null;
  return c.html(
    page(
      { title, session, workspaceName: c.get('workspace')?.name ?? null },
      html`<p>${text}</p>
        <p><a href="/dashboard">Back to the channels</a></p>`,
    ),
    status,
  );
}
