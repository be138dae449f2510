/**
 * Small pieces of wording shared by several commands, kept in one place so a digest and
 * /source describe the same article the same way.
 */
import type { Dateline } from '../article/types.js';

/** "HAIKOU, Nov. 21 (Xinhua)" — the dateline as a wire service prints it, or null. */
export function formatDateline(d: Dateline | null): string | null {
  if (!d) return null;
  const head = [d.place, d.date].filter((x): x is string => !!x).join(', ');
  const text = d.source ? `${head} (${d.source})`.trim() : head;
  return text === '' ? null : text;
}

/** Cuts a long sentence at a word boundary, for list items that point at a cited sentence. */
export function clip(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
