/**
 * The "tagging alone" baseline of the analysis benches (English and per language): wink-nlp
 * `readDoc` over exactly the text `annotate` reads (the article's sentences joined by spaces),
 * tokens and POS tags out. One definition, so every analysis row is measured against the same
 * bare pass; why it is also the baseline for languages analysed without wink is in
 * docs/decisions/047-analysis-budget-per-language.md.
 */
import type { Article } from '../src/core/article/types.js';
import { joinSentences } from '../src/core/nlp/annotate.js';
import { getNlp } from '../src/core/nlp/wink.js';

export function tagOnly(article: Article): number {
  const { nlp, its } = getNlp();
  const doc = nlp.readDoc(joinSentences(article.sentences).text);
  return doc.tokens().out().length + doc.tokens().out(its.pos).length;
}
