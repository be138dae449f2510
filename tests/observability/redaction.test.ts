/** Tokens and secrets never reach the log, whether in a config object, a header or an error message. */
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { redactingOptions } from '../../src/observability/redact.js';

const SECRETS = {
  discordToken: 'MTA4NzY1NDMyMTA5ODc2NTQzMg.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB',
  slackBotToken: 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx',
  signingSecret: '8f14e45fceea167a5a36dedd4bea2543',
  appToken: 'xapp-1-A0123456789-1234567890123-abcdef0123456789',
};

function capture(secrets: readonly string[]) {
  let out = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      out += String(chunk);
      done();
    },
  });
  return { logger: pino({ level: 'debug', ...redactingOptions(secrets) }, stream), text: () => out };
}

describe('secret redaction in logs', () => {
  it('keeps tokens and secrets out of a logged config, headers and an error that quotes one', () => {
    const { logger, text } = capture(Object.values(SECRETS));
    const config = {
      discord: { token: SECRETS.discordToken, applicationId: '1234567890' },
      slack: { botToken: SECRETS.slackBotToken, signingSecret: SECRETS.signingSecret, appToken: SECRETS.appToken },
    };
    logger.info({ config }, 'starting');
    logger.warn({ headers: { authorization: `Bot ${SECRETS.discordToken}` } }, 'request');
    logger.error({ err: new Error(`invalid_auth for token ${SECRETS.slackBotToken}`) }, 'slack failed');
    logger.error({ detail: `signing secret ${SECRETS.signingSecret} rejected` }, 'verify');
    const logged = text();
    for (const [name, value] of Object.entries(SECRETS)) expect(logged, name).not.toContain(value);
    expect(logged).toContain('[redacted]');
    // What is not secret stays readable.
    expect(logged).toContain('1234567890');
    expect(logged).toContain('slack failed');
  });

  it('censors token-shaped strings even when the value was not configured', () => {
    const { logger, text } = capture([]);
    logger.info({ url: 'https://slack.com/api/auth.test?token=xoxb-9999999999-8888888888-ZzYyXxWwVvUuTtSsRr' }, 'x');
    expect(text()).not.toContain('xoxb-9999999999');
  });
});
