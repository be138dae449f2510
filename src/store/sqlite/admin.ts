/** Audit log, role mappings and leases in SQLite. */
import type { Database } from 'better-sqlite3';
import type { Clock } from '../../core/ports.js';
import type { AuditRepository, LeaseRepository, RoleMappingRepository } from '../../core/store/repositories.js';
import { writeAny } from '../row-json.js';
import { auditOf, roleOf, type AuditRow as SharedAuditRow, type RoleRow as SharedRoleRow } from '../admin-rows.js';
import { isoText } from '../instants.js';

type AuditRow = SharedAuditRow<string>;
type RoleRow = SharedRoleRow<string>;
const toAudit = (r: AuditRow) => auditOf(r, isoText);
const toRole = (r: RoleRow) => roleOf(r, isoText);

export function sqliteAudit(db: Database, clock: Clock): AuditRepository {
  const insert = db.prepare(
    `INSERT INTO audit_log (workspace_id, actor_id, actor_name, action, target, before_json, after_json, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
  );
  // Ordered by id, not time: two actions in the same millisecond keep the order they happened in.
  const recent = db.prepare('SELECT * FROM audit_log WHERE workspace_id = ? ORDER BY id DESC LIMIT ?');
  return {
    append: async (e) =>
      toAudit(
        insert.get(
          e.workspaceId,
          e.actorId,
          e.actorName ?? null,
          e.action,
          e.target ?? null,
          writeAny(e.before),
          writeAny(e.after),
          clock.now().toISOString(),
        ) as AuditRow,
      ),
    list: async (workspaceId, limit) => (recent.all(workspaceId, limit) as AuditRow[]).map(toAudit),
  };
}

export function sqliteRoles(db: Database, clock: Clock): RoleMappingRepository {
  const insert = db.prepare(
    `INSERT INTO role_mappings (workspace_id, level, kind, external_id, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING *`,
  );
  const find = db.prepare(
    'SELECT * FROM role_mappings WHERE workspace_id = ? AND level = ? AND kind = ? AND external_id = ?',
  );
  const del = db.prepare(
    'DELETE FROM role_mappings WHERE workspace_id = ? AND level = ? AND kind = ? AND external_id = ?',
  );
  const list = db.prepare('SELECT * FROM role_mappings WHERE workspace_id = ? ORDER BY level, kind, external_id');
  return {
    add: async (m) => {
      const key = [m.workspaceId, m.level, m.kind, m.externalId] as const;
      const row = insert.get(...key, m.createdBy ?? null, clock.now().toISOString()) as RoleRow | undefined;
      if (row) return { mapping: toRole(row), created: true };
      return { mapping: toRole(find.get(...key) as RoleRow), created: false };
    },
    remove: async (workspaceId, level, kind, externalId) => del.run(workspaceId, level, kind, externalId).changes > 0,
    list: async (workspaceId) => (list.all(workspaceId) as RoleRow[]).map(toRole),
  };
}

/** `holder` identifies this store instance (one per process), so two processes never share a lease. */
export function sqliteLeases(db: Database, holder: string): LeaseRepository {
  // One row changed = elected: a fresh key inserts; an expired or own lease is taken over;
  // a live lease of another holder makes the WHERE false and nothing changes.
  const take = db.prepare(
    `INSERT INTO leases (key, holder, until_ms) VALUES (@key, @holder, @until)
     ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms
     WHERE leases.until_ms <= @now OR leases.holder = excluded.holder`,
  );
  const release = db.prepare('DELETE FROM leases WHERE key = ? AND holder = ?');
  return {
    tryLease: async (key, ttlMs, now) =>
      take.run({ key, holder, until: now.getTime() + ttlMs, now: now.getTime() }).changes === 1,
    release: async (key) => {
      release.run(key, holder);
    },
  };
}
