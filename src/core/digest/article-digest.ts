/**
 * The full digest of one article. The layout lives in `answers/digest-reply.ts`, which `/digest`
 * already uses; scheduled digests go through here so they post exactly what `/digest` shows,
 * only trimmed for the channel's `compact` format.
 */
import { digestReply } from '../answers/digest-reply.js';
import type { AnalysedArticle } from '../ports.js';
import type { Reply } from '../reply/types.js';
import type { DigestFormat } from '../store/records.js';

export interface ArticleDigestOptions {
  readonly format?: DigestFormat;
  /** Key points at most in the full format (config `digest.maxKeyPoints`). Default 4. */
  readonly maxKeyPoints?: number;
}

/** Headline, dateline, summary, key points, who's who, a notable quote and the source, each cited. */
export function buildArticleDigest(analysed: AnalysedArticle, opts: ArticleDigestOptions = {}): Reply {
  const full = (opts.format ?? 'full') === 'full';
  const maxKeyPoints = opts.maxKeyPoints ?? 4;
  // Compact keeps every part but fewer of each, so a busy channel still gets the whole picture.
  return digestReply(analysed, full ? { maxKeyPoints } : { maxKeyPoints: Math.min(2, maxKeyPoints), maxPeople: 3 });
}
