/**
 * What the SQLite and PostgreSQL workspace and channel repositories share: their rows, read into
 * records the same way (instants through the store's `ReadInstant`, see instants.ts).
 */
import type { Platform } from '../core/ports.js';
import type { Channel, Workspace } from '../core/store/records.js';
import type { ReadInstant } from './instants.js';
import { readSettings } from './row-json.js';

export interface WorkspaceRow<I> {
  id: number;
  platform: Platform;
  external_id: string;
  name: string | null;
  created_at: I;
}
export interface ChannelRow<I> {
  id: number;
  workspace_id: number;
  external_id: string;
  name: string | null;
  settings: string;
  created_at: I;
}

export const workspaceOf = <I>(r: WorkspaceRow<I>, instant: ReadInstant<I>): Workspace => ({
  id: r.id,
  platform: r.platform,
  externalId: r.external_id,
  name: r.name,
  createdAt: instant(r.created_at),
});

export const channelOf = <I>(r: ChannelRow<I>, instant: ReadInstant<I>): Channel => ({
  id: r.id,
  workspaceId: r.workspace_id,
  externalId: r.external_id,
  name: r.name,
  settings: readSettings(r.id, r.settings),
  createdAt: instant(r.created_at),
});
