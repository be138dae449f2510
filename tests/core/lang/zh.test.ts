/** Chinese people, roles, quotes and lists, on sentences written for the test. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse/index.js';
import type { ArticleFacts } from '../../../src/core/facts/types.js';
import { ingestText } from '../../../src/core/ingest/index.js';

function facts(text: string): ArticleFacts {
  const a = ingestText(text);
  if (!a.ok) throw new Error(a.error.message);
  return analyse(a.value);
}
const person = (f: ArticleFacts, name: string) => f.people.find((p) => p.name === name);

describe('Chinese', () => {
  const f = facts(
    [
      '世卫组织警告疫情蔓延',
      '',
      '世界卫生组织总干事谭德塞(Tedros Adhanom Ghebreyesus)星期五说，这场疫情处于“高度不安全”的状态。',
      '',
      '外交部发言人毛宁表示：“中方愿意提供帮助。”',
      '',
      '联合国外空司代理司长尼克拉斯·赫德曼说，各国应加强合作。',
      '',
      '援助包括药品、食品、帐篷和饮用水。',
      '',
      '“我们必须行动。”局长张克俭说。',
    ].join('\n'),
  );
  it('is read as Chinese, one sentence a 。 (a closing ” stays with its sentence)', () => {
    expect(f.language).toBe('zh');
    expect(f.sentences.map((s) => s.text).slice(-2)).toEqual(['“我们必须行动。”', '局长张克俭说。']);
  });
  it('reads a role right before a name, with no space', () => {
    expect(person(f, '谭德塞')?.role).toBe('世界卫生组织总干事');
    expect(person(f, '毛宁')?.role).toBe('外交部发言人');
    expect(person(f, '张克俭')?.role).toBe('局长');
  });
  it('keeps a Latin form in parentheses as an alias', () => {
    expect(person(f, '谭德塞')?.aliases).toContain('Tedros Adhanom Ghebreyesus');
  });
  it('reads a transliterated name with "·", its surname an alias', () => {
    const p = person(f, '尼克拉斯·赫德曼');
    expect(p?.role).toBe('联合国外空司代理司长');
    expect(p?.aliases).toContain('赫德曼');
  });
  it('attributes quotes before and after their speech verb, and a partial quote', () => {
    expect(f.quotes.find((q) => q.text === '中方愿意提供帮助。')?.speaker).toBe('毛宁');
    expect(f.quotes.find((q) => q.text === '我们必须行动。')?.speaker).toBe('张克俭');
    expect(f.quotes.find((q) => q.text === '高度不安全')?.speaker).toBe('谭德塞');
  });
  it('reads a list joined by 、 and closed by 和', () => {
    expect(f.lists[0]?.items.slice(1)).toEqual(['食品', '帐篷', '饮用水']);
  });
  it('takes no ordinary word for a name', () => {
    const g = facts('新闻\n\n他后来成为任务宇航员成为了英雄。\n');
    expect(g.people).toEqual([]);
  });
});
