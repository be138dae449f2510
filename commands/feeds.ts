/**
 * /feeds: admins point a channel at RSS/Atom feeds, with include/exclude filters per
 * subscription. `add` and `test` fetch the feed once (slow: adapters acknowledge first);
 * the poller does the rest. Every change is audited with before/after.
 */
import { channelScope } from '../src/core/admin/scope.js';
import { unavailableNotice } from '../src/core/admin/unavailable.js';
import type { AutocompleteProvider } from '../src/core/commands/autocomplete.js';
import { defineCommandGroup, defineSubcommand } from '../src/core/commands/define.js';
import { describeFilters, feedFailureHint, feedLine, statusFields } from '../src/core/feeds/describe.js';
import { parseFilterOptions } from '../src/core/feeds/filters.js';
import {
  followedFeeds,
  followFeed,
  parseFeedUrl,
  pickFollowed,
  unfollowFeed,
  notFollowed,
} from '../src/core/feeds/follow.js';
import type { HeraldStore } from '../src/core/store/repositories.js';
import { answer, failureReply, info } from '../src/core/reply/build.js';
import type { Block } from '../src/core/reply/types.js';

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
  needs: ['store', 'feeds'],
  async run(ctx) {
    const url = parseFeedUrl(ctx.args.url);
    if (!url.ok) return failureReply(url.error);
    const filters = parseFilterOptions(ctx.args.include, ctx.args.exclude);
    if (!filters.ok) return failureReply(filters.error);
    const scope = await channelScope(ctx.services.store, ctx.where);
    const followed = await followFeed(ctx.services.feeds, scope, ctx.invoker, {
      url: url.value,
      filters: filters.value,
    });
    if (!followed.ok) return failureReply(feedFailureHint(followed.error));
    const { feed, before, preview: p } = followed.value;
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
  needs: ['store'],
  async run(ctx) {
    const removed = await unfollowFeed(await channelScope(ctx.services.store, ctx.where), ctx.invoker, ctx.args.feed);
    if (!removed.ok) return failureReply(removed.error);
    const { feed } = removed.value;
    return answer(
      `This channel no longer follows ${feed.title ?? feed.url}`,
      [{ type: 'text', text: `Articles it already received stay. Follow it again with /feeds add ${feed.url}` }],
      { ephemeral: true },
    );
  },
});

const NO_FEEDS = info('This channel follows no feeds yet.', [
  { type: 'text', text: 'An admin can add one with /feeds add <url>.' },
]);

const list = defineSubcommand({
  description: 'The feeds this channel follows',
  access: 'moderator',
  examples: ['/feeds list'],
  options: {},
  needs: ['store'],
  async run(ctx) {
    const scope = await channelScope(ctx.services.store, ctx.where);
    const all = await followedFeeds(ctx.services.store, scope.channel.id);
    if (all.length === 0) return NO_FEEDS;
    const items = all.map((f) => feedLine(f.feed, f.subscription.filters));
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
  needs: ['store'],
  async run(ctx) {
    const scope = await channelScope(ctx.services.store, ctx.where);
    const all = await followedFeeds(ctx.services.store, scope.channel.id);
    if (all.length === 0) return NO_FEEDS;
    let shown = all;
    if (ctx.args.feed) {
      const one = pickFollowed(all, ctx.args.feed);
      if (!one) return failureReply(notFollowed(ctx.args.feed));
      shown = [one];
    }
    const blocks: Block[] = [...unavailableNotice(scope.channel)];
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
  needs: ['feeds'],
  async run(ctx) {
    const preview = await ctx.services.feeds.preview(ctx.args.url);
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
    return (await followedFeeds(store, channel.id)).map(({ feed }) => ({
      name: `#${feed.id} ${feed.title ?? feed.url}`,
      value: String(feed.id),
    }));
  };
}
