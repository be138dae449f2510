/** Workspaces and channels in PostgreSQL. */
import type { Clock, Platform } from '../../core/ports.js';
import type { Channel, Workspace } from '../../core/store/records.js';
import { DEFAULT_CHANNEL_SETTINGS } from '../../core/store/records.js';
import type { ChannelRepository, WorkspaceRepository } from '../../core/store/repositories.js';
import { definedOnly, readSettings } from '../row-json.js';
import { iso, one, rows, type Db } from './pool.js';

interface WorkspaceRow {
  id: number;
  platform: Platform;
  external_id: string;
  name: string | null;
  created_at: Date;
}
interface ChannelRow {
  id: number;
  workspace_id: number;
  external_id: string;
  name: string | null;
  settings: string;
  created_at: Date;
}

const toWorkspace = (r: WorkspaceRow): Workspace => ({
  id: r.id,
  platform: r.platform,
  externalId: r.external_id,
  name: r.name,
  createdAt: iso(r.created_at),
});

const toChannel = (r: ChannelRow): Channel => ({
  id: r.id,
  workspaceId: r.workspace_id,
  externalId: r.external_id,
  name: r.name,
  settings: readSettings(r.id, r.settings),
  createdAt: iso(r.created_at),
});

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
