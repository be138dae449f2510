/**
 * Test commands, a tiny article library and signing helpers for the Discord tests. The
 * commands are real declarations run by the real registry and dispatcher.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { pino } from 'pino';
import { answer } from '../../src/core/reply/build.js';
import { defineCommand, defineCommandGroup, defineSubcommand } from '../../src/core/commands/define.js';
import { createRegistry, type CommandRegistry } from '../../src/core/commands/registry.js';
import { createDispatcher, type Dispatcher } from '../../src/core/commands/dispatch.js';
import { coreProviders } from '../../src/core/commands/autocomplete.js';
import type { AnalysedArticle, ArticleLibrary, Logger } from '../../src/core/ports.js';
import type { ArticleFacts } from '../../src/core/facts/types.js';
import { articleFromParagraphs } from '../helpers/article-from-text.js';

export const silentLogger = pino({ level: 'silent' }) as unknown as Logger;

const base = articleFromParagraphs(
  [
    'Niklas Hedman, acting director of UNOOSA, welcomed the deal.',
    '"We welcome it," Hedman said.',
    'A reader wrote @everyone look at <@&123>.',
  ],
  'Space deal signed',
);
const article = { ...base, source: { name: 'Xinhua', url: 'https://example.org/space', kind: 'text' as const } };
const facts: ArticleFacts = {
  title: article.title,
  dateline: null,
  tags: [],
  sentences: article.sentences,
  people: [
    {
      name: 'Niklas Hedman',
      aliases: ['Hedman'],
      role: 'acting director of UNOOSA',
      roleExpanded: null,
      organization: 'UNOOSA',
      sentence: 0,
      mentions: [0, 1],
    },
    {
      name: 'Nicola Fox',
      aliases: [],
      role: 'associate administrator',
      roleExpanded: null,
      organization: 'NASA',
      sentence: 0,
      mentions: [],
    },
  ],
  organizations: [],
  places: [],
  lists: [],
  quotes: [{ speaker: 'Niklas Hedman', text: 'We welcome it,', sentence: 1 }],
  numbers: [],
  summary: [0],
};
export const testArticle: AnalysedArticle = { id: article.id, article, facts };

export const library: ArticleLibrary = {
  current: async () => testArticle,
  find: async (_w, ref) => (testArticle.id.startsWith(ref) ? testArticle : null),
  recent: async () => [{ id: testArticle.id, title: article.title, url: article.source.url, publishedAt: null }],
  recentAnalysed: async () => [testArticle],
};

const cite = (ids: number[]) => ({
  sentenceIds: ids,
  text: ids.map((i) => article.sentences[i]!.text),
  articleTitle: article.title,
  url: article.source.url,
  articleId: article.id,
});

/** Declarations exercising leaf, group, autocomplete, slow, moderator and admin paths. */
export function testCommands(opts: { slowMs?: number } = {}) {
  return [
    defineCommand({
      name: 'who-is',
      description: 'Who is this person in the article?',
      access: 'member',
      category: 'news',
      needs: ['article'],
      options: { name: { type: 'string', description: 'Person', required: true, autocomplete: 'people' } } as const,
      run({ args, article: a }) {
        const p = a.facts.people.find((x) => x.name.toLowerCase().includes(args.name.toLowerCase()));
        if (!p)
          return {
            kind: 'not_found',
            ephemeral: true,
            title: 'Not found',
            code: 'not_found',
            blocks: [{ type: 'text', text: `The article does not mention "${args.name}".` }],
          };
        return answer(p.name, [
          { type: 'heading', text: p.name },
          { type: 'text', text: p.role ?? '', cite: cite([p.sentence ?? 0]) },
          { type: 'source', title: a.article.title, url: a.article.source.url, name: a.article.source.name },
          {
            type: 'buttons',
            buttons: [{ kind: 'command', label: 'More quotes', command: 'quotes', args: { speaker: p.name } }],
          },
        ]);
      },
    }),
    defineCommand({
      name: 'quotes',
      description: 'Quotes from the article',
      access: 'member',
      category: 'news',
      options: { speaker: { type: 'string', description: 'Who said it', autocomplete: 'speakers' } } as const,
      run: ({ args }) => answer('Quotes', [{ type: 'quote', text: 'We welcome it.', speaker: args.speaker ?? null }]),
    }),
    defineCommand({
      name: 'echo',
      description: 'Says the article text back',
      access: 'member',
      category: 'news',
      options: {
        text: { type: 'string', description: 'Text', required: true },
        times: { type: 'integer', description: 'Repeat', min: 1, max: 500 },
      } as const,
      run: ({ args }) =>
        answer('Echo', [{ type: 'text', text: Array.from({ length: args.times ?? 1 }, () => args.text).join('\n\n') }]),
    }),
    defineCommandGroup({
      name: 'feeds',
      description: 'Manage feeds',
      access: 'member',
      category: 'feeds',
      subcommands: {
        status: defineSubcommand({
          description: 'Feed status',
          options: {},
          run: () => answer('Feeds', [{ type: 'text', text: 'All good.' }]),
        }),
        test: defineSubcommand({
          description: 'Fetch a feed now',
          access: 'moderator',
          slow: true,
          options: { url: { type: 'string', description: 'Feed URL', required: true } } as const,
          run: async ({ args }) => {
            await new Promise((r) => setTimeout(r, opts.slowMs ?? 50));
            if (args.url === 'bad') throw new Error('boom');
            return answer('Feed test', [{ type: 'text', text: `Fetched ${args.url}` }]);
          },
        }),
      },
    }),
    defineCommand({
      name: 'reset',
      description: 'Admin only',
      access: 'admin',
      category: 'admin',
      options: {},
      run: () => answer('Reset', [{ type: 'text', text: 'Done.' }]),
    }),
  ];
}

export function testRegistry(opts: { slowMs?: number } = {}): CommandRegistry {
  const r = createRegistry(testCommands(opts));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export function testDispatcher(opts: { slowMs?: number } = {}): Dispatcher {
  const registry = testRegistry(opts);
  return createDispatcher({
    registry,
    library,
    clock: { now: () => new Date() },
    logger: silentLogger,
    autocomplete: coreProviders({ library, registry: () => registry }),
    newRef: () => 'ref1',
  });
}

/** An Ed25519 key pair with the public key as Discord shows it (64 hex characters). */
export function keyPair(): { privateKey: KeyObject; publicKeyHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x!;
  return { privateKey, publicKeyHex: Buffer.from(x, 'base64url').toString('hex') };
}

let nextId = 0n;
/** A fresh snowflake-shaped interaction id. */
export const freshInteractionId = (): string => String(900_000_000_000_000_000n + ++nextId);

/**
 * POSTs a body signed the way Discord signs it. Discord never delivers one interaction id
 * twice and Herald refuses a repeat as a replay, so an object body gets a fresh `id` (a
 * string body is sent exactly as given, for replay and tampering tests).
 */
export async function postSigned(
  url: string,
  body: unknown,
  privateKey: KeyObject,
  opts: { timestamp?: number; signature?: string | null } = {},
): Promise<Response> {
  const raw =
    typeof body === 'string'
      ? body
      : JSON.stringify(body && typeof body === 'object' && 'id' in body ? { ...body, id: freshInteractionId() } : body);
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const signature =
    opts.signature === undefined ? sign(null, Buffer.from(ts + raw), privateKey).toString('hex') : opts.signature;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-signature-timestamp': ts };
  if (signature !== null) headers['x-signature-ed25519'] = signature;
  return fetch(url, { method: 'POST', headers, body: raw });
}

/** Signed POST, answer parsed as JSON (loosely typed: tests assert on its shape). */
export async function postSignedJson(url: string, body: unknown, privateKey: KeyObject): Promise<any> {
  // eslint-disable-line @typescript-eslint/no-explicit-any
  return (await postSigned(url, body, privateKey)).json();
}
