/**
 * The page frame and small pieces every dashboard page uses. Everything goes through hono/html's
 * `html` tag, which escapes every interpolated value unless it is itself `html`: a feed title or
 * an error message can never become markup.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { DashboardSession } from '../core/store/records.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export const HTMX_PATH = '/dashboard/static/htmx-2.0.11.min.js';

export interface PageFrame {
  readonly title: string;
  readonly session?: DashboardSession | null;
  readonly workspaceName?: string | null;
  /** A line shown above the content: what was just done, or what went wrong. */
  readonly notice?: { readonly text: string; readonly error?: boolean } | null;
}

function nav(session: DashboardSession): Html {
  const admin = session.level === 'admin';
  return html`<nav aria-label="Dashboard">
    <ul>
      <li><a href="/dashboard">Channels</a></li>
      ${admin ? html`<li><a href="/dashboard/deliveries">Delivery log</a></li>` : ''}
      ${admin ? html`<li><a href="/dashboard/audit">Audit log</a></li>` : ''}
      ${admin ? html`<li><a href="/dashboard/config">Import/export</a></li>` : ''}
      <li>
        <form class="inline" method="post" action="/dashboard/logout">
          <input type="hidden" name="_csrf" value="${session.csrf}" />
          <button class="secondary" type="submit">Sign out</button>
        </form>
      </li>
    </ul>
  </nav>`;
}

/** A whole page. The CSRF token rides on every htmx request as a header, and in every form as a field. */
export function page(frame: PageFrame, body: Html): Html {
  const s = frame.session;
  const headers = s ? JSON.stringify({ 'x-csrf-token': s.csrf }) : null;
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false}' />
        <title>${frame.title} · Herald dashboard</title>
        <link rel="stylesheet" href="/dashboard/static/dashboard.css" />
        <script src="${HTMX_PATH}" defer></script>
      </head>
      <body ${headers ? html`hx-headers="${headers}"` : ''}>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
          <span class="brand">Herald${frame.workspaceName ? html` · ${frame.workspaceName}` : ''}</span>
          ${s ? html`<span class="muted">${s.userName ?? s.userId} (${s.level})</span>` : ''} ${s ? nav(s) : ''}
        </header>
        <main id="main">
          <h1>${frame.title}</h1>
          ${
            frame.notice
              ? html`<p
                  class="notice${frame.notice.error ? ' error' : ''}"
                  role="${frame.notice.error ? 'alert' : 'status'}"
                >
                  ${frame.notice.text}
                </p>`
              : ''
          }
          ${body}
        </main>
      </body>
    </html>`;
}

/** The hidden CSRF field every form carries. */
export const csrfField = (session: DashboardSession): Html =>
  html`<input type="hidden" name="_csrf" value="${session.csrf}" />`;

/** A definition list of name/value pairs. */
export function fieldList(fields: readonly { readonly name: string; readonly value: string }[]): Html {
  return html`<dl class="fields">
    ${fields.map(
      (f) =>
        html`<dt>${f.name}</dt>
          <dd>${f.value}</dd>`,
    )}
  </dl>`;
}

/** A one-button form posting to `action` (pause, resume, retry...). */
export function actionButton(
  session: DashboardSession,
  action: string,
  label: string,
  style: 'primary' | 'secondary' | 'danger' = 'primary',
): Html {
  return html`<form class="inline" method="post" action="${action}">
    ${csrfField(session)}<button type="submit" ${style === 'primary' ? '' : html`class="${style}"`}>${label}</button>
  </form>`;
}
