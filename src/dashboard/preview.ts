/**
 * A digest as it will look on Discord and on Slack: the Reply goes through the real renderers
 * (src/adapters/discord/render-embeds.ts, src/adapters/slack/render-blocks.ts), and what they
 * produce is drawn as HTML and checked against each platform's documented limits.
 */
import { html } from 'hono/html';
import type { APIEmbed } from 'discord-api-types/v10';
import { LIMITS } from '../adapters/discord/limits.js';
import { renderReply as renderDiscord, type DiscordMessage } from '../adapters/discord/render-embeds.js';
import { SLACK_LIMITS } from '../adapters/slack/limits.js';
import { renderReply as renderSlack, type SlackBlock, type SlackMessage } from '../adapters/slack/render-blocks.js';
import type { Reply } from '../core/reply/types.js';
import type { Html } from './html.js';

/** One limit, measured: `within` is false when the rendered message breaks it. */
export interface LimitCheck {
  readonly what: string;
  readonly used: number;
  readonly max: number;
  readonly within: boolean;
}

const check = (what: string, used: number, max: number): LimitCheck => ({ what, used, max, within: used <= max });

const embedChars = (e: APIEmbed): number =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

export function discordChecks(messages: readonly DiscordMessage[]): LimitCheck[] {
  return messages.flatMap((m, i) => {
    const n = messages.length > 1 ? ` (message ${i + 1})` : '';
    const embeds = m.embeds;
    const longest = (f: (e: APIEmbed) => number) => Math.max(0, ...embeds.map(f));
    return [
      check(`embeds${n}`, embeds.length, LIMITS.embedsPerMessage),
      check(
        `characters in all embeds${n}`,
        embeds.reduce((s, e) => s + embedChars(e), 0),
        LIMITS.charsPerMessage,
      ),
      check(
        `longest title${n}`,
        longest((e) => e.title?.length ?? 0),
        LIMITS.title,
      ),
      check(
        `longest description${n}`,
        longest((e) => e.description?.length ?? 0),
        LIMITS.description,
      ),
      check(
        `fields in one embed${n}`,
        longest((e) => e.fields?.length ?? 0),
        LIMITS.fields,
      ),
      check(
        `longest field value${n}`,
        longest((e) => Math.max(0, ...(e.fields ?? []).map((f) => f.value.length))),
        LIMITS.fieldValue,
      ),
    ];
  });
}

const textOf = (b: SlackBlock): string => {
  const t = b['text'] as { text?: string } | undefined;
  return t?.text ?? '';
};

export function slackChecks(messages: readonly SlackMessage[]): LimitCheck[] {
  return messages.flatMap((m, i) => {
    const n = messages.length > 1 ? ` (message ${i + 1})` : '';
    const of = (type: string) => m.blocks.filter((b) => b.type === type);
    const longest = (blocks: SlackBlock[], f: (b: SlackBlock) => number) => Math.max(0, ...blocks.map(f));
    const fields = (b: SlackBlock) => (b['fields'] as { text: string }[] | undefined) ?? [];
    return [
      check(`blocks${n}`, m.blocks.length, SLACK_LIMITS.blocksPerMessage),
      check(
        `longest section text${n}`,
        longest(of('section'), (b) => textOf(b).length),
        SLACK_LIMITS.sectionText,
      ),
      check(
        `longest header${n}`,
        longest(of('header'), (b) => textOf(b).length),
        SLACK_LIMITS.headerText,
      ),
      check(
        `fields in one section${n}`,
        longest(of('section'), (b) => fields(b).length),
        SLACK_LIMITS.fieldsPerSection,
      ),
      check(`fallback text${n}`, m.text.length, SLACK_LIMITS.fallbackText),
    ];
  });
}

function checksList(checks: readonly LimitCheck[]): Html {
  const broken = checks.filter((c) => !c.within);
  return html`<p class="${broken.length ? 'bad' : 'ok'}">
      ${broken.length ? `${broken.length} limit(s) broken` : 'Within every limit checked'}
    </p>
    <details>
      <summary>Limits checked</summary>
      <ul>
        ${checks.map((c) => html`<li class="${c.within ? '' : 'bad'}">${c.what}: ${c.used} of ${c.max}</li>`)}
      </ul>
    </details>`;
}

function discordHtml(messages: readonly DiscordMessage[]): Html {
  return html`${messages.map(
    (m) =>
      html`${m.embeds.map(
        (e) =>
          html`<div class="embed">
            ${e.title ? html`<p><strong>${e.url ? html`<a href="${e.url}" rel="noreferrer noopener">${e.title}</a>` : e.title}</strong></p>` : ''}
            ${e.description ? html`<pre>${e.description}</pre>` : ''}
            ${(e.fields ?? []).map((f) => html`<p><strong>${f.name}</strong><br />${f.value}</p>`)}
            ${e.footer ? html`<p class="muted">${e.footer.text}</p>` : ''}
          </div>`,
      )}`,
  )}`;
}

function slackBlockHtml(b: SlackBlock): Html {
  switch (b.type) {
    case 'header':
      return html`<p class="slack-block slack-header">${textOf(b)}</p>`;
    case 'section':
      return html`<div class="slack-block">
        ${textOf(b) ? html`<pre>${textOf(b)}</pre>` : ''}
        ${((b['fields'] as { text: string }[] | undefined) ?? []).map((f) => html`<pre>${f.text}</pre>`)}
      </div>`;
    case 'context':
      return html`<p class="slack-block slack-context">
        ${((b['elements'] as { text?: string }[] | undefined) ?? []).map((e) => e.text ?? '').join(' · ')}
      </p>`;
    case 'divider':
      return html`<hr />`;
    case 'actions':
      return html`<p class="slack-block">
        ${((b['elements'] as { text?: { text: string } }[] | undefined) ?? []).map((e) => `[${e.text?.text ?? ''}] `)}
      </p>`;
    default:
      return html`<p class="slack-block muted">(${b.type} block)</p>`;
  }
}

/** Both platforms' renderings of `reply`, side by side, each with its limits checked. */
export function previewHtml(reply: Reply): Html {
  const discord = renderDiscord(reply).messages;
  const slack = renderSlack(reply).messages;
  return html`<div class="cards">
    <section class="card" aria-labelledby="pv-discord">
      <h3 id="pv-discord">On Discord: ${discord.length} message(s)</h3>
      ${checksList(discordChecks(discord))} ${discordHtml(discord)}
    </section>
    <section class="card" aria-labelledby="pv-slack">
      <h3 id="pv-slack">On Slack: ${slack.length} message(s)</h3>
      ${checksList(slackChecks(slack))} ${slack.map((m) => html`${m.blocks.map(slackBlockHtml)}`)}
    </section>
  </div>`;
}
