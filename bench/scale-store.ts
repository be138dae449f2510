/**
 * The scale bench's store (bench/scale.bench.ts): SQLite in a temporary directory or a private
 * PostgreSQL schema, the channels, schedules and feeds each phase needs, and dropping the schemas
 * afterwards.
 */
import pg from 'pg';
import type { HeraldStore } from '../src/core/store/repositories.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';

// The bench is a script, not Herald: it reads the same variable CI sets for the PostgreSQL tests.
export const POSTGRES_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
/** The Discord server every seeded Discord channel belongs to. */
export const GUILD = '710000000000000001';

/** One arrangement the bench compares: a store engine and how many Herald processes share it. */
export interface Setup {
  readonly name: string;
  readonly engine: 'sqlite' | 'postgres';
  readonly processes: number;
}

export async function openBenchStore(setup: Setup, dataDir: string, schema: string): Promise<HeraldStore> {
  if (setup.engine === 'sqlite') {
    const opened = openSqliteStore({ dataDir });
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.value;
  }
  const opened = await openPostgresStore({ url: POSTGRES_URL, schema, migrate: 'auto' });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value;
}

export async function dropSchemas(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** `count` channels, half Discord, half Slack, each with a schedule on `cron`; returns their ids. */
export async function seedChannels(store: HeraldStore, cron: string, count: number, k: number, group: number) {
  const ids = { discord: new Set<string>(), slack: new Set<string>() };
  await store.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const discord = i % 2 === 0;
      const channelId = discord
        ? String(820000000000000000n + BigInt(k) * 1_000_000n + BigInt(group) * 100_000n + BigInt(i))
        : `C${k}${group}${String(i).padStart(6, '0')}`;
      (discord ? ids.discord : ids.slack).add(channelId);
      const channel = await tx.channels.ensure({
        platform: discord ? 'discord' : 'slack',
        workspaceId: discord ? GUILD : 'T1',
        channelId,
      });
      await tx.schedules.create({ channelId: channel.id, cron, timezone: 'UTC', kind: 'current-article' });
    }
  });
  return ids;
}

export async function seedFeeds(store: HeraldStore, sinkId: number, prefix: string, count: number): Promise<void> {
  await store.transaction(async (tx) => {
    for (let n = 0; n < count; n++) {
      const feed = await tx.feeds.ensure(`${prefix}/${n}.xml`);
      await tx.subscriptions.subscribe(sinkId, feed.id, { include: [], exclude: [] }, 'bench');
    }
  });
}
