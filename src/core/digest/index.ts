/** Digests as Reply data: one article in full, or what is new since the last run. */
export { buildArticleDigest, type ArticleDigestOptions } from './article-digest.js';
export {
  buildNewArticlesDigest,
  noNewArticlesReply,
  toStories,
  type NewArticleItem,
  type NewArticlesDigestOptions,
  type Story,
} from './new-articles.js';
export {
  canonicalLink,
  groupSameStory,
  jaccard,
  storyWords,
  type SameStoryOptions,
  type StoryKey,
} from './same-story.js';
export {
  composeScheduledDigest,
  newArticleItems,
  whereOfChannel,
  type DigestLimits,
  type ScheduledDigest,
  type ScheduledDigestDeps,
} from './scheduled.js';
