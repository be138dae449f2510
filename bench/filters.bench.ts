/**
 * Feed filters on RE2: the pattern that froze the bot on a backtracking engine (`(a+){5}$`
 * against "a"×n + "!") timed against a plain keyword filter on the same text, in the same run.
 * Linear time shows as a ratio that stays flat as n grows, not as an absolute figure.
 */
import { compileFilters, passesFilters, type CompiledFilters } from '../src/core/feeds/filters.js';
import type { BenchResult } from './bench-utils.js';
import { timeInterleaved } from './bench-utils.js';

const compiled = (include: string[]): CompiledFilters => {
  const c = compileFilters({ include, exclude: [] });
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
};

export async function run(): Promise<BenchResult[]> {
  const hostile = compiled(['/(a+){5}$/']);
  const keyword = compiled(['rover']);
  const out: BenchResult[] = [];
  for (const n of [300, 2_000, 8_000]) {
    const text = `${'a'.repeat(n)}!`;
    const [k, h] = timeInterleaved([() => passesFilters(keyword, text), () => passesFilters(hostile, text)], 50);
    const ratio = h!.median / Math.max(k!.median, 0.001);
    out.push({
      name: `/(a+){5}$/ vs keyword on ${n} "a"s + "!"`,
      figures: { 'keyword ms': k!.median, 'regex ms': h!.median, ratio },
      // A freeze took seconds at n = 300; one item must stay well under a millisecond-scale budget.
      target: { label: 'regex < 20 ms an item', met: h!.median < 20 },
    });
  }
  return out;
}
