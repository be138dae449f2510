/**
 * The fake gateway: enough of Discord's WebSocket protocol for a real discord.js Client to
 * log in (HELLO → IDENTIFY → READY → GUILD_CREATE, heartbeats acknowledged) and then
 * receive dispatches the test sends, such as INTERACTION_CREATE.
 * Sharding as Discord does it: IDENTIFY's `shard: [id, count]` names the connection's shard, and
 * a guild's events (GUILD_CREATE included) go only to shard `(guild_id >> 22) % count`; events
 * without a guild (DMs) go to shard 0.
 */
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FakeGateway {
  readonly url: string;
  /** IDENTIFY payloads received (token, intents). */
  readonly identifies: any[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** The guild sent in GUILD_CREATE after READY. */
  readonly guildId: string;
  /** Sends a dispatch event to the connection of the shard that owns its guild (every unsharded one). */
  dispatch(t: string, d: unknown): void;
  /** Dispatches sent so far: event, its guild (null for a DM) and the shard it went to. */
  readonly dispatched: { readonly t: string; readonly guildId: string | null; readonly shard: number }[];
  close(): Promise<void>;
}

export function attachGateway(server: Server, url: string, appId: string): FakeGateway {
  const wss = new WebSocketServer({ server, path: '/gw' });
  /** Each identified connection and its [shard id, shard count]. */
  const identified = new Map<WebSocket, [number, number]>();
  const dispatched: { t: string; guildId: string | null; shard: number }[] = [];
  /** Discord's rule: a guild belongs to shard (guild_id >> 22) % shard_count; a DM to shard 0. */
  const owns = ([id, count]: [number, number], guild: string | null): boolean =>
    guild === null ? id === 0 : Number((BigInt(guild) >> 22n) % BigInt(count)) === id;
  const identifies: unknown[] = [];
  const guildId = '200000000000000002';
  let seq = 0;
  const send = (ws: WebSocket, payload: unknown): void => ws.send(JSON.stringify(payload));

  wss.on('connection', (ws) => {
    send(ws, { op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null });
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
      if (msg.op === 1) send(ws, { op: 11, d: null, s: null, t: null });
      if (msg.op === 2) {
        identifies.push(msg.d);
        const shard: [number, number] = Array.isArray(msg.d?.shard) ? [msg.d.shard[0], msg.d.shard[1]] : [0, 1];
        identified.set(ws, shard);
        const ownGuild = owns(shard, guildId);
        send(ws, {
          op: 0,
          t: 'READY',
          s: ++seq,
          d: {
            v: 10,
            user: { id: appId, username: 'Herald', discriminator: '0', global_name: null, avatar: null, bot: true },
            guilds: ownGuild ? [{ id: guildId, unavailable: true }] : [],
            session_id: 'fake-session',
            resume_gateway_url: url,
            shard,
            application: { id: appId, flags: 0 },
          },
        });
        if (ownGuild)
          send(ws, {
            op: 0,
            t: 'GUILD_CREATE',
            s: ++seq,
            d: {
              id: guildId,
              name: 'Fake Guild',
              owner_id: '1',
              unavailable: false,
              member_count: 1,
              channels: [],
              roles: [],
              members: [],
              emojis: [],
              stickers: [],
              features: [],
              threads: [],
              presences: [],
              voice_states: [],
              stage_instances: [],
              guild_scheduled_events: [],
              soundboard_sounds: [],
            },
          });
      }
    });
    ws.on('close', () => identified.delete(ws));
  });

  return {
    url,
    identifies,
    guildId,
    dispatched,
    dispatch(t, d) {
      // Today's Discord always sends these with an interaction (the docs' older samples lack them,
      // and discord.js 14 requires them).
      const guild = (d as { guild_id?: string }).guild_id;
      const data =
        t === 'INTERACTION_CREATE'
          ? {
              entitlements: [],
              authorizing_integration_owners: guild ? { '0': guild } : {},
              context: guild ? 0 : 1,
              ...(d as object),
            }
          : d;
      for (const [ws, shard] of identified)
        if (owns(shard, guild ?? null)) {
          dispatched.push({ t, guildId: guild ?? null, shard: shard[0] });
          send(ws, { op: 0, t, s: ++seq, d: data });
        }
    },
    close() {
      for (const ws of wss.clients) ws.terminate();
      return new Promise((r) => wss.close(() => r()));
    },
  };
}
