/**
 * /channel: admins see and change how this channel's digests read: time zone, digest format
 * and the article commands answer from by default.
 */
import { adminScope, writeAudit } from '../src/core/admin/scope.js';
import { defineCommandGroup, defineSubcommand } from '../src/core/commands/define.js';
import { answer, failureReply } from '../src/core/reply/build.js';
import { failure, type Result, ok, err } from '../src/core/result.js';
import { checkTimezone } from '../src/core/schedule/time.js';
import { DIGEST_FORMATS, type ChannelSettings, type DigestFormat } from '../src/core/store/records.js';
import type { CommandContext } from '../src/core/commands/context.js';
import { findArticle } from '../src/core/commands/article-ref.js';

const SETTINGS = ['timezone', 'format', 'article'] as const;
type Setting = (typeof SETTINGS)[number];

/** Words that put the current article back to "the newest received". */
const LATEST = new Set(['latest', 'newest', 'none', 'auto']);

/** Reads `value` for `setting` into a settings patch, or a Failure with an example of a valid value. */
async function parseSetting(
  ctx: CommandContext<unknown>,
  setting: Setting,
  value: string,
): Promise<Result<Partial<ChannelSettings>>> {
  switch (setting) {
    case 'timezone': {
      const zone = checkTimezone(value);
      return zone.ok ? ok({ timezone: zone.value }) : zone;
    }
    case 'format': {
      const format = value.trim().toLowerCase();
      if (!DIGEST_FORMATS.includes(format as DigestFormat)) {
        return err(
          failure('bad_input', `"${value}" is not a digest format.`, {
            hint: `Use one of: ${DIGEST_FORMATS.join(', ')}, e.g. /channel set format compact.`,
          }),
        );
      }
      return ok({ digestFormat: format as DigestFormat });
    }
    case 'article': {
      if (LATEST.has(value.trim().toLowerCase())) return ok({ currentArticleId: null });
      const found = await findArticle(ctx.services.library, ctx.where, value);
      if (!found)
        return err(
          failure('not_found', `No article matches "${value}".`, {
            hint: 'Type /articles to see this channel\'s articles and give a number or an id from it, or "latest" to follow the newest.',
          }),
        );
      return ok({ currentArticleId: found.id });
    }
  }
}

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
      async run(ctx) {
        const scope = await adminScope(ctx);
        if (!scope.ok) return failureReply(scope.error);
        const { channel, store } = scope.value;
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
        setting: { type: 'string', required: true, choices: SETTINGS, description: 'timezone, format or article' },
        value: {
          type: 'string',
          required: true,
          rest: true,
          description: 'New value: a zone, compact|full, or an article (or "latest")',
        },
      },
      async run(ctx) {
        const scope = await adminScope(ctx);
        if (!scope.ok) return failureReply(scope.error);
        const patch = await parseSetting(ctx, ctx.args.setting, ctx.args.value);
        if (!patch.ok) return failureReply(patch.error);
        const { channel, store } = scope.value;
        const updated = await store.channels.updateSettings(channel.id, patch.value);
        if (!updated) return failureReply(failure('not_found', 'This channel is no longer known.'));
        const key = Object.keys(patch.value)[0] as keyof ChannelSettings;
        await writeAudit(ctx, scope.value, {
          action: 'channel.set',
          target: ctx.args.setting,
          before: { [key]: channel.settings[key] },
          after: { [key]: updated.settings[key] },
        });
        const note =
          ctx.args.setting === 'timezone'
            ? ' Existing schedules keep their own zone; new ones default to this one.'
            : '';
        return answer(
          `Channel ${ctx.args.setting} set.`,
          [
            { type: 'fields', fields: await describe(ctx, updated.settings) },
            ...(note ? [{ type: 'text', text: note.trim() } as const] : []),
          ],
          { ephemeral: true },
        );
      },
    }),
  },
});
