/**
 * Discord gateway sharding (DISCORD_SHARDS, DISCORD_SHARD_COUNT): which shards this process runs
 * out of how many. Discord sends a server's events and interactions to shard
 * `(server id >> 22) % count` only, so N processes with disjoint ids share the servers without
 * talking to each other. The checks that need both variables live here; the schema checks each
 * one's shape.
 */

/** Shard ids this process runs and the total across processes. */
export interface DiscordShards {
  readonly ids: readonly number[];
  readonly count: number;
}

export type ShardChoice =
  | { readonly kind: 'ok'; readonly shards: DiscordShards | null }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

export function discordShards(
  e: { readonly DISCORD_SHARDS?: string | undefined; readonly DISCORD_SHARD_COUNT?: string | undefined },
  mode: 'gateway' | 'http' | null,
): ShardChoice {
  const rawIds = e.DISCORD_SHARDS?.trim();
  const count = e.DISCORD_SHARD_COUNT === undefined ? null : Number(e.DISCORD_SHARD_COUNT);
  if (!rawIds && count === null) return { kind: 'ok', shards: null };
  // A malformed value is the schema's to report; nothing more to say here.
  if (count !== null && !(Number.isInteger(count) && count >= 1)) return { kind: 'ok', shards: null };
  if (rawIds && !/^\d+(\s*,\s*\d+)*$/.test(rawIds)) return { kind: 'ok', shards: null };
  const problems: string[] = [];
  if (mode !== 'gateway')
    problems.push(
      'DISCORD_SHARDS / DISCORD_SHARD_COUNT: shards are for the Discord gateway (HERALD_DISCORD_MODE=gateway); HTTP interactions need none, any process behind the load balancer answers any server',
    );
  if (count === null) {
    problems.push('DISCORD_SHARDS: set DISCORD_SHARD_COUNT too, the total number of shards across all processes');
    return { kind: 'invalid', problems };
  }
  const ids = rawIds ? rawIds.split(',').map((x) => Number(x.trim())) : Array.from({ length: count }, (_, i) => i);
  const tooBig = ids.filter((id) => id >= count);
  if (tooBig.length)
    problems.push(`DISCORD_SHARDS: ${tooBig.join(', ')} not below DISCORD_SHARD_COUNT=${count} (ids run from 0)`);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length) problems.push(`DISCORD_SHARDS: ${[...new Set(twice)].join(', ')} listed twice`);
  if (problems.length) return { kind: 'invalid', problems };
  return { kind: 'ok', shards: { ids: [...ids].sort((a, b) => a - b), count } };
}
