/**
 * What /ask needs to know about a language, behind one small interface so another language
 * plugs in without touching the ranking: which words carry no topic, how a question says what
 * kind of answer it wants, how words are reduced to a match key, and whether the English
 * lexical resources (WordNet, the word vectors) apply. The ranking itself (BM25, slot density,
 * the lead prior) is the same for every language.
 */
import { QUESTION_WORDS, questionShape, type QuestionShape } from './question.js';
import type { AnswerWords } from './sentence-kinds.js';
import { isStopWord, stem } from './terms.js';
import { GERMAN } from './languages/de.js';
import { SPANISH } from './languages/es.js';
import { FRENCH } from './languages/fr.js';
import { CHINESE } from './languages/zh.js';

export interface AskLanguage {
  /** BCP 47 primary code: "en", "de", "fr". */
  readonly code: string;
  /** Function words that carry no topic ("the", "of"; "der", "und"). */
  isStopWord(word: string): boolean;
  /** Words that only shape a question ("who", "how", "did"); lower case. */
  isQuestionWord(word: string): boolean;
  /** The kind of answer a question asks for, read from its wording. */
  questionShape(question: string): QuestionShape;
  /** A light stem, the fallback key where the lemmatiser leaves a word alone. */
  stem(word: string): string;
  /** Abbreviations readers type for what articles spell out ("pm" → "prime minister"). */
  readonly abbreviations: Readonly<Record<string, string>>;
  /** Whether WordNet and the English word vectors describe this language's words. */
  readonly englishLexicon: boolean;
  /** Its words for dates, numbers and places before a name (English's are built in). */
  readonly answerWords?: AnswerWords;
  /**
   * For a script written without spaces between words (Chinese): the match keys of a text,
   * used in place of the tagger's words; `question` takes the question words out first.
   */
  keysOfText?(text: string, question?: boolean): string[];
}

export const ENGLISH: AskLanguage = {
  code: 'en',
  isStopWord,
  isQuestionWord: (word) => QUESTION_WORDS.has(word),
  questionShape,
  stem,
  abbreviations: {
    vp: 'vice president',
    pm: 'prime minister',
    ceo: 'chief executive',
    mp: 'member of parliament',
    mps: 'members of parliament',
    cops: 'police',
    cop: 'police',
    gov: 'government',
    govt: 'government',
    uk: 'United Kingdom',
    us: 'United States',
  },
  englishLexicon: true,
};

/** Languages /ask reads with their own words (`languages/`); another language adds one entry. */
const LANGUAGES: ReadonlyMap<string, AskLanguage> = new Map([
  ['en', ENGLISH],
  ['de', GERMAN],
  ['fr', FRENCH],
  ['es', SPANISH],
  ['zh', CHINESE],
]);

/**
 * The /ask language for an article's detected language. English for "en", for text too short to
 * tell ("und") and for articles stored before detection; a language with no module is read with
 * the English rules for now (its words still match literally).
 */
export function askLanguageFor(code: string | undefined): AskLanguage {
  return (code && LANGUAGES.get(code)) || ENGLISH;
}
