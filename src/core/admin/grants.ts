/**
 * The use case behind `/roles`: grant or take moderator or admin access for a platform role, a
 * Slack user group or a user, on top of what the platform itself grants; audited.
 */
import type { Platform } from '../ports.js';
import { ok, type Result } from '../result.js';
import type { MappedLevel } from '../store/records.js';
import { describeRoleTarget, parseRoleTarget } from './role-target.js';
import { writeAudit, type Actor, type AdminScope } from './scope.js';

export interface GrantOutcome {
  /** The target as people read it: "role <@&1>", "user alex". */
  readonly who: string;
  /** False when there was nothing to do (already granted, or nothing to take). */
  readonly changed: boolean;
}

export async function changeGrant(
  scope: AdminScope,
  actor: Actor,
  input: {
    readonly level: MappedLevel;
    readonly action: 'add' | 'remove';
    readonly target: string;
    readonly platform: Platform;
  },
): Promise<Result<GrantOutcome>> {
  const target = parseRoleTarget(input.target, input.platform);
  if (!target.ok) return target;
  const { store, workspace } = scope;
  const who = describeRoleTarget(target.value);
  const mapping = { level: input.level, kind: target.value.kind, externalId: target.value.externalId };
  if (input.action === 'add') {
    const added = await store.roles.add({ workspaceId: workspace.id, ...mapping, createdBy: actor.userId });
    if (!added.created) return ok({ who, changed: false });
    await writeAudit(actor, scope, { action: 'roles.add', target: who, before: null, after: mapping });
    return ok({ who, changed: true });
  }
  const removed = await store.roles.remove(workspace.id, input.level, target.value.kind, target.value.externalId);
  if (!removed) return ok({ who, changed: false });
  await writeAudit(actor, scope, { action: 'roles.remove', target: who, before: mapping, after: null });
  return ok({ who, changed: true });
}
