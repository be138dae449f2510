/**
 * The use cases behind `/config`: export the workspace's configuration, and import one: parsed,
 * checked in full first, then applied with its audit entry in one transaction, so a refused
 * document changes nothing and the audit entry exists exactly when the change does.
 */
import type { ChannelDirectory } from '../ports.js';
import type { Result } from '../result.js';
import { ok } from '../result.js';
import type { ScheduleControl } from '../schedule/port.js';
import type { FeedService } from '../feeds/service.js';
import { exportConfig } from './config-doc.js';
import { applyConfig, checkConfigDoc, parseConfigDoc } from './config-import.js';
import { writeAudit, type Actor, type AdminScope } from './scope.js';

/** Applies the JSON of a `/config export` to the scope's workspace; returns one line per change. */
export async function importConfig(
  scope: AdminScope,
  actor: Actor,
  input: { readonly json: string; readonly replace: boolean },
  deps: {
    readonly schedules: ScheduleControl;
    readonly feeds?: FeedService;
    /** Confirms every channel the document names is in the scope's workspace. */
    readonly channels: ChannelDirectory;
    readonly now: Date;
  },
): Promise<Result<readonly string[]>> {
  const { store, workspace } = scope;
  const parsed = parseConfigDoc(input.json);
  if (!parsed.ok) return parsed;
  const checked = await checkConfigDoc(parsed.value, {
    control: deps.schedules,
    repos: store,
    workspaceId: workspace.id,
    now: deps.now,
    where: { platform: workspace.platform, workspaceId: workspace.externalId, channelId: scope.channel.externalId },
    channels: deps.channels,
    ...(deps.feeds ? { feeds: deps.feeds } : {}),
  });
  if (!checked.ok) return checked;
  const options = {
    platform: workspace.platform,
    workspaceId: workspace.externalId,
    replace: input.replace,
    actorId: actor.userId,
  };
  const changes = await store.transaction(async (tx) => {
    const before = await exportConfig(tx, workspace);
    const lines = await applyConfig(tx, checked.value, options);
    if (lines.length > 0)
      await writeAudit(
        actor,
        scope,
        {
          action: 'config.import',
          target: `${lines.length} change(s)`,
          before,
          after: await exportConfig(tx, workspace),
        },
        tx,
      );
    return lines;
  });
  // The scheduler only learns of schedules written straight to the store when it re-reads them.
  if (changes.some((c) => c.includes('schedule'))) await deps.schedules.sync?.();
  return ok(changes);
}
