/**
 * Replays refused across processes (issue 11, Medium 4 with issue 12): two Herald instances on
 * one PostgreSQL schema, each with its own HTTP server, as two processes behind a load balancer.
 * The same signed Slack or Discord request sent to one, then to the other, runs once: the
 * second instance answers 409 because the first recorded the id in the shared table.
 * Skipped without a PostgreSQL server, as the other PostgreSQL tests are.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Herald } from '../../src/main.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/index.js';
import { describePostgres, dropSchema, POSTGRES_URL, schemaName, sqlIn } from '../helpers/postgres.js';
import {
  APP_ID,
  discordSignedHeaders,
  slackSignedHeaders,
  startSignedHerald,
  startSignedPlatforms,
  type SignedPlatforms,
} from '../helpers/signed-endpoints.js';

const schema = schemaName(import.meta.url);
const dataDir = mkdtempSync(join(tmpdir(), 'herald-replay-shared-'));
let platforms: SignedPlatforms;
const heralds: Herald[] = [];
const bases: string[] = [];

async function startOne(n: number): Promise<void> {
  const { herald, base } = await startSignedHerald(platforms, {
    HERALD_DATA_DIR: join(dataDir, String(n)),
    DATABASE_URL: POSTGRES_URL!,
    DATABASE_SCHEMA: schema,
    HERALD_MIGRATE: 'auto',
  });
  heralds.push(herald);
  bases.push(base);
}

describePostgres('the replay guard shared through PostgreSQL', () => {
  beforeAll(async () => {
    platforms = await startSignedPlatforms();
    // One after the other: the first applies the migrations, the second finds them done.
    await startOne(1);
    await startOne(2);
  }, 60_000);

  afterAll(async () => {
    for (const h of heralds.splice(0)) await h.close();
    await platforms?.close();
    await dropSchema(schema);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a signed Slack request sent to one instance, then the other, is refused by the second', async () => {
    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: 'C-shared',
      user_id: 'U1',
      command: '/schedule',
      text: 'list',
      response_url: platforms.slack.responseUrl('shared1'),
      trigger_id: 'trigger-shared1',
    }).toString();
    const headers = slackSignedHeaders(body);
    const first = await fetch(`${bases[0]}/slack/events`, { method: 'POST', headers, body });
    const second = await fetch(`${bases[1]}/slack/events`, { method: 'POST', headers, body });
    expect([first.status, second.status]).toEqual([200, 409]);
  });

  it('a signed Discord interaction sent to one instance, then the other, is refused by the second', async () => {
    const raw = JSON.stringify({ id: '500000000000000901', application_id: APP_ID, type: 1, token: 't', version: 1 });
    const ts = Math.floor(Date.now() / 1000);
    const headers = discordSignedHeaders(raw, platforms.privateKey, ts);
    const first = await fetch(`${bases[1]}/discord/interactions`, { method: 'POST', headers, body: raw });
    const second = await fetch(`${bases[0]}/discord/interactions`, { method: 'POST', headers, body: raw });
    expect([first.status, second.status]).toEqual([200, 409]);
    // A different interaction is not a replay on either instance.
    const other = raw.replace('500000000000000901', '500000000000000902');
    const otherHeaders = discordSignedHeaders(other, platforms.privateKey, ts);
    expect(
      (await fetch(`${bases[0]}/discord/interactions`, { method: 'POST', headers: otherHeaders, body: other })).status,
    ).toBe(200);
  });
});

describePostgres('the PostgreSQL replay guard', () => {
  const own = schemaName(import.meta.url);
  let a: PostgresStore;
  let b: PostgresStore;
  beforeAll(async () => {
    const open = async (): Promise<PostgresStore> => {
      const opened = await openPostgresStore({ url: POSTGRES_URL!, schema: own, migrate: 'auto' });
      if (!opened.ok) throw new Error(opened.error.message);
      return opened.value;
    };
    a = await open();
    b = await open();
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dropSchema(own);
  });

  it('refuses an id either store has seen until it expires, then accepts it again', async () => {
    expect(await a.replayGuard.firstSighting('x', 1_000, 0)).toBe(true);
    expect(await b.replayGuard.firstSighting('x', 1_000, 500)).toBe(false);
    expect(await a.replayGuard.firstSighting('x', 1_000, 999)).toBe(false);
    expect(await b.replayGuard.firstSighting('y', 1_000, 500)).toBe(true);
    // Expired but not yet pruned: the row is taken over, once.
    expect(await b.replayGuard.firstSighting('x', 3_000, 1_000)).toBe(true);
    expect(await a.replayGuard.firstSighting('x', 3_000, 1_500)).toBe(false);
  });

  it('deletes expired rows as it goes, so the table stays bounded', async () => {
    await sqlIn(own, 'DELETE FROM seen_requests');
    for (let i = 0; i < 5; i++) await a.replayGuard.firstSighting(`old${i}`, 10_000, 0);
    // Far past both the expiry and the prune interval: the next check clears the old rows.
    await a.replayGuard.firstSighting('new', 200_000, 100_000);
    const left = await sqlIn(own, 'SELECT id FROM seen_requests ORDER BY id');
    expect(left.rows.map((r: { id: string }) => r.id)).toEqual(['new']);
  });
});
