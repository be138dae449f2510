/**
 * The `scope: channel` answers of /who-is, /quotes and /ask: the same facts as for one
 * article, read from each of the channel's recent articles and grouped article by article.
 * Each group is headed by the article's title and closed by its source block (title and link),
 * and every citation carries the article's title, link and id.
 */
import { findPeopleAcross, findSpeakersAcross, peopleOf } from '../facts/across.js';
import { closestPeople } from '../facts/lookup.js';
import type { AnalysedArticle } from '../ports.js';
import { answer, cite, notFound, sourceBlock } from '../reply/build.js';
import type { Block, Reply } from '../reply/types.js';
import { ask } from '../search/sentence-index.js';
import type { StatedValue } from '../search/sentence-kinds.js';
import { loadWordVectors } from '../search/word-vectors.js';
import { indexOf } from './ask-article.js';
import { personBlocks } from './person-blocks.js';
import { ofChannel } from './scope.js';

/** Most sentences quoted across the channel: the best few, not every article's best three. */
const MAX_HITS = 5;
/** Fewer "about them" sentences per article than for one article, as the entry covers several. */
const MENTIONS_PER_ARTICLE = 2;

const titleOf = (a: AnalysedArticle): string => a.article.title ?? a.article.source.url ?? a.id.slice(0, 12);

function noneMention(what: string, suggestions: readonly string[] = []): Reply {
  return notFound(`None of the channel's recent articles mention ${what}.`, suggestions);
}

/** /who-is name scope:channel — one entry per person, article by article. */
export function whoIsAcross(articles: readonly AnalysedArticle[], name: string): Reply {
  const people = findPeopleAcross(articles, name);
  if (people.length === 0) {
    return noneMention(`"${name}"`, closestPeople({ people: peopleOf(articles).map((x) => x.person) }, name));
  }
  const blocks: Block[] = [];
  for (const [i, person] of people.entries()) {
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push({ type: 'heading', text: person.name });
    const inArticles = new Set(person.appearances.map((x) => x.article.id)).size;
    const alsoNamed = person.names.length > 1 ? `, also named ${person.names.slice(1).join(', ')}` : '';
    blocks.push({ type: 'text', text: `Named in ${ofChannel(inArticles, articles.length)}${alsoNamed}.` });
    for (const { article, person: p } of person.appearances) {
      blocks.push(
        ...personBlocks(article, p, { heading: `In “${titleOf(article)}”`, maxMentions: MENTIONS_PER_ARTICLE }),
      );
      blocks.push(sourceBlock(article.article));
    }
  }
  const first = people[0]!;
  return answer(
    `${first.name} in ${ofChannel(new Set(first.appearances.map((x) => x.article.id)).size, articles.length)}`,
    blocks,
  );
}

/** /quotes [speaker] scope:channel — quotes grouped by article, newest article first. */
export function quotesAcross(articles: readonly AnalysedArticle[], speaker?: string): Reply {
  const withQuotes = articles.filter((a) => a.facts.quotes.length > 0);
  if (withQuotes.length === 0) return notFound("None of the channel's recent articles quote anybody.");
  let wanted: Map<string, string[]> | null = null;
  if (speaker) {
    wanted = findSpeakersAcross(withQuotes, speaker);
    if (wanted.size === 0) {
      const known = [
        ...new Set(withQuotes.flatMap((a) => a.facts.quotes.map((q) => q.speaker)).filter((s): s is string => !!s)),
      ];
      return notFound(`None of the channel's recent articles quote anybody called "${speaker}".`, known.slice(0, 5));
    }
  }
  const names = wanted ? [...new Set([...wanted.values()].flat())] : [];
  const title = wanted ? `Quotes from ${names.join(', ')}` : 'Quotes';
  const blocks: Block[] = [];
  let groups = 0;
  for (const a of withQuotes) {
    const speakers = wanted?.get(a.id);
    if (wanted && !speakers) continue;
    const quotes = a.facts.quotes.filter((q) => !speakers || (q.speaker !== null && speakers.includes(q.speaker)));
    groups += 1;
    blocks.push({ type: 'heading', text: `In “${titleOf(a)}”` });
    for (const q of quotes) {
      const ids = q.sentences && q.sentences.length > 0 ? q.sentences : [q.sentence];
      blocks.push({ type: 'quote', text: q.text, speaker: q.speaker, cite: cite(a.article, ids, a.id) });
    }
    blocks.push(sourceBlock(a.article));
  }
  return answer(`${title} in ${ofChannel(groups, articles.length)}`, [
    { type: 'text', text: `${title}, from ${ofChannel(groups, articles.length)}.` },
    ...blocks,
  ]);
}

export interface ChannelHit {
  readonly article: AnalysedArticle;
  readonly sentence: number;
  readonly coverage: number;
  /** The /ask score: comparable across articles, as the refusal threshold applies to it everywhere. */
  readonly score: number;
  /** The asked number or date as the sentence states it (how many, how much, when), else null. */
  readonly value: StatedValue | null;
}

/** The best sentences across articles, by /ask score; each article contributes only what it answers. */
export function askAcrossHits(articles: readonly AnalysedArticle[], question: string, limit = MAX_HITS): ChannelHit[] {
  const hits: ChannelHit[] = [];
  for (const a of articles) {
    for (const h of ask(indexOf(a), question).hits)
      hits.push({ article: a, sentence: h.sentence, coverage: h.coverage, score: h.score, value: h.value });
  }
  return hits.sort((x, y) => y.score - x.score || y.coverage - x.coverage).slice(0, limit);
}

/** /ask question scope:channel — the best sentences, best first, each naming and linking its article. */
export async function askAcross(articles: readonly AnalysedArticle[], question: string): Promise<Reply> {
  await loadWordVectors();
  const hits = askAcrossHits(articles, question);
  if (hits.length === 0) {
    return notFound(
      "None of the channel's recent articles answer that.",
      [],
      [{ type: 'text', text: 'Try other words, or /articles to see what the channel has.' }],
    );
  }
  const blocks: Block[] = [
    { type: 'heading', text: question },
    { type: 'text', text: `From ${ofChannel(new Set(hits.map((h) => h.article.id)).size, articles.length)}:` },
  ];
  // The asked number or date first, as the best article states it, naming that article.
  const best = hits[0]!;
  if (best.value) blocks.push({ type: 'text', text: `“${best.value.text}”, as “${titleOf(best.article)}” says.` });
  // Rank order; neighbouring hits from the same article share one line naming it.
  const runs: ChannelHit[][] = [];
  for (const h of hits) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.article.id === h.article.id) last.push(h);
    else runs.push([h]);
  }
  for (const run of runs) {
    const a = run[0]!.article;
    const url = a.article.source.url;
    blocks.push({
      type: 'text',
      text: `“${titleOf(a)}”${url ? ` — ${url}` : ''}`,
      cite: cite(
        a.article,
        run.map((h) => h.sentence),
        a.id,
      ),
    });
  }
  return answer(question, blocks);
}
