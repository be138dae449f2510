/**
 * /ask in Chinese: no spaces between words, so a text is matched on its Han character bigrams
 * (a single character where a run has one), Latin words and numbers as they are; question
 * words and particles are taken out of the question first, and split runs.
 */
import type { AskLanguage } from '../language.js';
import { shapeFromRules, type ShapeRule } from './shape.js';

const QUESTION_PHRASES =
  /什么时候|为什么|为何|多少|多久|多长时间|哪里|哪儿|哪些|哪个|哪家|哪位|哪一|什么|怎么样|怎么|如何|是谁|谁|何时|何处|何地|几/g;
/** Particles and function characters: they end a run, so no bigram spans them. */
const BREAKS = /[的了吗呢吧啊是在和与及或也都就把被对从向于而并但其这那有个之将已]/g;
const RULES: readonly ShapeRule[] = [
  { kind: 'duration', pattern: /多久|多长时间/ },
  { kind: 'money', pattern: /(多少|几)(钱|元|美元|亿)|花费|费用|成本|价格/ },
  { kind: 'count', pattern: /多少|几/ },
  { kind: 'why', pattern: /为什么|为何|原因|怎么会/ },
  { kind: 'when', pattern: /什么时候|何时|哪一?年|哪天|几点|几月/ },
  { kind: 'where', pattern: /哪里|哪儿|何处|何地|在哪|什么地方|哪个国家|哪座城市/ },
  { kind: 'who', pattern: /谁|哪位|哪家|什么人/ },
];

/** Match keys of a text: Han bigrams within runs, Latin words and numbers lower-cased. */
function keysOfText(text: string, question = false): string[] {
  let t = text.normalize('NFKC').toLowerCase();
  if (question) t = t.replace(QUESTION_PHRASES, ' ');
  t = t.replace(BREAKS, ' ');
  const keys: string[] = [];
  for (const run of t.match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run)) {
      if (run.length > 1) keys.push(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) keys.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) keys.push(chars[i]! + chars[i + 1]!);
  }
  return keys;
}

export const CHINESE: AskLanguage = {
  code: 'zh',
  isStopWord: () => false,
  isQuestionWord: () => false,
  questionShape: (q) => shapeFromRules(RULES, q),
  stem: (w) => w.toLowerCase(),
  abbreviations: {},
  englishLexicon: false,
  answerWords: { date: /^(\d+年|\d+月|\d+日|星期.|周.|昨天|今天|明天|上午|下午|晚上)$/ },
  keysOfText,
};
