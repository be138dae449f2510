/**
 * Which language an article is written in, as a BCP 47 primary code ("en", "zh", "fr"), or
 * "und" when the text gives too little to tell. eld (Efficient Language Detector, Apache-2.0)
 * does the work; why eld, and how it was measured, is in docs/decisions/032-language-detection.md.
 *
 * The detector's data (about 1 MB of n-grams, ~200 ms to load) is loaded the first time an
 * article is read, not when the core is imported, so commands that read no article pay nothing.
 */
import { createRequire } from 'node:module';

interface EldResult {
  readonly language: string;
  isReliable(): boolean;
}
interface Eld {
  detect(text: string): EldResult;
}

let eld: Eld | null = null;

function detector(): Eld {
  if (eld === null) {
    // eld ships ES modules only; Node ≥ 20.19 requires an ES module file synchronously, which
    // keeps `detectLanguage` (and so ingest) synchronous. The path is resolved through the
    // package's own export map, so the "extrasmall" entry stays the one its authors publish.
    const require = createRequire(import.meta.url);
    const file = import.meta.resolve('eld/extrasmall');
    eld = (require(new URL(file).pathname) as { eld: Eld }).eld;
  }
  return eld;
}

/** The detector reads this much of the text: enough for 70/70 on the development sets, and fast. */
const SAMPLE_CHARS = 1000;
/** Below this many letters no detector is reliable: say so rather than guess. */
const MIN_LETTERS = 12;

/** Han, kana and hangul: a text mostly in these is CJK whatever its few Latin words say. */
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/gu;
const LETTER = /\p{L}/gu;

/**
 * The article's language, "und" when unknown. `text` is the headline and body; only the
 * first 1,000 characters are read.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  const found = detector().detect(sample).language;
  if (found !== '') return found;
  // eld abstains on some mixed texts; a text mostly in Han characters is Chinese.
  const cjk = sample.match(CJK)?.length ?? 0;
  return cjk > letters / 2 ? 'zh' : 'und';
}
