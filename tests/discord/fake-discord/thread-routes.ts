/**
 * The fake Discord's thread routes: a thread started from a message in a text channel, and a
 * post in a forum or media channel (a thread with its starter message). Each answers `null`
 * when the request is not one of them.
 */
import { badAllowedMentions } from './mentions.js';
import { badName, invalid, type FakeDiscordState, type RouteAnswer, type StoredThread } from './state.js';

const ARCHIVE_DURATIONS = new Set([60, 1440, 4320, 10080]);
const REQUIRE_TAG = 1 << 4;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function threadRoute(s: FakeDiscordState, method: string, path: string, body: any): RouteAnswer | null {
  if (method !== 'POST') return null;
  let m: RegExpMatchArray | null;
  if ((m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/))) {
    // Start Thread from Message: the thread's id is the message's id; one thread per message.
    const [, channelId, messageId] = m as unknown as [string, string, string];
    if (!s.messages.some((x) => x.id === messageId && x.channelId === channelId))
      return [404, { message: 'Unknown Message', code: 10008 }];
    if (s.threads.some((t) => t.id === messageId))
      return invalid('A thread has already been created for this message', 160004);
    if (badName(body?.name)) return invalid('Invalid Form Body: name must be 1-100 characters');
    if (body?.auto_archive_duration !== undefined && !ARCHIVE_DURATIONS.has(body.auto_archive_duration))
      return invalid('Invalid Form Body: auto_archive_duration');
    const t: StoredThread = {
      id: messageId,
      parentId: channelId,
      name: body.name,
      autoArchiveDuration: body.auto_archive_duration ?? 1440,
      appliedTags: [],
      messageId,
    };
    s.threads.push(t);
    return [201, { id: t.id, type: 11, parent_id: channelId, name: t.name }];
  }
  if ((m = path.match(/^\/channels\/(\d+)\/threads$/))) {
    // Start Thread in Forum or Media Channel: a post is a thread with its starter message.
    const channelId = m[1]!;
    const kind = s.channelKinds.get(channelId);
    if (!kind || (kind.type !== 15 && kind.type !== 16)) return invalid('Not a forum channel', 50024);
    if (badName(body?.name)) return invalid('Invalid Form Body: name must be 1-100 characters');
    if (body?.auto_archive_duration !== undefined && !ARCHIVE_DURATIONS.has(body.auto_archive_duration))
      return invalid('Invalid Form Body: auto_archive_duration');
    if (!body?.message) return invalid('Invalid Form Body: message is required');
    const tags: string[] = body.applied_tags ?? [];
    if (tags.length > 5) return invalid('Invalid Form Body: applied_tags must have at most 5 items');
    const known = new Set((kind.availableTags ?? []).map((t) => t.id));
    if (tags.some((t) => !known.has(t))) return invalid('Invalid Form Body: unknown tag');
    if ((kind.flags ?? 0) & REQUIRE_TAG && tags.length === 0)
      return invalid('A tag is required to create a forum post in this channel', 40067);
    const bad = badAllowedMentions(body.message);
    if (bad) return invalid(`Invalid Form Body: allowed_mentions ${bad}`);
    const id = s.snowflake();
    s.store(id, body.message, id);
    const t: StoredThread = {
      id,
      parentId: channelId,
      name: body.name,
      autoArchiveDuration: body.auto_archive_duration ?? 1440,
      appliedTags: tags,
      messageId: id,
    };
    s.threads.push(t);
    return [
      201,
      { id, type: 11, parent_id: channelId, name: t.name, applied_tags: tags, message: { id, ...body.message } },
    ];
  }
  return null;
}
