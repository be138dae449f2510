import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRoleTarget } from '../../src/core/admin/role-target.js';
import { tempDatabase } from '../scheduler/helpers.js';
import { openHarness, textArticle, textOf, where, type Harness } from '../schedules/harness.js';

const dbs: ReturnType<typeof tempDatabase>[] = [];
const open: Harness[] = [];
let h: Harness;
async function harness(): Promise<Harness> {
  const db = tempDatabase();
  dbs.push(db);
  const opened = await openHarness(db);
  open.push(opened);
  return opened;
}
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  for (const x of open.splice(0)) await x.close();
  for (const db of dbs.splice(0)) db.cleanup();
});

const auditOf = async (x: Harness, n = 20) => {
  const ws = await x.store.workspaces.find('discord', 'g1');
  return ws ? x.store.audit.list(ws.id, n) : [];
};
/** JSON as a text adapter needs it inside single quotes (what /config export prints). */
const oneWord = (doc: unknown): string => `'${JSON.stringify(doc).replace(/'/g, '\\u0027')}'`;

describe('admin access', () => {
  it('refuses members and moderators from admin commands, naming the level they need', async () => {
    for (const [line, label] of [
      ['/channel settings', '/channel settings'],
      ['/channel set format full', '/channel set'],
      ['/roles list', '/roles list'],
      ['/config export', '/config export'],
      ['/audit', '/audit'],
    ] as const) {
      for (const level of ['member', 'moderator'] as const) {
        const r = await h.run(line, { level });
        expect(r.code).toBe('permission_denied');
        expect(r.title).toBe(`${label} needs admin access; you have ${level} access.`);
      }
    }
    expect(await auditOf(h)).toEqual([]);
  });
});

describe('/channel', () => {
  it('shows and changes settings, validating each and auditing before/after', async () => {
    const shown = await h.run('/channel settings');
    expect(shown.ephemeral).toBe(true);
    expect(textOf(shown)).toContain('"name":"Time zone","value":"UTC"');
    expect((await h.run('/channel set timezone europe/berlin')).kind).toBe('answer');
    const badZone = await h.run('/channel set timezone Berlin');
    expect(badZone.code).toBe('bad_input');
    expect(textOf(badZone)).toContain('such as \\"Europe/Paris\\"');
    const badFormat = await h.run('/channel set format huge');
    expect(textOf(badFormat)).toContain('Use one of: compact, full, e.g. /channel set format compact.');
    expect((await h.run('/channel set format full')).kind).toBe('answer');
    const settings = (await h.store.channels.find(where()))!.settings;
    expect(settings).toMatchObject({ timezone: 'Europe/Berlin', digestFormat: 'full' });
    expect((await auditOf(h)).map((e) => [e.action, e.target, e.before, e.after])).toEqual([
      ['channel.set', 'format', { digestFormat: 'compact' }, { digestFormat: 'full' }],
      ['channel.set', 'timezone', { timezone: 'UTC' }, { timezone: 'Europe/Berlin' }],
    ]);
  });

  it('sets the current article only to one that exists, and back to the newest with "latest"', async () => {
    const a = textArticle(
      'Harbour bridge reopens after repairs\n\nThe harbour bridge reopened on Monday after two years of repairs.',
    );
    h.library.add(a);
    const missing = await h.run('/channel set article no such story');
    expect(missing.code).toBe('not_found');
    expect(missing.title).toBe('No article matches "no such story".');
    const set = await h.run('/channel set article harbour bridge');
    expect(textOf(set)).toContain(`Harbour bridge reopens after repairs (${a.id.slice(0, 12)})`);
    expect((await h.store.channels.find(where()))!.settings.currentArticleId).toBe(a.id);
    await h.run('/channel set article latest');
    expect((await h.store.channels.find(where()))!.settings.currentArticleId).toBeNull();
  });
});

describe('/roles', () => {
  it('reads Discord and Slack mentions and raw ids', () => {
    expect(parseRoleTarget('<@&112233445566>', 'discord')).toEqual({
      ok: true,
      value: { kind: 'role', externalId: '112233445566' },
    });
    expect(parseRoleTarget('<@!998877665544>', 'discord')).toEqual({
      ok: true,
      value: { kind: 'user', externalId: '998877665544' },
    });
    expect(parseRoleTarget('112233445566', 'discord')).toMatchObject({ value: { kind: 'role' } });
    expect(parseRoleTarget('<!subteam^S0ABCDEF|@editors>', 'slack')).toEqual({
      ok: true,
      value: { kind: 'usergroup', externalId: 'S0ABCDEF' },
    });
    expect(parseRoleTarget('<@U0ABCDEF|alex>', 'slack')).toEqual({
      ok: true,
      value: { kind: 'user', externalId: 'U0ABCDEF' },
    });
    expect(parseRoleTarget('U0ABCDEF', 'slack')).toMatchObject({ value: { kind: 'user' } });
    expect(parseRoleTarget('user:alex', 'shell')).toMatchObject({ value: { kind: 'user', externalId: 'alex' } });
    const bad = parseRoleTarget('@editors', 'discord');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.hint).toContain('Mention a role');
  });

  it('refuses everyone-mentions rather than granting a level to the whole channel', async () => {
    for (const t of ['@everyone', '@here', '<!channel>', '<!here|here>', 'everyone']) {
      for (const platform of ['shell', 'discord', 'slack'] as const) {
        const r = parseRoleTarget(t, platform);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error.message).toContain('means everyone in the channel');
      }
    }
    expect((await h.run('/roles moderator add @everyone')).code).toBe('bad_input');
  });

  it('takes its add/remove action in any case', async () => {
    expect((await h.run('/roles moderator ADD user:casey')).title).toBe('User casey now has moderator access.');
    expect((await h.run('/roles moderator Remove user:casey')).title).toBe(
      'User casey no longer has moderator access from Herald.',
    );
  });

  it('grants moderator access to a role, which then lets a member schedule; removes it again', async () => {
    const asMember = { level: 'member' as const, user: 'u-ed', roleIds: ['112233445566'] };
    expect((await h.run('/schedule add 0 9 * * *', asMember)).code).toBe('permission_denied');
    const added = await h.run('/roles moderator add <@&112233445566>');
    expect(added.title).toBe('Role 112233445566 now has moderator access.');
    expect((await h.run('/roles moderator add <@&112233445566>')).title).toBe(
      'Role 112233445566 already has moderator access.',
    );
    expect((await h.run('/schedule add 0 9 * * *', asMember)).title).toBe('Schedule #1 added.');
    expect((await h.run('/channel settings', asMember)).code).toBe('permission_denied');
    expect(textOf(await h.run('/roles list'))).toContain('moderator: role 112233445566 (added by u-mod)');
    expect((await h.run('/roles moderator remove 112233445566')).title).toBe(
      'Role 112233445566 no longer has moderator access from Herald.',
    );
    expect((await h.run('/schedule pause 1', asMember)).code).toBe('permission_denied');
    expect((await auditOf(h)).map((e) => e.action)).toEqual(['roles.remove', 'schedule.add', 'roles.add']);
    expect((await h.run('/roles admin add @someone')).code).toBe('bad_input');
  });
});

describe('/audit', () => {
  it('lists recent actions newest first: who, what, when, before and after', async () => {
    await h.run('/channel set format full', { user: 'U-ADMIN' });
    await h.run('/schedule add 0 9 * * *', { level: 'moderator', user: 'U-MOD' });
    const r = await h.run('/audit 1');
    expect(r.title).toBe('Last 1 action');
    expect(textOf(r)).toContain('schedule.add schedule 1');
    expect(textOf(r)).toContain('U-MOD, ');
    const all = await h.run('/audit');
    expect(textOf(all)).toContain('{\\"digestFormat\\":\\"compact\\"}');
    expect(textOf(all)).toContain('{\\"digestFormat\\":\\"full\\"}');
  });
});

/** The JSON block of a /config export reply. */
const exportedJson = (x: Awaited<ReturnType<Harness['run']>>): string => {
  const i = x.blocks.findIndex((b) => b.type === 'heading' && b.text === 'Configuration (JSON)');
  const block = x.blocks[i + 1];
  if (!block || block.type !== 'text') throw new Error('no JSON block');
  return block.text;
};

async function configure(x: Harness): Promise<void> {
  const c1 = await x.store.channels.ensure(where('c1'), 'news');
  const c2 = await x.store.channels.ensure(where('c2'), 'space');
  const f1 = await x.store.feeds.ensure('https://example.org/world.xml', "World's news");
  const f2 = await x.store.feeds.ensure('https://example.org/space.xml', 'Space');
  await x.store.subscriptions.subscribe(c1.id, f1.id, { include: ['election'], exclude: ['/sport(s)?/i'] });
  await x.store.subscriptions.subscribe(c2.id, f2.id, { include: [], exclude: [] });
  await x.store.subscriptions.subscribe(c2.id, f1.id, { include: ['launch'], exclude: [] });
  await x.run('/channel set timezone Europe/Paris');
  await x.run('/schedule add 0 9 * * 1-5', { level: 'moderator' });
  await x.run('/schedule add 0 18 * * * UTC current-article', { level: 'moderator', channel: 'c2' });
  await x.run('/schedule pause 2', { level: 'moderator', channel: 'c2' });
}

describe('/config', () => {
  it('exports JSON and OPML, and an import into another database recreates the same configuration', async () => {
    await configure(h);
    const exported = await h.run('/config export');
    expect(textOf(exported)).toContain('2 channel(s), 3 feed subscription(s), 2 schedule(s).');
    const json = exportedJson(exported);
    expect(json).not.toContain("'");
    const opml = exported.blocks.at(-1)!;
    expect(opml.type === 'text' && opml.text).toContain(
      '<outline type="rss" text="World&apos;s news" title="World&apos;s news" xmlUrl="https://example.org/world.xml"/>',
    );

    const other = await harness();
    const imported = await other.run(`/config import '${json}'`);
    expect(imported.title).toBe('Configuration imported: 6 change(s).');
    expect(textOf(imported)).toContain('news: + feed https://example.org/world.xml');
    expect(textOf(imported)).toContain('space: + schedule #2 0 18 * * * (UTC) current-article (paused)');
    expect(exportedJson(await other.run('/config export'))).toBe(json);
    // The running scheduler picked the imported schedules up (only the unpaused one runs).
    expect(other.scheduler.groupsInfo()).toEqual([{ cron: '0 9 * * 1-5', timezone: 'Europe/Paris', scheduleIds: [1] }]);
    expect((await auditOf(other)).map((e) => e.action)).toEqual(['config.import']);
    // Importing the same document again changes nothing.
    expect((await other.run(`/config import '${json}'`)).title).toBe(
      'Nothing changed: the workspace already matches this configuration.',
    );
  });

  it('refuses a bad document with every problem listed, changing nothing', async () => {
    await configure(h);
    const before = exportedJson(await h.run('/config export'));
    const auditBefore = await auditOf(h);
    const doc = JSON.parse(before);
    doc.channels[0].settings.timezone = 'Mars/Olympus';
    doc.channels[0].schedules.push({ cron: '0 25 * * *', timezone: 'UTC', kind: 'new-articles' });
    doc.channels[1].feeds[0].filters.include.push('/(x)\\1/');
    doc.channels.push({ channel: 'c9', feeds: [{ url: 'https://example.org/new.xml' }] });
    const r = await h.run(`/config import ${oneWord(doc)}`);
    expect(r.code).toBe('bad_input');
    expect(textOf(r)).toContain('channels.0.settings.timezone: \\"Mars/Olympus\\" is not a time zone');
    expect(textOf(r)).toContain('channels.0.schedules.1.cron:');
    expect(textOf(r)).toContain('channels.1.feeds.0.filters:');
    const schema = await h.run(
      `/config import ${oneWord({ herald: 1, channels: [{ channel: 'c1', feeds: [{ url: 'ftp://x' }], colour: 'red' }] })}`,
    );
    expect(textOf(schema)).toContain('channels.0.feeds.0.url: must be an http or https URL');
    expect(textOf(schema)).toContain('colour');
    expect((await h.run('/config import {not json')).title).toMatch(/^The configuration is not valid JSON/);
    expect(exportedJson(await h.run('/config export'))).toBe(before);
    expect(await auditOf(h)).toEqual(auditBefore);
    expect(await h.store.feeds.findByUrl('https://example.org/new.xml')).toBeNull();
  });

  it('merges by default and, with replace, removes feeds and schedules the document leaves out', async () => {
    await configure(h);
    const doc = {
      herald: 1,
      channels: [{ channel: 'c2', feeds: [{ url: 'https://example.org/space.xml' }], schedules: [] }],
    };
    const merged = await h.run(`/config import ${oneWord(doc)}`);
    expect(merged.title).toMatch(/^Nothing changed/);
    const replaced = await h.run(`/config import replace:true ${oneWord(doc)}`);
    expect(replaced.title).toBe('Configuration imported: 2 change(s).');
    expect(textOf(replaced)).toContain('c2: - feed https://example.org/world.xml');
    expect(textOf(replaced)).toContain('c2: - schedule #2 0 18 * * * (UTC) current-article');
    const c1 = (await h.store.channels.find(where('c1')))!;
    expect(await h.store.subscriptions.listForChannel(c1.id)).toHaveLength(1);
  });
});
