/**
 * /roles: admins grant moderator or admin access to platform roles, Slack user groups or users,
 * on top of what the platform itself grants. Written `/roles moderator add <@Editors>`, as the
 * issue and the dispatcher's refusal hint spell it.
 */
import { describeRoleTarget, parseRoleTarget } from '../src/core/admin/role-target.js';
import { adminScope, writeAudit } from '../src/core/admin/scope.js';
import type { CommandContext } from '../src/core/commands/context.js';
import { defineCommandGroup, defineSubcommand } from '../src/core/commands/define.js';
import { answer, failureReply, info } from '../src/core/reply/build.js';
import type { Reply } from '../src/core/reply/types.js';
import type { MappedLevel } from '../src/core/store/records.js';

const GRANT_OPTIONS = {
  action: { type: 'string', required: true, choices: ['add', 'remove'], description: 'add or remove' },
  target: { type: 'string', required: true, rest: true, description: 'A role, user group or user (mention or id)' },
} as const;

type GrantArgs = { readonly action: 'add' | 'remove'; readonly target: string };

async function grant(ctx: CommandContext<GrantArgs>, level: MappedLevel): Promise<Reply> {
  const scope = await adminScope(ctx);
  if (!scope.ok) return failureReply(scope.error);
  const target = parseRoleTarget(ctx.args.target, ctx.where.platform);
  if (!target.ok) return failureReply(target.error);
  const { store, workspace } = scope.value;
  const who = describeRoleTarget(target.value);
  // Titles start a sentence: "User alex now has …".
  const Who = who[0]!.toUpperCase() + who.slice(1);
  const mapping = { level, kind: target.value.kind, externalId: target.value.externalId };
  if (ctx.args.action === 'add') {
    const added = await store.roles.add({ workspaceId: workspace.id, ...mapping, createdBy: ctx.invoker.userId });
    if (!added.created)
      return info(`${Who} already has ${level} access.`, [{ type: 'text', text: 'Nothing changed.' }]);
    await writeAudit(ctx, scope.value, { action: 'roles.add', target: who, before: null, after: mapping });
    return answer(
      `${Who} now has ${level} access.`,
      [{ type: 'text', text: `Remove it with /roles ${level} remove ${ctx.args.target}.` }],
      { ephemeral: true },
    );
  }
  const removed = await store.roles.remove(workspace.id, level, target.value.kind, target.value.externalId);
  if (!removed)
    return info(`${Who} had no ${level} access from Herald.`, [
      {
        type: 'text',
        text: 'Nothing changed. Access the platform grants itself (server or workspace admins) cannot be removed here.',
      },
    ]);
  await writeAudit(ctx, scope.value, { action: 'roles.remove', target: who, before: mapping, after: null });
  return answer(`${Who} no longer has ${level} access from Herald.`, [], { ephemeral: true });
}

export default defineCommandGroup({
  name: 'roles',
  description: 'Who has moderator or admin access, beyond what the platform grants',
  access: 'admin',
  category: 'admin',
  subcommands: {
    moderator: defineSubcommand({
      description: 'Grant or take moderator access (schedules)',
      examples: ['/roles moderator add @Editors', '/roles moderator remove @alex'],
      options: GRANT_OPTIONS,
      run: (ctx) => grant(ctx, 'moderator'),
    }),
    admin: defineSubcommand({
      description: 'Grant or take admin access (feeds, settings, roles)',
      examples: ['/roles admin add @Leads'],
      options: GRANT_OPTIONS,
      run: (ctx) => grant(ctx, 'admin'),
    }),
    list: defineSubcommand({
      description: 'The roles, user groups and users Herald grants access to',
      options: {},
      async run(ctx) {
        const scope = await adminScope(ctx);
        if (!scope.ok) return failureReply(scope.error);
        const mappings = await scope.value.store.roles.list(scope.value.workspace.id);
        if (mappings.length === 0)
          return info('No roles mapped.', [
            {
              type: 'text',
              text: "Only the platform's own admins and moderators have access. Add some with /roles moderator add <role-or-user>.",
            },
          ]);
        const items = mappings.map(
          (m) => `${m.level}: ${describeRoleTarget(m)}${m.createdBy ? ` (added by ${m.createdBy})` : ''}`,
        );
        return answer(
          `${mappings.length} role mapping${mappings.length === 1 ? '' : 's'}`,
          [{ type: 'list', ordered: false, items }],
          { ephemeral: true },
        );
      },
    }),
  },
});
