/** Workspaces and channels in PostgreSQL. */
import type { Clock } from '../../core/ports.js';
import type { Channel } from '../../core/store/records.js';
import { DEFAULT_CHANNEL_SETTINGS } from '../../core/store/records.js';
import type { ChannelRepository, WorkspaceRepository } from '../../core/store/repositories.js';
import { definedOnly } from '../row-json.js';
import { iso, one, rows, type Db } from './pool.js';
import {
  channelOf,
  workspaceOf,
  type ChannelRow as SharedChannelRow,
  type WorkspaceRow as SharedWorkspaceRow,
} from '../workspace-rows.js';

type WorkspaceRow = SharedWorkspaceRow<Date>;
type ChannelRow = SharedChannelRow<Date>;
const toWorkspace = (r: WorkspaceRow) => workspaceOf(r, iso);
const toChannel = (r: ChannelRow) => channelOf(r, iso);

export function pgWorkspaces(db: Db, clock: Clock): WorkspaceRepository {
  return {
    ensure: async (platform, externalId, name) =>
      toWorkspace(
        (await one<WorkspaceRow>(
          db,
          `INSERT INTO workspaces (platform, external_id, name, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (platform, external_id) DO UPDATE SET name = COALESCE(excluded.name, workspaces.name)
           RETURNING *`,
          [platform, externalId, name ?? null, clock.now().toISOString()],
        ))!,
      ),
    get: async (id) => {
      const row = await one<WorkspaceRow>(db, 'SELECT * FROM workspaces WHERE id = $1', [id]);
      return row ? toWorkspace(row) : null;
    },
    find: async (platform, externalId) => {
      const row = await one<WorkspaceRow>(db, 'SELECT * FROM workspaces WHERE platform = $1 AND external_id = $2', [
        platform,
        externalId,
      ]);
      return row ? toWorkspace(row) : null;
    },
    list: async () => (await rows<WorkspaceRow>(db, 'SELECT * FROM workspaces ORDER BY id')).map(toWorkspace),
  };
}

export function pgChannels(db: Db, clock: Clock): ChannelRepository {
  const get = async (id: number): Promise<Channel | null> => {
    const row = await one<ChannelRow>(db, 'SELECT * FROM channels WHERE id = $1', [id]);
    return row ? toChannel(row) : null;
  };
  return {
    // One statement creates workspace and channel together, so a half-made pair never exists
    // even outside a transaction. The no-op update makes RETURNING give the existing workspace.
    ensure: async (where, name) =>
      toChannel(
        (await one<ChannelRow>(
          db,
          `WITH w AS (
             INSERT INTO workspaces (platform, external_id, created_at) VALUES ($1, $2, $5)
             ON CONFLICT (platform, external_id) DO UPDATE SET name = workspaces.name
             RETURNING id
           )
           INSERT INTO channels (workspace_id, external_id, name, settings, created_at)
           SELECT w.id, $3, $4, $6::jsonb, $5 FROM w
           ON CONFLICT (workspace_id, external_id) DO UPDATE SET name = COALESCE(excluded.name, channels.name)
           RETURNING *`,
          [
            where.platform,
            where.workspaceId,
            where.channelId,
            name ?? null,
            clock.now().toISOString(),
            JSON.stringify(DEFAULT_CHANNEL_SETTINGS),
          ],
        ))!,
      ),
    get,
    find: async (where) => {
      const row = await one<ChannelRow>(
        db,
        `SELECT c.* FROM channels c JOIN workspaces w ON w.id = c.workspace_id
         WHERE w.platform = $1 AND w.external_id = $2 AND c.external_id = $3`,
        [where.platform, where.workspaceId, where.channelId],
      );
      return row ? toChannel(row) : null;
    },
    listByWorkspace: async (workspaceId) =>
      (await rows<ChannelRow>(db, 'SELECT * FROM channels WHERE workspace_id = $1 ORDER BY id', [workspaceId])).map(
        toChannel,
      ),
    // `||` merges the patch in one statement: two processes changing different settings of the
    // same channel at once both keep their change.
    updateSettings: async (id, patch) => {
      const row = await one<ChannelRow>(
        db,
        'UPDATE channels SET settings = settings || $1::jsonb WHERE id = $2 RETURNING *',
        [JSON.stringify(definedOnly(patch)), id],
      );
      return row ? toChannel(row) : null;
    },
  };
}
