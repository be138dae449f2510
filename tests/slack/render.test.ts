import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, mrkdwnLink } from '../../src/adapters/slack/escape.js';
import { SLACK_LIMITS, splitEscaped, splitText } from '../../src/adapters/slack/limits.js';
import { decodeButtonValue, renderReply, type SlackBlock } from '../../src/adapters/slack/render-blocks.js';
import type { Reply } from '../../src/core/reply/types.js';

const reply = (blocks: Reply['blocks'], title = 'Title'): Reply => ({
  kind: 'answer',
  ephemeral: false,
  title,
  blocks,
});
const allText = (blocks: readonly SlackBlock[]): string => JSON.stringify(blocks);

describe('escape', () => {
  it('makes mentions inert', () => {
    expect(escapeMrkdwn('Hi <!channel> & <@U123> <!here>')).toBe(
      'Hi &lt;!channel&gt; &amp; &lt;@U123&gt; &lt;!here&gt;',
    );
  });
  it('only links http(s) URLs and keeps the label from breaking out', () => {
    expect(mrkdwnLink('!channel', 'x')).toBe('x');
    expect(mrkdwnLink('https://e.com/a?b=1&c=<2>', 'A|B <!here>')).toBe(
      '<https://e.com/a?b=1&amp;c=&lt;2&gt;|A¦B &lt;!here&gt;>',
    );
  });
  it('escapes every occurrence however many strings went before (its patterns are shared, global ones)', () => {
    const inputs = ['a&b<c>d', '<<&&>>', 'x|y', '&', 'no markup', '>a<b&c|d'];
    const once = inputs.map((t) => [escapeMrkdwn(t), mrkdwnLink('https://e.com/|x', t)]);
    const again = inputs.map((t) => [escapeMrkdwn(t), mrkdwnLink('https://e.com/|x', t)]);
    expect(again).toEqual(once);
    expect(once[1]).toEqual(['&lt;&lt;&amp;&amp;&gt;&gt;', '<https://e.com/%7Cx|&lt;&lt;&amp;&amp;&gt;&gt;>']);
    expect(once[5]![0]).toBe('&gt;a&lt;b&amp;c|d');
  });
});

describe('splitText', () => {
  it('splits at sentence or word boundaries and loses no words', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const pieces = splitText(text, 3000);
    expect(pieces.length).toBeGreaterThan(3);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(3000);
    expect(pieces.join(' ')).toBe(text);
    for (const p of pieces) expect(p.endsWith('.')).toBe(true);
  });
  it('keeps escaped pieces within the limit even when escaping lengthens them', () => {
    const text = '&'.repeat(5000);
    const pieces = splitEscaped(text, 3000, escapeMrkdwn);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(3000);
    expect(pieces.join('')).toBe(escapeMrkdwn(text));
  });
});

describe('renderReply', () => {
  it('renders every block type natively', () => {
    const cite = {
      sentenceIds: [1],
      text: ['He said <!channel> hi.'],
      articleTitle: 'The <b> story',
      url: 'https://news.example/a',
    };
    const { messages, warnings } = renderReply(
      reply([
        { type: 'heading', text: 'Niklas Hedman' },
        { type: 'text', text: 'Director <@U123>', cite },
        { type: 'list', ordered: true, items: ['one', 'two'], title: 'Items' },
        { type: 'quote', text: 'We will go', speaker: 'Someone' },
        { type: 'fields', fields: [{ name: 'Role', value: 'Director' }] },
        { type: 'source', title: 'T', url: 'https://news.example/a', name: 'Xinhua' },
        {
          type: 'buttons',
          buttons: [
            { kind: 'command', label: 'Quotes', command: 'quotes', args: { speaker: 'Hedman' } },
            { kind: 'link', label: 'Open', url: 'https://news.example/a' },
          ],
        },
        { type: 'divider' },
      ]),
    );
    expect(warnings).toEqual([]);
    expect(messages).toHaveLength(1);
    const types = messages[0]!.blocks.map((b) => b.type);
    expect(types).toEqual([
      'header',
      'section',
      'context',
      'section',
      'section',
      'section',
      'context',
      'actions',
      'divider',
    ]);
    const json = allText(messages[0]!.blocks);
    expect(json).not.toMatch(/<!channel>|<@U123>/);
    expect(json).toContain('1. one\\n2. two');
    expect(json).toContain('> We will go\\n— Someone');
    const actions = messages[0]!.blocks.find((b) => b.type === 'actions')!['elements'] as {
      value?: string;
      action_id: string;
    }[];
    expect(decodeButtonValue(actions[0]!.value)).toEqual({ c: 'quotes', a: { speaker: 'Hedman' } });
    expect(actions[0]!.action_id).toMatch(/^herald:quotes:/);
  });

  it('splits long text, headers and many blocks instead of cutting', () => {
    const long = 'word '.repeat(2000).trim();
    const { messages } = renderReply(
      reply([
        { type: 'heading', text: 'H'.repeat(10) + ' ' + 'x '.repeat(100) },
        { type: 'text', text: long },
        ...Array.from({ length: 60 }, () => ({ type: 'divider' as const })),
      ]),
    );
    expect(messages.length).toBe(2);
    const blocks = messages.flatMap((m) => m.blocks);
    for (const m of messages) expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    const header = blocks[0]!['text'] as { text: string };
    expect(header.text.length).toBeLessThanOrEqual(150);
    const sectionTexts = blocks.filter((b) => b.type === 'section').map((b) => (b['text'] as { text: string }).text);
    for (const t of sectionTexts) expect(t.length).toBeLessThanOrEqual(3000);
    const words = sectionTexts
      .join(' ')
      .split(/\s+/)
      .filter((w) => w === 'word').length;
    expect(words).toBe(2000);
  });

  it('splits more than 10 fields and 25 buttons over several blocks', () => {
    const { messages } = renderReply(
      reply([
        { type: 'fields', fields: Array.from({ length: 23 }, (_, i) => ({ name: `n${i}`, value: `v${i}` })) },
        {
          type: 'buttons',
          buttons: Array.from({ length: 30 }, (_, i) => ({
            kind: 'command' as const,
            label: `b${i}`,
            command: 'help',
          })),
        },
      ]),
    );
    const blocks = messages[0]!.blocks;
    expect(blocks.filter((b) => b.type === 'section').map((b) => (b['fields'] as unknown[]).length)).toEqual([
      10, 10, 3,
    ]);
    expect(blocks.filter((b) => b.type === 'actions').map((b) => (b['elements'] as unknown[]).length)).toEqual([25, 5]);
  });
});

describe('slash text', () => {
  it("undoes Slack's encoding of the command text and unwraps pasted links", async () => {
    const { unescapeCommandText } = await import('../../src/adapters/slack/escape.js');
    expect(unescapeCommandText('a &amp;lt; b &lt;x&gt; <https://e.com/rss?a=1&amp;b=2|e.com/rss>')).toBe(
      'a &lt; b <x> https://e.com/rss?a=1&b=2',
    );
  });
  it('keeps key:"two words" together and names the expected options on errors', async () => {
    const { parseSlash } = await import('../../src/adapters/slack/to-invocation.js');
    const { testDispatcher, memoryLogger } = await import('./helpers.js');
    const { registry } = testDispatcher(memoryLogger());
    const body = {
      command: '/quotes',
      text: 'speaker:"Niklas Hedman"',
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
    };
    const r = parseSlash(body, registry);
    expect(r.ok && r.value.args).toEqual({ speaker: 'Niklas Hedman' });
    const umbrella = parseSlash({ ...body, command: '/herald', text: 'feeds add url:https://e.com/rss' }, registry);
    expect(umbrella.ok && umbrella.value).toMatchObject({
      command: 'feeds',
      subcommand: 'add',
      args: { url: 'https://e.com/rss' },
    });
    const bad = parseSlash({ ...body, command: '/herald', text: 'feeds remove x' }, registry);
    expect(!bad.ok && bad.error.message).toContain('Try one of: add, list');
    const bare = parseSlash({ ...body, command: '/herald', text: '' }, registry);
    expect(bare.ok && bare.value.command).toBe('help');
  });
});

describe('sharing', () => {
  it('strips a trailing --share or share:true before the command parses its options', async () => {
    const { stripShareFlag } = await import('../../src/adapters/slack/share.js');
    expect(stripShareFlag('niklas hedman --share')).toEqual({ text: 'niklas hedman', share: true });
    expect(stripShareFlag('  share:TRUE ')).toEqual({ text: '', share: true });
    expect(stripShareFlag('hedman share=true')).toEqual({ text: 'hedman', share: true });
    expect(stripShareFlag('hedman --shared')).toEqual({ text: 'hedman --shared', share: false });
    expect(stripShareFlag('"--share" hedman')).toEqual({ text: '"--share" hedman', share: false });
    const { parseSlash } = await import('../../src/adapters/slack/to-invocation.js');
    const { testDispatcher, memoryLogger } = await import('./helpers.js');
    const { registry } = testDispatcher(memoryLogger());
    const r = parseSlash(
      { command: '/herald', text: 'who-is niklas hedman --share', team_id: 'T1', channel_id: 'C1', user_id: 'U1' },
      registry,
    );
    expect(r.ok && r.value).toMatchObject({ command: 'who-is', args: { name: 'niklas hedman' }, share: true });
  });

  it('answers ephemeral with a share button; in_channel only when shared; errors and ephemeral answers never', async () => {
    const { responsePayloads } = await import('../../src/adapters/slack/reply-payloads.js');
    const { SHARE_ACTION_ID } = await import('../../src/adapters/slack/share.js');
    const value = JSON.stringify({ c: 'who-is', a: { name: 'x' } });
    const answer = reply([{ type: 'text', text: '<!channel> hi' }]);
    const [mine] = responsePayloads(answer, undefined, { shareValue: value });
    expect(mine!.response_type).toBe('ephemeral');
    expect(mine!.blocks.at(-1)).toMatchObject({ type: 'actions', elements: [{ action_id: SHARE_ACTION_ID, value }] });
    const [shared] = responsePayloads(answer, undefined, { share: true, shareValue: value });
    expect(shared!.response_type).toBe('in_channel');
    expect(JSON.stringify(shared)).not.toContain(SHARE_ACTION_ID);
    expect(JSON.stringify(shared)).not.toContain('<!channel>');
    for (const r of [
      { ...answer, ephemeral: true },
      { ...answer, kind: 'error' as const },
      { ...answer, kind: 'not_found' as const },
    ]) {
      const [p] = responsePayloads(r, undefined, { share: true, shareValue: value });
      expect(p!.response_type, r.kind).toBe('ephemeral');
      expect(JSON.stringify(p), r.kind).not.toContain(SHARE_ACTION_ID);
    }
  });

  it('puts the share button on the last message of a long answer, within 50 blocks', async () => {
    const { responsePayloads } = await import('../../src/adapters/slack/reply-payloads.js');
    // 49 dividers + the title heading fill one message exactly; the share button starts the next.
    const payloads = responsePayloads(
      reply(Array.from({ length: 49 }, () => ({ type: 'divider' as const }))),
      undefined,
      { shareValue: '{"c":"x"}' },
    );
    expect(payloads).toHaveLength(2);
    expect(payloads.every((p) => p.blocks.length <= SLACK_LIMITS.blocksPerMessage)).toBe(true);
    expect(payloads[1]!.blocks).toEqual([expect.objectContaining({ block_id: 'herald-share' })]);
  });
});

describe('splitText shared by every adapter', () => {
  it('never cuts an emoji (a surrogate pair) in half when a word is longer than the limit', () => {
    const word = '🚀'.repeat(40);
    for (const max of [7, 8, 9, 3001]) {
      const pieces = splitText(`${word} ${word}`, max);
      for (const p of pieces) {
        expect(p.length).toBeLessThanOrEqual(max);
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(p)).toBe(false);
      }
      expect(pieces.join('').replace(/ /g, '')).toBe(word + word);
    }
  });

  it('cuts after a sentence that ends inside quotes', () => {
    const text = `He said "we are ready." ${'x'.repeat(30)}`;
    expect(splitText(text, 40)[0]).toBe('He said "we are ready."');
  });
});
