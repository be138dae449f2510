/**
 * The fake Discord's channel routes: `GET /channels/{id}` (kind, guild, thread parent) and a
 * channel's messages (send with nonce handling, list newest first). Each answers `null` when
 * the request is not one of them.
 */
import { badAllowedMentions } from './mentions.js';
import { invalid, type FakeDiscordState, type RouteAnswer } from './state.js';

export function channelRoute(
  s: FakeDiscordState,
  method: string,
  path: string,
  body: any, // eslint-disable-line @typescript-eslint/no-explicit-any
  query: URLSearchParams,
): RouteAnswer | null {
  let m: RegExpMatchArray | null;
  if ((m = path.match(/^\/channels\/(\d+)$/)) && method === 'GET') {
    const channelId = m[1]!;
    if (s.missingChannels.has(channelId)) return [404, { message: 'Unknown Channel', code: 10003 }];
    if (s.forbiddenChannels.has(channelId)) return [403, { message: 'Missing Access', code: 50001 }];
    const guild = s.channelGuilds.get(channelId);
    const kind = s.channelKinds.get(channelId);
    const thread = s.threads.find((t) => t.id === channelId);
    return [
      200,
      {
        id: channelId,
        type: thread ? 11 : (kind?.type ?? (guild ? 0 : 1)),
        ...(guild ? { guild_id: guild } : {}),
        name: thread?.name ?? `c${channelId}`,
        ...(thread ? { parent_id: thread.parentId } : {}),
        ...(kind?.availableTags ? { available_tags: kind.availableTags.map((t) => ({ ...t, moderated: false })) } : {}),
        flags: kind?.flags ?? 0,
        permission_overwrites: s.overwrites.get(channelId) ?? [],
      },
    ];
  }
  if ((m = path.match(/^\/channels\/(\d+)\/messages$/)) && method === 'POST') {
    const channelId = m[1]!;
    if (s.missingChannels.has(channelId)) return [404, { message: 'Unknown Channel', code: 10003 }];
    if (s.forbiddenChannels.has(channelId)) return [403, { message: 'Missing Access', code: 50001 }];
    const key = `${channelId}:${body?.nonce}`;
    const earlier = s.byNonce.get(key);
    if (body?.enforce_nonce && body?.nonce !== undefined && earlier && Date.now() - earlier.at < s.nonceWindowMs)
      return [200, { ...earlier.body, id: earlier.id }];
    const kind = s.channelKinds.get(channelId);
    if (kind && (kind.type === 15 || kind.type === 16))
      return invalid('Cannot send messages in a forum channel: create a post', 50008);
    const bad = badAllowedMentions(body);
    if (bad) return invalid(`Invalid Form Body: allowed_mentions ${bad}`);
    const msg = s.store(channelId, body);
    if (body?.nonce !== undefined) s.byNonce.set(key, msg);
    return [200, { id: msg.id, channel_id: channelId, ...body }];
  }
  if ((m = path.match(/^\/channels\/(\d+)\/messages$/)) && method === 'GET') {
    // Newest first, at most `limit` (≤ 100), only ids above `after`; the nonce comes back as sent.
    const channelId = m[1]!;
    const after = BigInt(query.get('after') ?? '0');
    const limit = Math.min(100, Number(query.get('limit') ?? 50));
    const found = s.messages.filter((x) => x.channelId === channelId && BigInt(x.id) > after).slice(0, limit);
    return [200, found.reverse().map((x) => ({ ...x.body, id: x.id, channel_id: channelId }))];
  }
  return null;
}
