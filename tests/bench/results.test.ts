import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchReport, benchSection, ratiosOf, writeBenchReport } from '../../bench/results.js';

describe('bench/results.json', () => {
  it('collects declared ratios and figures named like ratios, and nothing else', () => {
    expect(
      ratiosOf({
        name: 'row',
        figures: { 'ratio med': 2.5, 'of allowed': 0.97, 'p99 ms': 4, 'ratio label': 'n/a' },
        ratios: { 'p99 vs bare': 1.4 },
      }),
    ).toEqual({ 'ratio med': 2.5, 'of allowed': 0.97, 'p99 vs bare': 1.4 });
  });

  const dir = mkdtempSync(join(tmpdir(), 'herald-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a report with date, Node version, every row and the count of missed targets', async () => {
    const sections = [
      benchSection('a', 1.5, [
        { name: 'baseline', figures: { ms: 2 } },
        { name: 'subject', figures: { ms: 3 }, ratios: { 'vs baseline': 1.5 }, target: { label: '< 2', met: true } },
      ]),
      benchSection('b', 0.5, [{ name: 'slow', figures: { ms: 9 }, target: { label: '< 5 ms', met: false } }]),
    ];
    const now = new Date('2026-12-01T04:00:00Z');
    const path = join(dir, 'results.json');
    await writeBenchReport(path, benchReport({ now, only: ['a'], seconds: 2, benches: sections }));
    const read = JSON.parse(readFileSync(path, 'utf8'));
    expect(read.date).toBe('2026-12-01T04:00:00.000Z');
    expect(read.node).toBe(process.version);
    expect(read.targetsMissed).toBe(1);
    expect(read.benches.map((b: { title: string }) => b.title)).toEqual(['a', 'b']);
    expect(read.benches[0].results[1]).toEqual({
      name: 'subject',
      figures: { ms: 3 },
      ratios: { 'vs baseline': 1.5 },
      target: { label: '< 2', met: true },
    });
    expect(read.benches[0].results[0].target).toBeNull();
  });
});
