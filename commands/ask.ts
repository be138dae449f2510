/** /ask <question>: the sentences of the article that answer it best, quoted, or a plain "it does not say". */
import { askArticle } from '../src/core/answers/ask-article.js';
import { askAcross } from '../src/core/answers/across-articles.js';
import { answerAcrossChannel, SCOPE_OPTION } from '../src/core/answers/scope.js';
import { defineCommand } from '../src/core/commands/define.js';

export default defineCommand({
  name: 'ask',
  description: 'Ask a question; the answer is quoted from the article',
  access: 'member',
  category: 'news',
  needs: ['article'],
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
    const across = await answerAcrossChannel(ctx, (articles) => askAcross(articles, args.question));
    if (across) return across;
    return askArticle(a, args.question);
  },
});
