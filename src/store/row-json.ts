/**
 * JSON columns are checked on read where it is cheap: a hand-edited or corrupted row becomes a
 * clear error naming the table and row, not an `undefined` deep inside a digest. Shared by the
 * SQLite and PostgreSQL stores (PostgreSQL hands JSON columns over as text, see postgres/pool.ts).
 */
import { z } from 'zod';
import type { Article } from '../core/article/types.js';
import type { ArticleFacts } from '../core/facts/types.js';
import { ARCHIVE_MINUTES } from '../core/live/settings.js';
import type { ChannelSettings, ContentFilters } from '../core/store/records.js';
import { DEFAULT_CHANNEL_SETTINGS, DIGEST_FORMATS } from '../core/store/records.js';

/** A stored row whose JSON does not have the shape the code expects. */
export class CorruptRowError extends Error {
  constructor(
    readonly table: string,
    readonly rowId: string | number,
    detail: string,
  ) {
    super(`The ${table} row ${rowId} holds JSON of an unexpected shape: ${detail}`);
    this.name = 'CorruptRowError';
  }
}

const filtersSchema = z.object({
  include: z.array(z.string()).default([]),
  exclude: z.array(z.string()).default([]),
});

const feedPostSchema = z.object({
  post: z.enum(['live', 'digest']).default('digest'),
  thread: z.boolean().default(false),
  archiveMinutes: z.union(ARCHIVE_MINUTES.map((m) => z.literal(m))).default(1440),
  tags: z.array(z.string()).default([]),
  mention: z
    .object({ id: z.string(), only: filtersSchema.nullable().default(null) })
    .nullable()
    .default(null),
  template: z.string().nullable().default(null),
  publish: z.boolean().default(false),
  unpublished: z
    .object({ count: z.number().int().min(0), lastAt: z.string() })
    .nullable()
    .default(null),
  baseline: z
    .object({ backfill: z.number().int().min(0) })
    .nullable()
    .default(null),
});

// Missing keys take their defaults so a settings key added later needs no migration.
const settingsSchema = z.object({
  timezone: z.string().min(1).default(DEFAULT_CHANNEL_SETTINGS.timezone),
  digestFormat: z.enum(DIGEST_FORMATS as [string, ...string[]]).default(DEFAULT_CHANNEL_SETTINGS.digestFormat),
  filters: filtersSchema.default({ include: [], exclude: [] }),
  currentArticleId: z.string().nullable().default(null),
  unavailable: z.object({ reason: z.string(), at: z.string() }).nullable().default(null),
  feedPosts: z.record(z.string(), feedPostSchema).default({}),
});

// Articles and facts are large; checking the top-level shape is enough to catch a wrong column.
const articleShape = z.looseObject({
  id: z.string(),
  source: z.looseObject({}),
  paragraphs: z.array(z.unknown()),
  sentences: z.array(z.unknown()),
});
const factsShape = z.looseObject({
  sentences: z.array(z.unknown()),
  people: z.array(z.unknown()),
  summary: z.array(z.unknown()),
});

function parseJson(table: string, rowId: string | number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorruptRowError(table, rowId, (error as Error).message);
  }
}

function check<T>(schema: z.ZodType, table: string, rowId: string | number, text: string): T {
  const parsed = schema.safeParse(parseJson(table, rowId, text));
  if (!parsed.success) throw new CorruptRowError(table, rowId, z.prettifyError(parsed.error));
  return parsed.data as T;
}

export const readSettings = (rowId: number, text: string): ChannelSettings =>
  check<ChannelSettings>(settingsSchema, 'channels', rowId, text);

export const readFilters = (table: string, rowId: number, text: string): ContentFilters =>
  check<ContentFilters>(filtersSchema, table, rowId, text);

export const readArticle = (rowId: string, text: string): Article =>
  check<Article>(articleShape, 'articles', rowId, text);

export const readFacts = (rowId: string, text: string | null): ArticleFacts | null =>
  text === null ? null : check<ArticleFacts>(factsShape, 'articles', rowId, text);

/** Free-form JSON (audit before/after): parsed, not shaped. SQL NULL stays null. */
export const readAny = (table: string, rowId: number, text: string | null): unknown =>
  text === null ? null : parseJson(table, rowId, text);

/** `undefined` is stored as SQL NULL so "no value" and "null" read back the same. */
export const writeAny = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** Drops keys whose value is `undefined` so a patch never erases a setting by accident. */
export function definedOnly<T extends object>(patch: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * A feed's read notes (a JSON list of strings). Notes are advice for `/feeds status`, not data
 * anything depends on, so a damaged value reads as no notes rather than an error.
 */
export function readNotes(json: unknown): string[] {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      return [];
    }
  }
  return Array.isArray(value) ? value.filter((n): n is string => typeof n === 'string') : [];
}
