/**
 * What every `ArticleLibrary` must do, whatever holds the articles: the same reference (guid,
 * link, full id, id prefix, title words) names the same article, the sample answers when a
 * channel has nothing, and, for the libraries that keep workspaces apart, another workspace's
 * article is not found by any of those names, exactly as an unknown one. Each implementation's
 * test calls `runLibraryContract` with a factory.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/article/types.js';
import { analyse } from '../../src/core/analyse/index.js';
import type { AnalysedArticle, ArticleLibrary, Where } from '../../src/core/ports.js';
import { ingestText } from '../../src/core/ingest/index.js';

export interface LibraryUnderTest {
  readonly library: ArticleLibrary;
  /** Makes `article` one that `where`'s channel received (newest last given). */
  give(where: Where, article: Article): Promise<void>;
  readonly cleanup?: () => Promise<void>;
}

export interface LibraryContractOptions {
  /** Whether articles are kept per workspace (the stored library), or shared by all (loaded ones). */
  readonly perWorkspace: boolean;
}

const story = (text: string, url: string, guid: string): Article => {
  const a = ingestText(text, { url });
  if (!a.ok) throw new Error(a.error.message);
  return { ...a.value, guid };
};

export const SAMPLE: AnalysedArticle = (() => {
  const a = ingestText(
    'Sample story about the space partnership\n\nChina and Djibouti signed a deal on space cooperation. The deal covers satellites.',
  );
  if (!a.ok) throw new Error(a.error.message);
  return { id: a.value.id, article: a.value, facts: analyse(a.value) };
})();

const MARS = story(
  'Rover lands on Mars\n\nThe rover landed on Mars on Tuesday. Engineers cheered at the control centre.',
  'https://news.example/mars',
  'tag:news.example,2025:mars',
);
const MOON = story(
  'Moon base plans unveiled\n\nThe agency unveiled plans for a moon base. Construction starts in 2030.',
  'https://news.example/moon',
  'urn:uuid:6f1c8a0e-moon',
);

export const at = (workspaceId: string, channelId: string): Where => ({ platform: 'discord', workspaceId, channelId });
const A1 = at('gA', 'a1');
const A2 = at('gA', 'a2');
const B1 = at('gB', 'b1');

/** Every name a user may give an article by. */
const namesOf = (a: Article): Record<string, string> => ({
  guid: a.guid!,
  link: a.source.url!,
  'full id': a.id,
  'id prefix': a.id.slice(0, 8).toUpperCase(),
  'title words': a.title!.split(' ').reverse().join('  ').toLowerCase(),
});

export function runLibraryContract(
  name: string,
  make: () => Promise<LibraryUnderTest>,
  options: LibraryContractOptions,
): void {
  describe(`article library contract: ${name}`, () => {
    const fresh = async (): Promise<LibraryUnderTest> => make();

    it('answers with the sample while a channel has nothing, and finds the sample by id or title', async () => {
      const t = await fresh();
      expect((await t.library.current(A1)).id).toBe(SAMPLE.id);
      expect((await t.library.recent(A1, 5)).map((a) => a.id)).toEqual([SAMPLE.id]);
      expect((await t.library.recentAnalysed(A1, 5)).map((a) => a.id)).toEqual([SAMPLE.id]);
      expect((await t.library.find(A1, SAMPLE.id.slice(0, 6)))?.id).toBe(SAMPLE.id);
      expect((await t.library.find(B1, 'space partnership'))?.id).toBe(SAMPLE.id);
      await t.cleanup?.();
    });

    it('answers from the newest article given, and lists them newest first', async () => {
      const t = await fresh();
      await t.give(A1, MARS);
      await t.give(A1, MOON);
      expect((await t.library.current(A1)).id).toBe(MOON.id);
      expect((await t.library.recent(A1, 5)).map((a) => a.title)).toEqual([MOON.title, MARS.title]);
      const analysed = await t.library.recentAnalysed(A1, 1);
      expect(analysed.map((a) => a.id)).toEqual([MOON.id]);
      expect(analysed[0]!.facts.sentences.length).toBeGreaterThan(0);
      await t.cleanup?.();
    });

    it('finds an article by guid, link, full id, id prefix and title words, from any channel of its workspace', async () => {
      const t = await fresh();
      await t.give(A1, MARS);
      await t.give(A1, MOON);
      for (const [kind, ref] of Object.entries(namesOf(MARS))) {
        expect((await t.library.find(A1, ref))?.id, kind).toBe(MARS.id);
        expect((await t.library.find(A2, ` ${ref} `))?.id, `${kind} from another channel`).toBe(MARS.id);
      }
      await t.cleanup?.();
    });

    it('finds nothing for an empty reference, a too-short prefix, or words no title has', async () => {
      const t = await fresh();
      await t.give(A1, MARS);
      for (const ref of ['', '   ', MARS.id.slice(0, 3), 'no such words anywhere', 'https://news.example/venus'])
        expect(await t.library.find(A1, ref), JSON.stringify(ref)).toBeNull();
      await t.cleanup?.();
    });

    if (options.perWorkspace)
      it("does not find another workspace's article by any name: it reads as an unknown one", async () => {
        const t = await fresh();
        await t.give(A1, MARS);
        for (const [kind, ref] of Object.entries(namesOf(MARS))) {
          expect(await t.library.find(B1, ref), kind).toBeNull();
          expect((await t.library.find(A1, ref))?.id, `${kind} at home`).toBe(MARS.id);
        }
        expect((await t.library.current(B1)).id).toBe(SAMPLE.id);
        expect((await t.library.recent(B1, 5)).map((a) => a.id)).toEqual([SAMPLE.id]);
        await t.cleanup?.();
      });
  });
}
