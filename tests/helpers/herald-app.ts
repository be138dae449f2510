/**
 * The real app (registry, dispatcher, library, ingest, analysis) on the repository's
 * fixture articles, with a silent logger: what commands see in production.
 */
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { answerLine } from '../../src/adapters/shell/shell.js';
import { renderJson, renderText } from '../../src/adapters/text/render-text.js';
import type { AccessLevel } from '../../src/core/commands/define.js';
import type { Reply } from '../../src/core/reply/types.js';
import { createHerald, type Herald } from '../../src/main.js';
import { testConfig } from './test-config.js';

export const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/articles/${name}`, import.meta.url));

export const SAMPLE = 'xinhua-space-partnership.txt';
export const NASA = [
  'nasa_esa_rosalind_franklin.md',
  'nasa_lunar_terrain_vehicle.md',
  'nasa_mars_sample_return.md',
] as const;

export const PARTNERSHIP_AREAS = {
  name: 'partnership-areas',
  description: 'The areas of the space-exploration partnership named in the article',
  topic: 'partnership areas',
};

export interface TestApp {
  readonly app: Herald;
  reply(line: string, level?: AccessLevel): Promise<Reply>;
  text(line: string, level?: AccessLevel): Promise<string>;
}

/** An app whose current article is `article` (a fixture name), or the bundled sample. */
export async function testApp(article?: string): Promise<TestApp> {
  const built = await createHerald(await testConfig({ listCommands: [PARTNERSHIP_AREAS] }), {
    logger: pino({ level: 'silent' }),
    newRef: () => 'ref00001',
    store: 'memory',
  });
  if (!built.ok) throw new Error(built.error.message);
  const app = built.value;
  if (article) {
    const loaded = await app.load(fixture(article));
    if (!loaded.ok) throw new Error(loaded.error.message);
  }
  const reply = (line: string, level: AccessLevel = 'member') =>
    answerLine(line, {
      dispatcher: app.dispatcher,
      registry: app.registry,
      invoker: { userId: 'test', platformLevel: level },
    });
  return { app, reply, text: async (line, level) => renderText(await reply(line, level)) };
}

/** Everything a reply says, text and data, for "must not contain" checks. */
export const everything = (r: Reply): string => `${renderText(r)}\n${renderJson(r)}`;
