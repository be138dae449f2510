/** How the fake Discord reads `allowed_mentions`: who a message pings, and which lists Discord refuses. */

/**
 * Who a message pings, following Discord's rules: `<@&id>` roles, `<@id>` users and
 * @everyone/@here in `content` only (never in embeds), each only when `allowed_mentions` lets it
 * (`parse` names the kind, or `roles`/`users` lists the id); no `allowed_mentions` = parse all.
 */
export function pingsOf(body: any): string[] {
  // eslint-disable-line @typescript-eslint/no-explicit-any
  const content = typeof body?.content === 'string' ? body.content : '';
  const am = body?.allowed_mentions ?? { parse: ['roles', 'users', 'everyone'] };
  const parse: string[] = am.parse ?? [];
  const roles: string[] = am.roles ?? [];
  const users: string[] = am.users ?? [];
  const out: string[] = [];
  for (const m of content.matchAll(/@(everyone|here)/g)) if (parse.includes('everyone')) out.push(`@${m[1]}`);
  for (const m of content.matchAll(/<@&(\d+)>/g))
    if (parse.includes('roles') || roles.includes(m[1]!)) out.push(`role:${m[1]}`);
  for (const m of content.matchAll(/<@!?(\d+)>/g))
    if (parse.includes('users') || users.includes(m[1]!)) out.push(`user:${m[1]}`);
  return out;
}

/** Discord refuses `parse: ['roles']` together with a `roles` list (and the same for users). */
export function badAllowedMentions(body: any): string | null {
  // eslint-disable-line @typescript-eslint/no-explicit-any
  const am = body?.allowed_mentions;
  if (!am) return null;
  if (am.parse?.includes('roles') && am.roles?.length) return 'parse:["roles"] and roles are mutually exclusive';
  if (am.parse?.includes('users') && am.users?.length) return 'parse:["users"] and users are mutually exclusive';
  if ((am.roles?.length ?? 0) > 100) return 'at most 100 roles';
  return null;
}
