/**
 * /config export|import: the workspace's feeds, filters, schedules and channel settings as one
 * JSON document (feeds also as OPML), and back. An import is checked in full first and applied in
 * one transaction; a refused document changes nothing.
 */
import { exportConfig, toOpml } from '../src/core/admin/config-doc.js';
import { checkImportSize, DEFAULT_LIMITS } from '../src/core/limits.js';
import { importConfig } from '../src/core/admin/config-transfer.js';
import { channelScope } from '../src/core/admin/scope.js';
import { defineCommandGroup, defineSubcommand } from '../src/core/commands/define.js';
import { answer, failureReply, info } from '../src/core/reply/build.js';

export default defineCommandGroup({
  name: 'config',
  description: "Export or import this workspace's feeds, schedules and settings",
  access: 'admin',
  category: 'admin',
  subcommands: {
    export: defineSubcommand({
      description: 'The workspace configuration as JSON, and its feeds as OPML',
      options: {},
      needs: ['store'],
      async run(ctx) {
        const { store, workspace } = await channelScope(ctx.services.store, ctx.where);
        const doc = await exportConfig(store, workspace);
        const feeds = doc.channels.reduce((n, c) => n + c.feeds.length, 0);
        const schedules = doc.channels.reduce((n, c) => n + c.schedules.length, 0);
        return answer(
          'Workspace configuration',
          [
            {
              type: 'text',
              text: `${doc.channels.length} channel(s), ${feeds} feed subscription(s), ${schedules} schedule(s). Apply it again with /config import '<json>' (single quotes around it in the shell and Slack).`,
            },
            { type: 'heading', text: 'Configuration (JSON)' },
            // One line, apostrophes as \u0027: wrapped in single quotes it passes a text adapter's word splitting intact.
            { type: 'text', text: JSON.stringify(doc).replace(/'/g, '\\u0027') },
            { type: 'heading', text: 'Feeds (OPML)' },
            { type: 'text', text: toOpml(doc, workspace.platform, workspace.externalId) },
          ],
          { ephemeral: true },
        );
      },
    }),
    import: defineSubcommand({
      description: 'Apply a configuration exported by /config export',
      examples: [
        '/config import \'{"herald":1,"channels":[...]}\'',
        '/config import replace:true \'{"herald":1,...}\'',
      ],
      options: {
        json: { type: 'string', required: true, rest: true, description: 'The JSON from /config export' },
        replace: {
          type: 'boolean',
          description: 'Also remove feeds and schedules the JSON does not list (default: false)',
        },
      },
      needs: ['store', 'schedules', 'feeds', 'channels'],
      async run(ctx) {
        const tooBig = checkImportSize(ctx.args.json, ctx.services.limits ?? DEFAULT_LIMITS);
        if (tooBig) return failureReply(tooBig.failure);
        const scope = await channelScope(ctx.services.store, ctx.where);
        const imported = await importConfig(
          scope,
          ctx.invoker,
          { json: ctx.args.json, replace: ctx.args.replace ?? false },
          {
            schedules: ctx.services.schedules,
            feeds: ctx.services.feeds,
            channels: ctx.services.channels,
            now: ctx.services.clock.now(),
          },
        );
        if (!imported.ok) return failureReply(imported.error);
        const changes = imported.value;
        if (changes.length === 0)
          return info('Nothing changed: the workspace already matches this configuration.', [
            { type: 'text', text: 'No changes were made.' },
          ]);
        return answer(
          `Configuration imported: ${changes.length} change(s).`,
          [{ type: 'list', ordered: false, items: changes }],
          { ephemeral: true },
        );
      },
    }),
  },
});
