/**
 * `/config import`: read a document, check every value the way the commands would (zones, cron
 * expressions, filters, pinned articles), then apply it inside one store transaction, listing
 * what changed. Every problem is reported at once; a refused document changes nothing.
 */
import { compileFilters } from '../feeds/filters.js';
import type { FeedService } from '../feeds/service.js';
import type { ChannelDirectory, Platform, Where } from '../ports.js';
import { err, failure, ok, type Result } from '../result.js';
import type { ScheduleControl } from '../schedule/port.js';
import { checkTimezone } from '../schedule/time.js';
import type { ContentFilters } from '../store/records.js';
import type { StoreRepositories } from '../store/repositories.js';
import { configDocSchema, type ConfigDoc } from './config-doc.js';

const HINT = 'Start from /config export and change what you need; paste the JSON on one line.';

/** JSON text → a schema-checked document, or a Failure listing every problem with its path. */
export function parseConfigDoc(text: string): Result<ConfigDoc> {
  let json: unknown;
  // Single quotes are how text adapters keep the JSON one word; a pasted pair is not part of it.
  const body = /^'[\s\S]*'$/.test(text.trim()) ? text.trim().slice(1, -1) : text;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return err(failure('bad_input', `The configuration is not valid JSON: ${(e as Error).message}.`, { hint: HINT }));
  }
  const parsed = configDocSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map(
    (i) => `${i.path.length > 0 ? i.path.join('.') : '(document)'}: ${i.message}`,
  );
  return err(
    failure('bad_input', `The configuration was refused:\n- ${problems.join('\n- ')}`, {
      hint: HINT,
      details: { problems },
    }),
  );
}

const sameFilters = (a: ContentFilters, b: ContentFilters): boolean =>
  JSON.stringify([a.include, a.exclude]) === JSON.stringify([b.include, b.exclude]);
const normaliseCron = (expr: string): string => expr.trim().split(/\s+/).join(' ');

/**
 * Checks the values the schema cannot: zones and cron expressions (through the scheduler, so
 * import accepts exactly what `/schedule add` accepts), filter patterns, and that a pinned
 * article is one the workspace received. Returns the document with zones and cron spacing normalised.
 */
export async function checkConfigDoc(
  doc: ConfigDoc,
  deps: {
    readonly control: ScheduleControl | undefined;
    readonly repos: Pick<StoreRepositories, 'articles'>;
    /** The importing workspace (store id): a pinned article must be one its channels received. */
    readonly workspaceId: number;
    readonly now: Date;
    /**
     * The feed address policy. Without it (modes with no feed fetching) addresses are left to
     * the poller, which checks every fetch anyway.
     */
    readonly feeds?: Pick<FeedService, 'checkAddress'>;
    /**
     * Where the import was issued, and the platform's answer to whether another channel id is in
     * that workspace (issue 11, High 3). The issuing channel needs no asking: the platform sent
     * the command from it. Without a directory, naming any other channel is refused.
     */
    readonly where?: Where;
    readonly channels?: ChannelDirectory;
  },
): Promise<Result<ConfigDoc>> {
  const problems: string[] = [];
  const zone = (path: string, z: string): string | null => {
    const checked = checkTimezone(z);
    if (!checked.ok) problems.push(`${path}: ${checked.error.message}`);
    return checked.ok ? checked.value : null;
  };
  const filters = (path: string, f: ContentFilters | undefined) => {
    const compiled = f ? compileFilters(f) : null;
    if (compiled && !compiled.ok) problems.push(`${path}: ${compiled.error.message}`);
  };
  const seen = new Set<string>();
  const channels: ConfigDoc['channels'] = [];
  for (const [i, ch] of doc.channels.entries()) {
    const at = `channels.${i}`;
    if (seen.has(ch.channel)) problems.push(`${at}.channel: "${ch.channel}" appears twice`);
    seen.add(ch.channel);
    if (deps.where && ch.channel !== deps.where.channelId) {
      const target = { ...deps.where, channelId: ch.channel };
      const checked = deps.channels
        ? await deps.channels.check(target)
        : err(failure('platform_error', `Herald cannot check channel ${ch.channel} here.`));
      if (!checked.ok)
        problems.push(`${at}.channel: ${checked.error.message}${checked.error.hint ? ` ${checked.error.hint}` : ''}`);
    }
    const settings = ch.settings ? { ...ch.settings } : undefined;
    if (settings?.timezone) settings.timezone = zone(`${at}.settings.timezone`, settings.timezone) ?? settings.timezone;
    filters(`${at}.settings.filters`, settings?.filters);
    // Another workspace's article reads exactly as an unknown id, so an import cannot probe for one.
    const scope = { workspaceId: deps.workspaceId, channelId: null };
    if (settings?.article && !(await deps.repos.articles.findReceivedIn(scope, { id: settings.article })))
      problems.push(`${at}.settings.article: no article received in this workspace has id "${settings.article}"`);
    ch.feeds.forEach((f, j) => filters(`${at}.feeds.${j}.filters`, f.filters));
    // Private, loopback and metadata addresses are refused now, as /feeds add refuses them,
    // not stored to fail at every poll (issue 11, Low). A name that does not resolve today is
    // left to the poller: DNS can fail for a moment.
    if (deps.feeds)
      for (const [j, f] of ch.feeds.entries()) {
        const checked = await deps.feeds.checkAddress(f.url);
        if (!checked.ok && checked.error.code !== 'feed_unreachable')
          problems.push(`${at}.feeds.${j}.url: ${checked.error.message}`);
      }
    const schedules = ch.schedules.map((s, j) => {
      const tz = zone(`${at}.schedules.${j}.timezone`, s.timezone);
      const cron = normaliseCron(s.cron);
      if (!deps.control) problems.push(`${at}.schedules.${j}: schedules cannot be checked in this mode`);
      else if (tz) {
        // The scheduler's own check, so import accepts exactly what /schedule add accepts.
        const runs = deps.control.nextRuns(cron, tz, 1, deps.now);
        if (!runs.ok) problems.push(`${at}.schedules.${j}.cron: ${runs.error.message} ${runs.error.hint ?? ''}`.trim());
      }
      return { ...s, cron, timezone: tz ?? s.timezone };
    });
    channels.push({ ...ch, ...(settings ? { settings } : {}), schedules });
  }
  if (problems.length > 0)
    return err(
      failure('bad_input', `The configuration was refused:\n- ${problems.join('\n- ')}`, {
        hint: HINT,
        details: { problems },
      }),
    );
  return ok({ ...doc, channels });
}

export interface ApplyOptions {
  readonly platform: Platform;
  /** The platform's workspace id; import always targets the workspace it runs in. */
  readonly workspaceId: string;
  /** Also remove feeds and schedules of the listed channels that the document does not name. */
  readonly replace: boolean;
  readonly actorId: string;
}

/**
 * Applies a checked document through `tx` (a transaction's repositories) and returns one line per
 * change. Channels the document does not list are left alone.
 */
export async function applyConfig(tx: StoreRepositories, doc: ConfigDoc, o: ApplyOptions): Promise<string[]> {
  const changes: string[] = [];
  for (const entry of doc.channels) {
    const channel = await tx.channels.ensure(
      { platform: o.platform, workspaceId: o.workspaceId, channelId: entry.channel },
      entry.name ?? null,
    );
    const label = `${entry.name ?? entry.channel}:`;
    const s = entry.settings ?? {};
    const patch = {
      ...(s.timezone !== undefined && s.timezone !== channel.settings.timezone ? { timezone: s.timezone } : {}),
      ...(s.format !== undefined && s.format !== channel.settings.digestFormat ? { digestFormat: s.format } : {}),
      ...(s.article !== undefined && s.article !== channel.settings.currentArticleId
        ? { currentArticleId: s.article }
        : {}),
      ...(s.filters !== undefined && !sameFilters(s.filters, channel.settings.filters) ? { filters: s.filters } : {}),
    };
    for (const [key, value] of Object.entries(patch)) {
      changes.push(
        `${label} ${key} ${JSON.stringify(channel.settings[key as keyof typeof channel.settings])} → ${JSON.stringify(value)}`,
      );
    }
    if (Object.keys(patch).length > 0) await tx.channels.updateSettings(channel.id, patch);

    const wantedFeeds = new Set<number>();
    for (const f of entry.feeds) {
      const feed = await tx.feeds.ensure(f.url, f.title ?? null);
      wantedFeeds.add(feed.id);
      const filters = f.filters ?? { include: [], exclude: [] };
      const existing = await tx.subscriptions.get(channel.id, feed.id);
      if (existing && sameFilters(existing.filters, filters)) continue;
      await tx.subscriptions.subscribe(channel.id, feed.id, filters, o.actorId);
      changes.push(existing ? `${label} filters of ${f.url} changed` : `${label} + feed ${f.url}`);
    }
    const existingSchedules = [...(await tx.schedules.listForChannel(channel.id))];
    const kept = new Set<number>();
    for (const want of entry.schedules) {
      const same = existingSchedules.find(
        (e) => !kept.has(e.id) && e.cron === want.cron && e.timezone === want.timezone && e.kind === want.kind,
      );
      const what = `${want.cron} (${want.timezone}) ${want.kind}`;
      if (!same) {
        const created = await tx.schedules.create({
          channelId: channel.id,
          cron: want.cron,
          timezone: want.timezone,
          kind: want.kind,
          paused: want.paused,
          createdBy: o.actorId,
        });
        kept.add(created.id);
        changes.push(`${label} + schedule #${created.id} ${what}${want.paused ? ' (paused)' : ''}`);
        continue;
      }
      kept.add(same.id);
      if (same.paused !== want.paused) {
        await tx.schedules.setPaused(same.id, want.paused);
        changes.push(`${label} schedule #${same.id} ${want.paused ? 'paused' : 'resumed'}`);
      }
    }
    if (!o.replace) continue;
    for (const sub of await tx.subscriptions.listForChannel(channel.id)) {
      if (wantedFeeds.has(sub.feedId)) continue;
      await tx.subscriptions.unsubscribe(channel.id, sub.feedId);
      changes.push(`${label} - feed ${(await tx.feeds.get(sub.feedId))?.url ?? sub.feedId}`);
    }
    for (const e of existingSchedules) {
      if (kept.has(e.id)) continue;
      await tx.schedules.remove(e.id);
      changes.push(`${label} - schedule #${e.id} ${e.cron} (${e.timezone}) ${e.kind}`);
    }
  }
  return changes;
}
