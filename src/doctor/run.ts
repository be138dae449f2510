/**
 * `herald doctor`: every check a newcomer would otherwise discover one failure at a time — the
 * mode each platform runs in and why, tokens against the platforms, scopes, the public URL and
 * its certificate, the store, and whether Herald can post in each channel that has a schedule or a feed, with the permissions
 * that channel's settings need.
 * Checks run one after another (a dozen requests); each failure is a finding, never a throw.
 */
import type { REST } from 'discord.js';
import type { Config } from '../config/schema.js';
import type { HeraldStore as Store } from '../core/store/repositories.js';
import type { JobQueue } from '../core/jobs/port.js';
import type { SelectedStore } from '../store/open-store.js';
import { databaseFindings } from './database.js';
import { digestTrouble } from '../core/delivery/digest-status.js';
import { feedPostSettings } from '../core/live/settings.js';
import { botUserIdReader, discordPermissionFindings } from './discord-channel-permissions.js';
import { discordChannelFinding } from './discord-channel.js';
import { discordFindings } from './discord.js';
import { fix, ok, skip, warn, type Finding } from './findings.js';
import { publicUrlFinding, type FetchLike } from './public-url.js';
import { slackChannelFinding, slackFindings } from './slack.js';

export interface DoctorDeps {
  readonly config: Config;
  /** The opened store, or the one-line reason it could not be opened. */
  readonly store: Store | string;
  /** The engine behind the store and the job queue on it: database, migrations and queue checks. */
  readonly database?: { readonly selected: SelectedStore; readonly queue: JobQueue } | null;
  /** Bot-token REST client for Discord; null without DISCORD_TOKEN. */
  readonly discordRest: REST | null;
  /** The https address that reaches Herald (HERALD_PUBLIC_URL or --url). */
  readonly publicUrl: string | null;
  readonly fetch: FetchLike;
}

/** At most this many channels are checked; a large install gets a sample and a note. */
const MAX_CHANNELS = 50;

export async function runDoctor(deps: DoctorDeps): Promise<Finding[]> {
  const { config } = deps;
  const out: Finding[] = [];
  if (!config.discord && !config.slack)
    out.push(ok('Platforms', 'no platform tokens: `herald start` runs the shell on the sample article'));
  if (config.discord) out.push(...(await discordFindings(config.discord, deps.discordRest, deps.publicUrl)));
  if (config.slack) out.push(...(await slackFindings(config.slack)));
  const httpNeeded = config.discord?.mode === 'http' || config.slack?.mode === 'http';
  if (config.discord || config.slack) out.push(await publicUrlFinding(deps.publicUrl, httpNeeded, deps.fetch));

  if (typeof deps.store === 'string') {
    out.push(fix('Store', deps.store));
    return out;
  }
  const store = deps.store;
  if (deps.database) out.push(...(await databaseFindings(deps.database.selected, deps.database.queue)));
  else out.push(ok('Store', `schema version ${await store.schemaVersion()}`));
  out.push(...(await channelFindings(deps, store)));
  return out;
}

async function channelFindings(deps: DoctorDeps, store: Store): Promise<Finding[]> {
  const schedules = await store.schedules.listAll();
  const byChannel = new Map<number, { schedules: number[]; feeds: number[] }>();
  const entry = (id: number) => byChannel.get(id) ?? byChannel.set(id, { schedules: [], feeds: [] }).get(id)!;
  for (const s of schedules) entry(s.channelId).schedules.push(s.id);
  for (const feed of await store.feeds.list())
    for (const sub of await store.subscriptions.listForFeed(feed.id)) entry(sub.channelId).feeds.push(feed.id);
  const out: Finding[] = [];
  const botUserId = deps.discordRest ? botUserIdReader(deps.discordRest) : null;
  let checked = 0;
  for (const [channelId, uses] of byChannel) {
    if (checked++ >= MAX_CHANNELS) {
      out.push(
        skip('Channels', `${byChannel.size - MAX_CHANNELS} more channels with schedules or feeds were not checked`),
      );
      break;
    }
    const channel = await store.channels.get(channelId);
    const workspace = channel ? await store.workspaces.get(channel.workspaceId) : null;
    if (!channel || !workspace) continue;
    const what = describeUses(uses);
    // What the platform check cannot see: a digest that failed, or waits for a retry (decision 048).
    for (const [scheduleId, problem] of await digestTrouble(store.deliveries, channel.id, channel.settings.timezone))
      out.push(warn(`Channel ${channel.externalId}`, `schedule ${scheduleId}: ${problem}`));
    if (workspace.platform === 'discord') {
      if (deps.discordRest && botUserId && deps.config.discord?.token) {
        const seen = await discordChannelFinding(deps.discordRest, workspace.externalId, channel.externalId, what);
        out.push(seen);
        if (seen.status !== 'ok') continue;
        const feeds = uses.feeds.map((feedId) => ({
          feedId,
          settings: feedPostSettings(channel.settings.feedPosts, feedId),
        }));
        out.push(
          ...(await discordPermissionFindings(
            deps.discordRest,
            botUserId,
            workspace.externalId,
            channel.externalId,
            feeds,
          )),
        );
      } else out.push(skip(`Channel ${channel.externalId}`, `${what}: Discord is not configured here`));
    } else if (workspace.platform === 'slack') {
      if (deps.config.slack) out.push(await slackChannelFinding(deps.config.slack, channel.externalId, what));
      else out.push(skip(`Channel ${channel.externalId}`, `${what}: Slack is not configured here`));
    }
  }
  if (byChannel.size === 0) out.push(ok('Channels', 'no schedules or feeds yet, so no channel to check'));
  return out;
}

/** "schedules 1, 2", "feed 3", "schedule 1 and feed 3". */
function describeUses(uses: { schedules: readonly number[]; feeds: readonly number[] }): string {
  const part = (word: string, ids: readonly number[]) =>
    ids.length === 0 ? null : `${word}${ids.length > 1 ? 's' : ''} ${ids.join(', ')}`;
  return [part('schedule', uses.schedules), part('feed', uses.feeds)].filter((p) => p !== null).join(' and ');
}
