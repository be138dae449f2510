/**
 * Escaping for Slack's mrkdwn. Slack only decodes `&amp;`, `&lt;` and `&gt;`, and every
 * mention (`<!channel>`, `<!here>`, `<@U123>`, `<#C123>`) is written with `<`…`>`; escaping
 * those three characters in article text is therefore enough to make a mention inert.
 */

// Module constants, not literals in the functions: a regular expression literal makes a new
// RegExp object each time it is evaluated (56 bytes), and these run for every string of every
// reply. Shared global patterns are safe with `replace`, which starts and ends at lastIndex 0.
const AMP = /&/g;
const LT = /</g;
const GT = />/g;
const PIPE = /\|/g;
const HTTP_URL = /^https?:\/\/[^\s]+$/i;
// eslint-disable-next-line no-control-regex
const PLAIN_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const WRAPPED_LINK = /<((?:https?|mailto):[^|>\s]+)(?:\|[^>]*)?>/gi;
const LT_ENTITY = /&lt;/g;
const GT_ENTITY = /&gt;/g;
const AMP_ENTITY = /&amp;/g;

/** Escapes `&`, `<`, `>` so article text can never notify or link by itself. */
export function escapeMrkdwn(text: string): string {
  return text.replace(AMP, '&amp;').replace(LT, '&lt;').replace(GT, '&gt;');
}

/**
 * A `<url|label>` link, or the escaped label alone when the URL is not http(s): a value such
 * as `!channel` in the URL slot would otherwise become a broadcast mention.
 */
export function mrkdwnLink(url: string | null | undefined, label: string): string {
  const safeLabel = escapeMrkdwn(label).replace(PIPE, '¦');
  if (!url || !HTTP_URL.test(url)) return safeLabel;
  // `|` ends the URL part of a link; percent-encode it rather than let it cut the label.
  const safeUrl = escapeMrkdwn(url).replace(PIPE, '%7C');
  return safeLabel ? `<${safeUrl}|${safeLabel}>` : `<${safeUrl}>`;
}

/** Plain-text fields (headers, button labels) are never parsed for mentions; only trim control characters. */
export function plainText(text: string): string {
  return text.replace(PLAIN_CONTROLS, '');
}

/**
 * Slack encodes `&`, `<`, `>` in a slash command's `text`, and may wrap a pasted link as
 * `<https://…>` or `<https://…|label>`; this gives back what the user typed.
 */
export function unescapeCommandText(text: string): string {
  return text.replace(WRAPPED_LINK, '$1').replace(LT_ENTITY, '<').replace(GT_ENTITY, '>').replace(AMP_ENTITY, '&');
}
