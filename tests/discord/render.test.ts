import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply/types.js';
import { renderReply } from '../../src/adapters/discord/render-embeds.js';
import { splitText } from '../../src/adapters/text/split-text.js';
import { decodeCustomId, encodeCustomId } from '../../src/adapters/discord/custom-id.js';
import { LIMITS } from '../../src/adapters/discord/limits.js';
import type { APIEmbed } from 'discord-api-types/v10';

const size = (e: APIEmbed): number =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

const cite = {
  sentenceIds: [2],
  text: ['He said it.'],
  articleTitle: 'Space deal signed',
  url: 'https://example.org/a',
  articleId: 'abc',
};

function answer(blocks: Reply['blocks'], extra: Partial<Reply> = {}): Reply {
  return { kind: 'answer', ephemeral: false, title: 'Who is Niklas Hedman?', blocks, ...extra };
}

/** Every character of text the user should see, stripped of Markdown escapes and zero-width spaces. */
const visible = (messages: { embeds: APIEmbed[] }[]): string =>
  messages
    .flatMap((m) =>
      m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]),
    )
    .join(' ')
    .replace(/\\/g, '')
    .replace(/\u200b/g, '');

describe('splitText', () => {
  it('keeps short text whole and splits long text at paragraph, line and word breaks', () => {
    expect(splitText('hello', 10)).toEqual(['hello']);
    const text = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} has some words in it.`).join('\n\n');
    const pieces = splitText(text, 200);
    expect(pieces.every((p) => p.length <= 200)).toBe(true);
    expect(pieces.every((p) => p.startsWith('Paragraph'))).toBe(true);
    expect(pieces.join('\n\n')).toBe(text);
  });
  it('cuts a single huge word without losing characters or halving an emoji', () => {
    const word = '😀'.repeat(150);
    const pieces = splitText(word, 101);
    expect(pieces.join('')).toBe(word);
    expect(pieces.every((p) => p.length <= 101 && !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});

describe('renderReply', () => {
  it('renders heading, numbered list, quote, fields, citation footer, link and buttons', () => {
    const { messages } = renderReply(
      answer([
        { type: 'heading', text: 'Niklas Hedman' },
        { type: 'text', text: 'Acting director of *UNOOSA*', cite },
        { type: 'list', ordered: true, title: 'Areas', items: ['lunar research', 'deep space'] },
        { type: 'quote', text: 'We welcome it.', speaker: 'Niklas Hedman' },
        { type: 'fields', fields: [{ name: 'Role', value: 'director', inline: true }] },
        { type: 'source', title: 'Space deal signed', url: 'https://example.org/a', name: 'Xinhua' },
        {
          type: 'buttons',
          buttons: [{ kind: 'command', label: 'More quotes', command: 'quotes', args: { speaker: 'Niklas Hedman' } }],
        },
      ]),
    );
    expect(messages).toHaveLength(1);
    const m = messages[0]!;
    expect(m.allowed_mentions).toEqual({ parse: [] });
    expect(m.flags).toBeUndefined();
    const e = m.embeds[0]!;
    expect(e.title).toBe('Niklas Hedman');
    expect(e.url).toBe('https://example.org/a');
    expect(e.description).toContain('Acting director of \\*UNOOSA\\*');
    expect(e.description).toContain('**Areas**\n1. lunar research\n2. deep space');
    expect(e.description).toContain('> We welcome it.\n— Niklas Hedman');
    expect(e.fields).toEqual([{ name: 'Role', value: 'director', inline: true }]);
    expect(e.footer?.text).toBe('Source: Space deal signed — Xinhua');
    const buttons = m.components[0]!.components;
    expect(buttons.map((b) => (b as { label?: string }).label)).toEqual(['More quotes', 'Read the source']);
    expect('custom_id' in buttons[0]! && decodeCustomId(buttons[0].custom_id)).toEqual({
      command: 'quotes',
      subcommand: null,
      args: { speaker: 'Niklas Hedman' },
    });
  });

  it('errors are ephemeral, red and untitled', () => {
    const { messages } = renderReply({
      kind: 'error',
      ephemeral: true,
      title: 'Bad',
      code: 'bad_input',
      blocks: [{ type: 'text', text: 'Bad input.' }],
    });
    expect(messages[0]!.flags).toBe(64);
    expect(messages[0]!.embeds[0]).toMatchObject({ description: 'Bad input.', color: 0xed4245 });
    expect(messages[0]!.embeds[0]!.title).toBeUndefined();
  });

  it('defuses @everyone, @here and role mentions in article text', () => {
    const { messages } = renderReply(
      answer([{ type: 'text', text: 'Hello @everyone and @here and <@&123> and <@456>' }]),
    );
    const d = messages[0]!.embeds[0]!.description!;
    expect(d).not.toMatch(/@everyone|@here|<@&|<@\d/);
    expect(d.replace(/\u200b/g, '')).toContain('@everyone');
  });

  it('pages a very long reply into several embeds and messages within every limit, losing nothing', () => {
    const para = (i: number): string => `Sentence number ${i} of a long article, with enough words to take some room.`;
    const long = Array.from({ length: 400 }, (_, i) => para(i)).join('\n\n');
    const fields = Array.from({ length: 60 }, (_, i) => ({ name: `Field ${i}`, value: 'v'.repeat(900) }));
    const { messages } = renderReply(
      answer([
        { type: 'text', text: long },
        { type: 'fields', fields },
        { type: 'source', title: 'T', url: 'https://e.org/x', name: null },
      ]),
    );
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      expect(m.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
      expect(m.embeds.reduce((n, e) => n + size(e), 0)).toBeLessThanOrEqual(LIMITS.charsPerMessage);
      for (const e of m.embeds) {
        expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
        expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
      }
    }
    const text = visible(messages);
    for (let i = 0; i < 400; i++) expect(text).toContain(para(i));
    expect(messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? []))).toHaveLength(60);
    expect(messages.at(-1)!.embeds.at(-1)!.footer?.text).toBe('Source: T');
    expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
  });

  it('splits field values over 1,024 characters and keeps a too-long title whole in the description', () => {
    const title = 'T'.repeat(300);
    const { messages } = renderReply(
      answer([
        { type: 'heading', text: title },
        { type: 'fields', fields: [{ name: 'Big', value: 'word '.repeat(500) }] },
      ]),
    );
    const e = messages[0]!.embeds;
    expect(e[0]!.title!.length).toBeLessThanOrEqual(256);
    expect(e[0]!.description).toContain(title);
    const fs = e.flatMap((x) => x.fields ?? []);
    expect(fs.length).toBe(3);
    expect(fs.every((f) => f.value.length <= 1024)).toBe(true);
    expect(fs[1]!.name).toBe('Big (continued)');
  });

  it('replaces a command button whose arguments do not fit with the article link', () => {
    const { messages, droppedButtons } = renderReply(
      answer([
        { type: 'citation', cite },
        {
          type: 'buttons',
          buttons: [{ kind: 'command', label: 'Again', command: 'ask', args: { q: 'x'.repeat(120) } }],
        },
      ]),
    );
    const buttons = messages[0]!.components[0]!.components;
    expect(buttons).toHaveLength(1);
    expect(buttons[0]).toMatchObject({ label: 'Read the source', url: 'https://example.org/a' });
    expect(droppedButtons).toBe(0);
  });
});

describe('custom ids', () => {
  it('round-trip, refuse foreign ids, and refuse to exceed 100 characters', () => {
    const id = encodeCustomId({ command: 'feeds', subcommand: 'test', args: { id: 3, full: true } });
    expect(id).toBe('h1:feeds:test:{"id":3,"full":true}');
    expect(decodeCustomId(id!)).toEqual({ command: 'feeds', subcommand: 'test', args: { id: 3, full: true } });
    expect(decodeCustomId('test')).toBeNull();
    expect(decodeCustomId('h1:who-is::{"a":{"b":1}}')).toBeNull();
    expect(decodeCustomId('h1:Bad Name::')).toBeNull();
    expect(encodeCustomId({ command: 'ask', subcommand: null, args: { q: 'y'.repeat(100) } })).toBeNull();
  });
});

describe('citations in embeds', () => {
  it('quote the article sentence under the text it supports', async () => {
    const { renderReply } = await import('../../src/adapters/discord/render-embeds.js');
    const cite = {
      sentenceIds: [7],
      text: ['Jane Roe, head of the agency, said it was ready.'],
      articleTitle: 'T',
      url: 'https://example.org/a',
      articleId: 'abc',
    };
    const out = renderReply({
      kind: 'answer',
      ephemeral: false,
      title: 'Jane Roe',
      blocks: [
        { type: 'heading', text: 'Jane Roe' },
        { type: 'text', text: 'Jane Roe, head of the agency.', cite },
      ],
    });
    const description = out.messages[0]!.embeds![0]!.description ?? '';
    expect(description).toContain('Jane Roe, head of the agency.');
    expect(description).toContain('↳ *Jane Roe, head of the agency, said it was ready.*');
  });
});
