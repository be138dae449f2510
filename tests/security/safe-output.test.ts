/**
 * Safe output (issue 11, Medium 8, Medium 9, Low RTL): text from feeds and articles never
 * carries terminal escape sequences to the shell or CLI, never shows a masked link in Discord
 * (or a `<url|text>` link in Slack), and never reorders what a reader sees with bidi overrides,
 * in any renderer.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render-embeds.js';
import { renderReply as renderSlack } from '../../src/adapters/slack/render-blocks.js';
import { renderJson, renderText } from '../../src/adapters/text/render-text.js';
import { main } from '../../src/cli/main.js';
import { safeText } from '../../src/core/reply/safe-text.js';
import type { Reply } from '../../src/core/reply/types.js';
import { ROOT, TEST_DATA_DIR } from '../helpers/spawn-herald.js';

const OSC52 = '\u001b]52;c;cm0gLXJmIH4=\u0007';
const TITLE = '\u001b]0;owned\u001b\\';
const CSI = '\u001b[2J\u001b[31m';
const C1 = '\u009b31m\u009d0;x\u0007';
const RLO = '\u202e';
const ISOLATES = '\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d';
const MASKED = '[Log in to your account](https://evil.example/login)';
const SLACK_LINK = '<https://evil.example/login|Log in>';
const hostile = `Rover ${OSC52}lands${TITLE} ${CSI}safely${C1} at ${RLO}txt.exe${ISOLATES} ${MASKED} ${SLACK_LINK}\rOK`;

/** Every kind of block carrying the hostile text, as feed and article text reaches a reply. */
const reply: Reply = {
  kind: 'answer',
  ephemeral: false,
  title: `Title ${hostile}`,
  blocks: [
    { type: 'heading', text: hostile },
    {
      type: 'text',
      text: hostile,
      cite: { sentenceIds: [0], text: [hostile], articleTitle: hostile, url: 'https://news.example/a' },
    },
    { type: 'list', ordered: true, title: hostile, items: [hostile, hostile] },
    { type: 'quote', text: hostile, speaker: hostile },
    { type: 'fields', fields: [{ name: hostile, value: hostile }] },
    { type: 'source', title: hostile, url: 'https://news.example/a', name: hostile },
    { type: 'buttons', buttons: [{ kind: 'command', label: hostile, command: 'who-is', args: { name: hostile } }] },
  ],
};

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

function expectTerminalSafe(out: string): void {
  expect(out).not.toMatch(UNSAFE);
  expect(out).not.toContain('52;c;');
  expect(out).not.toContain('0;owned');
  expect(out).toContain('Rover lands');
}

describe('terminal output: no escape sequences or controls from article text', () => {
  it('the text and JSON renderers strip OSC 52, window titles, CSI, C1 and bidi characters', () => {
    expectTerminalSafe(renderText(reply));
    expectTerminalSafe(renderJson(reply));
    // With styling on, only Herald's own SGR codes remain.
    const styled = renderText(reply, { ansi: true });
    expect(styled.replace(/\u001b\[[012]m/gu, '')).not.toMatch(UNSAFE);
  });

  it('`herald run` and `herald analyze` on a hostile article print nothing a terminal would act on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-safe-'));
    const file = join(dir, 'hostile.txt');
    writeFileSync(
      file,
      `Mars rover lands${TITLE}\n\nThe rover ${OSC52}landed on Mars today, NASA said. ${CSI}Engineers at ${RLO}JPL${ISOLATES} cheered. ${MASKED}\n\nThe mission lasts two years, the agency said.\n`,
    );
    for (const argv of [
      ['run', '--article', file, '/summary'],
      ['analyze', file],
      ['analyze', file, '--json'],
    ]) {
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let out = '';
      stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
      const code = await main(argv, {
        stdin: new PassThrough(),
        stdout,
        stderr,
        env: { HERALD_DATA_DIR: TEST_DATA_DIR },
        cwd: ROOT,
      });
      expect(code, argv.join(' ')).toBe(0);
      expect(out, argv.join(' ')).not.toMatch(UNSAFE);
      expect(out).not.toContain('52;c;');
      expect(out).toMatch(/rover/i);
    }
  });

  it('keeps line feeds and tabs, turns carriage returns into line feeds', () => {
    expect(safeText('a\tb\r\nc\rd\ne')).toBe('a\tb\nc\nd\ne');
  });
});

describe('Discord: masked links and bidi characters from feed text', () => {
  it('no masked link survives in any embed part, and no bidi override', () => {
    const { messages } = renderDiscord(reply);
    const json = JSON.stringify(messages);
    expect(json).not.toMatch(UNSAFE);
    // Descriptions and field values are where Discord renders Markdown links (titles,
    // field names and footers show them as text).
    const texts = messages.flatMap((m) =>
      m.embeds.flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]),
    );
    // A masked link is `[text](url)` with an unescaped `[`: Discord would show only "text".
    for (const t of texts) expect(t, t).not.toMatch(/(^|[^\\])\[[^\]]*\]\(https?:/u);
    expect(texts.join('\n')).toContain('Log in to your account');
  });
});

describe('Slack: links and bidi characters from feed text', () => {
  it('no <url|text> link and no bidi override reaches mrkdwn', () => {
    const { messages } = renderSlack(reply);
    expect(JSON.stringify(messages)).not.toMatch(UNSAFE);
    // mrkdwn texts and the fallback are parsed for links; plain_text (headers, labels) never is.
    const parsed: string[] = messages.map((m) => m.text);
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (o['type'] === 'mrkdwn' && typeof o['text'] === 'string') parsed.push(o['text']);
        Object.values(o).forEach(walk);
      }
    };
    walk(messages);
    expect(parsed.length).toBeGreaterThan(3);
    for (const t of parsed) expect(t).not.toContain('<https://evil.example');
    expect(parsed.join('\n')).toContain('&lt;https://evil.example/login|Log in&gt;');
  });
});
