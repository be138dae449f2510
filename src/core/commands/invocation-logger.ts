/**
 * The logger a command's lines go to, bound to its invocation (command, platform, channel).
 * Most answers log nothing, so the bound child is made on the first line, not on every request:
 * a real logger's `child()` serialises its bindings each time it is called.
 *
 * A class, not an object of closures: Herald runs through tsx, whose esbuild output names every
 * closure stored under a name with a `__name(fn, …)` call (a property definition), and that ran
 * five times per request.
 */
import type { Logger } from '../ports.js';

// The caller's own arguments, passed on as given: a logger may tell `info(o)` from `info(o, undefined)`.
type Line = Parameters<Logger['info']>;

export class LazyChildLogger implements Logger {
  private bound: Logger | null = null;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: Record<string, unknown>,
  ) {}

  private get log(): Logger {
    return (this.bound ??= this.parent.child(this.bindings));
  }

  debug(...a: Line): void {
    this.log.debug(...a);
  }
  info(...a: Line): void {
    this.log.info(...a);
  }
  warn(...a: Line): void {
    this.log.warn(...a);
  }
  error(...a: Line): void {
    this.log.error(...a);
  }
  child(more: Record<string, unknown>): Logger {
    return this.log.child(more);
  }
}
