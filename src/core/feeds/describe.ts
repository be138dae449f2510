/**
 * How feeds read in replies: list lines, status fields, failure hints. Pure, so `/feeds`
 * commands stay short and the wording is tested once.
 */
import type { Failure } from '../result.js';
import type { ContentFilters, Feed } from '../store/records.js';

/** "2025-01-06 09:00 UTC", or the fallback for null. */
export function formatInstant(iso: string | null, fallback = 'never'): string {
  if (!iso) return fallback;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function describeFilters(filters: ContentFilters): string | null {
  const parts: string[] = [];
  if (filters.include.length > 0) parts.push(`include: ${filters.include.join(', ')}`);
  if (filters.exclude.length > 0) parts.push(`exclude: ${filters.exclude.join(', ')}`);
  return parts.length > 0 ? parts.join('; ') : null;
}

/** "ok", "ok, with problems (see notes)", "failing (3 in a row)" or "disabled". */
export function feedHealth(feed: Feed): string {
  if (feed.fetch.disabledReason) return 'disabled';
  if (feed.fetch.consecutiveFailures > 0) return `failing (${feed.fetch.consecutiveFailures} in a row)`;
  if (!feed.fetch.lastFetchAt) return 'not fetched yet';
  return feed.fetch.notes.length > 0 ? 'ok, with problems (see notes)' : 'ok';
}

/** One line of `/feeds list`. */
export function feedLine(feed: Feed, filters: ContentFilters): string {
  const filterText = describeFilters(filters);
  return `#${feed.id} ${feed.title ?? '(untitled)'} — ${feed.url} — ${feedHealth(feed)}${filterText ? ` — ${filterText}` : ''}`;
}

/** The fields `/feeds status` shows for one feed. */
export function statusFields(feed: Feed, filters: ContentFilters): { name: string; value: string; inline?: boolean }[] {
  const f = feed.fetch;
  const fields = [
    { name: 'URL', value: feed.url },
    { name: 'State', value: feedHealth(feed), inline: true },
    { name: 'Items seen', value: String(f.itemsSeen), inline: true },
    { name: 'Last fetch', value: formatInstant(f.lastFetchAt), inline: true },
    {
      name: 'Next attempt',
      value: f.disabledReason ? 'none (disabled)' : formatInstant(f.nextAttemptAt, 'at the next poll'),
      inline: true,
    },
    { name: 'Last error', value: f.lastError ?? 'none' },
  ];
  if (f.notes.length > 0)
    fields.push({ name: 'Notes on the last read', value: f.notes.map((n) => `- ${n}`).join('\n') });
  if (f.disabledReason) fields.push({ name: 'Disabled', value: f.disabledReason });
  const filterText = describeFilters(filters);
  if (filterText) fields.push({ name: 'Filters', value: filterText });
  return fields;
}

/** A failure from fetching a feed someone typed, with what to do about it. */
export function feedFailureHint(f: Failure): Failure {
  const hints: Partial<Record<Failure['code'], string>> = {
    url_refused:
      'Herald fetches only public http(s) addresses. A host inside your network must be allowlisted by the operator (feeds.allowlist in config/herald.json).',
    feed_unreachable: 'Check the address in a browser, or try again later.',
    timeout: 'The site is too slow right now; try again later.',
    too_large: 'The feed is larger than Herald accepts; look for a smaller feed (a category feed) on the site.',
    feed_invalid: 'That address does not serve RSS or Atom; look for a link named RSS or Feed on the site.',
  };
  const hint = f.hint ?? hints[f.code];
  return hint ? { ...f, hint } : f;
}
