/**
 * What the SQLite and PostgreSQL audit-log and role-mapping repositories share: their rows,
 * read into records the same way (instants through the store's `ReadInstant`, see instants.ts).
 */
import type { AuditEntry, MappedLevel, RoleMapping, RoleMappingKind } from '../core/store/records.js';
import type { ReadInstant } from './instants.js';
import { readAny } from './row-json.js';

export interface AuditRow<I> {
  id: number;
  workspace_id: number;
  actor_id: string;
  actor_name: string | null;
  action: string;
  target: string | null;
  before_json: string | null;
  after_json: string | null;
  at: I;
}
export interface RoleRow<I> {
  id: number;
  workspace_id: number;
  level: MappedLevel;
  kind: RoleMappingKind;
  external_id: string;
  created_by: string | null;
  created_at: I;
}

export const auditOf = <I>(r: AuditRow<I>, instant: ReadInstant<I>): AuditEntry => ({
  id: r.id,
  workspaceId: r.workspace_id,
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  target: r.target,
  before: readAny('audit_log', r.id, r.before_json),
  after: readAny('audit_log', r.id, r.after_json),
  at: instant(r.at),
});

export const roleOf = <I>(r: RoleRow<I>, instant: ReadInstant<I>): RoleMapping => ({
  id: r.id,
  workspaceId: r.workspace_id,
  level: r.level,
  kind: r.kind,
  externalId: r.external_id,
  createdBy: r.created_by,
  createdAt: instant(r.created_at),
});
