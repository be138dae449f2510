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
import { postSettingsOf, setFeedPost } from '../src/core/live/feed-post-actions.js';
import {
  DEFAULT_POST_MODE,
  describePostSettings,
  MAX_BACKFILL,
  POST_MODES,
  SETTING_NAMES,
} from '../src/core/live/settings.js';
import { templatePreview } from '../src/core/live/preview.js';
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
    '/feeds add https://example.com/feed.xml post:digest',
    '/feeds add https://example.com/feed.xml backfill:3',
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
    post: {
      type: 'string',
      choices: POST_MODES,
      description: 'live: post each new item as it arrives (default); digest: only in scheduled digests',
    },
    backfill: {
      type: 'integer',
      min: 0,
      max: MAX_BACKFILL,
      description: `Also post the newest N items the feed has now (at most ${MAX_BACKFILL}); default 0`,
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
      post: {
        defaultMode: DEFAULT_POST_MODE,
        ...(ctx.args.post ? { mode: ctx.args.post } : {}),
        ...(ctx.args.backfill !== undefined ? { backfill: ctx.args.backfill } : {}),
      },
    });
    if (!followed.ok) return failureReply(feedFailureHint(followed.error));
    const { feed, before, preview: p, posts } = followed.value;
    const fields = [
      { name: 'Feed', value: `#${feed.id} ${p.title ?? '(untitled)'}` },
      { name: 'URL', value: p.url },
      { name: 'Items in the feed now', value: String(p.itemCount), inline: true },
      { name: 'Filters', value: describeFilters(filters.value) ?? 'none: every item', inline: true },
      ...describePostSettings(posts),
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
        {
          type: 'text',
          text:
            posts.post === 'live'
              ? `New items are posted here as they arrive; change it with /feeds set ${feed.id} post digest. /feeds status shows how fetching goes.`
              : `New items wait for this channel's digest (/schedule add); post them as they arrive with /feeds set ${feed.id} post live.`,
        },
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
        {
          type: 'fields',
          fields: [
            ...statusFields(f.feed, f.subscription.filters),
            ...describePostSettings(postSettingsOf(scope.channel, f.feed.id)),
          ],
        },
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

const set = defineSubcommand({
  description: 'How a feed posts here: live or digest, thread, forum tags, role ping, template, publish',
  access: 'admin',
  examples: [
    '/feeds set 3 post live',
    '/feeds set 3 thread on',
    '/feeds set 3 archive 1440',
    '/feeds set 3 tags space, science',
    '/feeds set 3 mention @news only:mars',
    '/feeds set 3 template "{title} ({feed}): {lead} {link}"',
    '/feeds set 3 publish on',
  ],
  options: {
    feed: { type: 'string', required: true, autocomplete: 'feeds', description: 'The feed: its number, URL or title' },
    setting: { type: 'string', required: true, choices: SETTING_NAMES, description: 'What to change' },
    value: {
      type: 'string',
      required: true,
      rest: true,
      description: 'live|digest, on|off, 60|1440|4320|10080, tag names, @role or off, a template or off',
    },
    only: { type: 'string', description: 'mention: ping only for items matching these (keywords or /regex/i)' },
  },
  needs: ['store'],
  async run(ctx) {
    const scope = await channelScope(ctx.services.store, ctx.where);
    const changed = await setFeedPost(scope, ctx.invoker, {
      feed: ctx.args.feed,
      setting: ctx.args.setting,
      value: ctx.args.value,
      ...(ctx.args.only !== undefined ? { only: ctx.args.only } : {}),
    });
    if (!changed.ok) return failureReply(changed.error);
    const { feed, after } = changed.value;
    const blocks: Block[] = [{ type: 'fields', fields: describePostSettings(after) }];
    if (ctx.args.setting === 'template' && after.template) {
      blocks.push({ type: 'text', text: 'The next post will read:' });
      const preview = await templatePreview(ctx.services.store, scope.channel.id, feed.id, after.template);
      blocks.push(...preview);
    }
    return answer(`Updated how ${feed.title ?? feed.url} posts here`, blocks, { ephemeral: true });
  },
});

export default defineCommandGroup({
  name: 'feeds',
  description: 'Follow RSS and Atom feeds in this channel (admins)',
  access: 'admin',
  category: 'feeds',
  subcommands: { add, remove, list, status, test, set },
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
