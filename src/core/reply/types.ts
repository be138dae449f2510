/**
 * A platform-neutral reply: data that each adapter renders natively (Discord embeds,
 * Slack Block Kit, plain text in the shell). All text is plain text: no Markdown, no
 * mention syntax. Adapters escape it for their platform, so article text can never ping.
 */

/** A pointer to the article sentence(s) a block comes from. */
export interface Citation {
  /** Sentence ids in the article. */
  readonly sentenceIds: readonly number[];
  /** The sentences, verbatim, in order. */
  readonly text: readonly string[];
  readonly articleTitle: string | null;
  readonly url: string | null;
  /** Stable article id (content hash), so a button can re-open the same article. */
  readonly articleId?: string | null;
}

/** A button either opens a link or runs a command with arguments (re-dispatched by the adapter). */
export type Button =
  | { readonly kind: 'link'; readonly label: string; readonly url: string }
  | {
      readonly kind: 'command';
      readonly label: string;
      readonly command: string;
      readonly subcommand?: string;
      readonly args?: Readonly<Record<string, string | number | boolean>>;
      readonly style?: 'primary' | 'secondary';
    };

export type Block =
  | { readonly type: 'heading'; readonly text: string }
  | { readonly type: 'text'; readonly text: string; readonly cite?: Citation }
  | {
      readonly type: 'list';
      readonly ordered: boolean;
      readonly items: readonly string[];
      readonly title?: string;
      readonly cite?: Citation;
    }
  | { readonly type: 'quote'; readonly text: string; readonly speaker: string | null; readonly cite?: Citation }
  | {
      readonly type: 'fields';
      readonly fields: readonly { readonly name: string; readonly value: string; readonly inline?: boolean }[];
    }
  | { readonly type: 'citation'; readonly cite: Citation }
  | {
      readonly type: 'source';
      readonly title: string | null;
      readonly url: string | null;
      readonly name: string | null;
    }
  | { readonly type: 'buttons'; readonly buttons: readonly Button[] }
  | { readonly type: 'divider' };

export type ReplyKind = 'answer' | 'not_found' | 'error' | 'info';

export interface Reply {
  readonly kind: ReplyKind;
  /** Shown only to the user who asked (errors, admin answers). */
  readonly ephemeral: boolean;
  /** Short plain-text title used for notifications and fallbacks. */
  readonly title: string;
  readonly blocks: readonly Block[];
  /** For `error` and `not_found` replies: the stable failure code. */
  readonly code?: string;
  /** Reference id of a logged internal error, shown to the user so support can find the log line. */
  readonly ref?: string;
}

/** A message the bot posts on its own (scheduled digests), delivered through the delivery port. */
export interface OutboundMessage {
  readonly reply: Reply;
  /** Idempotency key: the same key is never posted twice to the same channel. */
  readonly deliveryKey: string;
  /**
   * Set when a process that died had claimed this key: it may or may not have posted. The adapter
   * looks on the platform for a message carrying the key (posted since `since`) before posting.
   */
  readonly resume?: { readonly since: Date };
  /** Where and how a live post lands; digests and notices have none. */
  readonly placement?: Placement;
}

/**
 * Where a live post lands beyond the channel (docs/decisions/034-live-posting.md). Adapters do
 * what their platform can: Discord starts a thread from the message, or makes a forum post in a
 * forum channel; Slack replies in the message's thread.
 */
export interface Placement {
  /** A thread for the story: its name (already at most 100 characters) and Discord's auto-archive minutes. */
  readonly thread?: { readonly name: string; readonly autoArchiveMinutes: number };
  /** Posted as the first reply in the story's thread (Slack: the details under a short parent). */
  readonly threadReply?: Reply;
  /** Forum and media channels: the post's tags by name. */
  readonly tags?: readonly string[];
  /** The one Discord role or Slack user group this post pings; nothing else ever is. */
  readonly ping?: { readonly id: string };
  /** Discord announcement channels: crosspost the message to the servers that follow the channel. */
  readonly publish?: boolean;
}

/** What a delivery made: the first message, and the thread it started or lives in. */
export interface Delivered {
  readonly messageId: string | null;
  /** The story's thread: a Discord thread (or forum post) channel id, a Slack parent ts; null when none. */
  readonly threadId?: string | null;
  /**
   * Asked to publish: `published`, `limited` (posted, not published: Discord's 10 crossposts per
   * channel per hour are used up), `not_announcement` (the channel cannot publish) or `failed`.
   */
  readonly publish?: 'published' | 'limited' | 'not_announcement' | 'failed';
}
