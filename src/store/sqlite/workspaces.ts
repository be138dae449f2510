/** Workspaces and channels in SQLite. */
import type { Database } from 'better-sqlite3';
import type { Clock, Platform, Where } from '../../core/ports.js';
import type { Channel, ChannelSettings, Workspace } from '../../core/store/records.js';
import { DEFAULT_CHANNEL_SETTINGS } from '../../core/store/records.js';
import type { ChannelRepository, WorkspaceRepository } from '../../core/store/repositories.js';
import { definedOnly } from '../row-json.js';
import {
  channelOf,
  workspaceOf,
  type ChannelRow as SharedChannelRow,
  type WorkspaceRow as SharedWorkspaceRow,
} from '../workspace-rows.js';
import { isoText } from '../instants.js';

type WorkspaceRow = SharedWorkspaceRow<string>;
type ChannelRow = SharedChannelRow<string>;
const toWorkspace = (r: WorkspaceRow) => workspaceOf(r, isoText);
const toChannel = (r: ChannelRow) => channelOf(r, isoText);

/** Sync core of the workspace repository, shared with the channel repository. */
function workspaceOps(db: Database, clock: Clock) {
  const insert = db.prepare(
    `INSERT INTO workspaces (platform, external_id, name, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (platform, external_id) DO UPDATE SET name = COALESCE(excluded.name, workspaces.name)
     RETURNING *`,
  );
  const byId = db.prepare('SELECT * FROM workspaces WHERE id = ?');
  const byKey = db.prepare('SELECT * FROM workspaces WHERE platform = ? AND external_id = ?');
  return {
    ensure(platform: Platform, externalId: string, name: string | null = null): Workspace {
      return toWorkspace(insert.get(platform, externalId, name, clock.now().toISOString()) as WorkspaceRow);
    },
    get: (id: number) => {
      const row = byId.get(id) as WorkspaceRow | undefined;
      return row ? toWorkspace(row) : null;
    },
    find: (platform: Platform, externalId: string) => {
      const row = byKey.get(platform, externalId) as WorkspaceRow | undefined;
      return row ? toWorkspace(row) : null;
    },
    list: () => (db.prepare('SELECT * FROM workspaces ORDER BY id').all() as WorkspaceRow[]).map(toWorkspace),
  };
}

export function sqliteWorkspaces(db: Database, clock: Clock): WorkspaceRepository {
  const ops = workspaceOps(db, clock);
  return {
    ensure: async (platform, externalId, name) => ops.ensure(platform, externalId, name ?? null),
    get: async (id) => ops.get(id),
    find: async (platform, externalId) => ops.find(platform, externalId),
    list: async () => ops.list(),
  };
}

export function sqliteChannels(db: Database, clock: Clock): ChannelRepository {
  const workspaces = workspaceOps(db, clock);
  const insert = db.prepare(
    `INSERT INTO channels (workspace_id, external_id, name, settings, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (workspace_id, external_id) DO UPDATE SET name = COALESCE(excluded.name, channels.name)
     RETURNING *`,
  );
  const byId = db.prepare('SELECT * FROM channels WHERE id = ?');
  const byWhere = db.prepare(
    `SELECT c.* FROM channels c JOIN workspaces w ON w.id = c.workspace_id
     WHERE w.platform = ? AND w.external_id = ? AND c.external_id = ?`,
  );
  const byWorkspace = db.prepare('SELECT * FROM channels WHERE workspace_id = ? ORDER BY id');
  const setSettings = db.prepare('UPDATE channels SET settings = ? WHERE id = ? RETURNING *');
  const get = (id: number): Channel | null => {
    const row = byId.get(id) as ChannelRow | undefined;
    return row ? toChannel(row) : null;
  };

  // Workspace and channel are created together so a half-made pair never exists.
  const ensure = db.transaction((where: Where, name: string | null): Channel => {
    const workspace = workspaces.ensure(where.platform, where.workspaceId);
    const now = clock.now().toISOString();
    return toChannel(
      insert.get(workspace.id, where.channelId, name, JSON.stringify(DEFAULT_CHANNEL_SETTINGS), now) as ChannelRow,
    );
  });

  return {
    ensure: async (where, name) => ensure(where, name ?? null),
    get: async (id) => get(id),
    find: async (where) => {
      const row = byWhere.get(where.platform, where.workspaceId, where.channelId) as ChannelRow | undefined;
      return row ? toChannel(row) : null;
    },
    listByWorkspace: async (workspaceId) => (byWorkspace.all(workspaceId) as ChannelRow[]).map(toChannel),
    updateSettings: async (id, patch) => {
      const current = get(id);
      if (!current) return null;
      const next: ChannelSettings = { ...current.settings, ...definedOnly(patch) };
      return toChannel(setSettings.get(JSON.stringify(next), id) as ChannelRow);
    },
  };
}
