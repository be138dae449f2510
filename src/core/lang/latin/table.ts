/**
 * What a language written with word spaces (French, German, Spanish) tells the shared
 * extractor in src/core/lang/latin: small closed word lists about how its news prose introduces
 * people, quotes and lists. Never any particular article.
 */
export interface LatinTable {
  readonly code: string;
  /** A token (lower case) that heads a role: "ministre", "Umweltministerin", "presidente". */
  readonly roleNoun: RegExp;
  /** Words that may stand before a role noun inside the role: "premier", "ancien", "ex". */
  readonly roleModifiers: ReadonlySet<string>;
  /** In German any lower-case adjective before the role noun belongs to it ("britische"). */
  readonly adjectivesBeforeRole: boolean;
  /** Lower-case words after a role noun that continue it: "de", "des", "del", "in", "für". */
  readonly connectors: ReadonlySet<string>;
  /** Endings of adjectives that follow a role noun: "francés", "socialiste". */
  readonly adjectiveAfterRole: RegExp | null;
  /** Determiners and other words that end a role on its left: "la", "el", "der", "sein". */
  readonly determiners: ReadonlySet<string>;
  /** Auxiliaries, pronouns and conjunctions that start a clause: a role never runs across one. */
  readonly clauseWords: ReadonlySet<string>;
  /** Courtesy titles before a name: "M", "Mme", "Sr", "Frau". Lower case, without the point. */
  readonly titles: ReadonlySet<string>;
  /** Lower-case particles inside a name: "de", "von", "del". */
  readonly particles: ReadonlySet<string>;
  /** Capitalised words that never start or make a name (sentence-initial function words, months). */
  readonly notNames: ReadonlySet<string>;
  /** Speech verbs and phrases, lower case: "sagte", "a déclaré", "dijo", "selon". */
  readonly speechVerbs: readonly string[];
  /** Subject pronouns that point back to the last person named: "er", "sie", "il", "elle", "él". */
  readonly pronouns: ReadonlySet<string>;
  /** Conjunctions that close a list: "und", "et", "y". */
  readonly conjunctions: ReadonlySet<string>;
  /** Conjunctions that close only lists ("sowie"): around one, "und" separates items too. */
  readonly listClosers?: ReadonlySet<string>;
  /**
   * Verbs (and the participles after them) that make a role the predicate of a name: "Ben
   * Wallace ist neuer Verteidigungsminister", "X est devenu ministre", "X fue nombrado ministro".
   */
  readonly copulas: ReadonlySet<string>;
  /**
   * Verb-second word order (German): the finite verb is the second part of a main clause and a
   * subject named after it ("Im April bezeichnete Araud …", "Gleichzeitig dankte Trump …").
   */
  readonly verbSecond?: boolean;
  /** Determiners that mark a noun phrase as no subject ("den", "einem", "ihren"): it is an object. */
  readonly objectDeterminers?: ReadonlySet<string>;
  /**
   * Cabinet news: verbs after a name that give it a portfolio ("reçoit"), verbs a portfolio
   * goes to a name by ("revient"), nouns that name one ("ministère") and pronouns for one
   * named before ("celui").
   */
  readonly portfolio?: {
    readonly receives: ReadonlySet<string>;
    readonly givenTo: ReadonlySet<string>;
    readonly nouns: ReadonlySet<string>;
    readonly pronouns: ReadonlySet<string>;
  };
  /** Whether every noun is capitalised (German): capitals are then no evidence of a name. */
  readonly nounsCapitalised: boolean;
}
