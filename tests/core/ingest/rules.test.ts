import { describe, expect, it } from 'vitest';
import {
  cleanBlocks,
  extractDateline,
  ingestDocument,
  ingestMarkdown,
  isCaption,
  splitSentences,
} from '../../../src/core/ingest/index.js';

describe('splitSentences', () => {
  it.each([
    [
      'George W. Bush met Sen. Chuck Schumer, D-N.Y., on Tuesday. They talked.',
      ['George W. Bush met Sen. Chuck Schumer, D-N.Y., on Tuesday.', 'They talked.'],
    ],
    ['Dr. Jane Doe, Ph.D., agreed. Acme Corp. said so.', ['Dr. Jane Doe, Ph.D., agreed.', 'Acme Corp. said so.']],
    ['The vote was 5-4 (see Fig. 2). It passed.', ['The vote was 5-4 (see Fig. 2).', 'It passed.']],
    ['He lives in the U.S. He likes it.', ['He lives in the U.S.', 'He likes it.']],
    [
      'Officials met on Nov. 21 in Washington. Results follow.',
      ['Officials met on Nov. 21 in Washington.', 'Results follow.'],
    ],
    ['Visit www.example.com for more. Then stop.', ['Visit www.example.com for more.', 'Then stop.']],
    ['She said it would end. ” Then left.', ['She said it would end.”', 'Then left.']],
    ['It reached the universe. .', ['It reached the universe.']],
    ['“We will win.” “We must,” she said.', ['“We will win.”', '“We must,” she said.']],
  ])('%s', (input, expected) => {
    expect(splitSentences(input)).toEqual(expected);
  });

  it('returns nothing for punctuation debris', () => {
    expect(splitSentences(' . ')).toEqual([]);
  });
});

describe('extractDateline', () => {
  it.each([
    [
      'HAIKOU, Nov. 21 (Xinhua) — China on Monday said.',
      { place: 'HAIKOU', date: 'Nov. 21', source: 'Xinhua' },
      'China on Monday said.',
    ],
    ['WASHINGTON (AP) — The Senate voted.', { place: 'WASHINGTON', date: null, source: 'AP' }, 'The Senate voted.'],
    ['PARIS, May 16 (Reuters) - France said.', { place: 'PARIS', date: 'May 16', source: 'Reuters' }, 'France said.'],
    [
      'SAN JUAN, Puerto Rico (AP) — Power returned.',
      { place: 'SAN JUAN, Puerto Rico', date: null, source: 'AP' },
      'Power returned.',
    ],
    ['NEW YORK -- Stocks fell.', { place: 'NEW YORK', date: null, source: null }, 'Stocks fell.'],
  ])('%s', (input, dateline, rest) => {
    expect(extractDateline(input)).toEqual({ dateline, rest });
  });

  it.each([
    'NASA has selected three companies.',
    'China on Monday issued a statement.',
    'A — b is fine.',
    'UPDATE: the vote moved.',
  ])('finds none in %s', (input) => {
    expect(extractDateline(input)).toBeNull();
  });
});

describe('isCaption', () => {
  it.each([
    'Photo taken on May 3, 2023 shows a rocket on the pad. (Xinhua/Li Ming)',
    'A firefighter works at the scene in Athens, Greece. (AP Photo/Petros Giannakouris)',
    'The crew at the launch site. Credit: ESA/J. Smith',
    'An artist’s rendering of the station in orbit. NASA/JPL-Caltech',
    'In this photo, the minister speaks to reporters in Rome.',
    'The probe approaches the asteroid. Getty Images',
  ])('caption: %s', (text) => {
    expect(isCaption(text)).toBe(true);
  });

  it.each([
    'NASA Administrator Bill Nelson shared on Monday the agency’s plans. Such samples will help us.',
    'The agency said the image shows the galaxy’s core in unprecedented detail.',
    'The company will receive a tax credit worth $2 million (about 1.8 million euros).',
    'Officials said the photo was taken on Monday.',
  ])('story: %s', (text) => {
    expect(isCaption(text)).toBe(false);
  });
});

describe('cleanBlocks', () => {
  const blocks = (...texts: string[]) => texts.map((text) => ({ text }));

  it('stops at end markers and comment sections, and collects hashtags', () => {
    const body = cleanBlocks(
      blocks('The council voted on Tuesday.', '#Budget #Council', 'It passed.', '###', 'Jane Roe', '555-123-4567'),
    );
    expect(body.paragraphs).toEqual(['The council voted on Tuesday.', 'It passed.']);
    expect(body.tags).toEqual(['Budget', 'Council']);
    expect(cleanBlocks(blocks('It rained.', 'Leave a Reply', 'Great article!')).paragraphs).toEqual(['It rained.']);
  });

  it('drops share bars, pointer lines with their URL, contacts and byline fragments', () => {
    const body = cleanBlocks(
      blocks(
        'By John Smith',
        'The mayor resigned on Friday.',
        'Share this: Facebook Twitter LinkedIn Email',
        'Learn more about the budget at:',
        'https://example.org/budget',
        'press@example.org',
        'The election is in May.',
        'Media Relations Office',
      ),
    );
    expect(body.paragraphs).toEqual(['The mayor resigned on Friday.', 'The election is in May.']);
    expect(body.links).toEqual(['https://example.org/budget']);
  });

  it('keeps a long story paragraph that mentions sharing', () => {
    const text = 'Residents can share their views on Facebook or by email until March, the council said.';
    expect(cleanBlocks(blocks(text)).paragraphs).toEqual([text]);
  });
});

describe('cleanBlocks teasers', () => {
  it('drops "Related:" teasers and "Continue reading..." links from feed bodies', () => {
    const body = cleanBlocks(
      [
        'The FBI said on Wednesday it had concerns.',
        'Related: Fact check: the speech analyzed',
        'Continue reading...',
        'Read more »',
      ].map((text) => ({ text })),
    );
    expect(body.paragraphs).toEqual(['The FBI said on Wednesday it had concerns.']);
  });
});

describe('cleanBlocks furniture and publisher boilerplate', () => {
  it('drops advertisement lines and BBC-style image captions, and stops at an "About <Org>" section', () => {
    const body = cleanBlocks(
      [
        'Image caption, Rescue teams searched the valley overnight',
        'Rescue teams reached the village on Sunday.',
        'Advertisement',
        'About 200 people were evacuated.',
        'Story continues below advertisement',
        'Roads reopened on Monday.',
        'About Acme Rescue Corp',
        'Acme is a leading provider of rescue equipment.',
      ].map((text) => ({ text })),
    );
    expect(body.paragraphs).toEqual([
      'Rescue teams reached the village on Sunday.',
      'About 200 people were evacuated.',
      'Roads reopened on Monday.',
    ]);
  });
});

describe('ingestMarkdown syntax', () => {
  it('strips headings, emphasis, links and images, and sniffs Markdown by its markers', () => {
    const md = [
      '# Dam *upgrade* approved',
      '',
      '![A dam at dusk](https://img.example/dam.jpg)',
      '',
      'The **regional board** approved the [dam upgrade](https://example.org/dam) on Thursday.',
      '',
      '## Next steps',
      '',
      '- Work starts in _autumn_ and costs `12` million.',
      '- Fishing stays open.',
    ].join('\n');
    const r = ingestMarkdown(md);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.title).toBe('Dam upgrade approved');
    expect(r.value.sentences.map((s) => s.text)).toEqual([
      'The regional board approved the dam upgrade on Thursday.',
      'Work starts in autumn and costs 12 million.',
      'Fishing stays open.',
    ]);
    const sniffed = ingestDocument({ content: md });
    expect(sniffed.ok && sniffed.value.source.kind).toBe('markdown');
  });
});

describe('wiki page endings (issue 9)', () => {
  const blocks = (...texts: string[]) => texts.map((text) => ({ text }));
  it('ends the story at a licence notice or a list of source citations', () => {
    const body = cleanBlocks(
      blocks(
        'The council met on Monday.',
        'It voted to close the bridge.',
        '“Bridge to close” — Example Gazette, March 3, 2021',
        'This text is released under the Creative Commons Attribution 2.5 License.',
      ),
    );
    expect(body.paragraphs).toEqual(['The council met on Monday.', 'It voted to close the bridge.']);
  });
});
