/**
 * A ChannelDirectory for tests that drive commands without a chat platform: every channel of
 * `workspaceId` is Herald's, every other workspace's is refused as the platform adapters refuse
 * it. Tests of the platform answers themselves use the real adapters against the fake servers.
 */
import { channelRefused } from '../../src/core/channels/tenancy.js';
import type { ChannelDirectory } from '../../src/core/ports.js';
import { err, ok } from '../../src/core/result.js';

export function oneWorkspaceDirectory(workspaceId: string): ChannelDirectory & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async check(where) {
      asked.push(where.channelId);
      if (where.workspaceId === workspaceId) return ok({ name: null });
      return err(channelRefused(where, 'other_workspace', `Channel ${where.channelId} belongs to another workspace.`));
    },
  };
}
