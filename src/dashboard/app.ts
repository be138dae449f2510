/**
 * The web dashboard as a Hono app mounted under /dashboard on Herald's one HTTP server
 * (docs/dashboard.md). Pages are rendered on the server; htmx (vendored) only fetches the live
 * parts: which items a filter lets through, the digest preview. Every request past sign-in needs
 * a live session of one workspace; every POST needs that session's CSRF token.
 */
import { readFileSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { DashboardDeps, DashboardEnv, DashContext } from './deps.js';
import { page } from './html.js';
import { errorPage } from './respond.js';
import { channelPages } from './pages/channel.js';
import { configPages } from './pages/config.js';
import { feedPages } from './pages/feed.js';
import { logPages } from './pages/logs.js';
import { overviewPage } from './pages/overview.js';
import { schedulePages } from './pages/schedule.js';

export const SESSION_COOKIE = 'herald_dashboard';

const STATIC: Record<string, { type: string; file: string }> = {
  'htmx-2.0.11.min.js': { type: 'text/javascript; charset=utf-8', file: 'htmx-2.0.11.min.js' },
  'dashboard.css': { type: 'text/css; charset=utf-8', file: 'dashboard.css' },
};

function loadStatic(): Map<string, { type: string; body: string }> {
  const dir = new URL('./static/', import.meta.url);
  return new Map(
    Object.entries(STATIC).map(([name, s]) => [
      name,
      { type: s.type, body: readFileSync(new URL(s.file, dir), 'utf8') },
    ]),
  );
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A POST from another site's page is refused before anything else: the browser says so in
 * Sec-Fetch-Site, or its Origin names another host. (`Origin: null`, sent for privacy reasons,
 * proves nothing either way; the CSRF token still decides.)
 */
function foreignOrigin(c: DashContext): boolean {
  if (c.req.header('sec-fetch-site') === 'cross-site') return true;
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return false;
  try {
    return new URL(origin).host !== c.req.header('host');
  } catch {
    return true;
  }
}

export function createDashboardApp(deps: DashboardDeps): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>().basePath('/dashboard');
  const files = loadStatic();
  const log = deps.logger.child({ component: 'dashboard' });

  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('x-frame-options', 'DENY');
    c.header('referrer-policy', 'same-origin');
    c.header('cache-control', c.req.path.startsWith('/dashboard/static/') ? 'public, max-age=86400' : 'no-store');
    c.header(
      'content-security-policy',
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
  });

  app.get('/static/:file', (c) => {
    const f = files.get(c.req.param('file'));
    if (!f) return c.notFound();
    return c.body(f.body, 200, { 'content-type': f.type });
  });

  // The link itself only shows a button: chat apps fetch links to preview them, and a GET must
  // not use the link up. The POST it sends does.
  app.get('/login/:token', (c) =>
    c.html(
      page(
        { title: 'Sign in' },
        html`<p>This link signs you in to Herald's dashboard. It works once, and only for a few minutes.</p>
          <form method="post" action="/dashboard/login/${c.req.param('token')}">
            <button type="submit">Continue to the dashboard</button>
          </form>`,
      ),
    ),
  );

  app.post('/login/:token', async (c) => {
    if (foreignOrigin(c)) return errorPage(c, 403, 'Refused', 'That request came from another site.');
    const opened = await deps.login.open(c.req.param('token'));
    if (!opened.ok) {
      const expired = opened.error.code === 'not_found';
      log.info({ code: opened.error.code }, 'dashboard sign-in refused');
      return errorPage(
        c,
        expired ? 410 : 403,
        expired ? 'Link expired or used' : 'No access',
        `${opened.error.message} ${opened.error.hint ?? ''}`.trim(),
      );
    }
    setCookie(c, SESSION_COOKIE, opened.value.sessionId, {
      path: '/dashboard',
      httpOnly: true,
      secure: deps.secureCookies,
      sameSite: 'Lax',
      maxAge: Math.floor(deps.login.idleMs / 1000),
    });
    log.info({ user: opened.value.session.userId, level: opened.value.session.level }, 'dashboard session opened');
    // The clean address: the token leaves the address bar and the history's last entry.
    return c.redirect('/dashboard', 303);
  });

  // Everything below needs a live session.
  app.use('*', async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    const session = id ? await deps.login.session(id) : null;
    const workspace = session ? await deps.store.workspaces.get(session.workspaceId) : null;
    if (!id || !session || !workspace) {
      if (id) deleteCookie(c, SESSION_COOKIE, { path: '/dashboard' });
      return c.html(
        page(
          { title: 'Signed out' },
          html`<p>
            Your dashboard session has ended (or never started). Ask Herald for a new link with
            <code>/dashboard</code> on Discord or <code>/herald dashboard</code> on Slack.
          </p>`,
        ),
        401,
      );
    }
    c.set('session', session);
    c.set('sessionId', id);
    c.set('workspace', workspace);
    if (c.req.method === 'POST') {
      if (foreignOrigin(c)) return errorPage(c, 403, 'Refused', 'That request came from another site.');
      const header = c.req.header('x-csrf-token');
      const sent = header ?? String((await c.req.parseBody())['_csrf'] ?? '');
      if (!sameToken(sent, session.csrf)) {
        log.warn({ user: session.userId, path: c.req.path }, 'dashboard CSRF token refused');
        return errorPage(
          c,
          403,
          'Refused',
          'The form was out of date or not from this dashboard. Reload the page and try again.',
        );
      }
    }
    // The cookie's lifetime follows the session's idle limit.
    setCookie(c, SESSION_COOKIE, id, {
      path: '/dashboard',
      httpOnly: true,
      secure: deps.secureCookies,
      sameSite: 'Lax',
      maxAge: Math.floor(deps.login.idleMs / 1000),
    });
    await next();
  });

  app.post('/logout', async (c) => {
    await deps.login.signOut(c.get('sessionId'));
    deleteCookie(c, SESSION_COOKIE, { path: '/dashboard' });
    return c.html(
      page({ title: 'Signed out' }, html`<p>You are signed out. The link you used cannot be used again.</p>`),
    );
  });

  overviewPage(app, deps);
  channelPages(app, deps);
  feedPages(app, deps);
  schedulePages(app, deps);
  logPages(app, deps);
  configPages(app, deps);

  app.notFound((c) => errorPage(c as DashContext, 404, 'Not found', 'There is no such page in this workspace.'));
  app.onError((e, c) => {
    log.error({ err: e, path: c.req.path }, 'dashboard request failed');
    return c.html(
      page({ title: 'Something went wrong' }, html`<p>The dashboard could not answer. The error was logged.</p>`),
      500,
    );
  });
  return app;
}
