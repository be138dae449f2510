/**
 * What every moderator and admin command starts from: the store, the stored workspace and channel
 * the command was issued in, and a way to write the audit entry every such action owes.
 */
import type { CommandContext } from '../commands/context.js';
import { err, failure, ok, type Result } from '../result.js';
import type { AuditEntry, Channel, Workspace } from '../store/records.js';
import type { HeraldStore, StoreRepositories } from '../store/repositories.js';

export interface AdminScope {
  readonly store: HeraldStore;
  readonly workspace: Workspace;
  readonly channel: Channel;
}

/** The store, or a Failure for runs that have none (a store-less unit test, a read-only demo). */
export function requireStore(ctx: CommandContext<unknown>): Result<HeraldStore> {
  const store = ctx.services.store;
  return store
    ? ok(store)
    : err(
        failure('bad_input', "This command needs Herald's database, which this run does not have.", {
          hint: 'Start Herald with a data directory (HERALD_DATA_DIR).',
        }),
      );
}

/** The stored workspace and channel of the command, created with default settings on first sight. */
export async function adminScope(ctx: CommandContext<unknown>): Promise<Result<AdminScope>> {
  const store = requireStore(ctx);
  if (!store.ok) return store;
  const channel = await store.value.channels.ensure(ctx.where);
  const workspace = await store.value.workspaces.get(channel.workspaceId);
  if (!workspace) throw new Error(`Channel ${channel.id} has no workspace ${channel.workspaceId}`);
  return ok({ store: store.value, workspace, channel });
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
  ctx: CommandContext<unknown>,
  scope: AdminScope,
  entry: AuditInput,
  tx?: StoreRepositories,
): Promise<AuditEntry> {
  return (tx ?? scope.store).audit.append({
    workspaceId: scope.workspace.id,
    actorId: ctx.invoker.userId,
    actorName: ctx.invoker.displayName ?? null,
    action: entry.action,
    target: entry.target ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
