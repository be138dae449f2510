/**
 * The logger a command's lines go to, bound to its invocation (command, platform, channel).
 * Most answers log nothing, so the bound child is made on the first line, not on every request:
 * a real logger's `child()` serialises its bindings each time it is called.
 */
import type { Logger } from '../ports.js';

// The caller's own arguments, passed on as given: a logger may tell `info(o)` from `info(o, undefined)`.
type Line = Parameters<Logger['info']>;

export function lazyChild(parent: Logger, bindings: () => Record<string, unknown>): Logger {
  let bound: Logger | null = null;
  const log = (): Logger => (bound ??= parent.child(bindings()));
  return {
    debug: (...a: Line) => log().debug(...a),
    info: (...a: Line) => log().info(...a),
    warn: (...a: Line) => log().warn(...a),
    error: (...a: Line) => log().error(...a),
    child: (more) => log().child(more),
  };
}
