/**
 * Digest key points are whole story sentences; a live blog is recognised and digested as its
 * latest entries (issue 9). Sentences are written for the test.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse/index.js';
import { digestReply } from '../../src/core/answers/digest-reply.js';
import { isLiveBlog, isStorySentence } from '../../src/core/digest/key-points.js';
import { splitSentences } from '../../src/core/ingest/index.js';
import { articleFromParagraphs } from '../helpers/article-from-text.js';

describe('key points', () => {
  it('takes whole sentences and refuses fragments, timestamps, link lines, prompts and teasers', () => {
    expect(isStorySentence('The ferry left the harbour two hours late on Sunday.')).toBe(true);
    for (const bad of [
      '8.',
      '9.41am BST',
      'https://t.co/AbCdEf pic.twitter.com/XyZ',
      'And email Priya here',
      'Follow our coverage of the vote here.',
      'Election night results – live!',
      'Three points from it',
    ])
      expect(isStorySentence(bad), bad).toBe(false);
  });

  it('never splits a time such as 8.13pm into two sentences', () => {
    expect(splitSentences('The goal came at 8.13pm GMT. The crowd sang.')).toEqual([
      'The goal came at 8.13pm GMT.',
      'The crowd sang.',
    ]);
  });
});

describe('live blogs', () => {
  const entries = [
    ['Budget day – live!'],
    ['Email Sam here'],
    ['4.05pm GMT'],
    ['The chancellor has sat down after a speech of almost an hour.'],
    ['3.52pm GMT'],
    ['Fuel duty is frozen for another year, the chancellor says.'],
    ['3.40pm GMT'],
    ['The speech opened with a warning about slower growth next year.'],
  ];

  it('recognises a live blog by its title or by its timestamped entries', () => {
    expect(isLiveBlog(articleFromParagraphs(entries, 'Budget 2031: the chancellor’s statement – live!'))).toBe(true);
    expect(isLiveBlog(articleFromParagraphs(entries, 'Budget 2031'))).toBe(true);
    expect(isLiveBlog(articleFromParagraphs(['The ferry left late.', 'It docked at noon.'], 'Ferry late'))).toBe(false);
  });

  it('says it is a live blog and gives its latest entries, newest first, as key points', () => {
    const article = articleFromParagraphs(entries, 'Budget 2031: the chancellor’s statement – live!');
    const reply = digestReply({ id: article.id, article, facts: analyse(article) } as never);
    const texts = reply.blocks.flatMap((b) => ('text' in b && typeof b.text === 'string' ? [b.text] : []));
    expect(texts.some((t) => /live blog/i.test(t))).toBe(true);
    const points = reply.blocks.find((b) => b.type === 'list' && b.title === 'Key points');
    expect(points && 'items' in points ? points.items.slice(0, 2) : []).toEqual([
      'The chancellor has sat down after a speech of almost an hour.',
      'Fuel duty is frozen for another year, the chancellor says.',
    ]);
  });
});
