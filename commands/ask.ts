/** /ask <question>: the sentences of the article that answer it best, quoted, or a plain "it does not say". */
import { askAcross } from '../src/core/answers/across-articles.js';
import { channelArticles, SCOPE_OPTION } from '../src/core/answers/scope.js';
import { defineCommand } from '../src/core/commands/define.js';
import { ask, buildSentenceIndex } from '../src/core/search/sentence-index.js';
import { answer, cite, failureReply, notFound, sourceBlock } from '../src/core/reply/build.js';
import type { Block } from '../src/core/reply/types.js';

export default defineCommand({
  name: 'ask',
  description: 'Ask a question; the answer is quoted from the article',
  access: 'member',
  category: 'news',
  usesArticle: true,
  options: {
    question: {
      type: 'string',
      description: 'Your question, in plain words',
      required: true,
      rest: true,
      maxLength: 300,
    },
    scope: SCOPE_OPTION,
  },
  examples: [
    '/ask how many areas does the partnership cover?',
    '/ask who co-sponsored the workshop?',
    '/ask when will the samples return? scope:channel',
  ],
  async run(ctx) {
    const { args, article: a } = ctx;
    if (args.scope === 'channel') {
      const articles = await channelArticles(ctx);
      return articles.ok ? askAcross(articles.value, args.question) : failureReply(articles.error);
    }
    // The index is rebuilt per question: an article has tens of sentences, so this costs
    // well under a millisecond and needs no cache that could outlive its article.
    const result = ask(buildSentenceIndex(a.article), args.question);
    if (result.terms.length === 0) {
      // Only stop words or punctuation: nothing to search for, which is not the same as "the article does not say".
      return notFound(
        'There is nothing to look for in that question: ask in a few words, for example /ask what was announced?',
        [],
      );
    }
    if (result.hits.length === 0) {
      return notFound(
        'The article does not answer that.',
        [],
        [
          {
            type: 'text',
            text: 'Try other words from the article, or /summary, /facts and /who-is for what it does say.',
          },
        ],
      );
    }
    // Reading order reads better than score order once the best sentences are chosen.
    const ids = result.hits.map((h) => h.sentence).sort((x, y) => x - y);
    const blocks: Block[] = [
      { type: 'heading', text: args.question },
      { type: 'text', text: 'The article says:' },
      ...ids.map((id): Block => ({ type: 'citation', cite: cite(a.article, [id]) })),
      sourceBlock(a.article),
    ];
    return answer(args.question, blocks);
  },
});
