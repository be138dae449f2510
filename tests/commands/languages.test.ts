/**
 * The false statements of issue 17, each on an article written for the test, and the property
 * that /who-is never says "does not mention" a name that stands in the article.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/text/render-text.js';
import { fixture, testApp, type TestApp } from '../helpers/herald-app.js';

const dir = mkdtempSync(join(tmpdir(), 'herald-lang-'));
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const GERMAN = write(
  'de.txt',
  'Regierung stellt Klimaplan vor\n\nUmweltministerin Steffi Lemke hat am Montag (7. September) den neuen Klimaplan vorgestellt. „Wir handeln jetzt“, sagte Lemke. Bundeskanzler Olaf Scholz lobte den Plan.\n\nAuch der CDU-Vorsitzende Friedrich Merz äußerte sich. „Der Plan kommt zu spät“, sagte Merz.\n',
);
const FRENCH = write(
  'fr.txt',
  'Le gouvernement présente son plan climat\n\nLa ministre de la Transition écologique, Agnès Pannier-Runacher, a présenté le plan lundi. « Nous agirons vite », a déclaré Pannier-Runacher.\n\nSelon le président Emmanuel Macron, « la France sera prête ».\n',
);
const CHINESE = write(
  'zh.txt',
  '世卫组织警告埃博拉疫情迅速蔓延\n\n世界卫生组织总干事谭德塞(Tedros Adhanom Ghebreyesus)星期五说，这场疫情处于“高度不安全”的状态。\n\n外交部发言人毛宁表示，中方愿意提供帮助。\n',
);
const SPANISH_ONE_PARAGRAPH = write(
  'es.txt',
  'El presidente del Gobierno, Pedro Sánchez, dijo hoy que el plan se aprobará en marzo. «Es un día histórico», afirmó Sánchez ante los periodistas en Madrid.\n',
);
const sampleLead = readFileSync(fixture('xinhua-space-partnership.txt'), 'utf8')
  .split(/\n\s*\n/u)
  .slice(1, 7)
  .map((p) => p.replace(/\s+/gu, ' ').trim())
  .join(' ');
const ENGLISH_ONE_PARAGRAPH = write('en.txt', `${sampleLead}\n`);

async function on(path: string): Promise<TestApp> {
  const t = await testApp();
  const loaded = await t.app.load(path);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return t;
}

describe('no false "does not mention", "quotes nobody" or "no story text"', () => {
  let sample: TestApp;
  beforeAll(async () => {
    sample = await testApp('xinhua-space-partnership.txt');
  });

  it('English: /who-is partnership says the word occurs, quoting where, and names no person so', async () => {
    const text = await sample.text('/who-is partnership');
    expect(text).not.toContain('does not mention');
    expect(text).toContain('mentions "partnership"');
    expect(text).toMatch(/\[s\d+\] ".*[Pp]artnership/u);
  });

  it('English: a name that occurs nowhere is still a plain "does not mention"', async () => {
    expect(await sample.text('/who-is obama')).toContain('does not mention "obama"');
  });

  it('German: /who-is lemke and /who-is scholz never answer "does not mention"', async () => {
    const t = await on(GERMAN);
    for (const q of ['lemke', 'scholz', 'Merz']) {
      const text = await t.text(`/who-is ${q}`);
      expect(text).not.toContain('does not mention');
      expect(text).toMatch(new RegExp(q, 'iu'));
    }
  });

  it('French: /who-is Pannier-Runacher is found, and /quotes does not say "quotes nobody"', async () => {
    const t = await on(FRENCH);
    expect(await t.text('/who-is Pannier-Runacher')).not.toContain('does not mention');
    const quotes = await t.text('/quotes');
    expect(quotes).not.toContain('quotes nobody');
    expect(quotes).toContain('Nous agirons vite');
  });

  it('Chinese: commands read the story instead of "No story text was found"', async () => {
    const t = await on(CHINESE);
    const summary = await t.text('/summary');
    expect(summary).not.toContain('No story text');
    expect(summary).toContain('谭德塞');
    expect(await t.text('/who-is 毛宁')).not.toContain('does not mention');
  });

  it('a headline-less one-paragraph text is read, in Spanish and in English', async () => {
    for (const path of [SPANISH_ONE_PARAGRAPH, ENGLISH_ONE_PARAGRAPH]) {
      const t = await testApp();
      const loaded = await t.app.load(path);
      expect(loaded.ok).toBe(true);
      if (loaded.ok) expect(loaded.value.article.sentences.length).toBeGreaterThan(1);
    }
  });

  it('/summary names the language of an article that is not in English', async () => {
    const t = await on(FRENCH);
    expect(await t.text('/summary')).toContain('French');
    expect(await sample.text('/summary')).not.toContain('Language:');
  });
});

const ML = fileURLToPath(new URL('../fixtures/eval-ml/', import.meta.url));

describe('property: /who-is on a name the article contains never answers "does not mention"', () => {
  for (const lang of ['fr', 'de', 'zh', 'es']) {
    it(`on every ${lang} development article`, async () => {
      const key = JSON.parse(readFileSync(join(ML, `answers-${lang}.json`), 'utf8')) as {
        articles: { file: string; people: { name: string }[] }[];
      };
      const t = await testApp();
      const wrong: string[] = [];
      for (const art of key.articles) {
        const loaded = await t.app.load(join(ML, art.file));
        if (!loaded.ok) throw new Error(`${art.file}: ${loaded.error.message}`);
        const body = loaded.value.article.sentences.map((s) => s.text).join(' ');
        // Every word of every annotated name that stands in the text, as a user would type it.
        const words = art.people.flatMap((p) => [p.name, ...p.name.split(/[\s·]+/u)]).filter((w) => body.includes(w));
        for (const w of new Set(words)) {
          const r = renderText(await t.reply(`/who-is ${w} scope:article`));
          if (r.includes('does not mention')) wrong.push(`${art.file}: ${w}`);
        }
      }
      expect(wrong).toEqual([]);
    }, 60_000);
  }
});
