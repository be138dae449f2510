/** The pure parts of live posting: settings as typed by admins, templates, thread names, the post plan. */
import { describe, expect, it } from 'vitest';
import { planPosts } from '../../src/core/live/live-posts.js';
import { applySetting, DIGEST_ONLY, parseMentionTarget } from '../../src/core/live/settings.js';
import { truncateName } from '../../src/core/live/story-post.js';
import { checkTemplate, fillTemplate } from '../../src/core/live/template.js';

const live = { ...DIGEST_ONLY, post: 'live' as const };

describe('/feeds set values', () => {
  it('accepts what Discord allows and refuses the rest with the allowed values', () => {
    expect(applySetting(live, 'archive', '4320')).toMatchObject({ ok: true, value: { archiveMinutes: 4320 } });
    const bad = applySetting(live, 'archive', '120');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toMatch(/60, 1440, 4320 or 10080/);
    expect(applySetting(live, 'thread', 'on')).toMatchObject({ ok: true, value: { thread: true } });
    expect(applySetting(live, 'post', 'sometimes').ok).toBe(false);
    expect(applySetting(live, 'tags', 'a, b, c, d, e, f').ok).toBe(false);
    expect(applySetting(live, 'tags', 'space, science, space')).toMatchObject({
      value: { tags: ['space', 'science'] },
    });
  });

  it('pings only one role or user group, never @everyone or @here', () => {
    expect(parseMentionTarget('<@&123456789012345678>')).toBe('123456789012345678');
    expect(parseMentionTarget('<!subteam^S0123ABC|@editors>')).toBe('S0123ABC');
    for (const v of ['@everyone', '@here', '<!channel>', '<!here>', '<@123456789012345678>'])
      expect(applySetting(live, 'mention', v).ok, v).toBe(false);
  });
});

describe('templates', () => {
  it('refuses unknown placeholders by name and lists the known ones', () => {
    const r = checkTemplate('{title} by {writer} {lnk}');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe('Unknown placeholders: {writer}, {lnk}.');
    expect(!r.ok && r.error.hint).toContain('{people}');
    expect(checkTemplate('no placeholder at all').ok).toBe(false);
    expect(checkTemplate('x'.repeat(1001) + '{title}').ok).toBe(false);
  });

  it('fills each placeholder once: a title holding {link} stays as written', () => {
    const values = {
      title: 'A {link} B',
      link: 'https://x.example/1',
      lead: 'L',
      people: '',
      published: '',
      feed: 'F',
      author: '',
    };
    expect(fillTemplate('{title} — {link} ({feed})', values)).toBe('A {link} B — https://x.example/1 (F)');
  });
});

describe('thread names', () => {
  it('are at most 100 UTF-16 units and never cut a character in half', () => {
    const emoji = '👩🏽‍🚀'; // one grapheme, 7 UTF-16 units
    const name = truncateName(`${'a'.repeat(95)}${emoji.repeat(3)}`);
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).toBe(`${'a'.repeat(95)}…`);
    const astral = truncateName('𝔸'.repeat(80));
    expect(astral.length).toBeLessThanOrEqual(100);
    expect(astral.endsWith('…')).toBe(true);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u.test(astral)).toBe(false);
    expect(truncateName('  short   title ')).toBe('short title');
  });
});

describe('the post plan', () => {
  const fresh = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'];
  it('takes the baseline, the backfill, and caps a burst', () => {
    expect(planPosts(fresh, { ...live, baseline: { backfill: 0 } }, 5)).toEqual({ post: [], more: 0 });
    expect(planPosts(fresh, { ...live, baseline: { backfill: 2 } }, 5)).toEqual({ post: ['a6', 'a7'], more: 0 });
    expect(planPosts(fresh, live, 5)).toEqual({ post: ['a3', 'a4', 'a5', 'a6', 'a7'], more: 2 });
    expect(planPosts(fresh, DIGEST_ONLY, 5)).toEqual({ post: [], more: 0 });
  });
});
