/** /ask in German: Snowball stems, German stop and question words, German question shapes. */
import { stemmer } from '@orama/stemmers/german';
import type { AskLanguage } from '../language.js';
import { shapeFromRules, wordSet, type ShapeRule } from './shape.js';

const STOP = wordSet(`
  der die das den dem des ein eine einer eines einem einen und oder aber doch sondern denn als wie
  in im ins an am auf aus bei mit nach seit von vom zu zum zur für über unter vor hinter neben zwischen durch gegen ohne um bis
  ist sind war waren wird werden wurde wurden worden sein gewesen hat haben hatte hatten habe kann können konnte muss müssen soll sollen
  er sie es wir ihr ich du man sich ihm ihn ihnen ihre ihr sein seine seiner seinen seinem dies diese dieser dieses diesem jene
  nicht kein keine auch noch nur schon sehr so da dass ob wenn dann hier dort mehr etwa sagte sagt artikel
`);
const QUESTION = wordSet(`
  wer wen wem wessen was wann wo wohin woher warum wieso weshalb weswegen wie welche welcher welches welchen welchem
  viel viele lange denn eigentlich genau gibt gab passiert geschehen getan tun macht machte
`);
const RULES: readonly ShapeRule[] = [
  {
    kind: 'money',
    pattern: /\bwie viel\b.*\b(kost\w*|euro|dollar|geld|preis|zahl\w*|bezahl\w*|teuer)\b|\bwie teuer\b/,
  },
  { kind: 'duration', pattern: /\bwie lange?\b|\bseit wann\b/ },
  { kind: 'count', pattern: /\bwie viele?\s+(?:weitere\s+|andere\s+)?(\p{L}+)?/u },
  { kind: 'measure', pattern: /\bwie (weit|tief|schnell|groß|hoch|alt|schwer|breit)\b/ },
  {
    kind: 'why',
    pattern:
      /\b(warum|wieso|weshalb|weswegen)\b|\bwas (hat|verursachte|führte)\b.*\b(verursacht|ausgelöst|geführt)\b|\b(grund|ursache)\b/,
  },
  { kind: 'when', pattern: /\bwann\b|\bum wie viel uhr\b|\b(in )?welche[mn]? (jahr|monat|tag)\b/ },
  { kind: 'where', pattern: /\b(wo|wohin|woher)\b|\bin welche[mrn]? (stadt|land|region|ort)\b/ },
  {
    kind: 'who',
    pattern: /\b(wer|wen|wem|wessen)\b|\bwelche[rsmn]? (firma|unternehmen|partei|person|minister\w*|politiker\w*)\b/,
  },
];

export const GERMAN: AskLanguage = {
  code: 'de',
  isStopWord: (w) => STOP.has(w.toLowerCase()),
  isQuestionWord: (w) => QUESTION.has(w.toLowerCase()),
  questionShape: (q) => shapeFromRules(RULES, q),
  stem: (w) => stemmer(w.toLowerCase()),
  abbreviations: {},
  englishLexicon: false,
  answerWords: {
    date: /^(januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|gestern|heute|morgen)$/i,
    number:
      /^(ein|eine|einer|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|hundert|tausend|dutzende|hunderte|tausende|millionen?|milliarden?)$/i,
    placeBefore: /^(in|im|aus|nach|bei|von)$/i,
  },
};
