/** /audit: the workspace's recent admin and moderator actions: who, what, when, before and after. */
import { channelScope } from '../src/core/admin/scope.js';
import { clip } from '../src/core/answers/article-text.js';
import { defineCommand } from '../src/core/commands/define.js';
import { answer, info } from '../src/core/reply/build.js';
import type { Block } from '../src/core/reply/types.js';
import { formatInstant } from '../src/core/schedule/time.js';
import type { AuditEntry } from '../src/core/store/records.js';

/** Compact one-line JSON, clipped: the audit shows what changed, /config export shows everything. */
const show = (value: unknown): string =>
  value === null || value === undefined ? '—' : clip(JSON.stringify(value), 300);

function entryBlock(e: AuditEntry, zone: string): Block {
  const who = e.actorName ? `${e.actorName} (${e.actorId})` : e.actorId;
  return {
    type: 'fields',
    fields: [
      { name: `${e.action}${e.target ? ` ${e.target}` : ''}`, value: `${who}, ${formatInstant(e.at, zone)}` },
      { name: 'Before', value: show(e.before), inline: true },
      { name: 'After', value: show(e.after), inline: true },
    ],
  };
}

export default defineCommand({
  name: 'audit',
  description: 'Recent admin and moderator actions in this workspace',
  access: 'admin',
  category: 'admin',
  examples: ['/audit', '/audit 50'],
  options: { n: { type: 'integer', min: 1, max: 100, description: 'How many entries, newest first (default 20)' } },
  needs: ['store'],
  async run(ctx) {
    const scope = await channelScope(ctx.services.store, ctx.where);
    const entries = await scope.store.audit.list(scope.workspace.id, ctx.args.n ?? 20);
    if (entries.length === 0)
      return info('No admin or moderator actions recorded yet.', [
        { type: 'text', text: 'Every /schedule, /channel, /roles, /feeds and /config change is recorded here.' },
      ]);
    const zone = scope.channel.settings.timezone;
    const blocks: Block[] = [];
    entries.forEach((e, i) => {
      if (i > 0) blocks.push({ type: 'divider' });
      blocks.push(entryBlock(e, zone));
    });
    return answer(`Last ${entries.length} action${entries.length === 1 ? '' : 's'}`, blocks, { ephemeral: true });
  },
});
