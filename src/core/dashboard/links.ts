/**
 * What `/dashboard` needs to sign someone in to the web dashboard without OAuth: a single-use link,
 * valid a few minutes, minted for the caller's workspace. `src/dashboard/login.ts` implements it
 * over the store; commands reach it as `ctx.services.dashboard` (docs/dashboard.md).
 */
import type { AccessLevel } from '../commands/define.js';
import type { Invoker, Where } from '../ports.js';
import type { Result } from '../result.js';

export interface MintedLink {
  readonly url: string;
  readonly expiresAt: Date;
  /** What the link would open as now: moderators see schedules, admins everything. */
  readonly level: 'moderator' | 'admin';
}

export interface DashboardLinks {
  /**
   * A fresh link for `invoker` in `where`'s workspace. Failures: permission_denied (members),
   * unavailable (no address to reach the dashboard at).
   */
  mint(where: Where, invoker: Invoker & { readonly level: AccessLevel }): Promise<Result<MintedLink>>;
}
