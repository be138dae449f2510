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
    { type: 'buttons', buttons: [{ kind: 'command', label: 'More quotes', command: 'quotes' }, { kind: 'link', label: 'Read the source', url: 'https://example.org/a' }] },
  ],
};

describe('renderText', () => {
  it('renders plain text with underlined headings, numbers, quotes, citations, source and button hints', () => {
    expect(renderText(reply)).toBe(
      [
        'Areas', '─────', '',
        ' 1. one', ' 2. two', '',
        '“Working together is crucial.”', '  — Niklas Hedman', '  [s12] "Hedman said it."', '',
        'Role: director', '',
        'Source: T (Xinhua) — https://example.org/a',
        '→ More quotes: /quotes', '→ Read the source: https://example.org/a',
      ].join('\n'),
    );
  });

  it('uses ANSI bold only when asked', () => {
    expect(renderText(reply, { ansi: true })).toContain('\u001b[1mAreas\u001b[0m');
    expect(renderText(reply)).not.toContain('\u001b[');
  });

  it('clips long citations', () => {
    const long: Reply = { ...reply, blocks: [{ type: 'citation', cite: { ...cite, text: ['x'.repeat(400)] } }] };
    expect(renderText(long, { citationWidth: 50 })).toMatch(/^ {2}\[s12\] "x{49}…"$/);
  });

  it('renderJson is the reply data', () => {
    expect(JSON.parse(renderJson(reply))).toEqual(reply);
  });
});
