/**
 * pino to stderr: pretty in a terminal, JSON lines otherwise (for log shippers).
 * stdout is left to replies so `herald run ... | jq` stays clean.
 */
import pino from 'pino';
import pretty from 'pino-pretty';
import type { Config } from '../config/schema.js';
import type { Logger } from '../core/ports.js';

export type LogLevel = Config['logLevel'];

export function createLogger(
  level: LogLevel,
  stderr: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
): Logger {
  if (stderr.isTTY) return pino({ level }, pretty({ destination: stderr, sync: true, colorize: true }));
  return pino({ level }, stderr);
}
