/**
 * The article model every other part builds on. An `Article` holds only the story:
 * captions, comment forms, share buttons, media-contact blocks and "-end-" markers are
 * removed at ingest; hashtag lines become `tags`.
 */

/** Where an article came from, as the user should see it cited. */
export interface ArticleSource {
  /** Human name of the source: "Xinhua", "NASA", a feed title, a host name. */
  readonly name: string | null;
  /** Canonical link to the original, when known. */
  readonly url: string | null;
  /** How it was obtained. */
  readonly kind: 'text' | 'markdown' | 'html' | 'feed-item';
  /** Local path when loaded from a file. */
  readonly path?: string | null;
}

/** "HAIKOU, Nov. 21 (Xinhua) —" */
export interface Dateline {
  readonly place: string | null;
  readonly date: string | null;
  readonly source: string | null;
}

export interface Sentence {
  /** Stable id: 0-based position of the sentence in the body, in reading order. */
  readonly id: number;
  /** 0-based index of the paragraph that holds it. */
  readonly paragraph: number;
  readonly text: string;
}

export interface Paragraph {
  readonly index: number;
  readonly text: string;
  /** Ids of the sentences in this paragraph, in order. */
  readonly sentenceIds: readonly number[];
}

export interface Article {
  /** Content hash (sha256 hex of the normalised body); stable for the same story text. */
  readonly id: string;
  readonly title: string | null;
  readonly source: ArticleSource;
  /** ISO 8601 when known. */
  readonly publishedAt: string | null;
  readonly dateline: Dateline | null;
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  /** From hashtag lines and feed categories, without the '#'. */
  readonly tags: readonly string[];
  /**
   * The article's language as a BCP 47 primary code ("en", "zh", "fr"), "und" when the text is
   * too short to tell. Absent on articles stored before detection existed: read as English.
   */
  readonly language?: string;
  /** Feed guid, when the article came from a feed. */
  readonly guid?: string | null;
}
