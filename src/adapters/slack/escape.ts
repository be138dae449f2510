/**
 * Escaping for Slack's mrkdwn. Slack only decodes `&amp;`, `&lt;` and `&gt;`, and every
 * mention (`<!channel>`, `<!here>`, `<@U123>`, `<#C123>`) is written with `<`…`>`; escaping
 * those three characters in article text is therefore enough to make a mention inert.
 */

/** Escapes `&`, `<`, `>` so article text can never notify or link by itself. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A `<url|label>` link, or the escaped label alone when the URL is not http(s): a value such
 * as `!channel` in the URL slot would otherwise become a broadcast mention.
 */
export function mrkdwnLink(url: string | null | undefined, label: string): string {
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, '¦');
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return safeLabel;
  // `|` ends the URL part of a link; percent-encode it rather than let it cut the label.
  const safeUrl = escapeMrkdwn(url).replace(/\|/g, '%7C');
  return safeLabel ? `<${safeUrl}|${safeLabel}>` : `<${safeUrl}>`;
}

/** Plain-text fields (headers, button labels) are never parsed for mentions; only trim control characters. */
export function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/**
 * Slack encodes `&`, `<`, `>` in a slash command's `text`, and may wrap a pasted link as
 * `<https://…>` or `<https://…|label>`; this gives back what the user typed.
 */
export function unescapeCommandText(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^|>\s]+)(?:\|[^>]*)?>/gi, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
