/**
 * Reply text is plain text. Before it goes into a Discord message it is escaped so that
 * article words render literally: Markdown is escaped, and mention syntax is broken with a
 * zero-width space. `allowed_mentions: { parse: [] }` is the guarantee that nobody is
 * pinged; this is defence in depth, and it also keeps `@everyone` from rendering as a
 * highlighted mention in embeds.
 */
import { escapeMarkdown } from 'discord.js';

const ZWSP = '\u200b';

/** Breaks `@everyone`, `@here`, `<@id>`, `<@&id>` and `<#id>` so they are shown as text. */
export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<([@#])/g, `<${ZWSP}$1`);
}

/**
 * Plain text → safe Discord Markdown text. Masked links are escaped too (`\[text](url)`):
 * discord.js leaves them alone by default, and a feed item's `[Log in](https://evil.example)`
 * would otherwise show as a link whose text hides where it goes (issue 11, Medium 9).
 */
export function escapeText(text: string): string {
  // discord.js's masked-link pattern is greedy, so only the first of several links on a line was
  // escaped (a title repeated by a template kept the second live): every bracket is escaped.
  return defuseMentions(escapeMarkdown(text, { maskedLink: true }).replace(/(?<!\\)\[/gu, '\\['));
}
