/**
 * /feeds: admins point a channel at RSS/Atom feeds, with include/exclude filters per
 * subscription. `add` and `test` fetch the feed once (slow: adapters acknowledge first);
 * the poller does the rest. Every change is audited with before/after.
 */
import { unavailableNotice } from '../src/core/admin/unavailable.js';
import { adminScope, writeAudit, type AdminScope } from '../src/core/admin/scope.js';
import type { AutocompleteProvider } from '../src/core/commands/autocomplete.js';
import type { CommandContext } from '../src/core/commands/context.js';
import { defineCommandGroup, defineSubcommand } from '../src/core/commands/define.js';
import { describeFilters, feedFailureHint, feedLine, statusFields } from '../src/core/feeds/describe.js';
import { parseFilterOptions } from '../src/core/feeds/filters.js';
import { normaliseFeedUrl, type FeedService } from '../src/core/feeds/service.js';
import type { HeraldStore } from '../src/core/store/repositories.js';
import { answer, failureReply, info } from '../src/core/reply/build.js';
import type { Block, Reply } from '../src/core/reply/types.js';
import { err, failure, ok, type Result } from '../src/core/result.js';
import type { Feed, Subscription } from '../src/core/store/records.js';

const URL_HINT = 'Give the full feed address, like https://example.com/feed.xml';

function requireFeeds(ctx: CommandContext<unknown>): Result<FeedService> {
  return ctx.services.feeds
    ? ok(ctx.services.feeds)
    : err(
        failure('bad_input', 'Fetching feeds is not available in this run.', {
          hint: 'Start Herald with its store and feed settings (npx herald start).',
        }),
      );
}

interface Followed {
  readonly feed: Feed;
  readonly subscription: Subscription;
}

/** The channel's subscriptions with their feeds, oldest first. */
async function followed(store: HeraldStore, channelId: number): Promise<Followed[]> {
  const out: Followed[] = [];
  for (const subscription of await store.subscriptions.listForChannel(channelId)) {
    const feed = await store.feeds.get(subscription.feedId);
    if (feed) out.push({ feed, subscription });
  }
  return out;
}

/** A feed of this channel by id (`3`, `#3`), URL, or words of its title. */
function pick(all: readonly Followed[], ref: string): Followed | undefined {
  const r = ref.trim();
  const id = /^#?(\d+)$/u.exec(r)?.[1];
  if (id) return all.find((f) => f.feed.id === Number(id));
  const url = normaliseFeedUrl(r);
  if (url) return all.find((f) => f.feed.url === url);
  const words = r.toLowerCase().split(/\s+/u);
  return all.find((f) => words.every((w) => (f.feed.title ?? '').toLowerCase().includes(w)));
}

function notFollowed(ref: string): Reply {
  return failureReply(
    failure('not_found', `This channel follows no feed matching "${ref}".`, {
      hint: 'Type /feeds list to see the feeds of this channel.',
    }),
  );
}

const add = defineSubcommand({
  description: 'Follow a feed in this channel, with optional keyword or /regex/ filters',
  access: 'admin',
  slow: true,
  examples: [
    '/feeds add https://www.nasa.gov/rss/dyn/breaking_news.rss',
    '/feeds add https://example.com/feed.xml include:"mars, /artemis (ii|2)/i" exclude:sport',
  ],
  options: {
    url: { type: 'string', required: true, description: 'The RSS or Atom feed address' },
    include: {
      type: 'string',
      description: 'Post only items matching one of these (comma-separated keywords or /regex/i)',
    },
    exclude: {
      type: 'string',
      description: 'Never post items matching one of these (comma-separated keywords or /regex/i)',
    },
  },
  async run(ctx) {
    const url = normaliseFeedUrl(ctx.args.url);
    if (!url) return failureReply(failure('bad_input', `"${ctx.args.url}" is not an http(s) URL.`, { hint: URL_HINT }));
    const filters = parseFilterOptions(ctx.args.include, ctx.args.exclude);
    if (!filters.ok) return failureReply(filters.error);
    const feeds = requireFeeds(ctx);
    if (!feeds.ok) return failureReply(feeds.error);
    const scope = await adminScope(ctx);
    if (!scope.ok) return failureReply(scope.error);
    // Fetch once before storing anything, so a typo or a web page never becomes a dead feed.
    const preview = await feeds.value.preview(url, { items: 0 });
    if (!preview.ok) return failureReply(feedFailureHint(preview.error));
    const { store, channel } = scope.value;
    const p = preview.value;

    const { feed, before } = await store.transaction(async (tx) => {
      const existing = await tx.feeds.findByUrl(p.url);
      const prior = existing ? await tx.subscriptions.get(channel.id, existing.id) : null;
      const ensured = await tx.feeds.ensure(p.url, p.title);
      // A channel new to a known feed gets its current items on the next poll (no 304), and
      // re-adding a disabled feed turns it back on: the fetch above just worked.
      if (!prior || ensured.fetch.disabledReason) {
        await tx.feeds.updateFetchState(ensured.id, {
          etag: null,
          lastModified: null,
          nextAttemptAt: null,
          disabledReason: null,
          consecutiveFailures: 0,
          lastError: null,
        });
      }
      await tx.subscriptions.subscribe(channel.id, ensured.id, filters.value, ctx.invoker.userId);
      await writeAudit(
        ctx,
        scope.value,
        {
          action: 'feeds.add',
          target: p.url,
          before: prior
            ? { feedId: ensured.id, filters: prior.filters, disabledReason: ensured.fetch.disabledReason }
            : null,
          after: { feedId: ensured.id, title: p.title, filters: filters.value },
        },
        tx,
      );
      return { feed: ensured, before: prior };
    });

    const fields = [
      { name: 'Feed', value: `#${feed.id} ${p.title ?? '(untitled)'}` },
      { name: 'URL', value: p.url },
      { name: 'Items in the feed now', value: String(p.itemCount), inline: true },
      { name: 'Filters', value: describeFilters(filters.value) ?? 'none: every item', inline: true },
    ];
    const name = p.title ?? p.url;
    const sameFilters = before !== null && JSON.stringify(before.filters) === JSON.stringify(filters.value);
    const title = !before
      ? `This channel now follows ${name}`
      : sameFilters
        ? `This channel already follows ${name}`
        : `Updated the filters of ${name}`;
    return answer(
      title,
      [
        { type: 'fields', fields },
        { type: 'text', text: 'New items arrive with the next poll. /feeds status shows how fetching goes.' },
      ],
      { ephemeral: true },
    );
  },
});

const remove = defineSubcommand({
  description: 'Stop following a feed in this channel',
  access: 'admin',
  examples: ['/feeds remove 3'],
  options: {
    feed: {
      type: 'string',
      required: true,
      autocomplete: 'feeds',
      rest: true,
      description: 'The feed: its number, URL or title',
    },
  },
  async run(ctx) {
    const scope = await adminScope(ctx);
    if (!scope.ok) return failureReply(scope.error);
    const { store, channel } = scope.value;
    const target = pick(await followed(store, channel.id), ctx.args.feed);
    if (!target) return notFollowed(ctx.args.feed);
    const { feed, subscription } = target;
    await store.transaction(async (tx) => {
      await tx.subscriptions.unsubscribe(channel.id, feed.id);
      await writeAudit(
        ctx,
        scope.value,
        {
          action: 'feeds.remove',
          target: feed.url,
          before: { feedId: feed.id, title: feed.title, filters: subscription.filters },
          after: null,
        },
        tx,
      );
    });
    return answer(
      `This channel no longer follows ${feed.title ?? feed.url}`,
      [{ type: 'text', text: `Articles it already received stay. Follow it again with /feeds add ${feed.url}` }],
      { ephemeral: true },
    );
  },
});

async function channelFeeds(ctx: CommandContext<unknown>): Promise<Result<{ scope: AdminScope; all: Followed[] }>> {
  const scope = await adminScope(ctx);
  if (!scope.ok) return scope;
  return ok({ scope: scope.value, all: await followed(scope.value.store, scope.value.channel.id) });
}

const NO_FEEDS = info('This channel follows no feeds yet.', [
  { type: 'text', text: 'An admin can add one with /feeds add <url>.' },
]);

const list = defineSubcommand({
  description: 'The feeds this channel follows',
  access: 'moderator',
  examples: ['/feeds list'],
  options: {},
  async run(ctx) {
    const got = await channelFeeds(ctx);
    if (!got.ok) return failureReply(got.error);
    if (got.value.all.length === 0) return NO_FEEDS;
    const items = got.value.all.map((f) => feedLine(f.feed, f.subscription.filters));
    return answer(`Feeds of this channel (${items.length})`, [{ type: 'list', ordered: false, items }], {
      ephemeral: true,
    });
  },
});

const status = defineSubcommand({
  description: 'How fetching goes: last fetch, last error, next attempt, items seen',
  access: 'moderator',
  examples: ['/feeds status', '/feeds status 3'],
  options: {
    feed: {
      type: 'string',
      autocomplete: 'feeds',
      rest: true,
      description: 'One feed (number, URL or title); default: all',
    },
  },
  async run(ctx) {
    const got = await channelFeeds(ctx);
    if (!got.ok) return failureReply(got.error);
    const { all } = got.value;
    if (all.length === 0) return NO_FEEDS;
    let shown = all;
    if (ctx.args.feed) {
      const one = pick(all, ctx.args.feed);
      if (!one) return notFollowed(ctx.args.feed);
      shown = [one];
    }
    const blocks: Block[] = [...unavailableNotice(got.value.scope.channel)];
    for (const f of shown) {
      if (blocks.length > 0) blocks.push({ type: 'divider' });
      blocks.push(
        { type: 'heading', text: `#${f.feed.id} ${f.feed.title ?? '(untitled)'}` },
        { type: 'fields', fields: statusFields(f.feed, f.subscription.filters) },
      );
    }
    return answer(
      shown.length === 1
        ? `Feed status: ${shown[0]!.feed.title ?? shown[0]!.feed.url}`
        : `Feed status (${shown.length} feeds)`,
      blocks,
      { ephemeral: true },
    );
  },
});

const test = defineSubcommand({
  description: 'What a feed would post, without following it',
  access: 'admin',
  slow: true,
  examples: ['/feeds test https://www.nasa.gov/rss/dyn/breaking_news.rss'],
  options: { url: { type: 'string', required: true, description: 'The RSS or Atom feed address' } },
  async run(ctx) {
    const feeds = requireFeeds(ctx);
    if (!feeds.ok) return failureReply(feeds.error);
    const preview = await feeds.value.preview(ctx.args.url);
    if (!preview.ok) return failureReply(feedFailureHint(preview.error));
    const p = preview.value;
    const blocks: Block[] = [
      {
        type: 'text',
        text: `${p.itemCount} item${p.itemCount === 1 ? '' : 's'} in the feed; the first ${p.items.length} as they would be posted:`,
      },
    ];
    for (const item of p.items) {
      blocks.push({ type: 'heading', text: item.title });
      if (item.summary) blocks.push({ type: 'text', text: item.summary });
      if (item.link) blocks.push({ type: 'source', title: item.title, url: item.link, name: p.title });
    }
    blocks.push({ type: 'text', text: `Nothing was stored. Follow it with /feeds add ${p.url}` });
    return answer(`Feed test: ${p.title ?? p.url}`, blocks, { ephemeral: true });
  },
});

export default defineCommandGroup({
  name: 'feeds',
  description: 'Follow RSS and Atom feeds in this channel (admins)',
  access: 'admin',
  category: 'feeds',
  subcommands: { add, remove, list, status, test },
});

/** Autocomplete for 'feeds' options: the feeds this channel follows, by number. */
export function feedsAutocomplete(store: HeraldStore): AutocompleteProvider {
  return async (req) => {
    const channel = await store.channels.find(req.where);
    if (!channel) return [];
    return (await followed(store, channel.id)).map(({ feed }) => ({
      name: `#${feed.id} ${feed.title ?? feed.url}`,
      value: String(feed.id),
    }));
  };
}
