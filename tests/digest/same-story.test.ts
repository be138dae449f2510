import { describe, expect, it } from 'vitest';
import {
  buildNewArticlesDigest,
  canonicalLink,
  groupSameStory,
  type NewArticleItem,
  type StoryKey,
} from '../../src/core/digest/index.js';
import { renderText } from '../../src/adapters/text/render-text.js';

const rover = {
  a: {
    title: 'NASA picks three companies to build lunar terrain vehicle',
    lead: 'NASA has selected Intuitive Machines, Lunar Outpost and Venturi Astrolab to develop the lunar terrain vehicle that Artemis astronauts will drive on the Moon.',
  },
  b: {
    title: "Three firms selected to develop NASA's Moon rover",
    lead: 'NASA selected Intuitive Machines, Lunar Outpost and Venturi Astrolab on Wednesday to develop a lunar terrain vehicle for Artemis astronauts.',
  },
};
const mars = {
  title: 'NASA updates Mars Sample Return plan',
  lead: 'NASA said it will choose between two landing approaches for Mars Sample Return next year to cut costs.',
};
const funding = {
  title: 'Lunar Outpost raises funding for rover',
  lead: 'Lunar Outpost, a Colorado company, said it raised new funding to build rovers for the Moon.',
};

const key = (k: Partial<StoryKey> & { title: string }): StoryKey => ({ link: null, guid: null, lead: null, ...k });

describe('grouping the same story', () => {
  it("groups two feeds' rewrites of one story by title and lead words, and keeps other stories apart", () => {
    const groups = groupSameStory([
      key({ ...rover.a, link: 'https://spacedaily.example/ltv' }),
      key({ ...mars, link: 'https://spacedaily.example/msr' }),
      key({ ...rover.b, link: 'https://orbit.example/news/moon-rover' }),
      key({ ...funding, link: 'https://orbit.example/news/funding' }),
    ]);
    expect(groups).toEqual([[0, 2], [1], [3]]);
  });

  it('groups by the same link (tracking parameters, scheme and www aside) or the same guid', () => {
    expect(canonicalLink('https://www.Example.org/a/story/?utm_source=rss&id=4#top')).toBe('example.org/a/story?id=4');
    const groups = groupSameStory([
      key({ title: 'Budget passes', link: 'http://example.org/a/story?utm_medium=feed' }),
      key({ title: 'Parliament approves spending plan', link: 'https://www.example.org/a/story/' }),
      key({ title: 'Totally different headline', guid: 'urn:story:9' }),
      key({ title: 'Another wording entirely', guid: 'urn:story:9' }),
      key({ title: 'Weather', link: 'https://example.org/weather' }),
    ]);
    expect(groups).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('is transitive, and never matches short titles on one shared word', () => {
    const chain = groupSameStory([
      key({ title: 'Storm hits northern coast overnight causing floods' }),
      key({ title: 'Storm hits northern coast overnight, thousands without power' }),
      key({ title: 'Thousands without power after storm hits northern coast' }),
    ]);
    expect(chain).toEqual([[0, 1, 2]]);
    expect(groupSameStory([key({ title: 'Update' }), key({ title: 'Update' })])).toEqual([[0], [1]]);
  });
});

function item(
  id: string,
  title: string,
  lead: string,
  source: string,
  link: string,
  receivedAt = '2025-01-06T08:30:00.000Z',
): NewArticleItem {
  return {
    articleId: id,
    title,
    link,
    guid: null,
    source,
    summary: {
      sentenceIds: [0, 1],
      text: [lead, 'A second summary sentence.'],
      articleTitle: title,
      url: link,
      articleId: id,
    },
    receivedAt,
  };
}

describe('buildNewArticlesDigest', () => {
  const since = new Date('2025-01-06T08:00:00Z');

  it('shows one line per story with a cited one-sentence summary, and every feed that carried it', () => {
    const reply = buildNewArticlesDigest(
      [
        item('a1', rover.a.title, rover.a.lead, 'Space Daily', 'https://spacedaily.example/ltv'),
        item('m1', mars.title, mars.lead, 'Space Daily', 'https://spacedaily.example/msr'),
        item('b1', rover.b.title, rover.b.lead, 'Orbit News', 'https://orbit.example/news/moon-rover'),
      ],
      { since, timezone: 'Europe/Paris' },
    );
    expect(reply.title).toBe('2 new stories since Mon, 6 Jan 2025, 09:00 CET');
    const text = renderText(reply);
    expect(text).toContain(`${rover.a.title} — ${rover.a.lead}`);
    expect(text).toContain('Source: (Space Daily) — https://spacedaily.example/ltv');
    expect(text).toContain(`Source: ${rover.b.title} (Orbit News) — https://orbit.example/news/moon-rover`);
    expect(text).not.toContain('A second summary sentence.');
    const first = reply.blocks[1];
    expect(first).toMatchObject({
      type: 'text',
      cite: { sentenceIds: [0], articleId: 'a1', url: 'https://spacedaily.example/ltv' },
    });
  });

  it('uses the whole summary in the full format, caps the stories and counts the rest', () => {
    const titles = [
      'Harbour bridge reopens after repairs',
      'City council votes on housing plan',
      'Local team wins cup final',
      'Museum unveils restored painting',
    ];
    const items = titles.map((t, i) => item(`x${i}`, t, `Lead ${i}.`, 'Feed', `https://f.example/${i}`));
    const reply = buildNewArticlesDigest(items, { since, timezone: 'UTC', maxStories: 2, format: 'full' });
    const text = renderText(reply);
    expect(text).toContain('A second summary sentence.');
    expect(text).toContain('…and 2 more stories. Type /articles to see them all.');
  });

  it('says plainly when nothing is new', () => {
    const reply = buildNewArticlesDigest([], { since, timezone: 'UTC' });
    expect(reply).toMatchObject({ kind: 'info', title: 'No new articles since Mon, 6 Jan 2025, 08:00 UTC.' });
  });
});
