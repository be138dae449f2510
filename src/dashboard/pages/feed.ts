/**
 * One feed of a channel (admins): how fetching goes, in words; its filters with a live check of
 * which recent items they let through; retry (which turns a disabled feed back on) and remove.
 */
import type { Hono } from 'hono';
import { html } from 'hono/html';
import type { AdminScope } from '../../core/admin/scope.js';
import { feedFailureHint, statusFields } from '../../core/feeds/describe.js';
import { articleFilterText, compileFilters, parseFilterOptions, passesFilters } from '../../core/feeds/filters.js';
import { followFeed, unfollowFeed } from '../../core/feeds/follow.js';
import type { FollowedFeed } from '../../core/store/repositories.js';
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
import { actionButton, csrfField, fieldList, page } from '../html.js';
import { errorPage } from '../respond.js';
import { failureText } from './channel.js';

/** How many of the feed's newest stored items the live filter check looks at. */
const RECENT_ITEMS = 20;

async function feedIn(
  c: DashContext,
  deps: DashboardDeps,
): Promise<{ scope: AdminScope; followed: FollowedFeed } | 'missing' | 'refused'> {
  const scope = await channelIn(c, deps, c.req.param('cid'));
  const fid = Number(c.req.param('fid'));
  if (!scope || !Number.isInteger(fid)) return 'missing';
  // A moderator is refused only once the page exists for them to be refused from.
  const followed = (await deps.store.subscriptions.listFeedsForChannel(scope.channel.id)).find(
    (f) => f.feed.id === fid,
  );
  if (!followed) return 'missing';
  return isAdmin(c) ? { scope, followed } : 'refused';
}

async function filterCheck(deps: DashboardDeps, scope: AdminScope, feedId: number, include: string, exclude: string) {
  const filters = parseFilterOptions(include, exclude);
  const compiled = filters.ok ? compileFilters(filters.value) : filters;
  if (!compiled.ok) return html`<p class="bad" role="alert">${failureText(compiled.error)}</p>`;
  const channelWide = compileFilters(scope.channel.settings.filters);
  const items = await deps.store.articles.listForFeed(feedId, RECENT_ITEMS);
  if (items.length === 0) return html`<p>No items of this feed are stored yet; they appear after its first poll.</p>`;
  let passing = 0;
  const rows = items.map((item) => {
    const text = articleFilterText(item.article);
    const pass = passesFilters(compiled.value, text) && (!channelWide.ok || passesFilters(channelWide.value, text));
    if (pass) passing += 1;
    return html`<li class="${pass ? 'pass' : 'block'}">
      <span class="sr-only">${pass ? 'passes' : 'blocked'}:</span> ${item.title ?? item.article.title ?? '(untitled)'}
    </li>`;
  });
  return html`<p><strong>${passing} of ${items.length}</strong> recent items would be posted with these filters.</p>
    <ul class="items">
      ${rows}
    </ul>`;
}

export function feedPages(app: Hono<DashboardEnv>, deps: DashboardDeps): void {
  const base = (scope: AdminScope, feedId: number) => `/dashboard/channels/${scope.channel.id}/feeds/${feedId}`;
  const refuse = (c: DashContext) =>
    errorPage(c, 403, 'Admins only', 'Feed pages are for admins of this workspace; moderators see the schedules.');

  app.get('/channels/:cid/feeds/:fid', async (c) => {
    const found = await feedIn(c, deps);
    if (found === 'missing') return c.notFound();
    if (found === 'refused') return refuse(c);
    const { scope, followed } = found;
    const { feed, subscription } = followed;
    const session = c.get('session');
    const url = base(scope, feed.id);
    const include = subscription.filters.include.join(', ');
    const exclude = subscription.filters.exclude.join(', ');
    const fields = statusFields(feed, subscription.filters).filter((f) => f.name !== 'Filters');
    const body = html` <p><a href="/dashboard/channels/${scope.channel.id}">← ${channelLabel(scope.channel)}</a></p>
      <section aria-labelledby="status">
        <h2 id="status">Status</h2>
        ${fieldList(fields)}
        <div class="actions">
          ${actionButton(session, `${url}/retry`, feed.fetch.disabledReason ? 'Re-enable and retry' : 'Retry now')}
          ${actionButton(session, `${url}/remove`, 'Stop following', 'danger')}
        </div>
      </section>
      <section aria-labelledby="filters">
        <h2 id="filters">Filters</h2>
        <form
          class="stack"
          method="post"
          action="${url}/filters"
          hx-post="${url}/check"
          hx-trigger="input delay:400ms"
          hx-target="#check"
        >
          ${csrfField(session)}
          <label for="include"
            >Include <span class="hint">comma-separated keywords or /regex/i; empty = every item</span></label
          >
          <textarea id="include" name="include">${include}</textarea>
          <label for="exclude">Exclude <span class="hint">never post items matching one of these</span></label>
          <textarea id="exclude" name="exclude">${exclude}</textarea>
          <div><button type="submit">Save filters</button></div>
        </form>
        <h3>Which recent items would pass</h3>
        <div id="check" aria-live="polite">${await filterCheck(deps, scope, feed.id, include, exclude)}</div>
      </section>`;
    return c.html(
      page(
        {
          title: `Feed: ${feed.title ?? feed.url}`,
          session,
          workspaceName: scope.workspace.name,
          notice: doneNotice(c),
        },
        body,
      ),
    );
  });

  app.post('/channels/:cid/feeds/:fid/check', async (c) => {
    const found = await feedIn(c, deps);
    if (found === 'missing') return c.notFound();
    if (found === 'refused') return refuse(c);
    const form = await c.req.parseBody();
    return c.html(
      await filterCheck(deps, found.scope, found.followed.feed.id, field(form, 'include'), field(form, 'exclude')),
    );
  });

  // Saving filters and retrying are `/feeds add` again: one fetch to check the feed, then the
  // subscription, the re-enabling and the audit entry in one transaction.
  const refollow = async (c: DashContext, include: string | null, exclude: string | null, done: string) => {
    const found = await feedIn(c, deps);
    if (found === 'missing') return c.notFound();
    if (found === 'refused') return refuse(c);
    const { scope, followed } = found;
    const filters =
      include === null || exclude === null
        ? { ok: true as const, value: followed.subscription.filters }
        : parseFilterOptions(include, exclude);
    if (!filters.ok) return errorPage(c, 422, 'Filters refused', failureText(filters.error));
    const done_ = await followFeed(deps.feeds, scope, actorOf(c), { url: followed.feed.url, filters: filters.value });
    if (!done_.ok) return errorPage(c, 422, 'The feed did not answer', failureText(feedFailureHint(done_.error)));
    return c.redirect(`${base(scope, followed.feed.id)}?done=${done}`, 303);
  };

  app.post('/channels/:cid/feeds/:fid/filters', async (c) => {
    const form = await c.req.parseBody();
    return refollow(c, field(form, 'include'), field(form, 'exclude'), 'filters-saved');
  });
  app.post('/channels/:cid/feeds/:fid/retry', (c) => refollow(c, null, null, 'feed-retried'));

  app.post('/channels/:cid/feeds/:fid/remove', async (c) => {
    const found = await feedIn(c, deps);
    if (found === 'missing') return c.notFound();
    if (found === 'refused') return refuse(c);
    const removed = await unfollowFeed(found.scope, actorOf(c), String(found.followed.feed.id));
    if (!removed.ok) return errorPage(c, 422, 'Not removed', failureText(removed.error));
    return c.redirect(`/dashboard/channels/${found.scope.channel.id}?done=feed-removed`, 303);
  });
}
