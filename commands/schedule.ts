/**
 * /schedule: moderators schedule the channel's digests; members may see them and when they run.
 * The cron scheduler does the timing (ctx.services.schedules) and the use cases live in
 * src/core/admin/schedule-actions.ts; this module only parses and talks.
 */
import { addSchedule, changeSchedule, type ScheduleVerb } from '../src/core/admin/schedule-actions.js';
import { channelSchedule, describeSchedule, nextRunsText } from '../src/core/admin/schedules.js';
import { channelScope } from '../src/core/admin/scope.js';
import { unavailableNotice } from '../src/core/admin/unavailable.js';
import { digestTrouble } from '../src/core/delivery/digest-status.js';
import type { CommandContext } from '../src/core/commands/context.js';
import { defineCommandGroup, defineSubcommand } from '../src/core/commands/define.js';
import { composeScheduledDigest } from '../src/core/digest/index.js';
import { answer, failureReply, info } from '../src/core/reply/build.js';
import type { Block, Reply } from '../src/core/reply/types.js';
import type { Schedule } from '../src/core/store/records.js';

export { scheduleAutocomplete } from '../src/core/admin/schedules.js';

const ID_OPTION = {
  type: 'string',
  required: true,
  description: 'Schedule id (see /schedule list)',
  autocomplete: 'schedules',
} as const;

/** Shared body of remove/pause/resume: the use case acts and audits; this shapes the answer. */
async function change(
  ctx: CommandContext<{ readonly id: string }, 'store' | 'schedules'>,
  verb: ScheduleVerb,
): Promise<Reply> {
  const control = ctx.services.schedules;
  const scope = await channelScope(ctx.services.store, ctx.where);
  const changed = await changeSchedule(control, scope, ctx.invoker, ctx.args.id, verb);
  if (!changed.ok) return failureReply(changed.error);
  const { schedule } = changed.value;
  if (!changed.value.changed) {
    return info(`Schedule #${schedule.id} is already ${verb === 'pause' ? 'paused' : 'running'}.`, [
      { type: 'text', text: describeSchedule(schedule) },
    ]);
  }
  const past = { remove: 'removed', pause: 'paused', resume: 'resumed' }[verb];
  const blocks: Block[] = [{ type: 'text', text: describeSchedule(schedule) }];
  const next =
    verb === 'resume'
      ? nextRunsText(control, schedule, scope.channel.settings.timezone, 1, ctx.services.clock.now())
      : [];
  if (next[0]) blocks.push({ type: 'text', text: `Next run: ${next[0]}` });
  return answer(`Schedule #${schedule.id} ${past}.`, blocks, { ephemeral: true });
}

const CHANGE = ['store', 'schedules'] as const;

export default defineCommandGroup({
  name: 'schedule',
  description: "Schedule this channel's digests",
  access: 'moderator',
  category: 'schedules',
  subcommands: {
    add: defineSubcommand({
      description: 'Post a digest on a cron schedule',
      examples: ['/schedule add 0 9 * * 1-5', '/schedule add 30 17 * * * Europe/Paris current-article'],
      options: {
        cron: {
          type: 'string',
          required: true,
          words: 5,
          description: 'Minute hour day month weekday, e.g. 0 9 * * 1-5 (09:00 on weekdays)',
        },
        timezone: { type: 'string', autocomplete: 'timezones', description: "IANA time zone; default: the channel's" },
        kind: {
          type: 'string',
          choices: ['new-articles', 'current-article'],
          description: 'What to post; default: new-articles',
        },
      },
      needs: ['store', 'schedules'],
      async run(ctx) {
        const control = ctx.services.schedules;
        const scope = await channelScope(ctx.services.store, ctx.where);
        const added = await addSchedule(control, scope, ctx.invoker, ctx.args);
        if (!added.ok) return failureReply(added.error);
        const runs = nextRunsText(control, added.value, scope.channel.settings.timezone, 3, ctx.services.clock.now());
        return answer(
          `Schedule #${added.value.id} added.`,
          [
            { type: 'text', text: describeSchedule(added.value) },
            ...(runs.length > 0 ? [{ type: 'list', ordered: false, title: 'Next runs', items: runs } as const] : []),
          ],
          { ephemeral: true },
        );
      },
    }),
    list: defineSubcommand({
      description: "This channel's schedules",
      access: 'member',
      options: {},
      needs: ['store', 'schedules'],
      async run(ctx) {
        const scope = await channelScope(ctx.services.store, ctx.where);
        const schedules = await scope.store.schedules.listForChannel(scope.channel.id);
        if (schedules.length === 0)
          return info('This channel has no schedules.', [
            { type: 'text', text: 'A moderator can add one: /schedule add 0 9 * * 1-5' },
          ]);
        const zone = scope.channel.settings.timezone;
        const now = ctx.services.clock.now();
        const trouble = await digestTrouble(scope.store.deliveries, scope.channel.id, zone);
        const items = schedules.map((s) => {
          const next = s.paused ? [] : nextRunsText(ctx.services.schedules, s, zone, 1, now);
          const problem = trouble.get(s.id);
          return `${describeSchedule(s)}${next[0] ? ` · next: ${next[0]}` : ''}${problem ? ` · ⚠ ${problem}` : ''}`;
        });
        return answer(
          `${schedules.length} schedule${schedules.length === 1 ? '' : 's'}`,
          [...unavailableNotice(scope.channel), { type: 'list', ordered: false, title: 'Schedules', items }],
          { ephemeral: true },
        );
      },
    }),
    remove: defineSubcommand({
      description: 'Delete a schedule',
      options: { id: ID_OPTION },
      needs: CHANGE,
      run: (ctx) => change(ctx, 'remove'),
    }),
    pause: defineSubcommand({
      description: 'Stop a schedule without deleting it',
      options: { id: ID_OPTION },
      needs: CHANGE,
      run: (ctx) => change(ctx, 'pause'),
    }),
    resume: defineSubcommand({
      description: 'Restart a paused schedule',
      options: { id: ID_OPTION },
      needs: CHANGE,
      run: (ctx) => change(ctx, 'resume'),
    }),
    preview: defineSubcommand({
      description: 'The exact digest a schedule would post now (only you see it)',
      options: { id: ID_OPTION },
      needs: ['store'],
      async run(ctx) {
        const scope = await channelScope(ctx.services.store, ctx.where);
        const schedule = await channelSchedule(scope, ctx.args.id);
        if (!schedule.ok) return failureReply(schedule.error);
        const store = scope.store;
        const composed = await composeScheduledDigest(
          { store, library: ctx.services.library },
          schedule.value,
          ctx.services.clock.now(),
        );
        if (!composed.ok) return failureReply(composed.error);
        const { reply, empty } = composed.value;
        if (!empty) return { ...reply, ephemeral: true };
        return {
          ...reply,
          ephemeral: true,
          blocks: [...reply.blocks, { type: 'text', text: 'Nothing would be posted now: empty digests are skipped.' }],
        };
      },
    }),
    next: defineSubcommand({
      description: "When the schedules run next, in the channel's time zone",
      access: 'member',
      options: { id: { type: 'string', description: 'One schedule id; default: all', autocomplete: 'schedules' } },
      needs: ['store', 'schedules'],
      async run(ctx) {
        const scope = await channelScope(ctx.services.store, ctx.where);
        let schedules: readonly Schedule[];
        if (ctx.args.id) {
          const one = await channelSchedule(scope, ctx.args.id);
          if (!one.ok) return failureReply(one.error);
          schedules = [one.value];
        } else {
          schedules = (await scope.store.schedules.listForChannel(scope.channel.id)).filter((s) => !s.paused);
        }
        if (schedules.length === 0)
          return info('No running schedules in this channel.', [{ type: 'text', text: 'See /schedule list.' }]);
        const zone = scope.channel.settings.timezone;
        const now = ctx.services.clock.now();
        const blocks: Block[] = schedules.map((s) => {
          const runs = s.paused ? [] : nextRunsText(ctx.services.schedules, s, zone, ctx.args.id ? 5 : 3, now);
          return {
            type: 'list',
            ordered: false,
            title: describeSchedule(s),
            items:
              runs.length > 0
                ? runs
                : [s.paused ? 'paused: no runs until resumed' : 'next runs unavailable in this mode'],
          };
        });
        return answer(`Next runs (${zone})`, blocks, { ephemeral: true });
      },
    }),
  },
});
