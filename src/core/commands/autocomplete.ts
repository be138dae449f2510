/**
 * Autocomplete suggestions, by source. The core knows article-derived sources; later
 * layers (feeds, schedules) register their own providers.
 */
import { listLabel } from '../answers/list-reply.js';
import type { AnalysedArticle, ArticleLibrary, Invoker, Where } from '../ports.js';
import type { AutocompleteSource } from './define.js';
import type { CommandRegistry } from './registry.js';

/** One suggestion: `name` is shown (≤100 chars), `value` is what the option receives (≤100 chars). */
export interface Choice {
  readonly name: string;
  readonly value: string;
}

export interface AutocompleteRequest {
  readonly where: Where;
  readonly invoker: Invoker;
  readonly query: string;
  /** The article the command would answer from (resolved lazily; only for article sources). */
  article(): Promise<AnalysedArticle>;
}

export type AutocompleteProvider = (req: AutocompleteRequest) => Promise<readonly Choice[]>;
export type AutocompleteProviders = Partial<Record<AutocompleteSource, AutocompleteProvider>>;

const clip = (s: string, n = 100): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** Keeps the choices that match the query (substring, any case), best (prefix) first, at most 25. */
export function rankChoices(choices: readonly Choice[], query: string): Choice[] {
  const q = query.trim().toLowerCase();
  const scored = choices
    .map((c) => {
      const hay = `${c.name} ${c.value}`.toLowerCase();
      const words = hay.split(/[^\p{L}\p{N}]+/u);
      const score = q === '' ? 1 : words.some((w) => w.startsWith(q)) ? 3 : hay.includes(q) ? 2 : 0;
      return { c, score };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored.slice(0, 25).map((x) => ({ name: clip(x.c.name), value: clip(x.c.value) }));
}

/** Providers derived from the article and the registry. */
export function coreProviders(deps: {
  library: ArticleLibrary;
  registry: () => CommandRegistry;
}): AutocompleteProviders {
  return {
    people: async (req) =>
      (await req.article()).facts.people.map((p) => ({
        name: p.role ? `${p.name} — ${p.role}` : p.name,
        value: p.name,
      })),
    speakers: async (req) => {
      const speakers = new Set(
        (await req.article()).facts.quotes.map((q) => q.speaker).filter((s): s is string => !!s),
      );
      return [...speakers].map((s) => ({ name: s, value: s }));
    },
    lists: async (req) =>
      (await req.article()).facts.lists.map((l, i) => ({
        name: `${listLabel(l)} (${l.items.length} items)`,
        value: String(i + 1),
      })),
    articles: async (req) =>
      (await deps.library.recent(req.where, 25)).map((a) => ({
        name: a.title ?? a.url ?? a.id,
        value: a.id.slice(0, 12),
      })),
    commands: async () =>
      deps.registry().commands.map((c) => ({ name: `/${c.name} — ${c.description}`, value: c.name })),
    timezones: async () => Intl.supportedValuesOf('timeZone').map((z) => ({ name: z, value: z })),
  };
}
