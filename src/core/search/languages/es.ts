/** /ask in Spanish: Snowball stems, Spanish stop and question words, Spanish question shapes. */
import { stemmer } from '@orama/stemmers/spanish';
import type { AskLanguage } from '../language.js';
import { shapeFromRules, wordSet, type ShapeRule } from './shape.js';

const STOP = wordSet(`
  el la los las lo un una unos unas y e o u pero sino que de del a al en con por para sin sobre entre desde hasta hacia contra según
  es son era eran fue fueron ser sido está están estaba ha han había habían haber hubo hay será puede va van
  él ella ellos ellas se su sus le les nos me te mi este esta estos estas ese esa esos esas
  no más muy también ya aún todo todos toda todas dijo afirmó artículo
`);
const QUESTION = wordSet(`
  quién quiénes qué cuál cuáles cuándo dónde adónde cómo cuánto cuánta cuántos cuántas por porqué
  quien que cual cuando donde como cuanto cuantos exactamente realmente pasó ocurrió
`);
const RULES: readonly ShapeRule[] = [
  { kind: 'duration', pattern: /\bcu[aá]nto tiempo\b|\bdesde cu[aá]ndo\b/ },
  { kind: 'money', pattern: /\bcu[aá]nto\b.*\b(cuest\w*|cost\w*|euros?|d[oó]lares|precio|pag\w*|dinero)\b/ },
  { kind: 'count', pattern: /\bcu[aá]nt[oa]s?(?:\s+(\p{L}+))?/u },
  { kind: 'measure', pattern: /\ba qu[eé] (distancia|profundidad|velocidad|altura)\b/ },
  { kind: 'why', pattern: /\bpor qu[eé]\b|\bqu[eé] (caus[oó]|provoc[oó])\b|\b(causa|motivo|raz[oó]n)\b/ },
  { kind: 'when', pattern: /\bcu[aá]ndo\b|\ba qu[eé] hora\b|\b(en )?qu[eé] (año|día|fecha|mes)\b/ },
  { kind: 'where', pattern: /\b(a)?d[oó]nde\b|\ben qu[eé] (país|ciudad|región)\b/ },
  { kind: 'who', pattern: /\bqui[eé]n(es)?\b|\bqu[eé] (empresa|compañía|persona|partido)\b/ },
];

export const SPANISH: AskLanguage = {
  code: 'es',
  isStopWord: (w) => STOP.has(w.toLowerCase()),
  isQuestionWord: (w) => QUESTION.has(w.toLowerCase().replace(/^¿/, '')),
  questionShape: (q) => shapeFromRules(RULES, q.replace(/[¿¡]/g, ' ')),
  stem: (w) => stemmer(w.toLowerCase()),
  abbreviations: {},
  englishLexicon: false,
  answerWords: {
    date: /^(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|lunes|martes|miércoles|jueves|viernes|sábado|domingo|ayer|hoy|mañana)$/i,
    number:
      /^(un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|veinte|treinta|cien|ciento|cientos|mil|decenas|centenares|miles|millones|millón)$/i,
    placeBefore: /^(en|a|desde|hacia|de)$/i,
  },
};
