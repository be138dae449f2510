/**
 * The workspace configuration as a document: what `/config export` writes and `/config import`
 * reads back. Channels are named by their platform id, feeds by URL and schedules by what they
 * do, never by store row ids, so a document moves between databases.
 */
import { z } from 'zod';
import type { Platform } from '../ports.js';
import { DIGEST_FORMATS, SCHEDULE_KINDS, type Workspace } from '../store/records.js';
import type { StoreRepositories } from '../store/repositories.js';

export const CONFIG_DOC_VERSION = 1;

const pattern = z.string().min(1).max(200);
const filtersSchema = z.strictObject({
  include: z.array(pattern).max(20).default([]),
  exclude: z.array(pattern).max(20).default([]),
});
const httpUrl = z
  .string()
  .trim()
  .url('must be a URL like https://example.org/feed.xml')
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http or https URL');

const channelSchema = z.strictObject({
  /** The platform's channel id. */
  channel: z.string().trim().min(1).max(100),
  name: z.string().nullable().optional(),
  settings: z
    .strictObject({
      timezone: z.string().min(1),
      format: z.enum(['compact', 'full'] satisfies typeof DIGEST_FORMATS),
      /** Stored article id (content hash) pinned as current, or null for "newest received". */
      article: z.string().min(1).nullable(),
      filters: filtersSchema,
    })
    .partial()
    .optional(),
  feeds: z
    .array(z.strictObject({ url: httpUrl, title: z.string().nullable().optional(), filters: filtersSchema.optional() }))
    .max(200)
    .default([]),
  schedules: z
    .array(
      z.strictObject({
        cron: z.string().min(1).max(100),
        timezone: z.string().min(1),
        kind: z.enum(['new-articles', 'current-article'] satisfies typeof SCHEDULE_KINDS),
        paused: z.boolean().default(false),
      }),
    )
    .max(50)
    .default([]),
});

/** The document's schema; unknown keys are refused so a typo never passes silently. */
export const configDocSchema = z.strictObject({
  herald: z.literal(CONFIG_DOC_VERSION),
  /** Informational: where it was exported from. Import always applies to the current workspace. */
  workspace: z.strictObject({ platform: z.string(), id: z.string() }).optional(),
  channels: z.array(channelSchema).max(500),
});

export type ConfigDoc = z.infer<typeof configDocSchema>;
export type ChannelDoc = ConfigDoc['channels'][number];

/** The workspace's configuration as a document, read through `repos` (the store or a transaction). */
export async function exportConfig(repos: StoreRepositories, workspace: Workspace): Promise<ConfigDoc> {
  const channels: ChannelDoc[] = [];
  for (const channel of await repos.channels.listByWorkspace(workspace.id)) {
    const feeds: ChannelDoc['feeds'] = [];
    for (const sub of await repos.subscriptions.listForChannel(channel.id)) {
      const feed = await repos.feeds.get(sub.feedId);
      if (feed)
        feeds.push({
          url: feed.url,
          title: feed.title,
          filters: { include: [...sub.filters.include], exclude: [...sub.filters.exclude] },
        });
    }
    const schedules = (await repos.schedules.listForChannel(channel.id)).map((s) => ({
      cron: s.cron,
      timezone: s.timezone,
      kind: s.kind,
      paused: s.paused,
    }));
    const s = channel.settings;
    channels.push({
      channel: channel.externalId,
      name: channel.name,
      settings: {
        timezone: s.timezone,
        format: s.digestFormat,
        article: s.currentArticleId,
        filters: { include: [...s.filters.include], exclude: [...s.filters.exclude] },
      },
      feeds: feeds.sort((a, b) => a.url.localeCompare(b.url)),
      schedules,
    });
  }
  channels.sort((a, b) => a.channel.localeCompare(b.channel));
  return {
    herald: CONFIG_DOC_VERSION,
    workspace: { platform: workspace.platform, id: workspace.externalId },
    channels,
  };
}

const xmlAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The feeds as OPML 2.0, one outline per channel, for feed readers and other bots. */
export function toOpml(doc: ConfigDoc, platform: Platform, workspaceId: string): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${xmlAttr(`Herald feeds: ${platform} ${workspaceId}`)}</title></head>`,
    '  <body>',
  ];
  for (const ch of doc.channels) {
    if (ch.feeds.length === 0) continue;
    const label = xmlAttr(ch.name ?? ch.channel);
    lines.push(`    <outline text="${label}" title="${label}">`);
    for (const f of ch.feeds) {
      const text = xmlAttr(f.title ?? f.url);
      lines.push(`      <outline type="rss" text="${text}" title="${text}" xmlUrl="${xmlAttr(f.url)}"/>`);
    }
    lines.push('    </outline>');
  }
  lines.push('  </body>', '</opml>');
  return lines.join('\n');
}
