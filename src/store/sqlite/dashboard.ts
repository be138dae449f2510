/** Dashboard sign-in links and sessions in SQLite; instants as epoch milliseconds so comparisons are numeric. */
import type { Database } from 'better-sqlite3';
import type { DashboardRepository } from '../../core/store/repositories.js';
import { linkOf, sessionOf, type LinkRow, type SessionRow } from '../dashboard-rows.js';

export function sqliteDashboard(db: Database): DashboardRepository {
  const addLink = db.prepare(
    `INSERT INTO dashboard_links (token_hash, workspace_id, user_id, user_name, platform_level, role_ids, expires_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  // One UPDATE decides: of two processes opening the same link, exactly one changes the row.
  const take = db.prepare(
    `UPDATE dashboard_links SET used_ms = ? WHERE token_hash = ? AND used_ms IS NULL AND expires_ms > ? RETURNING *`,
  );
  const open = db.prepare(
    `INSERT INTO dashboard_sessions (id_hash, workspace_id, user_id, user_name, level, csrf, created_ms, last_seen_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const touch = db.prepare(
    'UPDATE dashboard_sessions SET last_seen_ms = ? WHERE id_hash = ? AND last_seen_ms > ? RETURNING *',
  );
  const close = db.prepare('DELETE FROM dashboard_sessions WHERE id_hash = ?');
  const purgeLinks = db.prepare('DELETE FROM dashboard_links WHERE used_ms IS NOT NULL OR expires_ms <= ?');
  const purgeSessions = db.prepare('DELETE FROM dashboard_sessions WHERE last_seen_ms <= ?');
  return {
    addLink: async (hash, l) => {
      addLink.run(
        hash,
        l.workspaceId,
        l.userId,
        l.userName,
        l.platformLevel,
        JSON.stringify(l.roleIds),
        Date.parse(l.expiresAt),
      );
    },
    takeLink: async (hash, now) => {
      const row = take.get(now.getTime(), hash, now.getTime()) as LinkRow | undefined;
      return row ? linkOf(row) : null;
    },
    openSession: async (hash, s, now) => {
      open.run(hash, s.workspaceId, s.userId, s.userName, s.level, s.csrf, now.getTime(), now.getTime());
    },
    touchSession: async (hash, now, idleMs) => {
      const row = touch.get(now.getTime(), hash, now.getTime() - idleMs) as SessionRow | undefined;
      if (row) return sessionOf(row);
      close.run(hash);
      return null;
    },
    closeSession: async (hash) => {
      close.run(hash);
    },
    purge: async (now, idleMs) =>
      purgeLinks.run(now.getTime()).changes + purgeSessions.run(now.getTime() - idleMs).changes,
  };
}
