/**
 * What /ask's ranking uses and how much each signal weighs (ADR 022). Fitted on the development
 * questions; change them only with the calibration script's tables.
 */

/** What the ranking uses; all on by default. Turned off one by one for the ADR's comparison. */
export interface RankFeatures {
  readonly wordnet: boolean;
  readonly vectors: boolean;
  readonly types: boolean;
  readonly coref: boolean;
  readonly lead: boolean;
}

export const ALL_FEATURES: RankFeatures = { wordnet: true, vectors: true, types: true, coref: true, lead: true };

/** How much each signal weighs in the score; defaults fitted on the development questions (ADR 022). */
export interface RankWeights {
  /** Sentence-level vector similarity (above a floor of 0.3). */
  readonly sentenceVector: number;
  /** Added when the sentence holds the asked kind of answer, taken off when it does not. */
  readonly type: number;
  /** Added when the sentence names the counted noun of "how many X". */
  readonly unit: number;
  /** Added to the first sentence, decaying with position (the lead states the story's central facts). */
  readonly lead: number;
  /** Sentences over which the lead bonus falls to a third. */
  readonly leadSpan: number;
  /** Times the share of the headline's words the sentence repeats. */
  readonly title: number;
  /** Least cosine for a word vector to count as a match. */
  readonly vectorFloor: number;
  /** What a word vector at the floor is worth as a match (an exact word is worth 1). */
  readonly vectorAtFloor: number;
  /** How much more a vector match is worth from the floor to a cosine of 1. */
  readonly vectorSlope: number;
  /**
   * How much a question word's weight follows its rarity in English (0 = article IDF alone, 1 =
   * IDF times log-rank in the vectors' frequency list): "first", "out", "take" weigh less than
   * "attacker" even when the article uses them once.
   */
  readonly informativeness: number;
  /** Times the slot density: the question's words gathered around a word that fills the asked slot. */
  readonly slot: number;
  /** Tokens over which a word's pull on a slot falls to a half. */
  readonly slotSpan: number;
  /** Taken off a sentence that states no number or date when one is asked for (on top of `type`). */
  readonly numberMissing: number;
  /** Taken off for a "why" question when the sentence has no causal cue (reasons are often unmarked). */
  readonly whyMissing: number;
  /** How well a sentence holding a name of the asked kind meets the noun naming that kind ("Which companies"). */
  readonly answerClass: number;
  /** Taken off the kind bonus of a "why" answer whose only causal cue is "after", "since" and the like. */
  readonly weakCause: number;
  /** Taken off a sentence that itself asks a question ("And there's 33 people on board?"): it answers none. */
  readonly asksQuestion: number;
}

export const DEFAULT_WEIGHTS: RankWeights = {
  sentenceVector: 0.35,
  type: 0.2,
  unit: 0.1,
  lead: 0.1,
  leadSpan: 8,
  title: 0,
  vectorFloor: 0.55,
  vectorAtFloor: 0.4,
  vectorSlope: 0.8,
  informativeness: 1,
  slot: 0.2,
  slotSpan: 4,
  numberMissing: 0.4,
  whyMissing: 0,
  asksQuestion: 0.5,
  answerClass: 0.9,
  weakCause: 0.2,
};
