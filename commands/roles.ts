/**
 * /roles: admins grant moderator or admin access to platform roles, Slack user groups or users,
 * on top of what the platform itself grants. Written `/roles moderator add <@Editors>`, as the
 * issue and the dispatcher's refusal hint spell it.
 */
import { changeGrant } from '../src/core/admin/grants.js';
import { describeRoleTarget } from '../src/core/admin/role-target.js';
import { channelScope } from '../src/core/admin/scope.js';
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

async function grant(ctx: CommandContext<GrantArgs, 'store'>, level: MappedLevel): Promise<Reply> {
  const scope = await channelScope(ctx.services.store, ctx.where);
  const done = await changeGrant(scope, ctx.invoker, { level, ...ctx.args, platform: ctx.where.platform });
  if (!done.ok) return failureReply(done.error);
  const { who, changed } = done.value;
  // Titles start a sentence: "User alex now has …".
  const Who = who[0]!.toUpperCase() + who.slice(1);
  if (ctx.args.action === 'add') {
    if (!changed) return info(`${Who} already has ${level} access.`, [{ type: 'text', text: 'Nothing changed.' }]);
    return answer(
      `${Who} now has ${level} access.`,
      [{ type: 'text', text: `Remove it with /roles ${level} remove ${ctx.args.target}.` }],
      { ephemeral: true },
    );
  }
  if (!changed)
    return info(`${Who} had no ${level} access from Herald.`, [
      {
        type: 'text',
        text: 'Nothing changed. Access the platform grants itself (server or workspace admins) cannot be removed here.',
      },
    ]);
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
      needs: ['store'],
      run: (ctx) => grant(ctx, 'moderator'),
    }),
    admin: defineSubcommand({
      description: 'Grant or take admin access (feeds, settings, roles)',
      examples: ['/roles admin add @Leads'],
      options: GRANT_OPTIONS,
      needs: ['store'],
      run: (ctx) => grant(ctx, 'admin'),
    }),
    list: defineSubcommand({
      description: 'The roles, user groups and users Herald grants access to',
      options: {},
      needs: ['store'],
      async run(ctx) {
        const scope = await channelScope(ctx.services.store, ctx.where);
        const mappings = await scope.store.roles.list(scope.workspace.id);
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
