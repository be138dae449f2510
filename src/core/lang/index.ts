/**
 * The language modules, by code. English is not here: it is the analyser in src/core/analyse,
 * which `analyse()` runs when `moduleFor` gives nothing.
 */
import type { Article } from '../article/types.js';
import type { ArticleFacts } from '../facts/types.js';
import { DE } from './de/table.js';
import { ES } from './es/table.js';
import { FR } from './fr/table.js';
import { latinModule } from './latin/module.js';
import { baseFacts, type LanguageModule } from './module.js';
import { ZH } from './zh/module.js';

export type { LanguageModule } from './module.js';
export { detectLanguage } from './detect.js';

const MODULES: ReadonlyMap<string, LanguageModule> = new Map(
  [latinModule(DE), latinModule(FR), latinModule(ES), ZH].map((m) => [m.code, m]),
);

/** Any language without a module: detection, sentences and lead sentences, no people. */
const OTHER = (code: string): LanguageModule => ({
  code,
  analyse: (article: Article): ArticleFacts => baseFacts(article, code),
});

/** The extractor for an article's language; null for English (and articles stored before detection). */
export function moduleFor(code: string | undefined): LanguageModule | null {
  if (code === undefined || code === 'en') return null;
  // Text too short to tell: the English analyser reads Latin script as it always did.
  if (code === 'und') return null;
  return MODULES.get(code) ?? OTHER(code);
}
