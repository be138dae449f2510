/**
 * /ask in German, French, Spanish and Chinese (issue 17), on short stories written for these
 * tests: each language's stems make an inflected question word meet the article's form, its
 * stop and question words carry no topic, its question words say what kind of answer is asked,
 * and Chinese, written without spaces, is matched on character bigrams.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/article/types.js';
import { askLanguageFor } from '../../../src/core/search/language.js';
import { parseQuery } from '../../../src/core/search/query.js';
import { ask, buildSentenceIndex } from '../../../src/core/search/sentence-index.js';
import { articleOf } from '../analyse/analyse-fixtures.js';

function inLanguage(language: string, ...sentences: string[]): Article {
  return { ...articleOf(...sentences), language };
}

function firstAnswer(article: Article, question: string): string | null {
  const { hits } = ask(buildSentenceIndex(article), question);
  return hits[0] ? article.sentences[hits[0].sentence]!.text : null;
}

describe('question kinds in each language', () => {
  it.each([
    ['de', 'Wer hat das Gesetz unterschrieben?', 'who'],
    ['de', 'Wann öffnet die Brücke?', 'when'],
    ['de', 'Wie viele Menschen wurden verletzt?', 'count'],
    ['de', 'Warum wurde das Spiel abgesagt?', 'why'],
    ['fr', 'Qui a signé la loi ?', 'who'],
    ['fr', 'Où le sommet a-t-il eu lieu ?', 'where'],
    ['fr', 'Combien de personnes sont mortes ?', 'count'],
    ['fr', 'Combien a coûté le pont ?', 'money'],
    ['es', '¿Quién firmó el acuerdo?', 'who'],
    ['es', '¿Cuándo se inaugura el puente?', 'when'],
    ['es', '¿Por qué se suspendió el partido?', 'why'],
    ['zh', '谁签署了协议？', 'who'],
    ['zh', '有多少人死亡？', 'count'],
    ['zh', '为什么比赛被取消？', 'why'],
    ['zh', '会议在哪里举行？', 'where'],
  ])('%s: %s → %s', (language, question, kind) => {
    expect(askLanguageFor(language).questionShape(question).kind).toBe(kind);
  });

  it('the question words and articles are no topic words', () => {
    const q = parseQuery('Wann hat die Regierung das Gesetz beschlossen?', { language: askLanguageFor('de') });
    expect(q.terms.map((t) => t.word)).toEqual(['regierung', 'gesetz', 'beschlossen']);
  });
});

describe('ask in each language, on sentences written for the test', () => {
  it('German: an inflected word meets its stem ("Brücken" / "Brücke"), the date answers "wann"', () => {
    const a = inLanguage(
      'de',
      'Der Stadtrat von Linz hat am Dienstag über den Haushalt beraten.',
      'Die beiden neuen Brücken über die Donau werden im März 2027 eröffnet, sagte die Bürgermeisterin.',
      'Die Kosten tragen Land und Bund gemeinsam.',
    );
    expect(firstAnswer(a, 'Wann wird die Brücke eröffnet?')).toMatch(/März 2027/);
    expect(firstAnswer(a, 'Wer bezahlt die Kosten?')).toMatch(/Land und Bund/);
  });

  it('French: elided articles and plural forms still match ("l’usine", "usines")', () => {
    const a = inLanguage(
      'fr',
      'Le gouvernement a présenté mardi son plan pour l’industrie.',
      'Trois usines fermeront à Lyon d’ici la fin de l’année, selon le ministre.',
      'Les syndicats ont appelé à une grève nationale.',
    );
    expect(firstAnswer(a, 'Combien d’usines vont fermer ?')).toMatch(/Trois usines/);
    expect(firstAnswer(a, 'Qui a appelé à la grève ?')).toMatch(/syndicats/);
  });

  it('Spanish: "¿Dónde…?" finds the place, stems meet ("inundaciones" / "inundación")', () => {
    const a = inLanguage(
      'es',
      'El Gobierno aprobó ayer un plan de ayudas para los agricultores.',
      'Las inundaciones afectaron sobre todo a la provincia de Valencia.',
      'El ministro dijo que las ayudas llegarán en junio.',
    );
    expect(firstAnswer(a, '¿Dónde hubo más daños por la inundación?')).toMatch(/Valencia/);
    expect(firstAnswer(a, '¿Cuándo llegarán las ayudas?')).toMatch(/junio/);
  });

  it('Chinese: character bigrams match words written without spaces', () => {
    const a = inLanguage(
      'zh',
      '世界卫生组织星期五发表声明。',
      '世界卫生组织总干事谭德塞说，疫情正在迅速蔓延。',
      '卫生部门确认的感染病例已有82例。',
    );
    expect(firstAnswer(a, '总干事是谁？')).toMatch(/谭德塞/);
    expect(firstAnswer(a, '确认的感染病例有多少？')).toMatch(/82例/);
    expect(parseQuery('确认的感染病例有多少？', { language: askLanguageFor('zh') }).terms.map((t) => t.key)).toEqual([
      '确认',
      '感染',
      '染病',
      '病例',
    ]);
  });

  it('a question about something the article does not say is still refused', () => {
    const a = inLanguage(
      'de',
      'Der Stadtrat von Linz hat am Dienstag über den Haushalt beraten.',
      'Die Kosten tragen Land und Bund gemeinsam.',
    );
    expect(firstAnswer(a, 'Welche Mannschaft hat das Fußballspiel gewonnen?')).toBeNull();
  });
});
