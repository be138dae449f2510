/**
 * One shared wink-nlp instance. Loading the English model takes ~100 ms and tens of MB,
 * so every part of the core (ingest's sentence splitter, annotate's entities) shares it,
 * and it is created only the first time someone needs it.
 */
import winkNLP from 'wink-nlp';
import type { WinkMethods, ItsHelpers, AsHelpers } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** The shared wink-nlp handle: the pipeline plus its `its`/`as` helpers. */
export interface WinkHandle {
  readonly nlp: WinkMethods;
  readonly its: ItsHelpers;
  readonly as: AsHelpers;
}

let handle: WinkHandle | null = null;

/** The lazily created shared instance (full default pipeline: sbd, negation, sentiment, pos, ner, cer). */
export function getNlp(): WinkHandle {
  if (handle === null) {
    const nlp = winkNLP(model);
    handle = { nlp, its: nlp.its, as: nlp.as };
  }
  return handle;
}
