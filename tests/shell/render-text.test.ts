import { describe, expect, it } from 'vitest';
import { renderJson, renderText } from '../../src/adapters/text/render-text.js';
import type { Reply } from '../../src/core/reply/types.js';

const cite = { sentenceIds: [12], text: ['Hedman said it.'], articleTitle: 'T', url: null };
const reply: Reply = {
  kind: 'answer',
  ephemeral: false,
  title: 'T',
  blocks: [
    { type: 'heading', text: 'Areas' },
    { type: 'list', ordered: true, items: ['one', 'two'] },
    { type: 'quote', text: 'Working together is crucial.', speaker: 'Niklas Hedman', cite },
    { type: 'fields', fields: [{ name: 'Role', value: 'director' }] },
    { type: 'source', title: 'T', url: 'https://example.org/a', name: 'Xinhua' },
    {
      type: 'buttons',
      buttons: [
        { kind: 'command', label: 'More quotes', command: 'quotes' },
        { kind: 'link', label: 'Read the source', url: 'https://example.org/a' },
      ],
    },
  ],
};

describe('renderText', () => {
  it('renders plain text with underlined headings, numbers, quotes, citations, source and button hints', () => {
    expect(renderText(reply)).toBe(
      [
        'Areas',
        '─────',
        '',
        ' 1. one',
        ' 2. two',
        '',
        '“Working together is crucial.”',
        '  — Niklas Hedman',
        '  [s12] "Hedman said it."',
        '',
        'Role: director',
        '',
        'Source: T (Xinhua) — https://example.org/a',
        '→ More quotes: /quotes',
        '→ Read the source: https://example.org/a',
      ].join('\n'),
    );
  });

  it('uses ANSI bold only when asked', () => {
    expect(renderText(reply, { ansi: true })).toContain('\u001b[1mAreas\u001b[0m');
    expect(renderText(reply)).not.toContain('\u001b[');
  });

  it('clips long citations', () => {
    const long: Reply = { ...reply, blocks: [{ type: 'citation', cite: { ...cite, text: ['x'.repeat(400)] } }] };
    // The title heading comes first (the reply has none of its own), then the clipped citation.
    expect(renderText(long, { citationWidth: 50 })).toMatch(/\n {2}\[s12\] "x{49}…"$/);
  });

  it('renderJson is the reply data', () => {
    expect(JSON.parse(renderJson(reply))).toEqual(reply);
  });
});

describe('replies without a heading', () => {
  it('show their title first, so confirmations like "Schedule #1 added." are not lost', () => {
    const r: Reply = {
      kind: 'answer',
      ephemeral: true,
      title: 'Schedule #1 added.',
      blocks: [{ type: 'text', text: '0 9 * * 1-5 (Europe/Paris)' }],
    };
    expect(renderText(r).split('\n')[0]).toBe('Schedule #1 added.');
    const notFound: Reply = {
      kind: 'not_found',
      ephemeral: true,
      title: 'No such thing.',
      blocks: [{ type: 'text', text: 'No such thing.' }],
    };
    expect(renderText(notFound)).toBe('No such thing.');
  });
});
