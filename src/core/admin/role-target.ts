/**
 * Reads who an admin means in `/roles ... <role-or-user>`: a platform mention as the client
 * inserts it, or a raw id. Mention syntax is the only place platform spelling reaches the core,
 * and it is plain text the user typed.
 */
import type { Platform } from '../ports.js';
import { err, failure, ok, type Result } from '../result.js';
import type { RoleMappingKind } from '../store/records.js';

export interface RoleTarget {
  readonly kind: RoleMappingKind;
  readonly externalId: string;
}

const EXAMPLES: Record<Platform, string> = {
  discord: 'Mention a role (@Editors) or a user (@alex), or give "role:<id>" / "user:<id>".',
  slack: 'Mention a user group (@editors) or a user (@alex), or give an id like S0123ABCD or U0123ABCD.',
  shell: 'Give a user name, e.g. "alex", or "user:alex".',
};

/** "role 123…", "user group S0123", "user alex": replies are plain text, so no mention syntax. */
export function describeRoleTarget(t: RoleTarget): string {
  return `${t.kind === 'usergroup' ? 'user group' : t.kind} ${t.externalId}`;
}

/** Parses a mention or id for `platform`; a Failure carries an example of what works there. */
export function parseRoleTarget(text: string, platform: Platform): Result<RoleTarget> {
  const t = text.trim();
  const refused = err(failure('bad_input', `"${t}" is not a role, user group or user.`, { hint: EXAMPLES[platform] }));
  // Everyone-mentions would hand the level to every member (and name a user "@everyone" in the shell).
  if (/^(?:@|<!)?(?:everyone|here|channel)(?:\|[^>]*)?>?$/iu.test(t)) {
    return err(
      failure(
        'bad_input',
        `"${t}" means everyone in the channel; Herald grants access to one role, user group or user at a time.`,
        { hint: EXAMPLES[platform] },
      ),
    );
  }
  let m: RegExpExecArray | null;
  if ((m = /^<@&(\d{5,25})>$/.exec(t))) return ok({ kind: 'role', externalId: m[1]! });
  if ((m = /^<!subteam\^([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(t))) return ok({ kind: 'usergroup', externalId: m[1]! });
  if ((m = /^<@!?(\d{5,25})>$/.exec(t))) return ok({ kind: 'user', externalId: m[1]! });
  if ((m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(t))) return ok({ kind: 'user', externalId: m[1]! });
  if ((m = /^(role|user|usergroup):(\S+)$/i.exec(t)))
    return ok({ kind: m[1]!.toLowerCase() as RoleMappingKind, externalId: m[2]! });
  if (platform === 'slack') {
    if (/^S[A-Z0-9]{4,}$/.test(t)) return ok({ kind: 'usergroup', externalId: t });
    if (/^[UW][A-Z0-9]{4,}$/.test(t)) return ok({ kind: 'user', externalId: t });
    return refused;
  }
  // A bare Discord snowflake is most often a role copied from server settings; users are mentioned.
  if (platform === 'discord') return /^\d{5,25}$/.test(t) ? ok({ kind: 'role', externalId: t }) : refused;
  return /^[\w.@-]{1,64}$/.test(t) ? ok({ kind: 'user', externalId: t }) : refused;
}
