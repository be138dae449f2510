/**
 * What `analyse(article)` finds. Every fact points at the sentence(s) it comes from by
 * sentence id, so any reply built from it can quote its source.
 * The JSON shape of `herald analyze --json` is exactly this type.
 */
import type { Dateline, Sentence } from '../article/types.js';

export interface PersonFact {
  /** Full name as first introduced: "Niklas Hedman". */
  readonly name: string;
  /** Other ways the article refers to them: "Hedman", "Nicky Fox". */
  readonly aliases: readonly string[];
  /** Role as the article states it, acronyms left as written: "acting director of UNOOSA". */
  readonly role: string | null;
  /** Role with acronyms expanded when the article defines them. */
  readonly roleExpanded: string | null;
  /** Organisation named in the role, expanded when possible. */
  readonly organization: string | null;
  /** Sentence that states the role (or first mention when no role). */
  readonly sentence: number | null;
  /** Every sentence that mentions them, by name, surname or a pronoun tied back to them. */
  readonly mentions: readonly number[];
}

export interface OrganizationFact {
  readonly name: string;
  readonly acronym: string | null;
  readonly mentions: readonly number[];
}

export interface PlaceFact {
  readonly name: string;
  readonly mentions: readonly number[];
}

export interface ListFact {
  /** The words that announce the list: "the promotion of the new space exploration partnership in eight areas". */
  readonly lead: string;
  /** The announced count when the text states one ("eight areas" → 8), else null. */
  readonly count: number | null;
  readonly items: readonly string[];
  readonly sentence: number;
  /** True when an announced count matches the number of items found. */
  readonly countMatches?: boolean | null;
}

export interface QuoteFact {
  /** Full name of the speaker when attributed, else null. */
  readonly speaker: string | null;
  readonly text: string;
  /** First sentence of the quote. */
  readonly sentence: number;
  /** All sentences the quote spans. */
  readonly sentences?: readonly number[];
  /** Sentence that carries the attribution ("Hedman said"), when different. */
  readonly attributionSentence?: number | null;
}

export interface NumberFact {
  /** The number or date as written: "$4.6 billion", "July 23, 2020". */
  readonly text: string;
  /** 'money' | 'date' | 'quantity' | 'percent' | 'count' | 'ordinal' | 'duration' | ... */
  readonly kind?: string;
  readonly sentence: number;
}

export interface ArticleFacts {
  /** BCP 47 code of the article's language ("en", "zh", "fr"; "und" when unknown). */
  readonly language?: string;
  readonly title: string | null;
  readonly dateline: Dateline | null;
  readonly tags: readonly string[];
  readonly sentences: readonly Sentence[];
  readonly people: readonly PersonFact[];
  readonly organizations: readonly OrganizationFact[];
  readonly places: readonly PlaceFact[];
  readonly lists: readonly ListFact[];
  readonly quotes: readonly QuoteFact[];
  readonly numbers: readonly NumberFact[];
  /** Ids of 2–3 sentences that summarise the article, in reading order. */
  readonly summary: readonly number[];
}
