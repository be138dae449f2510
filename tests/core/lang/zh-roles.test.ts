/** Chinese roles after a name, roles reaching back over whole words, and names with 正: sentences written for the test. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse/index.js';
import type { ArticleFacts } from '../../../src/core/facts/types.js';
import { ingestText } from '../../../src/core/ingest/index.js';

function facts(text: string): ArticleFacts {
  const a = ingestText(text);
  if (!a.ok) throw new Error(a.error.message);
  return analyse(a.value);
}
const roleOf = (f: ArticleFacts, name: string) => f.people.find((p) => p.name === name)?.role;

describe('Chinese roles', () => {
  const f = facts(
    [
      '港口事故调查',
      '',
      '奥克兰警察局马克·韦伯警长(Sergeant Mark Weber)星期二对记者说，调查仍在进行。',
      '',
      '卫生部感谢玛丽亚·洛佩斯(Maria Lopez)总理以及当地医护人员的支持。',
      '',
      '港务局灾害预防和应对中心主任胡安·佩雷斯说，港口将在周末重新开放。',
      '',
      '俄亥俄州汽车工人约翰·米勒说：“我们每天都在这里工作。”',
      '',
      '北京大学历史系教授李正明5月3日告诉记者，这次事故值得反思。',
    ].join('\n'),
  );
  it('reads a role word right after a transliterated name, with or without its Latin form', () => {
    expect(roleOf(f, '马克·韦伯')).toBe('警长');
    expect(roleOf(f, '玛丽亚·洛佩斯')).toBe('总理');
  });
  it('reaches a role back over whole dictionary words only (the 对 of 应对 is no stop)', () =>
    expect(roleOf(f, '胡安·佩雷斯')).toBe('港务局灾害预防和应对中心主任'));
  it('reads 工人 as a role word', () => expect(roleOf(f, '约翰·米勒')).toBe('俄亥俄州汽车工人'));
  it('keeps 正 inside a name ("李正明")', () => expect(roleOf(f, '李正明')).toBe('北京大学历史系教授'));
});

describe('Chinese lists closed in the next clause or by 并', () => {
  const f = facts(
    [
      '新图书馆开放',
      '',
      '市长表示，新图书馆将帮助学生阅读经典、学习外语，以及了解本地的历史。',
      '',
      '馆方将举办讲座、展览并组织读书会，为市民提供更多服务。',
    ].join('\n'),
  );
  const tails = f.lists.map((l) => l.items.slice(1));
  it('reads "A、B，以及C" with its last item after the comma', () =>
    expect(tails.some((t) => t[0] === '学习外语' && t[1]?.startsWith('了解'))).toBe(true));
  it('reads "A、B并C"', () => expect(tails.some((t) => t[0] === '展览' && t[1]?.startsWith('组织'))).toBe(true));
});
