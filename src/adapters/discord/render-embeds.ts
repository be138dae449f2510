/**
 * Reply → Discord messages. Blocks become embeds (headings start a new embed, lists are
 * numbered, quotes are block quotes, the article citation goes in the footer with the
 * link on the title and a "Read the source" button). Every Discord limit is respected by
 * paging into more embeds and more messages; nothing is dropped silently.
 */
import { MessageFlags, type APIEmbed, type APIEmbedField } from 'discord-api-types/v10';
import type { Block, Citation, Reply, ReplyKind } from '../../core/reply/types.js';
import { renderButtons, type ButtonRow } from './buttons.js';
import { safeReply } from '../../core/reply/safe-text.js';
import { defuseMentions, escapeText } from './escape.js';
import { LIMITS } from './limits.js';
import { clip, splitText } from '../text/split-text.js';

/** One message body, ready for REST (channel message, interaction response or webhook). */
export interface DiscordMessage {
  readonly embeds: APIEmbed[];
  readonly components: ButtonRow[];
  readonly allowed_mentions: { readonly parse: [] };
  readonly flags?: number;
}

/** Why a renderer would leave something out; the adapter logs it. */
export interface RenderResult {
  readonly messages: DiscordMessage[];
  readonly droppedButtons: number;
}

const COLOURS: Record<ReplyKind, number> = { answer: 0x5865f2, info: 0x3498db, not_found: 0x99aab5, error: 0xed4245 };

interface Draft {
  title?: string;
  lines: string[];
  fields: APIEmbedField[];
}

interface Source {
  title: string | null;
  name: string | null;
  url: string | null;
}

const quoteLines = (text: string): string =>
  escapeText(text)
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
/** The article sentences a block comes from, in italics under it: every answer shows its source text. */
const citeLines = (cite: Citation | undefined): string[] => (cite ? cite.text.map((t) => `↳ *${escapeText(t)}*`) : []);

function sourceOf(cite: Citation): Source {
  return { title: cite.articleTitle, name: null, url: cite.url };
}

/** Blocks → drafts (one per embed before limits) plus the buttons and the source to cite. */
function toDrafts(reply: Reply): {
  drafts: Draft[];
  source: Source | null;
  buttons: Extract<Block, { type: 'buttons' }>['buttons'][number][];
} {
  const hasHeading = reply.blocks.some((b) => b.type === 'heading');
  const titled = !hasHeading && (reply.kind === 'answer' || reply.kind === 'info') && reply.title.trim() !== '';
  const drafts: Draft[] = [{ ...(titled ? { title: reply.title } : {}), lines: [], fields: [] }];
  let source: Source | null = null;
  const buttons: Extract<Block, { type: 'buttons' }>['buttons'][number][] = [];
  const current = (): Draft => drafts[drafts.length - 1]!;
  const fresh = (title?: string): void => {
    const d = current();
    if (d.lines.length === 0 && d.fields.length === 0 && d.title === undefined) {
      if (title !== undefined) d.title = title;
    } else drafts.push({ ...(title !== undefined ? { title } : {}), lines: [], fields: [] });
  };
  for (const block of reply.blocks) {
    switch (block.type) {
      case 'heading':
        fresh(block.text);
        break;
      case 'text':
        current().lines.push([escapeText(block.text), ...citeLines(block.cite)].join('\n'));
        if (block.cite && !source) source = sourceOf(block.cite);
        break;
      case 'list': {
        const items = block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '•'} ${escapeText(item)}`);
        current().lines.push(
          [...(block.title ? [`**${escapeText(block.title)}**`] : []), ...items, ...citeLines(block.cite)].join('\n'),
        );
        if (block.cite && !source) source = sourceOf(block.cite);
        break;
      }
      case 'quote':
        // A quote is the article's own words already; its sentences would only repeat it.
        current().lines.push(quoteLines(block.text) + (block.speaker ? `\n— ${escapeText(block.speaker)}` : ''));
        if (block.cite && !source) source = sourceOf(block.cite);
        break;
      case 'fields':
        for (const f of block.fields)
          current().fields.push({
            name: defuseMentions(f.name),
            value: escapeText(f.value),
            inline: f.inline ?? false,
          });
        break;
      case 'citation':
        current().lines.push(block.cite.text.map((t) => quoteLines(t)).join('\n'));
        if (!source) source = sourceOf(block.cite);
        break;
      case 'source':
        source = { title: block.title, name: block.name, url: block.url };
        break;
      case 'buttons':
        buttons.push(...block.buttons);
        break;
      case 'divider':
        fresh();
        break;
    }
  }
  return { drafts, source, buttons };
}

/** Splits long field values and names into several fields, marking continuations. */
function fitFields(fields: readonly APIEmbedField[]): APIEmbedField[] {
  const out: APIEmbedField[] = [];
  for (const f of fields) {
    let name = f.name.trim() || '\u200b';
    let value = f.value.trim() || '\u200b';
    if (name.length > LIMITS.fieldName) {
      value = `${name}\n${value}`;
      name = clip(name, LIMITS.fieldName);
    }
    splitText(value, LIMITS.fieldValue).forEach((piece, i) =>
      out.push({
        name: i === 0 ? name : clip(`${name} (continued)`, LIMITS.fieldName),
        value: piece,
        inline: f.inline ?? false,
      }),
    );
  }
  return out;
}

const sizeOf = (e: APIEmbed): number =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.author?.name.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/** One draft → embeds within the per-embed limits (description, 25 fields, 6,000 characters). */
function draftToEmbeds(d: Draft, colour: number, reserve: number): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let title = d.title !== undefined ? defuseMentions(d.title.trim()) : undefined;
  let description = d.lines.join('\n\n');
  if (title !== undefined && title.length > LIMITS.title) {
    // A title too long for Discord is shown whole in the description, not cut.
    description = `**${escapeText(d.title!.trim())}**\n\n${description}`;
    title = clip(title, LIMITS.title);
  }
  const pieces = description.trim() === '' ? [] : splitText(description, LIMITS.description);
  pieces.forEach((piece, i) =>
    embeds.push({ ...(i === 0 && title ? { title } : {}), description: piece, color: colour }),
  );
  if (embeds.length === 0) embeds.push({ ...(title ? { title } : {}), color: colour });
  let last = embeds[embeds.length - 1]!;
  const budget = LIMITS.charsPerMessage - reserve;
  for (const field of fitFields(d.fields)) {
    const size = sizeOf(last) + field.name.length + field.value.length;
    if ((last.fields?.length ?? 0) >= LIMITS.fields || size > budget) {
      last = { color: colour, fields: [] };
      embeds.push(last);
    }
    (last.fields ??= []).push(field);
  }
  return embeds;
}

function footerText(source: Source | null): string | null {
  if (!source) return null;
  const parts = [source.title, source.name].filter((p): p is string => !!p && p.trim() !== '');
  if (parts.length === 0) return source.url ? `Source: ${source.url}` : null;
  return clip(defuseMentions(`Source: ${parts.join(' — ')}`), LIMITS.footer);
}

/** Packs embeds into messages of ≤ 10 embeds and ≤ 6,000 characters. */
function pack(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const s = sizeOf(e);
    if (current.length > 0 && (current.length >= LIMITS.embedsPerMessage || size + s > LIMITS.charsPerMessage)) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(e);
    size += s;
  }
  if (current.length > 0) messages.push(current);
  return messages;
}

/** Renders a Reply into one or more Discord messages, in order. */
export function renderReply(unsafe: Reply): RenderResult {
  // Controls and bidi overrides go first; Markdown, masked links and mentions in escapeText.
  const reply = safeReply(unsafe);
  const { drafts, source, buttons } = toDrafts(reply);
  const colour = COLOURS[reply.kind];
  const footer = footerText(source);
  const reserve = footer?.length ?? 0;
  const embeds = drafts.flatMap((d) => draftToEmbeds(d, colour, reserve));
  const url = source?.url && /^https?:\/\//i.test(source.url) ? source.url : null;
  // The link goes on the first titled embed; the citation footer on the very last one.
  const firstTitled = embeds.find((e) => e.title);
  if (url && firstTitled) firstTitled.url = url;
  if (footer) {
    const last = embeds[embeds.length - 1]!;
    if (sizeOf(last) + footer.length <= LIMITS.charsPerMessage) last.footer = { text: footer };
    else embeds.push({ color: colour, footer: { text: footer } });
  }
  const { rows, dropped } = renderButtons(buttons, url);
  const flags = reply.ephemeral ? MessageFlags.Ephemeral : undefined;
  const pages = pack(embeds);
  const messages = pages.map((page, i) => ({
    embeds: page,
    components: i === pages.length - 1 ? rows : [],
    allowed_mentions: { parse: [] as [] },
    ...(flags !== undefined ? { flags } : {}),
  }));
  return { messages, droppedButtons: dropped };
}
