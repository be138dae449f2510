/**
 * The limits of Slack's app manifest (schema v1) that Herald's manifest touches, as a zod
 * schema, so `herald manifest slack` refuses to print what Slack would refuse to take. Numbers
 * from slackapi/manifest-schema (MIT), schemas/manifest.schema.1.0.0.json.
 */
import { z } from 'zod';

const httpUrl = z
  .string()
  .max(3500)
  .regex(/^https?:\/\//, 'must start with https://');

const slashCommand = z
  .object({
    command: z.string().min(2).max(32, 'at most 32 characters including the /').regex(/^\//, 'must start with /'),
    description: z.string().min(1).max(2000),
    usage_hint: z.string().min(1).max(1000).optional(),
    url: z
      .string()
      .max(3000)
      .regex(/^https?:\/\//)
      .optional(),
    should_escape: z.boolean().optional(),
  })
  .strict();

const scopes = z.array(z.string().max(50)).max(255);

export const slackManifestSchema = z
  .object({
    _metadata: z.object({ major_version: z.literal(1), minor_version: z.number().int().optional() }).strict(),
    display_information: z
      .object({
        name: z.string().min(1).max(35, 'Slack allows at most 35 characters for an app name'),
        description: z.string().min(1).max(140).optional(),
        long_description: z.string().min(175).max(4000).optional(),
        background_color: z
          .string()
          .regex(/^#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?$/)
          .optional(),
      })
      .strict(),
    features: z
      .object({
        bot_user: z
          .object({
            display_name: z.string().min(1).max(80, 'Slack allows at most 80 characters for the bot name'),
            always_online: z.boolean().optional(),
          })
          .strict(),
        slash_commands: z.array(slashCommand).min(1).max(50),
      })
      .strict(),
    oauth_config: z.object({ scopes: z.object({ bot: scopes }).strict() }).strict(),
    settings: z
      .object({
        event_subscriptions: z
          .object({
            request_url: httpUrl.optional(),
            bot_events: z
              .array(z.string().max(50))
              .max(100)
              .refine((a) => new Set(a).size === a.length, 'events must be unique'),
          })
          .strict(),
        interactivity: z.object({ is_enabled: z.boolean(), request_url: httpUrl.optional() }).strict(),
        org_deploy_enabled: z.boolean(),
        socket_mode_enabled: z.boolean(),
        token_rotation_enabled: z.boolean(),
      })
      .strict(),
  })
  .strict();

/** Each way the manifest breaks Slack's rules, as "path: message"; empty when it is valid. */
export function manifestProblems(manifest: unknown): string[] {
  const r = slackManifestSchema.safeParse(manifest);
  if (r.success) return [];
  return r.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}
