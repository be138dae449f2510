import { describe, expect, it } from 'vitest';
import { safeReply } from '../../../src/core/reply/safe-text.js';
import type { Reply } from '../../../src/core/reply/types.js';

const cite = (text: string) => ({ sentenceIds: [1], text: [text], articleTitle: 'T', url: null });

function reply(deep: string): Reply {
  return {
    kind: 'answer',
    ephemeral: false,
    title: 'Title',
    blocks: [
      { type: 'heading', text: 'Heading' },
      { type: 'text', text: 'plain', cite: cite(deep) },
      { type: 'fields', fields: [{ name: 'n', value: 'v', inline: true }] },
      { type: 'buttons', buttons: [{ kind: 'command', label: 'Go', command: 'ask', args: { question: 'q', n: 3 } }] },
      { type: 'divider' },
    ],
  };
}

describe('safeReply', () => {
  it('cleans a string however deep it sits, and leaves the reply it was given as it was', () => {
    const given = reply('a\u001b]52;c;ZXZpbA==\u0007b\u202ez');
    const before = structuredClone(given);
    const safe = safeReply(given);
    expect(given).toEqual(before);
    expect(safe).toEqual({
      ...before,
      blocks: before.blocks.map((b, i) => (i === 1 ? { ...b, cite: cite('abz') } : b)),
    });
    // Only the path to the changed string is new; the rest is shared.
    expect(safe.blocks[0]).toBe(given.blocks[0]);
    expect(safe.blocks[1]).not.toBe(given.blocks[1]);
  });

  it('hands back a reply with nothing to clean unchanged, numbers and booleans included', () => {
    const given = reply('clean text');
    expect(safeReply(given)).toEqual(structuredClone(given));
    expect(safeReply(given)).toBe(given);
  });
});
