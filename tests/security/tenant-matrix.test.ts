/**
 * The tenant matrix (issue 11, "What to build"): generated from the command declarations in
 * commands/, so a new command or subcommand is covered the day it is declared. For every command:
 * - run by an admin of guild A with guild B's ids (B's schedule, B's feed, B's article, B's channel
 *   in an import), it changes nothing of B's and shows nothing of B's;
 * - run by a member, a moderator and an admin of A with A's own ids, a level below the declared
 *   access is refused with permission_denied and changes nothing; a level at or above it is not.
 * The composition root runs it (real SQLite store, real channel checks against the fake Discord).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCommands } from '../../commands/index.js';
import { loadConfig } from '../../src/config/load.js';
import { exportConfig } from '../../src/core/admin/config-doc.js';
import {
  ACCESS_ORDER,
  ACCESS_RANK,
  effectiveOptions,
  type AccessLevel,
  type CommandDefinition,
  type Subcommand,
} from '../../src/core/commands/define.js';
import { parseCommandLine } from '../../src/core/commands/parse-text.js';
import type { Logger, Where } from '../../src/core/ports.js';
import type { Reply } from '../../src/core/reply/types.js';
import { BUNDLED_SAMPLE_PATH, createHerald, type Herald } from '../../src/main.js';
import { startFakeDiscord, type FakeDiscord } from '../discord/fake-discord/server.js';
import { textArticle } from '../schedules/harness.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };
const A: Where = { platform: 'discord', workspaceId: '310000000000000001', channelId: '410000000000000001' };
const B: Where = { platform: 'discord', workspaceId: '310000000000000002', channelId: '410000000000000002' };
const B_SECRETS = {
  feed: 'https://private-b.example/members-only.xml',
  title: 'Guild B confidential merger memo',
  cron: '17 3 * * *',
};

interface Ids {
  readonly schedule: string;
  readonly feed: string;
  readonly article: string;
  readonly channel: string;
}

/** One row of the matrix: a command (and subcommand) with its declared access and options. */
interface Row {
  readonly label: string;
  readonly command: string;
  readonly subcommand: string | null;
  readonly access: AccessLevel;
  readonly example: string | null;
  readonly options: ReturnType<typeof effectiveOptions>;
}

function rows(commands: readonly CommandDefinition[]): Row[] {
  const out: Row[] = [];
  for (const c of commands) {
    const subs: [string | null, Subcommand | undefined][] =
      c.kind === 'group' ? Object.entries(c.subcommands) : [[null, undefined]];
    for (const [name, sub] of subs) {
      const decl = (sub ?? c) as { access?: AccessLevel; examples?: readonly string[] };
      out.push({
        label: `/${c.name}${name ? ` ${name}` : ''}`,
        command: c.name,
        subcommand: name,
        access: decl.access ?? c.access,
        example: decl.examples?.[0] ?? null,
        options: effectiveOptions(c, sub),
      });
    }
  }
  return out;
}

/** The row's arguments: its example's, else each required option filled; ids pointing at `ids`. */
function argsFor(herald: Herald, row: Row, ids: Ids): Record<string, unknown> {
  let args: Record<string, unknown> = {};
  if (row.example) {
    const parsed = parseCommandLine(row.example, herald.registry);
    if (parsed.ok) args = { ...parsed.value.args };
  }
  for (const [name, o] of Object.entries(row.options)) {
    const ac = 'autocomplete' in o ? o.autocomplete : undefined;
    if (ac === 'schedules') args[name] = ids.schedule;
    else if (ac === 'feeds') args[name] = ids.feed;
    else if (name === 'article') args[name] = ids.article;
    else if (args[name] === undefined && o.required)
      args[name] =
        o.type === 'integer' ? 1 : o.type === 'boolean' ? false : (('choices' in o && o.choices?.[0]) ?? 'x');
  }
  const setting = row.options['setting'];
  if (setting && 'choices' in setting && setting.choices?.includes('article'))
    Object.assign(args, { setting: 'article', value: ids.article });
  if ('json' in row.options)
    args['json'] = JSON.stringify({
      herald: 1,
      channels: [
        {
          channel: ids.channel,
          settings: { article: ids.article },
          feeds: [{ url: 'https://public.example/feed.xml' }],
          schedules: [{ cron: '0 9 * * *', timezone: 'UTC', kind: 'new-articles', paused: false }],
        },
      ],
    });
  return args;
}

const dataDir = mkdtempSync(join(tmpdir(), 'herald-matrix-'));
let discord: FakeDiscord;
let herald: Herald;
let idsA: Ids;
let idsB: Ids;

async function seed(where: Where, secrets: { feed: string; title: string; cron: string }): Promise<Ids> {
  const { store } = herald;
  const channel = await store.channels.ensure(where);
  const feed = await store.feeds.ensure(secrets.feed, `${secrets.title} feed`);
  await store.subscriptions.subscribe(channel.id, feed.id, { include: [], exclude: [] });
  // Each workspace's story has its own body: an article's id is a hash of its text, so two
  // identical bodies would be one story received by both workspaces (readable by both, rightly).
  const a = textArticle(
    `${secrets.title}\n\nThe memo about ${secrets.title} says the merger closes on Friday, said Dana Whitfield.`,
  );
  const inserted = await store.articles.insert({ article: a.article, feedId: feed.id });
  await store.articles.markReceived(channel.id, inserted.id, new Date());
  const schedule = await store.schedules.create({
    channelId: channel.id,
    cron: secrets.cron,
    timezone: 'UTC',
    kind: 'new-articles',
  });
  return { schedule: String(schedule.id), feed: String(feed.id), article: inserted.id, channel: where.channelId };
}

/** Everything of a workspace a command could change. */
async function snapshot(where: Where): Promise<string> {
  const ws = await herald.store.workspaces.find(where.platform, where.workspaceId);
  if (!ws) return 'none';
  const audit = await herald.store.audit.list(ws.id, 1000);
  const roles = await herald.store.roles.list(ws.id);
  return JSON.stringify([await exportConfig(herald.store, ws), audit.length, roles]);
}

function run(row: Row, where: Where, level: AccessLevel, args: Record<string, unknown>): Promise<Reply> {
  return herald.dispatcher.dispatch({
    command: row.command,
    subcommand: row.subcommand,
    args,
    invoker: { userId: `u-${level}`, platformLevel: level },
    where,
  });
}

beforeAll(async () => {
  discord = await startFakeDiscord();
  discord.channelGuilds.set(A.channelId, A.workspaceId);
  discord.channelGuilds.set(B.channelId, B.workspaceId);
  const loaded = await loadConfig({
    env: {
      HERALD_DATA_DIR: dataDir,
      HERALD_SAMPLE_ARTICLE: BUNDLED_SAMPLE_PATH,
      DISCORD_TOKEN: 'discord-token',
      DISCORD_API_URL: discord.api,
    },
    file: {},
  });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const o = await createHerald(loaded.value, { logger: quiet });
  if (!o.ok) throw new Error(o.error.message);
  herald = o.value;
  idsB = await seed(B, B_SECRETS);
  idsA = await seed(A, { feed: 'https://public-a.example/news.xml', title: 'Guild A town news', cron: '0 8 * * *' });
}, 30_000);

afterAll(async () => {
  await herald?.close();
  await discord?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const matrix = rows(builtinCommands);

describe('the matrix covers every declared command', () => {
  it('has a row for every command and subcommand in commands/', () => {
    const declared = builtinCommands.reduce(
      (n, c) => n + (c.kind === 'group' ? Object.keys(c.subcommands).length : 1),
      0,
    );
    expect(matrix).toHaveLength(declared);
    expect(matrix.length).toBeGreaterThan(20);
  });
});

describe("an admin of guild A with guild B's ids changes and sees nothing of B's", () => {
  it.each(matrix.map((r) => [r.label, r] as const))('%s', async (_label, row) => {
    const before = await snapshot(B);
    const reply = await run(row, A, 'admin', argsFor(herald, row, idsB));
    expect(reply.code, JSON.stringify(reply)).not.toBe('internal');
    expect(await snapshot(B)).toBe(before);
    const shown = JSON.stringify(reply);
    for (const secret of Object.values(B_SECRETS)) expect(shown).not.toContain(secret);
  });
});

describe('member, moderator and admin of A: below the declared access refused, changing nothing', () => {
  const cases = matrix.flatMap((r) => ACCESS_ORDER.map((level) => [`${r.label} as ${level}`, r, level] as const));
  it.each(cases)('%s', async (_label, row, level) => {
    const before = await snapshot(A);
    const reply = await run(row, A, level, argsFor(herald, row, idsA));
    expect(reply.code, JSON.stringify(reply)).not.toBe('internal');
    if (ACCESS_RANK[level] < ACCESS_RANK[row.access]) {
      expect(reply.code).toBe('permission_denied');
      expect(await snapshot(A)).toBe(before);
    } else expect(reply.code).not.toBe('permission_denied');
  });
});
