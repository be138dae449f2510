/**
 * /channel: admins see and change how this channel's digests read: time zone, digest format
 * and the article commands answer from by default.
 */
import { CHANNEL_SETTINGS, parseChannelSetting, setChannelSetting } from '../src/core/admin/channel-settings.js';
import { channelScope } from '../src/core/admin/scope.js';
import type { CommandContext } from '../src/core/commands/context.js';
import { defineCommandGroup, defineSubcommand } from '../src/core/commands/define.js';
import { answer, failureReply } from '../src/core/reply/build.js';
import type { ChannelSettings } from '../src/core/store/records.js';

/** Settings as the admin reads them, with the current article named rather than hashed. */
async function describe(ctx: CommandContext<unknown>, s: ChannelSettings): Promise<{ name: string; value: string }[]> {
  let article = 'the newest article received';
  if (s.currentArticleId) {
    const a = await ctx.services.library.find(ctx.where, s.currentArticleId);
    article = a
      ? `${a.article.title ?? 'Untitled'} (${s.currentArticleId.slice(0, 12)})`
      : `${s.currentArticleId.slice(0, 12)} (no longer available)`;
  }
  const filters = [...s.filters.include.map((f) => `+${f}`), ...s.filters.exclude.map((f) => `-${f}`)];
  return [
    { name: 'Time zone', value: s.timezone },
    { name: 'Digest format', value: s.digestFormat },
    { name: 'Current article', value: article },
    { name: 'Channel filters', value: filters.length > 0 ? filters.join(', ') : 'none' },
  ];
}

export default defineCommandGroup({
  name: 'channel',
  description: "This channel's settings: time zone, digest format, current article",
  access: 'admin',
  category: 'admin',
  subcommands: {
    settings: defineSubcommand({
      description: "Show this channel's settings",
      options: {},
      needs: ['store'],
      async run(ctx) {
        const { channel, store } = await channelScope(ctx.services.store, ctx.where);
        const [feeds, schedules] = await Promise.all([
          store.subscriptions.listForChannel(channel.id),
          store.schedules.listForChannel(channel.id),
        ]);
        return answer(
          'Channel settings',
          [
            { type: 'fields', fields: await describe(ctx, channel.settings) },
            {
              type: 'text',
              text: `${feeds.length} feed${feeds.length === 1 ? '' : 's'}, ${schedules.length} schedule${schedules.length === 1 ? '' : 's'}. Change a setting with /channel set <timezone|format|article> <value>.`,
            },
          ],
          { ephemeral: true },
        );
      },
    }),
    set: defineSubcommand({
      description: 'Change one setting',
      examples: ['/channel set timezone Europe/Paris', '/channel set format full', '/channel set article latest'],
      options: {
        setting: {
          type: 'string',
          required: true,
          choices: CHANNEL_SETTINGS,
          description: 'timezone, format or article',
        },
        value: {
          type: 'string',
          required: true,
          rest: true,
          description: 'New value: a zone, compact|full, or an article (or "latest")',
        },
      },
      needs: ['store'],
      async run(ctx) {
        const scope = await channelScope(ctx.services.store, ctx.where);
        const patch = await parseChannelSetting(ctx.services.library, ctx.where, ctx.args.setting, ctx.args.value);
        if (!patch.ok) return failureReply(patch.error);
        const updated = await setChannelSetting(scope, ctx.invoker, ctx.args.setting, patch.value);
        if (!updated.ok) return failureReply(updated.error);
        const note =
          ctx.args.setting === 'timezone'
            ? ' Existing schedules keep their own zone; new ones default to this one.'
            : '';
        return answer(
          `Channel ${ctx.args.setting} set.`,
          [
            { type: 'fields', fields: await describe(ctx, updated.value.settings) },
            ...(note ? [{ type: 'text', text: note.trim() } as const] : []),
          ],
          { ephemeral: true },
        );
      },
    }),
  },
});
