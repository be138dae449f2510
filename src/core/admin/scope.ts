/**
 * What every moderator and admin use case starts from: the store, the stored workspace and channel
 * the command was issued in, and a way to write the audit entry every such action owes. Commands
 * that declare `needs: ['store']` always have a store, so none of this is a run-time check.
 */
import type { Where } from '../ports.js';
import type { AuditEntry, Channel, Workspace } from '../store/records.js';
import type { HeraldStore, StoreRepositories } from '../store/repositories.js';

export interface AdminScope {
  readonly store: HeraldStore;
  readonly workspace: Workspace;
  readonly channel: Channel;
}

/** Who acts: the invoker as the audit log records them. */
export interface Actor {
  readonly userId: string;
  readonly displayName?: string;
}

/** The stored workspace and channel of `where`, created with default settings on first sight. */
export async function channelScope(store: HeraldStore, where: Where): Promise<AdminScope> {
  const channel = await store.channels.ensure(where);
  const workspace = await store.workspaces.get(channel.workspaceId);
  if (!workspace) throw new Error(`Channel ${channel.id} has no workspace ${channel.workspaceId}`);
  return { store, workspace, channel };
}

export interface AuditInput {
  /** Dotted verb: "schedule.add", "channel.set", "roles.add", "config.import". */
  readonly action: string;
  readonly target?: string | null;
  readonly before?: unknown;
  readonly after?: unknown;
}

/**
 * Records who did what, with before/after. Pass `tx` inside a transaction so the entry commits
 * (or rolls back) with the change it describes.
 */
export function writeAudit(
  actor: Actor,
  scope: AdminScope,
  entry: AuditInput,
  tx?: StoreRepositories,
): Promise<AuditEntry> {
  return (tx ?? scope.store).audit.append({
    workspaceId: scope.workspace.id,
    actorId: actor.userId,
    actorName: actor.displayName ?? null,
    action: entry.action,
    target: entry.target ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
