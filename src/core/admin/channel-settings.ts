/**
 * The use cases behind `/channel`: read a setting value (a time zone, a digest format, an article)
 * into a settings patch, and apply it with its audit entry.
 */
import { findArticle } from '../commands/article-ref.js';
import type { ArticleLibrary, Where } from '../ports.js';
import { err, failure, ok, type Result } from '../result.js';
import { checkTimezone } from '../schedule/time.js';
import { DIGEST_FORMATS, type Channel, type ChannelSettings, type DigestFormat } from '../store/records.js';
import { writeAudit, type Actor, type AdminScope } from './scope.js';

export const CHANNEL_SETTINGS = ['timezone', 'format', 'article'] as const;
export type ChannelSetting = (typeof CHANNEL_SETTINGS)[number];

/** Words that put the current article back to "the newest received". */
const LATEST = new Set(['latest', 'newest', 'none', 'auto']);

/** Reads `value` for `setting` into a settings patch, or a Failure with an example of a valid value. */
export async function parseChannelSetting(
  library: ArticleLibrary,
  where: Where,
  setting: ChannelSetting,
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
      const found = await findArticle(library, where, value);
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

/** Applies one setting's patch to the scope's channel and audits the change (before and after). */
export async function setChannelSetting(
  scope: AdminScope,
  actor: Actor,
  setting: ChannelSetting,
  patch: Partial<ChannelSettings>,
): Promise<Result<Channel>> {
  const { channel, store } = scope;
  const updated = await store.channels.updateSettings(channel.id, patch);
  if (!updated) return err(failure('not_found', 'This channel is no longer known.'));
  const key = Object.keys(patch)[0] as keyof ChannelSettings;
  await writeAudit(actor, scope, {
    action: 'channel.set',
    target: setting,
    before: { [key]: channel.settings[key] },
    after: { [key]: updated.settings[key] },
  });
  return ok(updated);
}
