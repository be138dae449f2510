/**
 * Secrets never reach the logs. Two layers: pino's `redact` censors the fields where tokens live
 * (config objects, request headers, SDK error payloads), and a last pass over each written line
 * replaces the configured secret values and anything shaped like a Slack or Discord token, wherever
 * it hides (an error message quoting a token, a URL with a webhook token).
 */
import type { LoggerOptions } from 'pino';

const SECRET_KEYS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'publicKey',
  'password',
  'authorization',
  'Authorization',
  'cookie',
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'DATABASE_URL',
];

/** Field paths censored by pino: the keys at the top, one and two levels down, and in headers. */
export const REDACT_PATHS: readonly string[] = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  ...SECRET_KEYS.map((k) => `*.*.${k}`),
  ...['headers', 'req.headers', 'err.headers', 'err.config.headers', 'err.request.headers'].flatMap((h) =>
    ['authorization', 'Authorization', 'cookie', 'x-slack-signature'].map((k) => `${h}["${k}"]`),
  ),
];

export const CENSOR = '[redacted]';

/** Slack tokens (xoxb-, xapp-, …), Discord bot tokens, and `Bot <token>` headers. */
const TOKEN_SHAPES = [
  /xox[abposr]-[A-Za-z0-9-]{8,}/g,
  /xapp-[A-Za-z0-9-]{8,}/g,
  /\b[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}\b/g,
  /\b(Bot|Bearer) [A-Za-z0-9._-]{20,}/g,
];

/** Replaces each known secret value and each token-shaped string in `line`. */
export function scrubSecrets(secrets: readonly string[]): (line: string) => string {
  // Short values (a test's "x") would blank out ordinary words; real secrets are long.
  const values = [...new Set(secrets.filter((s) => s.length >= 8))].sort((a, b) => b.length - a.length);
  return (line) => {
    let out = line;
    for (const v of values) if (out.includes(v)) out = out.split(v).join(CENSOR);
    for (const shape of TOKEN_SHAPES) out = out.replace(shape, CENSOR);
    return out;
  };
}

/** pino options that keep `secrets` (and token-shaped text) out of every line. */
export function redactingOptions(secrets: readonly string[]): Pick<LoggerOptions, 'redact' | 'hooks'> {
  const scrub = scrubSecrets(secrets);
  return {
    redact: { paths: [...REDACT_PATHS], censor: CENSOR },
    hooks: { streamWrite: scrub },
  };
}
