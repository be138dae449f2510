/** Shared set-up for scheduler tests: a real SQLite store in a temp dir and a capturing logger. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, Logger } from '../../src/core/ports.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/index.js';

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly obj: Record<string, unknown>;
  readonly msg: string | undefined;
}

/** A Logger that keeps what it was told, so tests can check a skip was logged. */
export function captureLogger(
  lines: LogLine[] = [],
  bindings: Record<string, unknown> = {},
): Logger & { lines: LogLine[] } {
  const at = (level: LogLine['level']) => (obj: object | string, msg?: string) => {
    const o = typeof obj === 'string' ? {} : (obj as Record<string, unknown>);
    lines.push({ level, obj: { ...bindings, ...o }, msg: typeof obj === 'string' ? obj : msg });
  };
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (b) => captureLogger(lines, { ...bindings, ...b }),
  };
}

/** A temp directory holding one database file; `open` gives a new connection to it each time. */
export function tempDatabase(): { file: string; open: (clock?: Clock) => SqliteStore; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'herald-sched-'));
  const file = join(dir, 'herald.sqlite');
  const opened: SqliteStore[] = [];
  return {
    file,
    // Without a clock the store's follows Date, which vi.useFakeTimers controls (node-cron reads Date too).
    open: (clock = { now: () => new Date() }) => {
      const result = openSqliteStore({ file, clock });
      if (!result.ok) throw new Error(result.error.message);
      opened.push(result.value);
      return result.value;
    },
    cleanup: () => {
      for (const store of opened) void store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
