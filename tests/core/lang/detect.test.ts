import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/core/lang/detect.js';

const root = (p: string): string => fileURLToPath(new URL(`../../fixtures/${p}`, import.meta.url));
const files = (dir: string): string[] => readdirSync(root(dir)).map((f) => `${dir}/${f}`);

describe('detectLanguage', () => {
  it.each(['fr', 'de', 'zh', 'es'])('tells every %s article of the multilingual set', (lang) => {
    const wrong = files(`eval-ml/articles/${lang}`).filter(
      (f) => detectLanguage(readFileSync(root(f), 'utf8')) !== lang,
    );
    expect(wrong).toEqual([]);
  });

  it('tells every English development article', () => {
    const wrong = files('eval-dev/articles').filter((f) => detectLanguage(readFileSync(root(f), 'utf8')) !== 'en');
    expect(wrong).toEqual([]);
  });

  it.each([
    ['de', 'Umweltministerin Steffi Lemke sagte, der Plan sei gut.'],
    ['fr', 'La ministre Agnès Pannier-Runacher a déclaré « nous agirons ».'],
    ['es', 'El presidente Pedro Sánchez dijo que el plan es bueno.'],
    ['zh', '外交部发言人毛宁表示，中方欢迎这一计划。'],
    ['en', 'The minister said the plan was a good one.'],
    ['ru', 'Министр заявил, что план хороший.'],
  ])('tells %s from one sentence', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('says "und" for text too short to tell', () => {
    expect(detectLanguage('OK')).toBe('und');
    expect(detectLanguage('')).toBe('und');
  });
});
