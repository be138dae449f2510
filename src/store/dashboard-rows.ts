/**
 * What the SQLite and PostgreSQL dashboard repositories share: their rows (instants as epoch
 * milliseconds in both, so comparisons are numeric), read into records the same way.
 */
import type { DashboardLink, DashboardSession, MappedLevel } from '../core/store/records.js';

export interface LinkRow {
  workspace_id: number;
  user_id: string;
  user_name: string | null;
  platform_level: DashboardLink['platformLevel'];
  role_ids: string;
  expires_ms: number;
}
export interface SessionRow {
  workspace_id: number;
  user_id: string;
  user_name: string | null;
  level: MappedLevel;
  csrf: string;
  created_ms: number;
  last_seen_ms: number;
}

export const linkOf = (r: LinkRow): DashboardLink => ({
  workspaceId: r.workspace_id,
  userId: r.user_id,
  userName: r.user_name,
  platformLevel: r.platform_level,
  roleIds: JSON.parse(r.role_ids) as string[],
  expiresAt: new Date(r.expires_ms).toISOString(),
});

export const sessionOf = (r: SessionRow): DashboardSession => ({
  workspaceId: r.workspace_id,
  userId: r.user_id,
  userName: r.user_name,
  level: r.level,
  csrf: r.csrf,
  createdAt: new Date(r.created_ms).toISOString(),
  lastSeenAt: new Date(r.last_seen_ms).toISOString(),
});
