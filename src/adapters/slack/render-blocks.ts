/**
 * Renders a platform-neutral `Reply` as Slack Block Kit. Pure: no Bolt, no I/O.
 *
 * Every piece of article text goes through `escapeMrkdwn` and sits in `verbatim` text
 * objects, so `<!channel>` in an article shows as text and URLs are not auto-linked into
 * mentions. Anything over a Block Kit limit is split into more blocks, and more than 50
 * blocks into more messages: nothing is cut.
 */
import { displayBlocks } from '../../core/reply/build.js';
import type { Block, Button, Citation, Reply } from '../../core/reply/types.js';
import { safeReply } from '../../core/reply/safe-text.js';
import { escapeMrkdwn, mrkdwnLink, plainText } from './escape.js';
import { chunk, SLACK_LIMITS as L, splitEscaped, splitText } from './limits.js';

/** A Block Kit block as sent to Slack (kept loose: this module is the only producer). */
export type SlackBlock = { readonly type: string } & Readonly<Record<string, unknown>>;

/** One Slack message: the fallback `text` (notifications, screen readers) and its blocks. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

/** What a Herald button carries in its `value`: enough to re-dispatch the command. */
export interface ButtonPayload {
  readonly c: string;
  readonly s?: string;
  readonly a?: Readonly<Record<string, string | number | boolean>>;
}

/** Action ids of Herald's command buttons start with this; Bolt routes them by a regex on it. */
export const ACTION_PREFIX = 'herald:';

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string): SlackBlock => ({ type: 'section', text: mrkdwn(text) });

/** Sections for escaped-on-the-way text; `lead` (already mrkdwn) prefixes the first one. */
function sections(raw: string, lead = ''): SlackBlock[] {
  const budget = L.sectionText - lead.length;
  return splitEscaped(raw, budget, escapeMrkdwn).map((t, i) => section(i === 0 ? lead + t : t));
}

/** Joins mrkdwn lines (each already within the limit) into sections of at most 3,000 characters. */
function linesToSections(lines: readonly string[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > L.sectionText) {
      out.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(section(current));
  return out;
}

function citationBlocks(cite: Citation): SlackBlock[] {
  const parts = cite.text.flatMap((t) => splitEscaped(t, L.contextText - 4, escapeMrkdwn).map((p) => `_“${p}”_`));
  if (cite.url || cite.articleTitle) parts.push(`— ${mrkdwnLink(cite.url, cite.articleTitle ?? cite.url ?? '')}`);
  if (parts.length === 0) return [];
  return chunk(parts, L.contextElements).map((els) => ({ type: 'context', elements: els.map(mrkdwn) }));
}

function headerBlocks(text: string): SlackBlock[] {
  const clean = plainText(text).trim();
  if (clean === '') return [];
  const [first, ...rest] = splitText(clean, L.headerText);
  // The part of a long heading that does not fit the header continues, in bold, below it.
  return [
    { type: 'header', text: { type: 'plain_text', text: first!, emoji: false } },
    ...rest.flatMap((r) => sections(r).map(boldSection)),
  ];
}

function boldSection(b: SlackBlock): SlackBlock {
  const t = (b['text'] as { text: string }).text;
  return t.length + 2 <= L.sectionText ? section(`*${t}*`) : b;
}

function fieldsBlocks(fields: readonly { name: string; value: string }[]): SlackBlock[] {
  const texts = fields.flatMap((f) => {
    const name = `*${escapeMrkdwn(plainText(f.name))}*\n`;
    return splitEscaped(f.value, L.fieldText - name.length, escapeMrkdwn).map((v, i) => (i === 0 ? name + v : v));
  });
  return chunk(texts, L.fieldsPerSection).map((group) => ({ type: 'section', fields: group.map(mrkdwn) }));
}

/** Encodes a command button; null when its arguments do not fit Slack's 2,000-character value. */
export function encodeButtonValue(b: Extract<Button, { kind: 'command' }>): string | null {
  const payload: ButtonPayload = {
    c: b.command,
    ...(b.subcommand ? { s: b.subcommand } : {}),
    ...(b.args ? { a: b.args } : {}),
  };
  const value = JSON.stringify(payload);
  return value.length <= L.buttonValue ? value : null;
}

/** Decodes a button value written by `encodeButtonValue`; null for anything else. */
export function decodeButtonValue(value: string | undefined): ButtonPayload | null {
  if (!value) return null;
  try {
    const v = JSON.parse(value) as unknown;
    if (typeof v !== 'object' || v === null || typeof (v as ButtonPayload).c !== 'string') return null;
    const p = v as ButtonPayload;
    if (p.s !== undefined && typeof p.s !== 'string') return null;
    if (p.a !== undefined && (typeof p.a !== 'object' || p.a === null || Array.isArray(p.a))) return null;
    return p;
  } catch {
    return null;
  }
}

const HTTP_PREFIX = /^https?:\/\//i;

function buttonBlocks(buttons: readonly Button[], seq: { n: number }, warnings: string[]): SlackBlock[] {
  const elements: SlackBlock[] = [];
  for (const b of buttons) {
    const label = splitText(plainText(b.label), L.buttonText)[0] ?? '';
    const text = { type: 'plain_text', text: label || '…', emoji: false };
    if (b.kind === 'link') {
      if (!HTTP_PREFIX.test(b.url) || b.url.length > 3000) {
        warnings.push(`link button "${b.label}" has an unusable URL`);
        continue;
      }
      elements.push({ type: 'button', text, url: b.url, action_id: `link:${seq.n++}` });
      continue;
    }
    const value = encodeButtonValue(b);
    if (!value) {
      warnings.push(`button "${b.label}" carries more than ${L.buttonValue} characters of arguments`);
      continue;
    }
    // action_id must be unique within a message; the counter runs across the whole reply.
    elements.push({
      type: 'button',
      text,
      value,
      action_id: `${ACTION_PREFIX}${b.command}:${seq.n++}`,
      ...(b.style === 'primary' ? { style: 'primary' } : {}),
    });
  }
  return chunk(elements, L.actionsElements).map((els) => ({ type: 'actions', elements: els }));
}

function renderBlock(block: Block, seq: { n: number }, warnings: string[]): SlackBlock[] {
  switch (block.type) {
    case 'heading':
      return headerBlocks(block.text);
    case 'text':
      return [...sections(block.text), ...(block.cite ? citationBlocks(block.cite) : [])];
    case 'list': {
      // An item longer than a section continues on the next line(s) rather than being cut.
      const lines = block.items.flatMap((item, i) =>
        splitEscaped(item, L.sectionText - 12, escapeMrkdwn).map((t, k) =>
          k === 0 ? `${block.ordered ? `${i + 1}.` : '•'} ${t}` : `   ${t}`,
        ),
      );
      if (block.title)
        lines.unshift(...splitEscaped(block.title, L.sectionText - 2, escapeMrkdwn).map((t) => `*${t}*`));
      return [...linesToSections(lines), ...(block.cite ? citationBlocks(block.cite) : [])];
    }
    case 'quote': {
      const speaker = block.speaker ? `\n— ${escapeMrkdwn(block.speaker)}` : '';
      const body = splitEscaped(block.text, L.sectionText - 200, escapeMrkdwn).map((t) =>
        t
          .split('\n')
          .map((l) => `> ${l}`)
          .join('\n'),
      );
      const last = body.length - 1;
      return [
        ...body.map((t, i) => section(i === last ? t + speaker : t)),
        ...(block.cite ? citationBlocks(block.cite) : []),
      ];
    }
    case 'fields':
      return fieldsBlocks(block.fields);
    case 'citation':
      return citationBlocks(block.cite);
    case 'source': {
      const label = block.title ?? block.url ?? block.name ?? '';
      const parts = [
        mrkdwnLink(block.url, label),
        block.name && block.name !== label ? escapeMrkdwn(block.name) : '',
      ].filter(Boolean);
      if (parts.length === 0) return [];
      const full = `Source: ${parts.join(' · ')}`;
      // A link too long for a context element is shown as its escaped label pieces instead.
      const texts =
        full.length <= L.contextText ? [full] : splitEscaped(`Source: ${label}`, L.contextText, escapeMrkdwn);
      return chunk(texts, L.contextElements).map((els) => ({ type: 'context', elements: els.map(mrkdwn) }));
    }
    case 'buttons':
      return buttonBlocks(block.buttons, seq, warnings);
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/** The fallback text: the title, escaped, within Slack's notification-friendly length. */
export function fallbackText(reply: Reply): string {
  const title = reply.title.trim() || 'Herald';
  return escapeMrkdwn(splitText(title, L.fallbackText - 10)[0] ?? title);
}

/** The result of rendering: one or more messages (50 blocks each) and anything that could not be rendered. */
export interface RenderedReply {
  readonly messages: readonly SlackMessage[];
  readonly warnings: readonly string[];
}

/**
 * Renders a reply as Slack messages of at most 50 blocks each; the first carries the title as
 * fallback. `trailing` blocks (the adapter's own, such as the share button) end the last message.
 */
export function renderReply(unsafe: Reply, trailing: readonly SlackBlock[] = []): RenderedReply {
  // Controls and bidi overrides go first; `<url|text>` links and mentions in escapeMrkdwn.
  const reply = safeReply(unsafe);
  const warnings: string[] = [];
  const seq = { n: 0 };
  const blocks = displayBlocks(reply).flatMap((b) => renderBlock(b, seq, warnings));
  if (reply.ref && !reply.blocks.some((b) => b.type === 'text' && b.text.includes(reply.ref!))) {
    blocks.push({ type: 'context', elements: [mrkdwn(`Reference: ${escapeMrkdwn(reply.ref)}`)] });
  }
  if (blocks.length === 0) blocks.push(section(fallbackText(reply)));
  blocks.push(...trailing);
  const text = fallbackText(reply);
  const groups = chunk(blocks, L.blocksPerMessage);
  return {
    messages: groups.map((g, i) => ({ text: i === 0 ? text : `${text} (${i + 1}/${groups.length})`, blocks: g })),
    warnings,
  };
}
