/**
 * What kind of answer a reader's question asks for, read from its wording alone: a person or
 * organisation (who), a date or time (when), a place (where), a count (how many, with the
 * counted noun), an amount of money (how much ... cost/pay/worth), a length of time (how long),
 * a measure (how far/deep/fast), a cause or reason (why), or anything else (what).
 */

export type AnswerKind = 'who' | 'when' | 'where' | 'count' | 'money' | 'duration' | 'measure' | 'why' | 'what';

export interface QuestionShape {
  readonly kind: AnswerKind;
  /** The counted noun of "how many X", singular and lower case ("people", "store"), when stated. */
  readonly unit: string | null;
}

const MONEY_CUE =
  /\b(cost|costs|costing|pay|paid|paying|worth|price|priced|spend|spent|money|fund|funding|funds|budget|fine|fined|compensation|charge|charged|earn|earned|sell|sold|buy|bought|raise|raised|dollars?|euros?|pounds?|bill)\b/;
const PLACE_NOUN =
  /^(country|countries|city|cities|state|states|town|towns|place|places|region|regions|province|part|area|areas|island|museum|museums|prison|pub|hospital|venue|stadium|street|route|capital|continent|nation|nations)$/;
const TIME_NOUN = /^(year|years|day|days|month|months|date|time|week|hour|decade|century|season)$/;
const PERSON_NOUN =
  /^(company|companies|firm|firms|group|groups|person|people|man|woman|official|officials|team|teams|brand|brands|player|players|leader|leaders|party|parties|agency|agencies|organisation|organization|minister|judge|court|country|countries|version|doctor|lawyer|airline|bank)$/;

function singular(noun: string): string {
  if (/ies$/.test(noun)) return noun.replace(/ies$/, 'y');
  if (/(ss|us)$/.test(noun)) return noun;
  if (/s$/.test(noun) && noun.length > 3) return noun.slice(0, -1);
  return noun;
}

/** The kind of answer `question` asks for. */
export function questionShape(question: string): QuestionShape {
  const q = question
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const after = (re: RegExp): string | null => {
    const m = re.exec(q);
    return m ? (m[1] ?? null) : null;
  };
  if (/\bhow much\b/.test(q)) {
    if (MONEY_CUE.test(q)) return { kind: 'money', unit: null };
    return { kind: 'count', unit: after(/\bhow much (?:more |less )?([a-z]+)/) };
  }
  if (/\bhow many\b/.test(q)) {
    const unit = after(/\bhow many (?:more |fewer |other |of the )?([a-z]+)/);
    if (unit && /^(years|days|months|weeks|hours)$/.test(unit)) return { kind: 'duration', unit: singular(unit) };
    return { kind: 'count', unit: unit ? singular(unit) : null };
  }
  if (/\bhow (long|soon|quickly)\b/.test(q)) return { kind: 'duration', unit: null };
  if (/\bhow (far|deep|fast|big|large|tall|high|old|heavy|wide|close|hot|cold|strong)\b/.test(q))
    return { kind: 'measure', unit: null };
  if (/^(what|what's|whats) (is |was |are )?(the )?([a-z]+ ){0,2}(count|number|total|tally|toll|score)\b/.test(q))
    return { kind: 'count', unit: null };
  if (/\bwhy\b|\bhow come\b|\bwhat (?:caused|causes|cause|led to|leads to|made|triggered|sparked|prompted)\b/.test(q))
    return { kind: 'why', unit: null };
  if (/\b(reason|reasons|cause|motive)\b/.test(q) && /^(what|which)\b/.test(q)) return { kind: 'why', unit: null };
  // "How did police find the site?" asks for the means or the cause, worded like a why.
  if (/^how (did|does|do|was|were|could|can|has|have)\b/.test(q)) return { kind: 'why', unit: null };
  if (/\bwhen\b|\bsince when\b|\bwhat (time|year|day|date|month|hour)\b/.test(q)) return { kind: 'when', unit: null };
  // "Who announced where the shuttles are going?" asks for a who: the first question word decides.
  if (/^(who|whom|whose|who's)\b/.test(q)) return { kind: 'who', unit: null };
  const which = after(/\b(?:which|what) ([a-z]+)/);
  if (which && TIME_NOUN.test(which)) return { kind: 'when', unit: null };
  if (/\bwhere(abouts)?\b/.test(q) || (which && PLACE_NOUN.test(which) && !/\bwho\b/.test(q)))
    return { kind: 'where', unit: null };
  // "What was the captain's name?", "the names of ...": a who; "What does the name stand for?" is not.
  const asksName = /^(what|what's|whats)\b.*\bnames?( of\b|$)/.test(q);
  if (/\b(who|whom|whose|who's)\b/.test(q) || (which && PERSON_NOUN.test(which)) || asksName)
    return { kind: 'who', unit: null };
  return { kind: 'what', unit: null };
}

/** Words that only shape the question, never its topic. */
export const QUESTION_WORDS = new Set(
  (
    'who whom whose what which when where whereabouts why how much many long soon quickly ' +
    'actually really anyway exactly just now so far still yet ever even there anything anyone someone ' +
    'get gets got getting go goes going gone went do does did doing done make makes made happen happens happened'
  ).split(/\s+/),
);
