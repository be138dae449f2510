/**
 * pino to stderr: pretty in a terminal, JSON lines otherwise (for log shippers).
 * stdout is left to replies so `herald run ... | jq` stays clean. Tokens and secrets are
 * censored in every line (src/observability/redact.ts).
 */
import pino from 'pino';
import pretty from 'pino-pretty';
import type { Config } from '../config/schema.js';
import type { Logger } from '../core/ports.js';
import { currentRequestId } from '../core/request-context.js';
import { redactingOptions } from '../observability/redact.js';

export type LogLevel = Config['logLevel'];

/** The secret values in a configuration, for the logger to censor wherever they appear. */
export function secretsOf(config: Pick<Config, 'discord' | 'slack'> & Partial<Pick<Config, 'database'>>): string[] {
  // A database URL's password, not the whole URL (host and name are useful in logs).
  const dbPassword = config.database?.url ? safeUrlPassword(config.database.url) : null;
  return [
    dbPassword,
    config.discord?.token,
    config.slack?.botToken,
    config.slack?.signingSecret,
    config.slack?.appToken,
  ].filter((s): s is string => typeof s === 'string');
}

export function createLogger(
  level: LogLevel,
  stderr: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
  secrets: readonly string[] = [],
): Logger {
  const options = {
    level,
    ...redactingOptions(secrets),
    // Every line logged while an invocation is answered carries its request id.
    mixin: () => {
      const reqId = currentRequestId();
      return reqId ? { reqId } : {};
    },
  };
  if (stderr.isTTY) return pino(options, pretty({ destination: stderr, sync: true, colorize: true }));
  return pino(options, stderr);
}

function safeUrlPassword(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url).password) || null;
  } catch {
    return null;
  }
}
