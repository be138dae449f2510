/**
 * `scope: channel` for article commands: answer across the channel's recent articles instead of
 * one. Each cross-article answer groups by article and ends each group with a source block
 * naming and linking it; every citation carries the article's title, link and id.
 */
import type { StringOption } from '../commands/define.js';
import type { CommandContext } from '../commands/context.js';
import { err, failure, ok, type Result } from '../result.js';
import type { AnalysedArticle } from '../ports.js';
import { failureReply } from '../reply/build.js';
import type { Reply } from '../reply/types.js';

/** How many recent articles a channel-wide answer reads (the stored library caps it at 20 too). */
export const CHANNEL_SCOPE_ARTICLES = 20;

/** The option /who-is, /quotes and /ask share; absent means `article`. */
export const SCOPE_OPTION = {
  type: 'string',
  description: "article (default): the current or chosen article; channel: the channel's recent articles",
  choices: ['article', 'channel'],
} as const satisfies StringOption;

/** "1 of the channel's 3 recent articles" */
export function ofChannel(found: number, total: number): string {
  return `${found} of the channel's ${total} recent article${total === 1 ? '' : 's'}`;
}

/**
 * The articles a `scope: channel` answer reads. Picking one article and asking across the
 * channel contradict each other, so that is refused rather than one of them ignored.
 */
export async function channelArticles(ctx: CommandContext<unknown>): Promise<Result<readonly AnalysedArticle[]>> {
  // `article` is added by the framework, so it is not in the command's typed arguments.
  const picked = (ctx.args as Readonly<Record<string, unknown>>)['article'];
  if (typeof picked === 'string' && picked.trim() !== '') {
    return err(
      failure('bad_input', 'Give either article:<id> or scope:channel, not both.', {
        hint: 'scope:channel already reads every recent article of this channel.',
      }),
    );
  }
  return ok(await ctx.services.library.recentAnalysed(ctx.where, CHANNEL_SCOPE_ARTICLES));
}

/**
 * The `scope:channel` branch /who-is, /quotes and /ask share: when the invocation asks for the
 * channel, `across` answers from its recent articles (or the reply says why it cannot); else
 * null, and the command answers from its one article.
 */
export async function answerAcrossChannel(
  ctx: CommandContext<unknown>,
  across: (articles: readonly AnalysedArticle[]) => Reply | Promise<Reply>,
): Promise<Reply | null> {
  if ((ctx.args as Readonly<Record<string, unknown>>)['scope'] !== 'channel') return null;
  const articles = await channelArticles(ctx);
  return articles.ok ? across(articles.value) : failureReply(articles.error);
}
