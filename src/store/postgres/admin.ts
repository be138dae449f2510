/** Audit log, role mappings and leases in PostgreSQL. */
import type { Clock } from '../../core/ports.js';
import type { AuditRepository, LeaseRepository, RoleMappingRepository } from '../../core/store/repositories.js';
import { writeAny } from '../row-json.js';
import { changed, iso, one, rows, type Db } from './pool.js';
import { auditOf, roleOf, type AuditRow as SharedAuditRow, type RoleRow as SharedRoleRow } from '../admin-rows.js';

type AuditRow = SharedAuditRow<Date>;
type RoleRow = SharedRoleRow<Date>;
const toAudit = (r: AuditRow) => auditOf(r, iso);
const toRole = (r: RoleRow) => roleOf(r, iso);

export function pgAudit(db: Db, clock: Clock): AuditRepository {
  return {
    append: async (e) =>
      toAudit(
        (await one<AuditRow>(
          db,
          `INSERT INTO audit_log (workspace_id, actor_id, actor_name, action, target, before_json, after_json, at)
           VALUES ($1, $2, $3, $4, $5, $6::json, $7::json, $8) RETURNING *`,
          [
            e.workspaceId,
            e.actorId,
            e.actorName ?? null,
            e.action,
            e.target ?? null,
            writeAny(e.before),
            writeAny(e.after),
            clock.now().toISOString(),
          ],
        ))!,
      ),
    // Ordered by id, not time: two actions in the same millisecond keep the order they happened in.
    list: async (workspaceId, limit) =>
      (
        await rows<AuditRow>(db, 'SELECT * FROM audit_log WHERE workspace_id = $1 ORDER BY id DESC LIMIT $2', [
          workspaceId,
          limit,
        ])
      ).map(toAudit),
  };
}

export function pgRoles(db: Db, clock: Clock): RoleMappingRepository {
  const where = 'workspace_id = $1 AND level = $2 AND kind = $3 AND external_id = $4';
  return {
    add: async (m) => {
      const key = [m.workspaceId, m.level, m.kind, m.externalId];
      const row = await one<RoleRow>(
        db,
        `INSERT INTO role_mappings (workspace_id, level, kind, external_id, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING *`,
        [...key, m.createdBy ?? null, clock.now().toISOString()],
      );
      if (row) return { mapping: toRole(row), created: true };
      return {
        mapping: toRole((await one<RoleRow>(db, `SELECT * FROM role_mappings WHERE ${where}`, key))!),
        created: false,
      };
    },
    remove: async (workspaceId, level, kind, externalId) =>
      (await changed(db, `DELETE FROM role_mappings WHERE ${where}`, [workspaceId, level, kind, externalId])) > 0,
    // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
    list: async (workspaceId) =>
      (
        await rows<RoleRow>(
          db,
          `SELECT * FROM role_mappings WHERE workspace_id = $1
           ORDER BY level COLLATE "C", kind COLLATE "C", external_id COLLATE "C"`,
          [workspaceId],
        )
      ).map(toRole),
  };
}

/** `holder` identifies this store instance (one per process), so two processes never share a lease. */
export function pgLeases(db: Db, holder: string): LeaseRepository {
  return {
    // One row changed = elected: a fresh key inserts; an expired or own lease is taken over; a
    // live lease of another holder makes the WHERE false and nothing changes.
    tryLease: async (key, ttlMs, now) =>
      (await changed(
        db,
        `INSERT INTO leases (key, holder, until_ms) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms
         WHERE leases.until_ms <= $4 OR leases.holder = excluded.holder`,
        [key, holder, now.getTime() + ttlMs, now.getTime()],
      )) === 1,
    release: async (key) => {
      await db.query('DELETE FROM leases WHERE key = $1 AND holder = $2', [key, holder]);
    },
  };
}
