/**
 * /config export|import: the workspace's feeds, filters, schedules and channel settings as one
 * JSON document (feeds also as OPML), and back. An import is checked in full first and applied in
 * one transaction; a refused document changes nothing.
 */
import { exportConfig, toOpml } from '../src/core/admin/config-doc.js';
import { checkImportSize, DEFAULT_LIMITS } from '../src/core/limits.js';
import { applyConfig, checkConfigDoc, parseConfigDoc } from '../src/core/admin/config-import.js';
import { adminScope, writeAudit } from '../src/core/admin/scope.js';
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
      async run(ctx) {
        const scope = await adminScope(ctx);
        if (!scope.ok) return failureReply(scope.error);
        const { store, workspace } = scope.value;
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
      async run(ctx) {
        const scope = await adminScope(ctx);
        if (!scope.ok) return failureReply(scope.error);
        const { store, workspace } = scope.value;
        const tooBig = checkImportSize(ctx.args.json, ctx.services.limits ?? DEFAULT_LIMITS);
        if (tooBig) return failureReply(tooBig.failure);
        const parsed = parseConfigDoc(ctx.args.json);
        if (!parsed.ok) return failureReply(parsed.error);
        const checked = await checkConfigDoc(parsed.value, {
          control: ctx.services.schedules,
          repos: store,
          now: ctx.services.clock.now(),
          ...(ctx.services.feeds ? { feeds: ctx.services.feeds } : {}),
        });
        if (!checked.ok) return failureReply(checked.error);
        const options = {
          platform: workspace.platform,
          workspaceId: workspace.externalId,
          replace: ctx.args.replace ?? false,
          actorId: ctx.invoker.userId,
        };
        const changes = await store.transaction(async (tx) => {
          const before = await exportConfig(tx, workspace);
          const lines = await applyConfig(tx, checked.value, options);
          // Audited inside the transaction: the entry exists exactly when the change does.
          if (lines.length > 0)
            await writeAudit(
              ctx,
              scope.value,
              {
                action: 'config.import',
                target: `${lines.length} change(s)`,
                before,
                after: await exportConfig(tx, workspace),
              },
              tx,
            );
          return lines;
        });
        // The scheduler only learns of schedules written straight to the store when it re-reads them.
        if (changes.some((c) => c.includes('schedule'))) await ctx.services.schedules?.sync?.();
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
