/** Dashboard sign-in links and sessions in PostgreSQL; instants as epoch milliseconds, as in SQLite. */
import type { DashboardRepository } from '../../core/store/repositories.js';
import { changed, one, type Db } from './pool.js';
import { linkOf, sessionOf, type LinkRow, type SessionRow } from '../dashboard-rows.js';

export function pgDashboard(db: Db): DashboardRepository {
  return {
    addLink: async (hash, l) => {
      await db.query(
        `INSERT INTO dashboard_links (token_hash, workspace_id, user_id, user_name, platform_level, role_ids, expires_ms)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
        [
          hash,
          l.workspaceId,
          l.userId,
          l.userName,
          l.platformLevel,
          JSON.stringify(l.roleIds),
          Date.parse(l.expiresAt),
        ],
      );
    },
    // One UPDATE decides: of two processes opening the same link, exactly one changes the row.
    takeLink: async (hash, now) => {
      const row = await one<LinkRow>(
        db,
        `UPDATE dashboard_links SET used_ms = $1 WHERE token_hash = $2 AND used_ms IS NULL AND expires_ms > $1 RETURNING *`,
        [now.getTime(), hash],
      );
      return row ? linkOf(row) : null;
    },
    openSession: async (hash, s, now) => {
      await db.query(
        `INSERT INTO dashboard_sessions (id_hash, workspace_id, user_id, user_name, level, csrf, created_ms, last_seen_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
        [hash, s.workspaceId, s.userId, s.userName, s.level, s.csrf, now.getTime()],
      );
    },
    touchSession: async (hash, now, idleMs) => {
      const row = await one<SessionRow>(
        db,
        'UPDATE dashboard_sessions SET last_seen_ms = $1 WHERE id_hash = $2 AND last_seen_ms > $3 RETURNING *',
        [now.getTime(), hash, now.getTime() - idleMs],
      );
      if (row) return sessionOf(row);
      await db.query('DELETE FROM dashboard_sessions WHERE id_hash = $1', [hash]);
      return null;
    },
    closeSession: async (hash) => {
      await db.query('DELETE FROM dashboard_sessions WHERE id_hash = $1', [hash]);
    },
    purge: async (now, idleMs) =>
      (await changed(db, 'DELETE FROM dashboard_links WHERE used_ms IS NOT NULL OR expires_ms <= $1', [
        now.getTime(),
      ])) + (await changed(db, 'DELETE FROM dashboard_sessions WHERE last_seen_ms <= $1', [now.getTime() - idleMs])),
  };
}
