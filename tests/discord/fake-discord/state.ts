/**
 * What the fake Discord remembers between requests, shared by its route files
 * (`message-routes.ts`, `thread-routes.ts`) and built once in `server.ts`.
 */

export interface StoredMessage {
  readonly id: string;
  readonly channelId: string;
  readonly at: number;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Who this message pinged, as Discord decides from its content and `allowed_mentions`. */
  readonly pinged: readonly string[];
}

/** A thread or forum post the fake made: its id is a channel id, as on Discord. */
export interface StoredThread {
  readonly id: string;
  readonly parentId: string;
  readonly name: string;
  readonly autoArchiveDuration: number;
  readonly appliedTags: readonly string[];
  /** The message it was started from (text channels); a forum post's starter message has the thread's id. */
  readonly messageId: string;
}

/** A channel's kind, as `GET /channels/{id}` answers: 0 text, 5 announcement, 15 forum, 16 media. */
export interface FakeChannel {
  readonly type: 0 | 5 | 15 | 16;
  readonly availableTags?: readonly { readonly id: string; readonly name: string }[];
  /** Forum flags; 16 (REQUIRE_TAG) makes a tag mandatory on each post. */
  readonly flags?: number;
}

/** A route's answer: [status, JSON body]; `null` body = no body. */
export type RouteAnswer = [number, unknown];

export interface FakeDiscordState {
  readonly messages: StoredMessage[];
  /** `${channelId}:${nonce}` → the first message sent with that nonce. */
  readonly byNonce: Map<string, StoredMessage>;
  readonly threads: StoredThread[];
  readonly channelKinds: Map<string, FakeChannel>;
  readonly channelGuilds: Map<string, string>;
  readonly forbiddenChannels: Set<string>;
  readonly missingChannels: Set<string>;
  /** Channel id → its permission overwrites, as `GET /channels/{id}` sends them. */
  readonly overwrites: Map<string, readonly unknown[]>;
  readonly nonceWindowMs: number;
  /** Stores a message (its pings worked out) and returns it. */
  store(channelId: string, body: unknown, id?: string): StoredMessage;
  /** A new snowflake that carries the current time, as Discord's do. */
  snowflake(): string;
}

/** Discord's answer to a malformed request body. */
export const invalid = (message: string, code = 50035): RouteAnswer => [400, { message, code }];

/** Discord's 1-100 character rule for names (counted in characters, not UTF-16 units; no lone surrogates). */
export const badName = (name: unknown): boolean =>
  typeof name !== 'string' ||
  [...name].length < 1 ||
  [...name].length > 100 ||
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u.test(name);
