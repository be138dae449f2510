/** /ask in French: Snowball stems, French stop and question words, French question shapes. */
import { stemmer } from '@orama/stemmers/french';
import type { AskLanguage } from '../language.js';
import { shapeFromRules, wordSet, type ShapeRule } from './shape.js';

const STOP = wordSet(`
  le la les l un une des du de d et ou mais donc car ni que qu à au aux en dans sur sous par pour avec sans chez entre vers contre
  est sont était étaient été être a ont avait avaient avoir sera seront fait peut va vont aller allait
  il elle ils elles on nous vous je tu se s sa son ses leur leurs ce cet cette ces y
  ne pas plus aussi très tout tous toute toutes déjà encore selon dit déclaré article
`);
const QUESTION = wordSet(`
  qui que quoi quand où comment pourquoi combien quel quelle quels quelles lequel laquelle
  est-ce qu'est-ce exactement vraiment passé arrivé
`);
const RULES: readonly ShapeRule[] = [
  { kind: 'duration', pattern: /\bcombien de temps\b|\bdepuis quand\b|\bpendant combien\b/ },
  {
    kind: 'money',
    pattern:
      /\bcombien\b.*\b(co[uû]t\w*|euros?|dollars?|prix|pa[yi]\w*|argent)\b|\bquel (est le )?(prix|co[uû]t|montant)\b/,
  },
  { kind: 'count', pattern: /\bcombien(?: d['e]\s*(\p{L}+))?/u },
  { kind: 'measure', pattern: /\bà quelle (distance|profondeur|vitesse|hauteur)\b/ },
  { kind: 'why', pattern: /\bpourquoi\b|\bqu'est-ce qui a (causé|provoqué)\b|\b(cause|raison)\b/ },
  { kind: 'when', pattern: /\bquand\b|\bà quelle heure\b|\b(en )?quelle (année|date)\b|\bquel jour\b/ },
  { kind: 'where', pattern: /(^|\s)(où|d'où)(\s|$|\?)|\bdans quel(le)? (pays|ville|région)\b/ },
  { kind: 'who', pattern: /^(qui|à qui|de qui)\b|\bquelle (entreprise|société|personne)\b/ },
];

export const FRENCH: AskLanguage = {
  code: 'fr',
  isStopWord: (w) => STOP.has(w.toLowerCase().replace(/^[ldjnmsc]['’]/, '')) || STOP.has(w.toLowerCase()),
  isQuestionWord: (w) => QUESTION.has(w.toLowerCase()),
  questionShape: (q) => shapeFromRules(RULES, q),
  stem: (w) => stemmer(w.toLowerCase().replace(/^[ldjnmsc]['’]/, '')),
  abbreviations: {},
  englishLexicon: false,
  answerWords: {
    date: /^(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd'hui|demain)$/i,
    number:
      /^(un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|vingt|trente|cent|cents|mille|dizaines?|centaines?|milliers?|millions?|milliards?)$/i,
    placeBefore: /^(à|au|aux|en|dans|depuis|vers)$/i,
  },
};
