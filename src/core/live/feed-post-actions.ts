/**
 * The use cases behind `/feeds add ... post:` and `/feeds set`: how a followed feed posts in a
 * channel, written to the channel's settings with an audit entry.
 */
import { writeAudit, type Actor, type AdminScope } from '../admin/scope.js';
import { parseFilterOptions } from '../feeds/filters.js';
import { followedFeeds, notFollowed, pickFollowed } from '../feeds/follow.js';
import { err, failure, ok, type Result } from '../result.js';
import type { Channel, Feed } from '../store/records.js';
import { applySetting, feedPostSettings, type FeedPostSettings, type SettingName } from './settings.js';
import { checkTemplate } from './template.js';
import { writeFeedPost } from './write-settings.js';

export interface FeedPostChange {
  readonly feed: Feed;
  readonly before: FeedPostSettings;
  readonly after: FeedPostSettings;
}

/** `/feeds set <feed> <setting> <value> [only:<filter>]`. */
export async function setFeedPost(
  scope: AdminScope,
  actor: Actor,
  input: { readonly feed: string; readonly setting: SettingName; readonly value: string; readonly only?: string },
): Promise<Result<FeedPostChange>> {
  const target = pickFollowed(await followedFeeds(scope.store, scope.channel.id), input.feed);
  if (!target) return err(notFollowed(input.feed));
  let only = null;
  if (input.only !== undefined) {
    if (input.setting !== 'mention')
      return err(
        failure('bad_input', 'only: goes with mention, to ping for some items only.', {
          hint: 'Like /feeds set 3 mention @news only:mars',
        }),
      );
    const parsed = parseFilterOptions(input.only, undefined);
    if (!parsed.ok) return parsed;
    only = parsed.value;
  }
  const before = feedPostSettings(scope.channel.settings.feedPosts, target.feed.id);
  const applied = applySetting(before, input.setting, input.value, { only, template: checkTemplate });
  if (!applied.ok) return applied;
  const after = applied.value;
  await scope.store.transaction(async (tx) => {
    await writeFeedPost(tx, scope.channel.id, target.feed.id, () => after);
    await writeAudit(
      actor,
      scope,
      {
        action: 'feeds.set',
        target: target.feed.url,
        before: { [input.setting]: pick(before, input.setting) },
        after: { [input.setting]: pick(after, input.setting) },
      },
      tx,
    );
  });
  return ok({ feed: target.feed, before, after });
}

function pick(s: FeedPostSettings, name: SettingName): unknown {
  const key = name === 'archive' ? 'archiveMinutes' : name;
  return s[key];
}

/** The channel's settings for each feed, for `/feeds status`. */
export const postSettingsOf = (channel: Channel, feedId: number): FeedPostSettings =>
  feedPostSettings(channel.settings.feedPosts, feedId);
