/**
 * /dashboard (Slack: /herald dashboard): a private, single-use link to the web dashboard, valid a
 * few minutes. Opening it checks the caller's access again and signs the browser in to this
 * workspace only (docs/dashboard.md).
 */
import { defineCommand } from '../src/core/commands/define.js';
import { answer, failureReply } from '../src/core/reply/build.js';
import { formatInstant } from '../src/core/schedule/time.js';

export default defineCommand({
  name: 'dashboard',
  description: 'A private link to the web dashboard (works once, for a few minutes)',
  access: 'moderator',
  category: 'admin',
  examples: ['/dashboard'],
  options: {},
  needs: ['dashboard'],
  async run(ctx) {
    const link = await ctx.services.dashboard.mint(ctx.where, ctx.invoker);
    if (!link.ok) return failureReply(link.error);
    const { url, expiresAt, level } = link.value;
    const sees = level === 'admin' ? 'feeds, schedules, settings and logs' : 'the schedules';
    return answer(
      'Your dashboard link',
      [
        { type: 'text', text: `Open it before ${formatInstant(expiresAt, 'UTC')}; it works once, for you only.` },
        { type: 'buttons', buttons: [{ kind: 'link', label: 'Open the dashboard', url }] },
        { type: 'text', text: url },
        {
          type: 'text',
          text: `As ${level === 'admin' ? 'an admin' : 'a moderator'} you will see ${sees} of this workspace.`,
        },
      ],
      { ephemeral: true },
    );
  },
});
