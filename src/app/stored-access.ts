/**
 * Access from role mappings: an admin of a workspace grants moderator or admin to a platform
 * role (Discord), a user group (Slack) or a single user. The dispatcher takes the higher of this
 * and the level the platform itself grants.
 */
import { higherAccess } from '../core/commands/define.js';
import type { AccessMappings, Invoker, Where } from '../core/ports.js';
import type { MappedLevel, RoleMapping } from '../core/store/records.js';
import type { HeraldStore } from '../core/store/repositories.js';

/** Whether a mapping applies to this invoker: users by id, roles and user groups by the invoker's role ids. */
function applies(mapping: RoleMapping, invoker: Invoker): boolean {
  if (mapping.kind === 'user') return mapping.externalId === invoker.userId;
  return invoker.roleIds?.includes(mapping.externalId) ?? false;
}

export function createStoredAccess(store: HeraldStore): AccessMappings {
  return {
    async levelFor(where: Where, invoker: Invoker) {
      // Reads only: an unknown workspace has no mappings, and asking must not create it.
      const workspace = await store.workspaces.find(where.platform, where.workspaceId);
      if (!workspace) return 'member';
      let level: 'member' | MappedLevel = 'member';
      for (const mapping of await store.roles.list(workspace.id)) {
        if (applies(mapping, invoker)) level = higherAccess(level, mapping.level);
      }
      return level;
    },
  };
}
