/**
 * Bolt and the WebClient log through `@slack/logger`'s interface; this forwards to Herald's
 * pino logger so there is one log stream with one format.
 */
import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';

export function boltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): SlackLogger {
  let current = level;
  let log = logger.child({ lib: 'slack' });
  const text = (msg: unknown[]) =>
    msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg) => log.debug(text(msg)),
    info: (...msg) => log.info(text(msg)),
    warn: (...msg) => log.warn(text(msg)),
    error: (...msg) => log.error(text(msg)),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: (name) => {
      log = logger.child({ lib: name });
    },
  };
}
